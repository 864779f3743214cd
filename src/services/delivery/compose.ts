import type { Language } from '../../adapters/db/schema.ts';
import type { MailContent } from '../../adapters/mail/mail.ts';
import { smsLayout } from '../../domain/linter/sms.ts';
import { unsubscribeUrlPlaceholder } from '../../adapters/mail/mail.ts';
import { formatMoment } from '../../domain/message/format.ts';
import { escapeHtml } from '../../status-page/html/escape.ts';
import { renderMarkdown } from '../../status-page/markdown.ts';
import type { ClaimedDelivery } from './claim.ts';
import type { IncidentContent, MaintenanceContent, NoticeContent, PageContent, VariantContent } from './delivery-context.ts';
import type { NoticeText } from '../../domain/maintenance/notices.ts';

const footer = {
  fr: {
    why: (page: string) => `Vous recevez ce message car vous suivez « ${page} ».`,
    follow: 'Suivre l’incident',
    leave: 'Se désabonner ou choisir ce que vous recevez',
    team: 'Message transmis à l’équipe par Tocsin.',
  },
  en: {
    why: (page: string) => `You receive this because you follow “${page}”.`,
    follow: 'Follow the incident',
    leave: 'Unsubscribe or choose what you receive',
    team: 'Sent to the team by Tocsin.',
  },
} as const;

/** Where a subscriber's links lead; the token is theirs alone. */
export function subscriberLinks(publicUrl: string, manageToken: string) {
  const base = `${publicUrl.replace(/\/+$/, '')}/subscriptions/${encodeURIComponent(manageToken)}`;
  return { preferences: base, unsubscribe: `${base}/unsubscribe`, confirm: `${base}/confirm` };
}

/**
 * A subscriber's e-mail for one variant and page: the same for every subscriber of the page, the
 * unsubscribe link filled per recipient. A status-page variant (no e-mail written) takes the
 * incident's name as subject.
 */
export function subscriberMail(variant: VariantContent, incident: IncidentContent | undefined, page: PageContent): MailContent {
  const words = footer[variant.language];
  const incidentUrl = incident ? `${page.url}/incidents/${incident.id}` : page.url;
  const subject = oneLine(variant.subject ?? `[${page.name}] ${incident?.name ?? ''}`);
  const text = `${variant.body}\n\n-- \n${words.why(page.name)}\n${words.follow}: ${incidentUrl}\n${words.leave}: ${unsubscribeUrlPlaceholder}\n`;
  const html = htmlDocument(
    variant.language,
    subject,
    renderMarkdown(variant.body),
    `<p>${escapeHtml(words.why(page.name))}</p><p><a href="${escapeHtml(incidentUrl)}">${escapeHtml(words.follow)}</a> · <a href="${unsubscribeUrlPlaceholder}">${escapeHtml(words.leave)}</a></p>`,
  );
  return { subject, text, html, language: variant.language };
}

/**
 * The SMS for an incident update posted without an SMS variant: the incident, its status and the
 * update's words as plain text, kept to two segments. Typographic dashes, quotes and ellipses
 * become their GSM-7 cousins, so an English text is not sent as UCS-2 (and three times the price)
 * for one apostrophe.
 */
export function updateSms(update: VariantContent): string {
  const text = gsmPunctuation(`${update.subject ?? ''}: ${plainText(update.body)}`);
  const layout = smsLayout(text);
  if (layout.segments <= smsUpdateSegments) return text;
  return `${text.slice(0, layout.segmentStarts[smsUpdateSegments]! - 3).trimEnd()}...`;
}

const smsUpdateSegments = 2;

/** Markdown as a text message reads it: no markup, one paragraph. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Typographic dashes, quotes, ellipses and thin spaces as their GSM-7 cousins: one apostrophe must not make a text UCS-2. */
export function gsmPunctuation(text: string): string {
  // « Panne » reads "Panne": the guillemets' inner spaces go with them.
  return text
    .replace(/«[\u00a0\u202f ]?/g, '"')
    .replace(/[\u00a0\u202f ]?»/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** A support script or an e-mail endpoint's copy: no subscriber links, a line saying where it comes from. */
export function teamMail(variant: VariantContent, incident: IncidentContent | undefined, label: string): MailContent {
  const words = footer[variant.language];
  const subject = oneLine(variant.subject ?? `[${label}] ${incident?.name ?? ''}`);
  const text = `${variant.body}\n\n-- \n${words.team}\n`;
  return { subject, text, html: htmlDocument(variant.language, subject, renderMarkdown(variant.body), `<p>${escapeHtml(words.team)}</p>`), language: variant.language };
}

/** A one-off e-mail (a confirmation) from its payload. */
export function payloadMail(delivery: ClaimedDelivery): MailContent {
  const payload = delivery.payload!;
  const subject = oneLine(payload.subject ?? '');
  const body = payload.markdown ? renderMarkdown(payload.text) : `<p>${escapeHtml(payload.text).replaceAll('\n', '<br>')}</p>`;
  return { subject, text: payload.text, html: htmlDocument(delivery.language, subject, body, ''), language: delivery.language };
}

/** What a chat room shows: the incident as a card, the variant as its text. */
export function chatMessage(variant: VariantContent, incident: IncidentContent | undefined, incidentUrl: string | undefined, timeZone: string, now: Date) {
  return {
    title: incident?.name ?? '',
    text: variant.body,
    language: variant.language,
    ...(incident ? { status: incident.status, impact: incident.impact, components: incident.components } : {}),
    ...(incidentUrl ? { url: incidentUrl } : {}),
    ...(incident?.nextUpdateAt && incident.status !== 'resolved' ? { nextUpdateAt: formatMoment(incident.nextUpdateAt, variant.language, timeZone, now) } : {}),
  };
}

/** What every subscriber webhook starts with, as Statuspage's do: how to leave, and the page. */
function webhookHead(page: PageContent, unsubscribeUrl: string) {
  return {
    meta: { unsubscribe: unsubscribeUrl, documentation: 'https://github.com/tocsin-status/tocsin#webhooks' },
    page: { id: page.id, name: page.name, url: page.url },
  };
}

/**
 * A webhook subscriber's event: the incident and its new update, shaped like Statuspage's
 * incident webhooks (`meta`, `page`, `incident` with `incident_updates`) inside the Standard
 * Webhooks envelope.
 */
export function incidentEvent(variant: VariantContent, incident: IncidentContent, page: PageContent, unsubscribeUrl: string) {
  return {
    type: 'incident.updated',
    payload: {
      ...webhookHead(page, unsubscribeUrl),
      incident: {
        id: incident.id,
        name: incident.name,
        status: incident.status,
        impact: incident.impact,
        shortlink: `${page.url}/incidents/${incident.id}`,
        created_at: incident.createdAt.toISOString(),
        updated_at: incident.updatedAt.toISOString(),
        next_update_at: incident.status === 'resolved' ? null : (incident.nextUpdateAt?.toISOString() ?? null),
        components: incident.components,
        incident_updates: [
          { id: variant.incidentUpdateId, status: incident.status, body: variant.body, language: variant.language, created_at: (variant.publishedAt ?? incident.updatedAt).toISOString() },
        ],
      },
    },
  };
}

const maintenanceFooter = {
  fr: { calendar: 'Voir le calendrier des maintenances', colon: ' : ' },
  en: { calendar: 'See the maintenance calendar', colon: ': ' },
} as const;

/**
 * A subscriber's notice before a maintenance starts: when, what it touches and its latest update,
 * with the footer and unsubscribe link of every subscriber e-mail. Written at send time: "starts in
 * 1 hour" is true when it goes.
 */
export function maintenanceMail(text: NoticeText, maintenance: MaintenanceContent, page: PageContent, language: Language): MailContent {
  const words = { ...footer[language], ...maintenanceFooter[language] };
  const calendarUrl = `${page.url}/maintenances.html`;
  const subject = oneLine(text.subject);
  const update = maintenance.latestUpdate?.body.trim() || null;
  const facts = text.facts.map(([label, value]) => `${label}${words.colon}${value}`).join('\n');
  const body = `${text.intro}\n\n${facts}\n${update ? `\n${text.latestUpdateLabel}${words.colon.trimEnd()}\n${update}\n` : ''}`;
  const html = htmlDocument(
    language,
    subject,
    `<p>${escapeHtml(text.intro)}</p><ul>${text.facts.map(([label, value]) => `<li><strong>${escapeHtml(label)}</strong>${escapeHtml(words.colon)}${escapeHtml(value)}</li>`).join('')}</ul>` +
      (update ? `<p><strong>${escapeHtml(text.latestUpdateLabel)}</strong></p>${renderMarkdown(update)}` : ''),
    `<p>${escapeHtml(words.why(page.name))}</p><p><a href="${escapeHtml(calendarUrl)}">${escapeHtml(words.calendar)}</a> · <a href="${unsubscribeUrlPlaceholder}">${escapeHtml(words.leave)}</a></p>`,
  );
  return { subject, text: `${body}\n-- \n${words.why(page.name)}\n${words.calendar}: ${calendarUrl}\n${words.leave}: ${unsubscribeUrlPlaceholder}\n`, html, language };
}

/** A maintenance notice as a text message: its subject and services, in GSM-7 where it can be, two segments at most. */
export function maintenanceSms(text: NoticeText): string {
  const sms = gsmPunctuation(text.short);
  const layout = smsLayout(sms);
  if (layout.segments <= smsUpdateSegments) return sms;
  return `${sms.slice(0, layout.segmentStarts[smsUpdateSegments]! - 3).trimEnd()}...`;
}

/**
 * A webhook subscriber's notice: the maintenance as Statuspage sends one, an incident with impact
 * `maintenance`, its window and `scheduled_remind_prior`, and which notice this is (`notice.hours`).
 */
export function maintenanceEvent(maintenance: MaintenanceContent, notice: NoticeContent, page: PageContent, unsubscribeUrl: string, now: Date) {
  const update = maintenance.latestUpdate;
  return {
    type: 'maintenance.upcoming',
    payload: {
      ...webhookHead(page, unsubscribeUrl),
      incident: {
        id: maintenance.id,
        name: maintenance.name,
        status: maintenance.status,
        impact: 'maintenance' as const,
        shortlink: `${page.url}/maintenances.html`,
        created_at: maintenance.createdAt.toISOString(),
        updated_at: maintenance.updatedAt.toISOString(),
        scheduled_for: maintenance.scheduledFor.toISOString(),
        scheduled_until: maintenance.scheduledUntil.toISOString(),
        scheduled_remind_prior: true,
        scheduled_reminded_at: now.toISOString(),
        components: maintenance.components,
        incident_updates: update ? [{ id: update.id, status: update.status, body: update.body, created_at: update.displayAt.toISOString() }] : [],
      },
      notice: { hours: notice.hours },
    },
  };
}

function htmlDocument(language: Language, title: string, body: string, foot: string): string {
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em;margin:auto;padding:1em;color:#1a1a1a">${body}` +
    (foot ? `<hr style="border:0;border-top:1px solid #ccc;margin:2em 0 1em"><div style="font-size:.875em;color:#555">${foot}</div>` : '') +
    '</body></html>'
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 250);
}
