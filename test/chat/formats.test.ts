import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chatLimits, discordPayload, googleChatPayload, mattermostPayload, slackPayload, teamsPayload, type ChatMessage } from '../../src/adapters/chat/formats.ts';

const french: ChatMessage = {
  language: 'fr',
  title: 'Paiements par carte dégradés',
  text: 'Depuis 13 h 05, **une partie des paiements** échouent. Détails sur [la page de statut](https://status.example.test/incidents/42?utm=chat&x=1).\nNos équipes rétablissent le service.',
  status: 'identified',
  impact: 'major',
  url: 'https://status.example.test/incidents/42',
  nextUpdateAt: '14 h 30 (heure de Paris)',
  components: ['Paiements', 'API publique'],
  publishedAt: new Date('2025-03-14T13:20:00.000Z'),
};

const english: ChatMessage = {
  language: 'en',
  title: 'Card payments degraded',
  text: 'Since 1:05 pm **some card payments** fail. Details on [the status page](https://status.example.test/incidents/42).',
  status: 'resolved',
  impact: 'minor',
  url: 'https://status.example.test/incidents/42',
  nextUpdateAt: '2:30 pm (Paris time)',
  components: ['Payments'],
};

/** Emoji, flags, accents and markup characters, long enough to overflow every limit. */
const overflowing: ChatMessage = {
  ...french,
  title: `${'Incident 🇫🇷 & <API> '.repeat(40)}👩🏽‍💻`,
  text: `${'Les paiements 💳 échouent & <script>alert(1)</script> **gras** [lien](https://example.test/a|b) @everyone @channel <!channel> <users/all> '.repeat(200)}`,
  components: Array.from({ length: 400 }, (_, n) => `Composant ${n} 🇪🇺`),
  nextUpdateAt: 'demain '.repeat(400),
};

const everyPlatform = [
  ['Slack', slackPayload],
  ['Teams', teamsPayload],
  ['Discord', discordPayload],
  ['Google Chat', googleChatPayload],
  ['Mattermost', mattermostPayload],
] as const;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('chat payloads', () => {
  it('Slack: header, mrkdwn section and context blocks within Block Kit limits, with &, < and > escaped and Markdown turned into mrkdwn', () => {
    const payload = slackPayload({ ...english, title: 'R&D <API> down', text: 'Errors > 5 % & rising <!channel>. See [status](https://status.example.test/i/42?a=1&b=2) and **act now**.' });
    assert.deepEqual(payload.blocks.map((block) => block.type), ['header', 'section', 'context']);
    const [header, section, context] = payload.blocks as [any, any, any];
    assert.deepEqual(header.text, { type: 'plain_text', text: 'R&amp;D &lt;API&gt; down', emoji: true });
    assert.equal(section.text.type, 'mrkdwn');
    assert.equal(section.text.text, 'Errors &gt; 5 % &amp; rising &lt;!channel&gt;. See <https://status.example.test/i/42?a=1&amp;b=2|status> and *act now*.');
    assert.deepEqual(context.elements.map((element: any) => element.text), [
      '*Status:* Resolved',
      '*Impact:* minor',
      '*Affected:* Payments',
      '*Next update:* 2:30 pm (Paris time)',
      '<https://status.example.test/incidents/42|View incident>',
    ]);
    assert.equal(payload.text, 'Resolved: R&amp;D &lt;API&gt; down');
  });

  it('Slack: an overflowing update keeps every block within its limit, and no raw control sequence survives', () => {
    const payload = slackPayload(overflowing);
    assert.ok(payload.blocks.length <= 50);
    for (const block of payload.blocks as any[]) {
      if (block.type === 'header') assert.ok(block.text.text.length <= 150 && block.text.text.endsWith('…'));
      if (block.type === 'section') assert.ok(block.text.text.length <= 3000 && block.text.text.endsWith('…'));
      if (block.type === 'context') {
        assert.ok(block.elements.length <= 10);
        for (const element of block.elements) assert.ok(element.text.length <= chatLimits.slack.context, `${element.text.length}`);
      }
    }
    for (const text of strings(payload)) {
      assert.ok(!/<!|<script|&(?!amp;|lt;|gt;)/.test(text.replace(/<https:[^>]+>/g, '')), text.slice(0, 80));
    }
  });

  it('Teams: an Adaptive Card 1.4 in a Workflows message, with wrapped text blocks, the facts and a link to the incident', () => {
    const payload = teamsPayload(english);
    assert.equal(payload.type, 'message');
    assert.equal(payload.attachments.length, 1);
    const [attachment] = payload.attachments;
    assert.equal(attachment!.contentType, 'application/vnd.microsoft.card.adaptive');
    const card = attachment!.content as any;
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.4');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.deepEqual(card.body.map((element: any) => element.type), ['TextBlock', 'TextBlock', 'FactSet']);
    for (const block of card.body.filter((element: any) => element.type === 'TextBlock')) assert.equal(block.wrap, true);
    assert.equal(card.body[0].text, 'Card payments degraded');
    assert.equal(card.body[0].color, 'Good');
    assert.equal(card.body[1].text, english.text, 'Teams renders the Markdown itself');
    assert.deepEqual(card.body[2].facts, [
      { title: 'Status', value: 'Resolved' },
      { title: 'Impact', value: 'minor' },
      { title: 'Affected', value: 'Payments' },
      { title: 'Next update', value: '2:30 pm (Paris time)' },
    ]);
    assert.deepEqual(card.actions, [{ type: 'Action.OpenUrl', title: 'View incident', url: english.url }]);
    assert.ok(Buffer.byteLength(JSON.stringify(teamsPayload(overflowing))) < 28_000, 'under the 28 KB Teams accepts');
  });

  it('Discord: one embed within the embed limits, coloured by impact, and nobody pinged whatever the text says', () => {
    const payload = discordPayload({ ...french, text: `${french.text} @everyone @here <@&123>` });
    assert.deepEqual(payload.allowed_mentions, { parse: [] });
    assert.equal('content' in payload, false);
    const [embed] = payload.embeds as [any];
    assert.equal(embed.title, french.title);
    assert.equal(embed.url, french.url);
    assert.match(embed.description, /\*\*une partie des paiements\*\*/);
    assert.match(embed.description, /\[la page de statut\]\(https:\/\/status\.example\.test\/incidents\/42\?utm=chat&x=1\)/);
    assert.equal(embed.timestamp, '2025-03-14T13:20:00.000Z');
    assert.deepEqual(embed.fields.map((field: any) => field.name), ['Statut', 'Impact', 'Services touchés', 'Prochaine mise à jour']);
    assert.ok(Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff);
    const colorOf = (impact: ChatMessage['impact']) => (discordPayload({ ...french, impact }).embeds[0] as any).color;
    assert.equal(new Set([colorOf('minor'), colorOf('major'), colorOf('critical')]).size, 3);
    assert.notEqual((discordPayload({ ...french, status: 'resolved' }).embeds[0] as any).color, colorOf('major'), 'resolved is not shown in the outage colour');

    const [long] = discordPayload(overflowing).embeds as [any];
    assert.ok(long.title.length <= 256 && long.description.length <= 4096 && long.fields.length <= 25);
    for (const field of long.fields) assert.ok(field.name.length <= 256 && field.value.length >= 1 && field.value.length <= 1024);
    const total = long.title.length + long.description.length + long.fields.reduce((sum: number, field: any) => sum + field.name.length + field.value.length, 0);
    assert.ok(total <= 6000, `${total} characters in the embed`);
  });

  it('Google Chat: a text line and a cardsV2 card whose paragraph is escaped HTML; no text can mention the whole space', () => {
    const payload = googleChatPayload({ ...english, title: 'API <users/all> down', text: 'Errors <b>& rising</b>\nSee [status](https://status.example.test/i/42?a=1&b=2) **now**.' });
    assert.equal(payload.text.includes('<users/all>'), false);
    assert.match(payload.text, /^Resolved: API </);
    assert.equal(payload.cardsV2.length, 1);
    const [{ cardId, card }] = payload.cardsV2 as [any];
    assert.equal(cardId, 'tocsin-update');
    assert.deepEqual(card.header, { title: 'API <users/all> down', subtitle: 'Impact: minor' });
    const paragraph = card.sections[0].widgets[0].textParagraph.text;
    assert.equal(paragraph, 'Errors &lt;b&gt;&amp; rising&lt;/b&gt;<br>See <a href="https://status.example.test/i/42?a=1&amp;b=2">status</a> <b>now</b>.');
    const widgets = card.sections[1].widgets;
    assert.deepEqual(widgets.slice(0, -1).map((widget: any) => widget.decoratedText.topLabel), ['Status', 'Impact', 'Affected', 'Next update']);
    assert.deepEqual(widgets.at(-1).buttonList.buttons, [{ text: 'View incident', onClick: { openLink: { url: english.url } } }]);
    const long = googleChatPayload(overflowing);
    assert.ok(long.text.length <= 4096);
    assert.ok(Buffer.byteLength(JSON.stringify(long)) < 32_000, 'under the 32 000 bytes of a Chat message');
  });

  it('Mattermost: Slack-compatible attachments with fallback, colour, linked title and fields; channel-wide mentions are defused', () => {
    const payload = mattermostPayload({ ...english, text: 'Heads up @channel and @all: payments fail. cc @alice' });
    assert.equal(payload.text, 'Resolved: Card payments degraded');
    const [attachment] = payload.attachments;
    assert.equal(attachment!.fallback, 'Resolved: Card payments degraded');
    assert.match(attachment!.color, /^#[0-9a-f]{6}$/);
    assert.equal(attachment!.title, english.title);
    assert.equal(attachment!.title_link, english.url);
    assert.doesNotMatch(attachment!.text, /@(channel|all)\b/);
    assert.match(attachment!.text, /@alice/, 'a person can still be named');
    assert.deepEqual(attachment!.fields.map((field) => [field.title, field.short]), [['Status', true], ['Impact', true], ['Affected', false], ['Next update', true]]);
  });

  it('a French update reads in French on every platform, with French typography', () => {
    const french_words = ['Cause identifiée', 'majeur', 'Prochaine mise à jour', 'Services touchés'];
    for (const [platform, payloadOf] of everyPlatform) {
      const text = strings(payloadOf(french)).join('\n');
      for (const word of french_words) assert.ok(text.includes(word), `${platform}: ${word}`);
      for (const word of ['Next update', 'Identified', 'Affected', 'View incident']) assert.ok(!text.includes(word), `${platform}: ${word}`);
    }
    assert.ok(strings(slackPayload(french)).includes('*Statut\u00a0:* Cause identifiée'), 'a no-break space before the colon');
  });

  it('an overflowing update is cut with an ellipsis on every platform, never inside a surrogate pair', () => {
    // Pairs at even and at odd offsets, so that any cut by UTF-16 units lands inside one of them.
    const emoji = (shift: string): ChatMessage => ({ ...overflowing, title: `${shift}${'💳'.repeat(2_000)}`, text: `${shift}${'💳'.repeat(20_000)}`, components: [`${shift}${'🇪🇺'.repeat(1_000)}`] });
    for (const message of [overflowing, emoji(''), emoji('a')]) {
      for (const [platform, payloadOf] of everyPlatform) {
        const texts = strings(payloadOf(message));
        assert.ok(texts.some((text) => text.endsWith('…')), platform);
        for (const text of texts) assert.doesNotMatch(text, loneSurrogate, `${platform}: ${JSON.stringify(text.slice(-20))}`);
      }
    }
  });

  it('a short update is carried whole, and an update without status, impact, link or text still makes a valid payload', () => {
    for (const [platform, payloadOf] of everyPlatform) assert.ok(!strings(payloadOf(english)).some((text) => text.endsWith('…')), platform);
    const bare: ChatMessage = { language: 'en', title: 'Maintenance window', text: '' };
    assert.deepEqual(slackPayload(bare).blocks.map((block) => block.type), ['header']);
    assert.deepEqual((teamsPayload(bare).attachments[0]!.content as any).body.length, 1);
    assert.equal('description' in (discordPayload(bare).embeds[0] as any), false);
    assert.equal('url' in (discordPayload(bare).embeds[0] as any), false);
    assert.equal(googleChatPayload(bare).text, 'Update: Maintenance window');
    assert.deepEqual(mattermostPayload(bare).attachments[0]!.fields, []);
    const untitled: ChatMessage = { ...english, title: ' ' };
    assert.deepEqual(slackPayload(untitled).blocks.map((block) => block.type), ['section', 'context'], 'Slack refuses an empty header');
    assert.equal('title' in (discordPayload(untitled).embeds[0] as any), false);
    assert.equal('header' in (googleChatPayload(untitled).cardsV2[0]!.card as any), false);
    assert.deepEqual((teamsPayload(untitled).attachments[0]!.content as any).body.map((element: any) => element.type), ['TextBlock', 'FactSet']);
  });

  it('an incident URL that is not http(s) is a caller mistake', () => {
    for (const [platform, payloadOf] of everyPlatform) assert.throws(() => payloadOf({ ...english, url: 'javascript:alert(1)' }), TypeError, platform);
  });
});
