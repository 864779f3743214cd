import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpSmsSender } from '../../src/adapters/sms/http-sms-transport.ts';
import { retryAfterMsOf } from '../../src/adapters/http/post-json.ts';
import type { HttpSmsConfig } from '../../src/adapters/sms/sms-config.ts';
import type { SmsSender } from '../../src/adapters/sms/sms.ts';

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

type Reply = (response: ServerResponse) => void;

/** A local gateway: records each request, then answers with `reply` (or never, if it does nothing). */
async function withGateway(reply: Reply, run: (sender: SmsSender, received: ReceivedRequest[]) => Promise<void>, overrides: Partial<HttpSmsConfig> = {}) {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: JSON.parse(raw) });
      reply(response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const sender = createHttpSmsSender({ url: `http://127.0.0.1:${port}/v1/messages`, token: 'tok-SECRET-123', from: 'ExampleCo', ...overrides });
  try {
    await run(sender, received);
  } finally {
    await sender.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return (response) => {
    response.writeHead(status, { 'content-type': 'text/html', ...headers });
    response.end(body);
  };
}

const message = { to: '+33612345678', text: 'Paiements dégradés depuis 13 h 05 — “prochaine mise à jour” à 14 h 30 🙏', idempotencyKey: 'dlv_01HZX' };

describe('SMS through an HTTP gateway', () => {
  it('posts the JSON message with the bearer token and the delivery id as Idempotency-Key; 2xx is accepted with the gateway\'s id', async () => {
    await withGateway(json(201, { id: 'gw-778', status: 'queued' }), async (sender, received) => {
      const result = await sender.send(message);
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent, providerId: result.providerId }, { accepted: true, permanent: false, providerId: 'gw-778' });
      assert.match(result.response, /^201 /);
      assert.equal(received.length, 1);
      const [request] = received;
      assert.equal(request!.method, 'POST');
      assert.equal(request!.url, '/v1/messages');
      assert.equal(request!.headers.authorization, 'Bearer tok-SECRET-123');
      assert.equal(request!.headers['idempotency-key'], 'dlv_01HZX');
      assert.match(request!.headers['content-type']!, /^application\/json/);
      assert.deepEqual(request!.body, { to: '+33612345678', from: 'ExampleCo', text: message.text, reference: 'dlv_01HZX' });
    });
  });

  it('a retry carries the same Idempotency-Key, so the gateway can drop the copy', async () => {
    await withGateway(json(200, { id: 42 }), async (sender, received) => {
      const results = [await sender.send(message), await sender.send(message)];
      assert.deepEqual(results.map((result) => result.providerId), ['42', '42']);
      assert.deepEqual(received.map((request) => request.headers['idempotency-key']), ['dlv_01HZX', 'dlv_01HZX']);
    });
  });

  it('a 2xx without JSON is still accepted, with no provider id', async () => {
    await withGateway(text(202, 'OK'), async (sender) => {
      const result = await sender.send(message);
      assert.equal(result.accepted, true);
      assert.equal(result.providerId, undefined);
    });
  });

  const cases: Array<[string, Reply, { permanent: boolean; isGone: boolean; retryAfterMs?: number }]> = [
    ['429 with Retry-After in seconds', json(429, { error: 'rate limited' }, { 'retry-after': '7' }), { permanent: false, isGone: false, retryAfterMs: 7000 }],
    ['503 with Retry-After as an HTTP date in the past', json(503, { error: 'maintenance' }, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), { permanent: false, isGone: false, retryAfterMs: 0 }],
    ['503 without Retry-After', text(503, 'Service Unavailable'), { permanent: false, isGone: false }],
    ['408', text(408, 'Request Timeout'), { permanent: false, isGone: false }],
    ['425', text(425, 'Too Early'), { permanent: false, isGone: false }],
    ['500', text(500, 'Internal Server Error'), { permanent: false, isGone: false }],
    ['502', text(502, 'Bad Gateway'), { permanent: false, isGone: false }],
    ['401 (our token, not this message)', json(401, { error: 'invalid token' }), { permanent: false, isGone: false }],
    ['409 (the same key still being processed)', json(409, { error: 'in progress' }), { permanent: false, isGone: false }],
    ['a redirect (the URL is not the final one)', text(301, '', { location: 'https://elsewhere.example.test/' }), { permanent: false, isGone: false }],
    ['404 without JSON (likely a wrong path, not a gone number)', text(404, '<h1>Not Found</h1>'), { permanent: false, isGone: false }],
    ['400', json(400, { error: 'text too long' }), { permanent: true, isGone: false }],
    ['422', json(422, { error: 'unsupported destination' }), { permanent: true, isGone: false }],
    ['413', json(413, { error: 'too large' }), { permanent: true, isGone: false }],
    ['404 with JSON about the number', json(404, { error: 'unknown number' }), { permanent: true, isGone: true }],
    ['410', json(410, { error: 'number deactivated' }), { permanent: true, isGone: true }],
  ];
  for (const [what, reply, expected] of cases) {
    it(`${what} is not accepted: ${expected.permanent ? 'permanent' : 'temporary'}${expected.isGone ? ' and gone' : ''}${expected.retryAfterMs === undefined ? '' : ` after ${expected.retryAfterMs} ms`}`, async () => {
      await withGateway(reply, async (sender) => {
        const result = await sender.send(message);
        assert.equal(result.accepted, false);
        assert.deepEqual({ permanent: result.permanent, isGone: result.gone === true, ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }) }, expected);
        assert.ok(result.error);
        assert.ok(!JSON.stringify(result).includes('tok-SECRET-123'), 'the token must never appear in a result');
      });
    });
  }

  it('a gateway that never answers: temporary after the timeout instead of hanging', async () => {
    await withGateway(() => {}, async (sender, received) => {
      const result = await sender.send(message);
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
      assert.match(result.error!, /did not answer within 0\.2 s/);
      assert.equal(received.length, 1);
    }, { timeoutMs: 200 });
  });

  it('a gateway that cannot be reached: temporary, with the reason', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const sender = createHttpSmsSender({ url: `http://127.0.0.1:${port}/sms`, token: 't', from: 'ExampleCo' });
    const result = await sender.send(message);
    assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
    assert.match(result.error!, /^Cannot reach the SMS gateway at http:\/\/127\.0\.0\.1:\d+\/sms: connect ECONNREFUSED/);
    await sender.close();
  });

  it('close() waits for the sends under way, then refuses new ones; a caller mistake throws', async () => {
    await withGateway(json(200, { id: 'x' }), async (sender, received) => {
      assert.throws(() => sender.send({ ...message, to: '06 12 34 56 78' }), TypeError);
      assert.throws(() => sender.send({ ...message, idempotencyKey: 'dlv_1\r\nX-Injected: 1' }), TypeError);
      const sending = [sender.send(message), sender.send({ ...message, idempotencyKey: 'dlv_2' })];
      await sender.close();
      assert.equal(received.length, 2);
      assert.ok((await Promise.all(sending)).every((result) => result.accepted));
      assert.throws(() => sender.send(message), /closed/);
    });
  });
});

describe('Retry-After', () => {
  const nowMs = Date.parse('2026-03-01T12:00:00Z');
  const cases: Array<[string | null, number | undefined]> = [
    ['120', 120_000],
    [' 0 ', 0],
    ['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    [null, undefined],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(retryAfterMsOf(value, new Date(nowMs)), expected));
  }
});
