export type ChatLanguage = 'fr' | 'en';
export type ChatStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'scheduled' | 'in_progress' | 'verifying' | 'completed' | 'postmortem';
export type ChatImpact = 'none' | 'minor' | 'major' | 'critical';

/** One update as every chat platform gets it. */
export interface ChatMessage {
  title: string;
  /** Plain text with a little Markdown: `**bold**` and `[label](https://…)` are carried over to each platform. */
  text: string;
  status?: ChatStatus;
  impact?: ChatImpact;
  /** The incident's public permalink (http or https). */
  url?: string;
  language: ChatLanguage;
  /** Already formatted in the audience's time zone, e.g. "14 h 30 (heure de Paris)". */
  nextUpdateAt?: string;
  components?: string[];
  /** When the update was published: Discord shows it under the embed. */
  publishedAt?: Date;
}

interface Labels {
  status: string;
  impact: string;
  affected: string;
  nextUpdate: string;
  open: string;
  update: string;
  statuses: Record<ChatStatus, string>;
  impacts: Record<ChatImpact, string>;
}

const labels: Record<ChatLanguage, Labels> = {
  en: {
    status: 'Status',
    impact: 'Impact',
    affected: 'Affected',
    nextUpdate: 'Next update',
    open: 'View incident',
    update: 'Update',
    statuses: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved', scheduled: 'Scheduled', in_progress: 'In progress', verifying: 'Verifying', completed: 'Completed', postmortem: 'Postmortem' },
    impacts: { none: 'none', minor: 'minor', major: 'major', critical: 'critical' },
  },
  fr: {
    status: 'Statut',
    impact: 'Impact',
    affected: 'Services touchés',
    nextUpdate: 'Prochaine mise à jour',
    open: 'Voir l’incident',
    update: 'Mise à jour',
    statuses: { investigating: 'Analyse en cours', identified: 'Cause identifiée', monitoring: 'Sous surveillance', resolved: 'Résolu', scheduled: 'Planifié', in_progress: 'En cours', verifying: 'Vérification', completed: 'Terminé', postmortem: 'Post-mortem' },
    impacts: { none: 'aucun', minor: 'mineur', major: 'majeur', critical: 'critique' },
  },
};

/** Platform limits, in UTF-16 units (never fewer than the platform's own count). */
export const chatLimits = {
  /** Block Kit: header text 150, section text 3000; `text` is the notification fallback. */
  slack: { header: 150, section: 3000, context: 2000, fallback: 3000 },
  /** A Teams message holds about 28 KB: 8000 units stay under it even at 3 UTF-8 bytes each. */
  teams: { title: 500, text: 8000, fact: 1000 },
  /** Embed title 256, description 4096, field name 256 and value 1024, all of an embed 6000. */
  discord: { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, embed: 6000 },
  /** A message holds 32 000 bytes; `text` at most 4096. */
  googleChat: { text: 4096, title: 200, paragraph: 8000, decorated: 1000 },
  /** Mattermost posts hold 16 383 characters by default (4000 on servers before 5.0). */
  mattermost: { text: 4000, title: 256, attachment: 16_000, field: 1000 },
} as const;

export function slackPayload(message: ChatMessage) {
  const { header, section, context, fallback } = chatLimits.slack;
  const l = labels[message.language];
  const elements = [
    ...facts(message).map(({ label, value }) => {
      const name = `*${escapeSlack(label)}${colon(message.language)}* `;
      return `${name}${fit(plain(value), slackStyle, context - name.length)}`;
    }),
    ...(message.url ? [`<${slackUrl(message.url)}|${escapeSlack(l.open)}>`] : []),
  ].map((text) => ({ type: 'mrkdwn', text }));
  return {
    text: fit(plain(headline(message)), slackStyle, fallback),
    blocks: [
      // Block Kit refuses an empty text object.
      ...(message.title.trim() ? [{ type: 'header', text: { type: 'plain_text', text: fit(plain(message.title), slackStyle, header), emoji: true } }] : []),
      ...(message.text.trim() ? [{ type: 'section', text: { type: 'mrkdwn', text: fit(parse(message.text), slackStyle, section) } }] : []),
      ...(elements.length > 0 ? [{ type: 'context', elements }] : []),
    ],
  };
}

/** For a Teams Workflows (Power Automate) "post to a channel when a webhook request is received" flow. */
export function teamsPayload(message: ChatMessage) {
  const { title, text, fact } = chatLimits.teams;
  const l = labels[message.language];
  const rows = facts(message);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          lang: message.language,
          body: [
            ...(message.title.trim() ? [{ type: 'TextBlock', text: fit(plain(message.title), asWritten, title), size: 'Large', weight: 'Bolder', wrap: true, color: teamsColor(message) }] : []),
            ...(message.text.trim() ? [{ type: 'TextBlock', text: fit(parse(message.text), asWritten, text), wrap: true }] : []),
            ...(rows.length > 0 ? [{ type: 'FactSet', facts: rows.map(({ label, value }) => ({ title: label, value: fit(plain(value), asWritten, fact) })) }] : []),
          ],
          ...(message.url ? { actions: [{ type: 'Action.OpenUrl', title: l.open, url: message.url }] } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

export function discordPayload(message: ChatMessage) {
  const limits = chatLimits.discord;
  const title = fit(plain(message.title), asWritten, limits.title);
  const fields = facts(message).map(({ label, value, isShort }) => ({ name: fit(plain(label), asWritten, limits.fieldName), value: fit(plain(value), asWritten, limits.fieldValue), inline: isShort }));
  const used = title.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const description = fit(parse(message.text), asWritten, Math.min(limits.description, limits.embed - used));
  return {
    embeds: [
      {
        ...(title.trim() ? { title } : {}),
        ...(description.trim() ? { description } : {}),
        ...(message.url ? { url: message.url } : {}),
        color: colors[tone(message)],
        ...(fields.length > 0 ? { fields } : {}),
        ...(message.publishedAt ? { timestamp: message.publishedAt.toISOString() } : {}),
      },
    ],
    // Whatever the text says (@everyone, @here, <@&role>), nobody is pinged.
    allowed_mentions: { parse: [] as string[] },
  };
}

export function googleChatPayload(message: ChatMessage) {
  const limits = chatLimits.googleChat;
  const l = labels[message.language];
  const rows = facts(message);
  const widgets = [
    ...rows.map(({ label, value }) => ({ decoratedText: { topLabel: label, text: fit(plain(value), htmlStyle, limits.decorated), wrapText: true } })),
    ...(message.url ? [{ buttonList: { buttons: [{ text: l.open, onClick: { openLink: { url: message.url } } }] } }] : []),
  ];
  return {
    // In a Chat text message `<users/all>` notifies everyone and `<url|label>` makes a link: neither may come from the text.
    text: fit(plain(headline(message).replaceAll('<', '<\u2060')), asWritten, limits.text),
    cardsV2: [
      {
        cardId: 'tocsin-update',
        card: {
          ...(message.title.trim() ? { header: { title: fit(plain(message.title), asWritten, limits.title), ...(message.impact ? { subtitle: `${l.impact}${colon(message.language)} ${l.impacts[message.impact]}` } : {}) } } : {}),
          sections: [
            ...(message.text.trim() ? [{ widgets: [{ textParagraph: { text: fit(parse(message.text), htmlStyle, limits.paragraph) } }] }] : []),
            ...(widgets.length > 0 ? [{ widgets }] : []),
          ],
        },
      },
    ],
  };
}

/** Slack-compatible attachments, which every Mattermost version renders. */
export function mattermostPayload(message: ChatMessage) {
  const limits = chatLimits.mattermost;
  const quiet = withoutChannelMentions;
  return {
    text: fit(plain(quiet(headline(message))), asWritten, limits.text),
    attachments: [
      {
        fallback: fit(plain(quiet(headline(message))), asWritten, limits.text),
        color: `#${colors[tone(message)].toString(16).padStart(6, '0')}`,
        title: fit(plain(quiet(message.title)), asWritten, limits.title),
        ...(message.url ? { title_link: message.url } : {}),
        text: fit(parse(quiet(message.text)), asWritten, limits.attachment),
        fields: facts(message).map(({ label, value, isShort }) => ({ short: isShort, title: label, value: fit(plain(quiet(value)), asWritten, limits.field) })),
      },
    ],
  };
}

// --- what every platform shows -------------------------------------------------------------

interface Fact {
  label: string;
  value: string;
  isShort: boolean;
}

/** The status, impact, affected components and next update, in the message's language. */
function facts(message: ChatMessage): Fact[] {
  // Every payload starts here, so a caller's bad URL is refused before any platform sees it.
  assertUrl(message.url);
  const l = labels[message.language];
  return [
    ...(message.status ? [{ label: l.status, value: l.statuses[message.status], isShort: true }] : []),
    ...(message.impact ? [{ label: l.impact, value: l.impacts[message.impact], isShort: true }] : []),
    ...(message.components && message.components.length > 0 ? [{ label: l.affected, value: message.components.join(', '), isShort: false }] : []),
    ...(message.nextUpdateAt ? [{ label: l.nextUpdate, value: message.nextUpdateAt, isShort: true }] : []),
  ];
}

/** "Resolved: Card payments degraded": one line for notifications. */
function headline(message: ChatMessage): string {
  const l = labels[message.language];
  return `${message.status ? l.statuses[message.status] : l.update}${colon(message.language)} ${message.title}`;
}

/** French typography: a no-break space before the colon. */
function colon(language: ChatLanguage): string {
  return language === 'fr' ? '\u00a0:' : ':';
}

type Tone = 'resolved' | 'maintenance' | ChatImpact;

function tone(message: ChatMessage): Tone {
  switch (message.status) {
    case 'resolved':
    case 'completed':
    case 'postmortem':
      return 'resolved';
    case 'scheduled':
    case 'in_progress':
    case 'verifying':
      return 'maintenance';
    case 'investigating':
    case 'identified':
    case 'monitoring':
    case undefined:
      return message.impact ?? 'none';
  }
}

/** Statuspage's palette, which readers of status pages already know. */
const colors: Record<Tone, number> = { resolved: 0x2fcc66, maintenance: 0x3498db, none: 0x95a5a6, minor: 0xf1c40f, major: 0xe67e22, critical: 0xe74c3c };

function teamsColor(message: ChatMessage): string {
  const colorByTone: Record<Tone, string> = { resolved: 'Good', maintenance: 'Accent', none: 'Default', minor: 'Warning', major: 'Attention', critical: 'Attention' };
  return colorByTone[tone(message)];
}

function assertUrl(url: string | undefined): void {
  if (url === undefined) return;
  if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) throw new TypeError(`The incident URL must be an http(s) URL, not ${JSON.stringify(url)}.`);
}

/** Mattermost notifies a whole channel for these even from a webhook; a word joiner keeps them readable but inert. */
function withoutChannelMentions(text: string): string {
  return text.replace(/@(channel|all|here)\b/gi, '@\u2060$1');
}

// --- Markdown-ish text → each platform's markup, cut to size --------------------------------

type Piece = { kind: 'text'; text: string } | { kind: 'bold'; text: string } | { kind: 'link'; label: string; url: string };

interface Style {
  text(text: string): string;
  bold(text: string): string;
  link(label: string, url: string): string;
}

const inline = /\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

function parse(markdown: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const match of markdown.matchAll(inline)) {
    if (match.index > at) pieces.push({ kind: 'text', text: markdown.slice(at, match.index) });
    pieces.push(match[1] !== undefined ? { kind: 'bold', text: match[1] } : { kind: 'link', label: match[2]!, url: match[3]! });
    at = match.index + match[0].length;
  }
  if (at < markdown.length) pieces.push({ kind: 'text', text: markdown.slice(at) });
  return pieces;
}

function plain(text: string): Piece[] {
  return [{ kind: 'text', text }];
}

// Slack: only &, < and > are control characters; the rest must stay as typed.
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A URL inside Slack's `<url|label>`: `|` would end the URL early. */
function slackUrl(url: string): string {
  return escapeSlack(url).replaceAll('|', '%7C');
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const slackStyle: Style = { text: escapeSlack, bold: (text) => `*${escapeSlack(text)}*`, link: (label, url) => `<${slackUrl(url)}|${escapeSlack(label)}>` };
/** Teams, Discord and Mattermost render Markdown themselves: the text as written. */
const asWritten: Style = { text: (text) => text, bold: (text) => `**${text}**`, link: (label, url) => `[${label}](${url})` };
/** Google Chat card text: a small HTML subset (`<b>`, `<a href>`, `<br>`). */
const htmlStyle: Style = {
  text: (text) => escapeHtml(text).replaceAll('\n', '<br>'),
  bold: (text) => `<b>${escapeHtml(text)}</b>`,
  link: (label, url) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`,
};

const ellipsis = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The pieces in `style`, at most `maxUnits` UTF-16 units. Cut text ends with an ellipsis at a grapheme
 * boundary (never half a surrogate pair, emoji or entity); a link or bold run that does not fit whole
 * keeps its words without the markup, so no half-open `<url|` is left behind.
 */
function fit(pieces: Piece[], style: Style, maxUnits: number): string {
  const rendered = pieces.map((piece) => render(piece, style));
  const whole = rendered.join('');
  if (whole.length <= maxUnits) return whole;
  const room = maxUnits - ellipsis.length;
  let out = '';
  for (const [n, piece] of pieces.entries()) {
    const next = rendered[n]!;
    if (out.length + next.length <= room) {
      out += next;
      continue;
    }
    for (const { segment } of graphemes.segment(piece.kind === 'link' ? piece.label : piece.text)) {
      const escaped = style.text(segment);
      if (out.length + escaped.length > room) break;
      out += escaped;
    }
    break;
  }
  return `${out.trimEnd()}${ellipsis}`;
}

function render(piece: Piece, style: Style): string {
  switch (piece.kind) {
    case 'text':
      return style.text(piece.text);
    case 'bold':
      return style.bold(piece.text);
    case 'link':
      return style.link(piece.label, piece.url);
  }
}
