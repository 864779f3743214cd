import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { SmppConfig } from '../../src/adapters/sms/sms-config.ts';
import type { OutgoingSms, SmsSender } from '../../src/adapters/sms/sms.ts';
import { createSmppSender, resultOfCommandStatus } from '../../src/adapters/sms/smpp-transport.ts';
import { startSmppSink, type SmppSink, type SmppSinkOptions } from '../helpers/smpp-sink.ts';

function configFor(sink: SmppSink, overrides: Partial<SmppConfig> = {}): SmppConfig {
  return { host: sink.host, port: sink.port, isTls: false, systemId: sink.systemId, password: sink.password, from: 'ExampleCo', ...overrides };
}

async function withSender(sinkOptions: SmppSinkOptions, run: (sender: SmsSender, sink: SmppSink) => Promise<void>, overrides: Partial<SmppConfig> = {}) {
  const sink = await startSmppSink(sinkOptions);
  const sender = createSmppSender(configFor(sink, overrides));
  try {
    await run(sender, sink);
  } finally {
    await sender.close();
    await sink.close();
  }
}

let deliveries = 0;
function sms(to: string, text: string): OutgoingSms {
  deliveries += 1;
  return { to, text, idempotencyKey: `dlv_${deliveries}` };
}

const french = 'Incident en cours : les paiements par carte échouent depuis 13 h 05. Nos équipes rétablissent le service, déjà à 80 % où c\'était possible. Prochaine mise à jour à 14 h 30.';

describe('SMS over SMPP', () => {
  it('a plain text arrives as one GSM-7 SMS to the E.164 number, from the alphanumeric sender, with a delivery receipt requested', async () => {
    await withSender({}, async (sender, sink) => {
      const result = await sender.send(sms('+33612345678', 'Payments are degraded since 1:05 pm. Next update at 2:30 pm.'));
      assert.equal(result.accepted, true);
      assert.equal(result.providerId, 'msg-1');
      assert.deepEqual(sink.messages.map(({ to, from, dataCoding, text, segments }) => ({ to, from, dataCoding, text, segments })), [
        { to: '33612345678', from: 'ExampleCo', dataCoding: 0, text: 'Payments are degraded since 1:05 pm. Next update at 2:30 pm.', segments: 1 },
      ]);
      const [submit] = sink.submits;
      assert.deepEqual(
        { sourceTon: submit!.sourceTon, sourceNpi: submit!.sourceNpi, destTon: submit!.destTon, destNpi: submit!.destNpi, esmClass: submit!.esmClass, registeredDelivery: submit!.registeredDelivery },
        { sourceTon: 5, sourceNpi: 0, destTon: 1, destNpi: 1, esmClass: 0, registeredDelivery: 1 },
      );
    });
  });

  it('French accents of the GSM alphabet (é, è, à, ù) and its extension characters (€, [ ], {}, |, ~, ^, \\) stay GSM-7 and arrive intact', async () => {
    await withSender({}, async (sender, sink) => {
      const text = 'Prix estimé : 0 € [aucun]. Où en est-on ? Déjà rétabli à 80 %. {a|b} ~ ^ \\ fin';
      assert.equal((await sender.send(sms('+33612345678', text))).accepted, true);
      assert.equal((await sender.send(sms('+33612345679', french))).accepted, true);
      assert.deepEqual(sink.messages.map((message) => [message.dataCoding, message.text, message.segments]), [[0, text, 1], [0, french, 2]]);
    });
  });

  it('a text with curly quotes and an emoji goes as UCS-2 and arrives intact', async () => {
    await withSender({}, async (sender, sink) => {
      const text = 'Service rétabli ✅ « merci » pour votre “patience” 🙏';
      assert.equal((await sender.send(sms('+447911123456', text))).accepted, true);
      assert.deepEqual(sink.messages.map((message) => [message.to, message.dataCoding, message.text, message.segments]), [['447911123456', 8, text, 1]]);
    });
  });

  it('a 400-character message arrives as one message in three concatenated parts sharing one reference; the provider id is the first part\'s', async () => {
    await withSender({}, async (sender, sink) => {
      const text = `${french} ${french} ${french}`.slice(0, 400);
      const result = await sender.send(sms('+33612345678', text));
      assert.equal(result.accepted, true);
      assert.equal(sink.messages.length, 1);
      assert.deepEqual({ text: sink.messages[0]!.text, segments: sink.messages[0]!.segments }, { text, segments: 3 });
      assert.equal(result.providerId, sink.messages[0]!.messageId);
      assert.ok(sink.submits.every((submit) => submit.esmClass === 0x40 && submit.dataCoding === 0));
      assert.deepEqual(sink.submits.map((submit) => submit.concatenation!.sequence), [1, 2, 3]);
      assert.equal(new Set(sink.submits.map((submit) => submit.concatenation!.reference)).size, 1);
    });
  });

  it('two long UCS-2 messages sent at once do not mix: each has its own reference, emoji are never cut', async () => {
    await withSender({}, async (sender, sink) => {
      const first = '🚨 Incident “paiements” : '.repeat(12);
      const second = '✅ Résolu — merci de votre patience 🙏 '.repeat(8);
      const results = await Promise.all([sender.send(sms('+33612345678', first)), sender.send(sms('+33612345678', second))]);
      assert.ok(results.every((result) => result.accepted));
      assert.deepEqual(new Set(sink.messages.map((message) => message.text)), new Set([first, second]));
      assert.ok(sink.messages.every((message) => message.dataCoding === 8 && message.segments > 1));
    });
  });

  it('a number as sender goes international (ton 1, npi 1) without its +', async () => {
    await withSender({}, async (sender, sink) => {
      assert.equal((await sender.send(sms('+33612345678', 'Test'))).accepted, true);
      assert.deepEqual([sink.submits[0]!.sourceAddr, sink.submits[0]!.sourceTon, sink.submits[0]!.sourceNpi], ['33700000000', 1, 1]);
    }, { from: '+33700000000' });
  });

  it('a number the SMSC calls invalid is refused for good and marked gone; the other numbers still go out', async () => {
    await withSender({ refuse: { '33699999999': 0x0b } }, async (sender, sink) => {
      const [refused, fine] = await Promise.all([sender.send(sms('+33699999999', 'Hello')), sender.send(sms('+33612345678', 'Hello'))]);
      assert.deepEqual({ accepted: refused!.accepted, permanent: refused!.permanent, gone: refused!.gone }, { accepted: false, permanent: true, gone: true });
      assert.match(refused!.error!, /ESME_RINVDSTADR \(0x0B\)/);
      assert.match(refused!.response, /submit_sm_resp ESME_RINVDSTADR/);
      assert.equal(fine!.accepted, true);
      assert.deepEqual(sink.messages.map((message) => message.to), ['33612345678']);
    });
  });

  it('a throttled submit comes back temporary with a wait, and the retry goes through', async () => {
    await withSender({ throttleFirst: 1 }, async (sender, sink) => {
      const message = sms('+33612345678', 'Hello');
      const first = await sender.send(message);
      assert.deepEqual({ accepted: first.accepted, permanent: first.permanent, gone: first.gone }, { accepted: false, permanent: false, gone: undefined });
      assert.ok(first.retryAfterMs! > 0);
      assert.match(first.error!, /ESME_RTHROTTLED/);
      assert.equal((await sender.send(message)).accepted, true);
      assert.equal(sink.messages.length, 1);
    });
  });

  it('a connection dropped with a submit in flight: that send comes back temporary, the next one reconnects and succeeds', async () => {
    await withSender({ dropAfter: 1 }, async (sender, sink) => {
      assert.equal((await sender.send(sms('+33612345678', 'First'))).accepted, true);
      const cut = await sender.send(sms('+33612345678', 'Second'));
      assert.deepEqual({ accepted: cut.accepted, permanent: cut.permanent }, { accepted: false, permanent: false });
      assert.match(cut.error!, /closed before its reply/);
      assert.equal((await sender.send(sms('+33612345678', 'Third'))).accepted, true);
      assert.equal(sink.binds, 2);
      assert.deepEqual(sink.messages.map((message) => message.text), ['First', 'Third']);
    });
  });

  it('a part cut mid-message fails the whole message, temporarily', async () => {
    await withSender({ dropAfter: 1 }, async (sender, sink) => {
      const result = await sender.send(sms('+33612345678', french.repeat(2)));
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
      assert.match(result.error!, /^Part 2 of 3: /);
      assert.equal(sink.messages.length, 0);
    });
  });

  it('an SMSC that never replies: the send comes back temporary after the timeout instead of hanging', async () => {
    await withSender({ isSilent: true }, async (sender, sink) => {
      const result = await sender.send(sms('+33612345678', 'Hello'));
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
      assert.match(result.error!, /no reply to submit_sm within 0\.2 s/);
      assert.equal(sink.submits.length, 1);
    }, { timeoutMs: 200 });
  });

  it('a wrong password: a clear temporary error naming the SMSC and the system_id, never the password; nothing is sent', async () => {
    const sink = await startSmppSink();
    const sender = createSmppSender(configFor(sink, { password: 'wr0ngpw' }));
    const result = await sender.send(sms('+33612345678', 'Hello'));
    assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
    assert.equal(result.error, `The SMSC at 127.0.0.1:${sink.port} refused the bind of "tocsin": ESME_RINVPASWD (0x0E).`);
    assert.equal(result.response, 'bind_transceiver_resp ESME_RINVPASWD');
    assert.ok(!JSON.stringify(result).includes('wr0ngpw'));
    assert.equal(sink.submits.length, 0);
    await sender.close();
    await sink.close();
  });

  it('an SMSC that cannot be reached: temporary, with the reason', async () => {
    const port = await closedPort();
    const sender = createSmppSender({ host: '127.0.0.1', port, isTls: false, systemId: 'tocsin', password: 'secret', from: 'ExampleCo' });
    const result = await sender.send(sms('+33612345678', 'Hello'));
    assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: false });
    assert.match(result.error!, new RegExp(`Cannot reach the SMSC at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    await sender.close();
  });

  it('keeps one session for many sends, answers delivery receipts and keeps the link alive with enquire_link', async () => {
    await withSender({ shouldSendReceipts: true }, async (sender, sink) => {
      const acknowledged = once(sink.events, 'receipt-acknowledged');
      const probed = once(sink.events, 'enquire_link');
      const results = await Promise.all(Array.from({ length: 25 }, (_, n) => sender.send(sms(`+336123456${String(n).padStart(2, '0')}`, `Message ${n}`))));
      assert.ok(results.every((result) => result.accepted));
      await acknowledged;
      await probed;
      assert.equal(sink.binds, 1);
      assert.equal(sink.messages.length, 25);
    }, { enquireLinkIntervalMs: 10, windowSize: 3 });
  });

  it('a request the adapter does not handle (data_sm) is refused, and an unbind from the SMSC ends the session: the next send binds again', async () => {
    await withSender({}, async (sender, sink) => {
      assert.equal((await sender.send(sms('+33612345678', 'First'))).accepted, true);
      const refusal = await sink.request('data_sm', { source_addr: '33612345678', destination_addr: 'ExampleCo' });
      assert.deepEqual([refusal.command, refusal.command_status], ['data_sm_resp', 0x03]);
      assert.equal((await sink.request('unbind')).command, 'unbind_resp');
      assert.equal((await sender.send(sms('+33612345678', 'Second'))).accepted, true);
      assert.equal(sink.binds, 2);
    });
  });

  it('close() waits for the sends under way, unbinds, then refuses new sends', async () => {
    const sink = await startSmppSink();
    const sender = createSmppSender(configFor(sink));
    const sending = Array.from({ length: 5 }, (_, n) => sender.send(sms('+33612345678', `Message ${n}`)));
    await sender.close();
    assert.equal(sink.messages.length, 5);
    assert.ok((await Promise.all(sending)).every((result) => result.accepted));
    assert.equal(sink.unbinds, 1);
    assert.throws(() => sender.send(sms('+33612345678', 'Late')), /closed/);
    await sink.close();
  });

  it('a caller mistake throws before anything is sent', async () => {
    await withSender({}, async (sender, sink) => {
      assert.throws(() => sender.send(sms('0612345678', 'Hello')), TypeError);
      assert.throws(() => sender.send(sms('+33612345678', '')), TypeError);
      assert.throws(() => sender.send({ to: '+33612345678', text: 'Hello', idempotencyKey: '' }), TypeError);
      assert.throws(() => sender.send(sms('+33612345678', 'x'.repeat(153 * 256))), /at most 255/);
      assert.equal(sink.submits.length, 0);
    });
  });
});

describe('what an SMSC refusal means for the next attempt', () => {
  const cases: Array<[string, number, { permanent: boolean; isGone: boolean; isWaiting: boolean }]> = [
    ['invalid destination', 0x0b, { permanent: true, isGone: true, isWaiting: false }],
    ['throttled', 0x58, { permanent: false, isGone: false, isWaiting: true }],
    ['message queue full', 0x14, { permanent: false, isGone: false, isWaiting: true }],
    ['invalid message length', 0x01, { permanent: true, isGone: false, isWaiting: false }],
    ['invalid data coding', 0x104, { permanent: true, isGone: false, isWaiting: false }],
    ['system error', 0x08, { permanent: false, isGone: false, isWaiting: false }],
    ['invalid source address (our sender id)', 0x0a, { permanent: false, isGone: false, isWaiting: false }],
    ['submit failed', 0x45, { permanent: false, isGone: false, isWaiting: false }],
    ['a code no table knows', 0x4f1, { permanent: false, isGone: false, isWaiting: false }],
  ];
  for (const [what, commandStatus, expected] of cases) {
    it(`${what} (0x${commandStatus.toString(16)})`, () => {
      const result = resultOfCommandStatus(commandStatus);
      assert.equal(result.accepted, false);
      assert.deepEqual({ permanent: result.permanent, isGone: result.gone === true, isWaiting: result.retryAfterMs !== undefined }, expected);
    });
  }
});

async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
