import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chatKinds, createChatSender, validateChatUrl, type ChatKind } from '../../src/adapters/chat/chat.ts';
import type { ChatMessage } from '../../src/adapters/chat/formats.ts';
import { startHttpReceiver, type HttpReceiver, type Reply } from '../helpers/http-receiver.ts';

const message: ChatMessage = {
  language: 'fr',
  title: 'Paiements par carte dégradés',
  text: 'Depuis 13 h 05, une partie des paiements par carte échouent. Nos équipes rétablissent le service.',
  status: 'identified',
  impact: 'major',
  url: 'https://status.example.test/incidents/42',
  nextUpdateAt: '14 h 30',
  components: ['Paiements'],
};

/** What each platform answers to a message it posted. */
const acceptedReplies: Record<ChatKind, Reply> = {
  slack: { status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' },
  teams: { status: 202 },
  discord: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: '1349823746123456789', channel_id: '1100', content: '' }) },
  google_chat: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'spaces/AAAA/messages/BBBB.CCCC', text: 'x' }) },
  mattermost: { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' },
};

async function withReceiver(run: (receiver: HttpReceiver) => Promise<void>) {
  const receiver = await startHttpReceiver();
  try {
    await run(receiver);
  } finally {
    await receiver.close();
  }
}

describe('chat platforms over their incoming webhooks', () => {
  for (const kind of chatKinds) {
    it(`${kind}: the update arrives as that platform's JSON at the webhook path, and the reply counts as posted`, async () => {
      await withReceiver(async (receiver) => {
        receiver.script(acceptedReplies[kind]);
        const result = await createChatSender().send({ kind, url: `${receiver.url}/hooks/T000/B000/XXXX` }, message);
        assert.equal(result.accepted, true, result.error);
        const [request] = await receiver.waitFor(1);
        assert.equal(request!.method, 'POST');
        assert.equal(request!.path, kind === 'discord' ? '/hooks/T000/B000/XXXX?wait=true' : '/hooks/T000/B000/XXXX');
        assert.equal(request!.headers['content-type'], 'application/json');
        const body = JSON.parse(request!.body);
        const shapeOf: Record<ChatKind, () => void> = {
          slack: () => assert.equal(body.blocks[0].type, 'header'),
          teams: () => assert.equal(body.attachments[0].content.type, 'AdaptiveCard'),
          discord: () => assert.deepEqual(body.allowed_mentions, { parse: [] }),
          google_chat: () => assert.equal(body.cardsV2[0].card.header.title, message.title),
          mattermost: () => assert.equal(body.attachments[0].title, message.title),
        };
        shapeOf[kind]();
        if (kind === 'discord') assert.equal(result.providerId, '1349823746123456789');
        if (kind === 'google_chat') assert.equal(result.providerId, 'spaces/AAAA/messages/BBBB.CCCC');
      });
    });
  }

  it('Discord: wait=true is added beside the query already in the URL (a thread)', async () => {
    await withReceiver(async (receiver) => {
      receiver.script(acceptedReplies.discord);
      await createChatSender().send({ kind: 'discord', url: `${receiver.url}/api/webhooks/1/tok?thread_id=77` }, message);
      const [request] = await receiver.waitFor(1);
      const url = new URL(request!.path, receiver.url);
      assert.deepEqual([...url.searchParams], [['thread_id', '77'], ['wait', 'true']]);
    });
  });

  it('Slack: a deleted webhook or archived channel is gone, a bad payload permanent, a Slack outage temporary; the reason is kept', async () => {
    const cases: Array<[Reply, { permanent: boolean; gone?: true }, RegExp]> = [
      [{ status: 404, body: 'no_service' }, { permanent: true, gone: true }, /no_service/],
      [{ status: 404, body: 'channel_not_found' }, { permanent: true, gone: true }, /channel_not_found/],
      [{ status: 410, body: 'channel_is_archived' }, { permanent: true, gone: true }, /channel_is_archived/],
      [{ status: 403, body: 'invalid_token' }, { permanent: true, gone: true }, /invalid_token/],
      [{ status: 400, body: 'invalid_payload' }, { permanent: true }, /invalid_payload/],
      [{ status: 403, body: 'action_prohibited' }, { permanent: true }, /action_prohibited/],
      [{ status: 500, body: 'rollup_error' }, { permanent: false }, /rollup_error/],
    ];
    await withReceiver(async (receiver) => {
      receiver.script(...cases.map(([reply]) => reply));
      const sender = createChatSender();
      for (const [reply, expected, reason] of cases) {
        const result = await sender.send({ kind: 'slack', url: `${receiver.url}/services/T/B/X` }, message);
        const { accepted, permanent, gone } = result;
        assert.deepEqual({ accepted, permanent, ...(gone ? { gone } : {}) }, { accepted: false, ...expected }, JSON.stringify(reply));
        assert.match(result.error!, reason);
        assert.match(result.response, reason);
      }
    });
  });

  it('Discord: an unknown webhook is gone; a rate limit is temporary with its wait', async () => {
    await withReceiver(async (receiver) => {
      receiver.script(
        { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Unknown Webhook', code: 10015 }) },
        { status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Invalid Webhook Token', code: 50027 }) },
        { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '3' }, body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 2.5, global: false }) },
      );
      const sender = createChatSender();
      const endpoint = { kind: 'discord' as const, url: `${receiver.url}/api/webhooks/1/tok` };
      const unknown = await sender.send(endpoint, message);
      assert.deepEqual({ permanent: unknown.permanent, gone: unknown.gone }, { permanent: true, gone: true });
      assert.match(unknown.error!, /Unknown Webhook/);
      const reset = await sender.send(endpoint, message);
      assert.equal(reset.gone, true);
      const limited = await sender.send(endpoint, message);
      assert.deepEqual({ accepted: limited.accepted, permanent: limited.permanent, retryAfterMs: limited.retryAfterMs, gone: limited.gone }, { accepted: false, permanent: false, retryAfterMs: 3_000, gone: undefined });
    });
  });

  it('an endpoint whose URL cannot be used is refused for good without a request; the URL itself is not repeated', async () => {
    const result = await createChatSender().send({ kind: 'slack', url: 'http://hooks.slack.com/services/T/B/S3CRET' }, message);
    assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: true });
    assert.match(result.error!, /https/);
    assert.ok(!result.error!.includes('S3CRET'));
  });

  it('a bad incident URL in the message is a caller mistake, thrown before anything is sent', async () => {
    await withReceiver(async (receiver) => {
      assert.throws(() => createChatSender().send({ kind: 'teams', url: receiver.url }, { ...message, url: 'javascript:alert(1)' }), TypeError);
      assert.equal(receiver.requests.length, 0);
    });
  });
});

describe('chat webhook URLs', () => {
  const cases: Array<[ChatKind, string, { ok: boolean; warnings: number }]> = [
    ['slack', 'https://hooks.slack.com/services/T00/B00/XXX', { ok: true, warnings: 0 }],
    ['slack', 'https://hooks.slack-gov.com/services/T00/B00/XXX', { ok: true, warnings: 0 }],
    ['slack', 'https://hooks.example.test/services/T00/B00/XXX', { ok: true, warnings: 1 }],
    ['slack', 'http://hooks.slack.com/services/T00/B00/XXX', { ok: false, warnings: 0 }],
    ['teams', 'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x', { ok: true, warnings: 0 }],
    ['teams', 'https://default0a1b.2c.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke', { ok: true, warnings: 0 }],
    ['teams', 'https://contoso.webhook.office.com/webhookb2/abc', { ok: true, warnings: 1 }],
    ['discord', 'https://discord.com/api/webhooks/1/token', { ok: true, warnings: 0 }],
    ['discord', 'https://canary.discord.com/api/webhooks/1/token', { ok: true, warnings: 0 }],
    ['discord', 'https://discord.com.evil.test/api/webhooks/1/token', { ok: true, warnings: 1 }],
    ['google_chat', 'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t', { ok: true, warnings: 0 }],
    ['mattermost', 'https://chat.example.test/hooks/xxx', { ok: true, warnings: 0 }],
    ['mattermost', 'http://127.0.0.1:8065/hooks/xxx', { ok: true, warnings: 0 }],
    ['slack', 'http://localhost:3000/hook', { ok: true, warnings: 0 }],
    ['discord', 'http://[::1]:3000/hook', { ok: true, warnings: 0 }],
    ['mattermost', 'http://chat.example.test/hooks/xxx', { ok: false, warnings: 0 }],
    ['slack', 'hooks.slack.com/services/T00/B00/XXX', { ok: false, warnings: 0 }],
    ['slack', 'https://user:pw@hooks.slack.com/services/T00/B00/XXX', { ok: false, warnings: 0 }],
  ];
  for (const [kind, url, expected] of cases) {
    it(`${kind} ${url}: ${expected.ok ? 'usable' : 'refused'}${expected.warnings ? ', with a warning' : ''}`, () => {
      const check = validateChatUrl(kind, url);
      assert.equal(check.ok, expected.ok, check.errors.join(' '));
      assert.equal(check.errors.length > 0, !expected.ok);
      assert.equal(check.warnings.length, expected.warnings, check.warnings.join(' '));
    });
  }

  it('the warning for a retired Teams connector says what to do instead', () => {
    assert.match(validateChatUrl('teams', 'https://contoso.webhook.office.com/webhookb2/abc').warnings[0]!, /Workflows/);
  });
});
