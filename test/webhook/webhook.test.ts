import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { maxRetryAfterMs, postJson } from '../../src/adapters/http/post-json.ts';
import type { SendResult } from '../../src/adapters/outcome.ts';
import {
  createWebhookSender,
  newWebhookSecret,
  type WebhookEvent,
} from '../../src/adapters/webhook/webhook.ts';
import { startHttpReceiver, type HttpReceiver, type Reply } from '../helpers/http-receiver.ts';

const event: WebhookEvent = {
  id: 'dlv_01HZX3K9Q2',
  type: 'incident.updated',
  payload: { incident: { id: 'inc_42', title: 'Paiements par carte dégradés', status: 'identified' }, update: { body: 'Cause identifiée : un certificat expiré.' } },
  occurredAt: new Date('2025-03-14T13:05:00.000Z'),
};

/** The current second: the library's verifier refuses timestamps more than 5 minutes from its own clock. */
function thisSecond(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

async function withReceiver(run: (receiver: HttpReceiver) => Promise<void>, respond?: Parameters<typeof startHttpReceiver>[0]) {
  const receiver = await startHttpReceiver(respond);
  try {
    await run(receiver);
  } finally {
    await receiver.close();
  }
}

describe('webhooks signed per Standard Webhooks', () => {
  it('a delivery arrives signed: the receiver verifies it with the standardwebhooks library and reads type, timestamp and data', async () => {
    const secret = newWebhookSecret();
    const verifier = new Webhook(secret);
    await withReceiver(
      async (receiver) => {
        const now = thisSecond();
        const result = await createWebhookSender().send({ url: `${receiver.url}/hooks/tocsin`, secret }, event, now);
        assert.equal(result.accepted, true, result.error);
        assert.equal(result.response, '204 No Content');
        const [request] = await receiver.waitFor(1);
        assert.equal(request!.method, 'POST');
        assert.equal(request!.path, '/hooks/tocsin');
        assert.equal(request!.headers['webhook-id'], event.id);
        assert.equal(request!.headers['webhook-timestamp'], String(now.getTime() / 1000));
        assert.match(request!.headers['webhook-signature']!, /^v1,[A-Za-z0-9+/]{43}=$/);
        assert.equal(request!.headers['content-type'], 'application/json');
        assert.equal(request!.headers['user-agent'], 'Tocsin-Webhooks/1');
        assert.deepEqual(verifier.verify(request!.body, request!.headers), { type: event.type, timestamp: '2025-03-14T13:05:00.000Z', data: event.payload });
      },
      (request) => {
        verifier.verify(request.body, request.headers);
        return { status: 204 };
      },
    );
  });

  it('a tampered body, a replayed header set or another endpoint’s secret fails verification', async () => {
    const secret = newWebhookSecret();
    await withReceiver(async (receiver) => {
      await createWebhookSender().send({ url: receiver.url, secret }, event, thisSecond());
      const [request] = await receiver.waitFor(1);
      const { body, headers } = request!;
      assert.doesNotThrow(() => new Webhook(secret).verify(body, headers));
      const tampered = body.replace('inc_42', 'inc_43');
      assert.notEqual(tampered, body);
      assert.throws(() => new Webhook(secret).verify(tampered, headers), WebhookVerificationError);
      assert.throws(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'dlv_other' }), WebhookVerificationError);
      assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers), WebhookVerificationError);
    });
  });

  it('a retry carries the same webhook-id and event timestamp with a fresh attempt timestamp, so the receiver can drop the copy', async () => {
    const secret = newWebhookSecret();
    const processed: string[] = [];
    await withReceiver(
      async (receiver) => {
        receiver.script({ status: 503 });
        const sender = createWebhookSender();
        const first = thisSecond();
        const second = new Date(first.getTime() + 5_000);
        assert.equal((await sender.send({ url: receiver.url, secret }, event, first)).accepted, false);
        assert.equal((await sender.send({ url: receiver.url, secret }, event, second)).accepted, true);
        // The reply to the retry was lost: the third attempt is a copy the receiver has already processed.
        assert.equal((await sender.send({ url: receiver.url, secret }, event, second)).accepted, true);
        const [a, b, c] = await receiver.waitFor(3);
        assert.equal(new Set([a, b, c].map((request) => request!.headers['webhook-id'])).size, 1);
        assert.equal(Number(b!.headers['webhook-timestamp']) - Number(a!.headers['webhook-timestamp']), 5);
        assert.notEqual(a!.headers['webhook-signature'], b!.headers['webhook-signature']);
        assert.equal(JSON.parse(a!.body).timestamp, JSON.parse(b!.body).timestamp);
        assert.deepEqual(processed, [event.id]);
      },
      (request) => {
        new Webhook(secret).verify(request.body, request.headers);
        const id = request.headers['webhook-id']!;
        if (!processed.includes(id)) processed.push(id);
        return { status: 200 };
      },
    );
  });

  it('a caller mistake throws before anything is sent; a URL that is not http(s) is refused for good without a request', async () => {
    await withReceiver(async (receiver) => {
      const sender = createWebhookSender();
      const endpoint = { url: receiver.url, secret: newWebhookSecret() };
      const mistakes: Array<[string, () => unknown]> = [
        ['a secret without its prefix', () => sender.send({ ...endpoint, secret: endpoint.secret.slice('whsec_'.length) }, event)],
        ['a secret of 16 bytes', () => sender.send({ ...endpoint, secret: `whsec_${Buffer.alloc(16, 7).toString('base64')}` }, event)],
        ['an id with a full stop', () => sender.send(endpoint, { ...event, id: 'dlv.1' })],
        ['an empty id', () => sender.send(endpoint, { ...event, id: '' })],
        ['a type with spaces', () => sender.send(endpoint, { ...event, type: 'incident updated' })],
      ];
      for (const [what, mistake] of mistakes) assert.throws(mistake, TypeError, what);
      assert.throws(() => sender.send({ ...endpoint, secret: 'whsec_c2VjcmV0' }, event), (error: Error) => !error.message.includes('c2VjcmV0'));

      for (const url of ['ftp://hooks.example.test/in', 'not a url', 'http://user:pw@127.0.0.1/in']) {
        const result = await sender.send({ ...endpoint, url }, event);
        assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: true }, url);
        assert.ok(result.error, url);
        assert.ok(!result.error!.includes('pw'), 'the password is not repeated');
      }
      assert.equal(receiver.requests.length, 0);
    });
  });

  it('new secrets are whsec_ and 32 random bytes, different each time, and usable by receivers', () => {
    const secrets = Array.from({ length: 20 }, () => newWebhookSecret());
    assert.equal(new Set(secrets).size, secrets.length);
    for (const secret of secrets) {
      assert.match(secret, /^whsec_[A-Za-z0-9+/]+={0,2}$/);
      assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
      const signer = new Webhook(secret);
      const now = new Date();
      assert.doesNotThrow(() => signer.verify('{}', { 'webhook-id': 'x', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signer.sign('x', now, '{}') }));
    }
  });
});

describe('what a receiver’s reply means for the next attempt', () => {
  const now = thisSecond();
  const cases: Array<[string, Reply, Partial<SendResult>]> = [
    ['200', { status: 200, body: 'ok' }, { accepted: true, permanent: false }],
    ['202 with no body', { status: 202 }, { accepted: true, permanent: false }],
    ['400', { status: 400, body: 'bad' }, { accepted: false, permanent: true }],
    ['401', { status: 401 }, { accepted: false, permanent: true }],
    ['404', { status: 404 }, { accepted: false, permanent: true }],
    ['422', { status: 422 }, { accepted: false, permanent: true }],
    ['410 gone', { status: 410, body: 'endpoint removed' }, { accepted: false, permanent: true, gone: true }],
    ['408', { status: 408 }, { accepted: false, permanent: false }],
    ['425', { status: 425 }, { accepted: false, permanent: false }],
    ['500', { status: 500 }, { accepted: false, permanent: false }],
    ['502', { status: 502 }, { accepted: false, permanent: false }],
    ['504', { status: 504 }, { accepted: false, permanent: false }],
    ['429 with Retry-After in seconds', { status: 429, headers: { 'retry-after': '120' } }, { accepted: false, permanent: false, retryAfterMs: 120_000 }],
    ['429 with fractional seconds', { status: 429, headers: { 'retry-after': '1.25' } }, { accepted: false, permanent: false, retryAfterMs: 1_250 }],
    ['503 with Retry-After as an HTTP date', { status: 503, headers: { 'retry-after': new Date(now.getTime() + 90_000).toUTCString() } }, { accepted: false, permanent: false, retryAfterMs: 90_000 }],
    ['503 with a date already past', { status: 503, headers: { 'retry-after': new Date(now.getTime() - 90_000).toUTCString() } }, { accepted: false, permanent: false, retryAfterMs: 0 }],
    ['429 asking for a day', { status: 429, headers: { 'retry-after': '86400' } }, { accepted: false, permanent: false, retryAfterMs: maxRetryAfterMs }],
    ['429 without Retry-After', { status: 429 }, { accepted: false, permanent: false }],
    ['503 with a Retry-After that means nothing', { status: 503, headers: { 'retry-after': 'soon' } }, { accepted: false, permanent: false }],
    ['500 ignores Retry-After', { status: 500, headers: { 'retry-after': '60' } }, { accepted: false, permanent: false }],
  ];

  it('each status comes back as accepted, temporary (with the wait asked for, capped at one hour) or permanent, without throwing', async () => {
    const secret = newWebhookSecret();
    await withReceiver(async (receiver) => {
      receiver.script(...cases.map(([, reply]) => reply));
      const sender = createWebhookSender();
      for (const [what, , expected] of cases) {
        const result = await sender.send({ url: receiver.url, secret }, event, now);
        const { accepted, permanent, gone, retryAfterMs } = result;
        const seen = { accepted, permanent, ...(gone === undefined ? {} : { gone }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
        assert.deepEqual(seen, expected, what);
        assert.match(result.response, new RegExp(`^${what.slice(0, 3)} `), what);
        if (!accepted) assert.match(result.error!, new RegExp(`127\\.0\\.0\\.1:\\d+ answered ${what.slice(0, 3)}`), what);
      }
      assert.equal(receiver.requests.length, cases.length);
    });
  });

  it('the reply is recorded as its status line and the start of its body', async () => {
    await withReceiver(async (receiver) => {
      receiver.script({ status: 422, body: `{"error":"unknown event type"}\n${'é'.repeat(5_000)}` });
      const result = await postJson(receiver.url, { a: 1 });
      assert.match(result.response, /^422 Unprocessable Entity: \{"error":"unknown event type"\} é+…$/);
      assert.ok(result.response.length <= 230, `${result.response.length} characters`);
    });
  });

  it('a redirect is not followed: a permanent failure naming where it points, and the other host receives nothing', async () => {
    await withReceiver(async (elsewhere) => {
      await withReceiver(async (receiver) => {
        receiver.script({ status: 307, headers: { location: `${elsewhere.url}/moved?token=s3cret` } });
        const result = await createWebhookSender().send({ url: receiver.url, secret: newWebhookSecret() }, event);
        assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: true });
        assert.ok(result.error!.includes(`${elsewhere.url}/moved`), result.error);
        assert.ok(!result.error!.includes('s3cret'), 'the query, where tokens live, is left out');
        assert.equal(elsewhere.requests.length, 0);
      });
    });
  });

  it('a receiver that never answers is cut at the timeout, and the attempt is temporary', async () => {
    await withReceiver(async (receiver) => {
      receiver.script('hang');
      const sending = createWebhookSender({ timeoutMs: 200 }).send({ url: receiver.url, secret: newWebhookSecret() }, event);
      await receiver.waitFor(1);
      const result = await sending;
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent, response: result.response }, { accepted: false, permanent: false, response: '' });
      assert.match(result.error!, /^No reply from 127\.0\.0\.1:\d+ within 200 ms\.$/);
    });
  });

  it('a receiver that is down: temporary, with the reason', async () => {
    const receiver = await startHttpReceiver();
    const url = receiver.url;
    await receiver.close();
    const result = await createWebhookSender().send({ url, secret: newWebhookSecret() }, event);
    assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
    assert.match(result.error!, /^Could not reach 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it('a caller’s abort (shutdown) ends the attempt as temporary', async () => {
    await withReceiver(async (receiver) => {
      receiver.script('hang');
      const controller = new AbortController();
      const sending = postJson(receiver.url, { a: 1 }, { signal: controller.signal });
      await receiver.waitFor(1);
      controller.abort();
      const result = await sending;
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
      assert.match(result.error!, /cancelled/);
    });
  });
});
