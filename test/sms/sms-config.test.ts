import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSmsSender, describeSmsUrl, parseSmsConfig } from '../../src/adapters/sms/sms-config.ts';
import { startSmppSink } from '../helpers/smpp-sink.ts';

describe('SMS settings from the environment', () => {
  it('no SMS variables: SMS is off', () => {
    assert.deepEqual(parseSmsConfig({}), { ok: true, config: undefined });
    assert.deepEqual(parseSmsConfig({ TOCSIN_SMS_URL: ' ', TOCSIN_SMS_FROM: '' }), { ok: true, config: undefined });
  });

  it('an SMPP URL gives the SMSC, its login (percent-decoded) and the default port; a rate is read', () => {
    assert.deepEqual(parseSmsConfig({ TOCSIN_SMS_URL: 'smpp://tocsin:p%40ss@smsc.example.test', TOCSIN_SMS_FROM: 'ExampleCo', TOCSIN_SMS_RATE_PER_SECOND: '30' }), {
      ok: true,
      config: { kind: 'smpp', smpp: { host: 'smsc.example.test', port: 2775, isTls: false, systemId: 'tocsin', password: 'p@ss', from: 'ExampleCo', rateLimitPerSecond: 30 } },
    });
  });

  it('smpps:// is SMPP over TLS, on 3550 unless a port is given; an IPv6 host loses its brackets', () => {
    const tls = parseSmsConfig({ TOCSIN_SMS_URL: 'smpps://tocsin:pw@smsc.example.test', TOCSIN_SMS_FROM: 'ExampleCo' });
    assert.deepEqual(tls.ok && tls.config?.kind === 'smpp' && [tls.config.smpp.isTls, tls.config.smpp.port], [true, 3550]);
    const v6 = parseSmsConfig({ TOCSIN_SMS_URL: 'smpp://tocsin:pw@[::1]:2776', TOCSIN_SMS_FROM: 'ExampleCo' });
    assert.deepEqual(v6.ok && v6.config?.kind === 'smpp' && [v6.config.smpp.host, v6.config.smpp.port], ['::1', 2776]);
  });

  it('an https URL is an HTTP gateway: the token leaves the URL, the path and query stay; a sender number is normalized', () => {
    assert.deepEqual(parseSmsConfig({ TOCSIN_SMS_URL: 'https://tok%2Fen@sms.example.test/v1/messages?account=7', TOCSIN_SMS_FROM: '+33 6 12 34 56 78' }), {
      ok: true,
      config: { kind: 'http', http: { url: 'https://sms.example.test/v1/messages?account=7', token: 'tok/en', from: '+33612345678' } },
    });
  });

  const cases: Array<[string, Record<string, string>, RegExp[]]> = [
    ['the sender missing', { TOCSIN_SMS_URL: 'smpp://tocsin:hunter2@smsc.example.test' }, [/^TOCSIN_SMS_FROM is not set/]],
    ['the SMSC missing', { TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL is not set/]],
    ['another scheme', { TOCSIN_SMS_URL: 'smtp://tocsin:hunter2@smsc.example.test', TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL must start with smpp:\/\/, smpps:\/\/, https:\/\/ or http:\/\/.*\(got smtp:\/\/tocsin:\*\*\*@smsc\.example\.test\)/]],
    ['not a URL', { TOCSIN_SMS_URL: 'smsc.example.test:2775', TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL /]],
    ['an SMPP URL without login', { TOCSIN_SMS_URL: 'smpp://smsc.example.test', TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL has no system_id/]],
    ['a system_id without password', { TOCSIN_SMS_URL: 'smpp://tocsin@smsc.example.test', TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL names the system_id "tocsin" but no password/]],
    ['an SMPP URL with a path', { TOCSIN_SMS_URL: 'smpp://tocsin:hunter2@smsc.example.test/bind', TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL has a path "\/bind"/]],
    ['a gateway URL without token', { TOCSIN_SMS_URL: 'https://sms.example.test/v1', TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL has no token/]],
    ['a gateway URL with user and password', { TOCSIN_SMS_URL: 'https://user:hunter2@sms.example.test/v1', TOCSIN_SMS_FROM: 'ExampleCo' }, [/^TOCSIN_SMS_URL holds a user and a password/]],
    ['a sender name too long', { TOCSIN_SMS_URL: 'https://hunter2@sms.example.test', TOCSIN_SMS_FROM: 'ExampleCompany' }, [/^TOCSIN_SMS_FROM must be a sender name of 1 to 11 letters and digits/]],
    ['a sender name with a space', { TOCSIN_SMS_URL: 'https://hunter2@sms.example.test', TOCSIN_SMS_FROM: 'Example Co' }, [/^TOCSIN_SMS_FROM must be/]],
    ['a national sender number', { TOCSIN_SMS_URL: 'https://hunter2@sms.example.test', TOCSIN_SMS_FROM: '0612345678' }, [/^TOCSIN_SMS_FROM must be/]],
    ['a sender number too short', { TOCSIN_SMS_URL: 'https://hunter2@sms.example.test', TOCSIN_SMS_FROM: '+33 6 12' }, [/^TOCSIN_SMS_FROM is not a usable sender number: "\+33 6 12" is too short for France/]],
    ['every problem at once', { TOCSIN_SMS_URL: 'smpps://tocsin:hunter2@smsc.example.test/x', TOCSIN_SMS_FROM: 'Status page', TOCSIN_SMS_RATE_PER_SECOND: '0.5' }, [/^TOCSIN_SMS_URL has a path/, /^TOCSIN_SMS_FROM must be/, /^TOCSIN_SMS_RATE_PER_SECOND must be a whole number/]],
  ];
  for (const [what, env, expected] of cases) {
    it(`${what} is reported, naming the variable and never the password or token`, () => {
      const result = parseSmsConfig(env);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.errors.length, expected.length, result.errors.join('\n'));
      expected.forEach((pattern, n) => assert.match(result.errors[n]!, pattern));
      assert.ok(!result.errors.join(' ').includes('hunter2'));
    });
  }

  it('a URL as it may be logged hides the SMPP password and the gateway token', () => {
    assert.equal(describeSmsUrl('smpp://tocsin:hunter2@smsc.example.test:2775'), 'smpp://tocsin:***@smsc.example.test:2775');
    assert.equal(describeSmsUrl('https://hunter2@sms.example.test/v1'), 'https://***@sms.example.test/v1');
  });

  it('createSmsSender picks the SMPP transport for an smpp:// setting', async () => {
    const sink = await startSmppSink();
    const parsed = parseSmsConfig({ TOCSIN_SMS_URL: `smpp://${sink.systemId}:${sink.password}@${sink.host}:${sink.port}`, TOCSIN_SMS_FROM: 'ExampleCo' });
    assert.ok(parsed.ok && parsed.config);
    const sender = createSmsSender(parsed.config);
    assert.equal((await sender.send({ to: '+33612345678', text: 'Hello', idempotencyKey: 'dlv_1' })).accepted, true);
    await sender.close();
    await sink.close();
    assert.deepEqual(sink.messages.map((message) => message.text), ['Hello']);
  });
});
