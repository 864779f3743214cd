import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { unsubscribeUrlPlaceholder, type MailContent, type OutgoingMail, type Recipient } from '../../src/adapters/mail/mail.ts';
import { parseSmtpConfig } from '../../src/adapters/mail/smtp-config.ts';
import { createMailer, type Mailer } from '../../src/adapters/mail/smtp-transport.ts';
import { startSmtpSink, type ReceivedMail, type SmtpSinkOptions } from '../helpers/smtp-sink.ts';

const from = 'Statut Exemple <status@example.test>';

const french: MailContent = {
  language: 'fr',
  subject: 'Incident en cours : paiements dégradés — prochaine mise à jour à 14 h 30',
  text: `Bonjour,\n\nLes paiements par carte échouent pour une partie des clients depuis 13 h 05. Nos équipes rétablissent le service.\n\nSe désabonner : ${unsubscribeUrlPlaceholder}\n`,
  html: `<p>Bonjour,</p><p>Les paiements par carte échouent pour une partie des clients depuis 13&nbsp;h&nbsp;05. Nos équipes rétablissent le service.</p><p><a href="${unsubscribeUrlPlaceholder}">Se désabonner</a></p>`,
  headers: { 'X-Tocsin-Update': 'upd_01' },
};

const english: MailContent = {
  language: 'en',
  subject: 'Ongoing incident: card payments degraded',
  text: `Hello,\n\nCard payments have been failing for some customers since 1:05 pm.\n\nUnsubscribe: ${unsubscribeUrlPlaceholder}\n`,
  html: `<p>Hello,</p><p>Card payments have been failing for some customers since 1:05&nbsp;pm.</p><p><a href="${unsubscribeUrlPlaceholder}">Unsubscribe</a></p>`,
};

function recipient(n: number): Recipient {
  return {
    to: `subscriber-${n}@example.test`,
    messageId: `<delivery-${n}@tocsin.example.test>`,
    unsubscribe: { url: `https://status.example.test/unsubscribe?s=${n}&token=abc%3D${n}`, mailto: `mailto:unsubscribe+${n}@example.test` },
  };
}

async function withMailer(sinkOptions: SmtpSinkOptions, run: (mailer: Mailer, sink: Awaited<ReturnType<typeof startSmtpSink>>) => Promise<void>, maxConnections = 5) {
  const sink = await startSmtpSink(sinkOptions);
  const mailer = createMailer({ url: sink.url, from, pool: { maxConnections, maxMessages: 100 } });
  try {
    await run(mailer, sink);
  } finally {
    await mailer.close();
    await sink.close();
  }
}

function only(sink: { received: ReceivedMail[] }, messageId: string): ReceivedMail {
  const found = sink.received.filter((mail) => mail.messageId === messageId);
  assert.equal(found.length, 1, `${messageId} arrived ${found.length} times`);
  return found[0]!;
}

describe('e-mail over SMTP', () => {
  it('a French and an English mail arrive with their Message-ID, language, one-click unsubscribe, both parts and the accented subject', async () => {
    await withMailer({}, async (mailer, sink) => {
      const fr = { ...french, ...recipient(1) };
      const en = { ...english, ...recipient(2), unsubscribe: { url: 'https://status.example.test/u/2' } };
      assert.deepEqual(await Promise.all([mailer.send(fr), mailer.send(en)]).then((results) => results.map((result) => result.accepted)), [true, true]);

      const frMail = only(sink, fr.messageId);
      assert.deepEqual(frMail.envelope, { from: 'status@example.test', to: ['subscriber-1@example.test'] });
      assert.deepEqual(frMail.to, ['subscriber-1@example.test']);
      assert.equal(frMail.subject, french.subject);
      assert.equal(frMail.rawHeaders.get('content-language'), 'fr');
      assert.equal(frMail.rawHeaders.get('auto-submitted'), 'auto-generated');
      assert.equal(frMail.rawHeaders.get('x-tocsin-update'), 'upd_01');
      assert.equal(frMail.rawHeaders.get('list-unsubscribe'), '<https://status.example.test/unsubscribe?s=1&token=abc%3D1>, <mailto:unsubscribe+1@example.test>');
      assert.equal(frMail.rawHeaders.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.equal(frMail.text.trim(), french.text.replace(unsubscribeUrlPlaceholder, fr.unsubscribe!.url).trim());
      assert.match(frMail.html, /<a href="https:\/\/status\.example\.test\/unsubscribe\?s=1&amp;token=abc%3D1">Se désabonner<\/a>/);
      assert.ok(!frMail.text.includes(unsubscribeUrlPlaceholder) && !frMail.html.includes(unsubscribeUrlPlaceholder), 'the placeholder must never reach a subscriber');

      const enMail = only(sink, en.messageId);
      assert.equal(enMail.subject, english.subject);
      assert.equal(enMail.rawHeaders.get('content-language'), 'en');
      assert.equal(enMail.rawHeaders.get('list-unsubscribe'), '<https://status.example.test/u/2>');
      assert.match(enMail.text, /Unsubscribe: https:\/\/status\.example\.test\/u\/2\n/);
    });
  });

  it('a mail without an unsubscribe link carries no List-Unsubscribe headers', async () => {
    await withMailer({}, async (mailer, sink) => {
      const { unsubscribe: _, ...bare } = recipient(3);
      const result = await mailer.send({ ...english, text: 'Hello.', html: '<p>Hello.</p>', ...bare });
      assert.equal(result.accepted, true);
      const mail = only(sink, bare.messageId);
      assert.equal(mail.rawHeaders.has('list-unsubscribe'), false);
      assert.equal(mail.rawHeaders.has('list-unsubscribe-post'), false);
    });
  });

  it('a mail rendered once arrives as the same message as one built for its recipient', async () => {
    await withMailer({}, async (mailer, sink) => {
      const long = { ...french, text: `${french.text}${'Détail du suivi : '.repeat(12)}${unsubscribeUrlPlaceholder}?x=1\n` };
      for (const content of [long, english]) {
        const rendered = await mailer.render(content);
        const plain = { ...content, ...recipient(10), messageId: `<plain-${content.language}@tocsin.example.test>` };
        const personalized = { rendered, ...recipient(10), messageId: `<rendered-${content.language}@tocsin.example.test>` };
        assert.equal((await mailer.send(plain)).accepted, true);
        assert.equal((await mailer.send(personalized)).accepted, true);
        // The boundary differs per rendering, and Date is the time of rendering.
        const comparable = ({ messageId: _, rawHeaders, ...mail }: ReceivedMail) => ({
          ...mail,
          headers: undefined,
          rawHeaders: [...rawHeaders].filter(([name]) => !['date', 'message-id', 'content-type'].includes(name)).sort(),
        });
        assert.deepEqual(comparable(only(sink, personalized.messageId)), comparable(only(sink, plain.messageId)));
      }
    });
  });

  it('a busy mailbox (450) comes back temporary and an unknown one (550) permanent, without throwing; the others still go out', async () => {
    await withMailer({ refuse: { 'busy@example.test': 450, 'gone@example.test': 550 } }, async (mailer, sink) => {
      const [busy, gone, fine] = await Promise.all(
        ['busy', 'gone', 'fine'].map((name) => mailer.send({ ...english, ...recipient(20), to: `${name}@example.test`, messageId: `<${name}@tocsin.example.test>` })),
      );
      assert.deepEqual({ accepted: busy!.accepted, permanent: busy!.permanent }, { accepted: false, permanent: false });
      assert.match(busy!.response, /^450 /);
      assert.deepEqual({ accepted: gone!.accepted, permanent: gone!.permanent }, { accepted: false, permanent: true });
      assert.match(gone!.response, /^550 /);
      assert.match(gone!.error!, /RCPT TO/);
      assert.equal(fine!.accepted, true);
      assert.deepEqual(sink.received.map((mail) => mail.messageId), ['<fine@tocsin.example.test>']);
    });
  });

  it('a server that crashes mid-batch: the cut messages come back temporary, the rest accepted, and retrying only those delivers each exactly once', async () => {
    await withMailer({ dropAfter: 7 }, async (mailer, sink) => {
      const batch = Array.from({ length: 24 }, (_, n) => ({ ...french, ...recipient(100 + n) }));
      const first = await Promise.all(batch.map((mail) => mailer.send(mail)));
      const failed = batch.filter((_, n) => !first[n]!.accepted);
      assert.ok(failed.length >= 1, 'the crash cut at least one message');
      assert.ok(first.every((result) => !result.permanent), 'a dropped connection is never a bounce');
      assert.ok(failed.length < batch.length, 'messages after the crash went out');
      for (const result of first.filter((r) => !r.accepted)) assert.match(result.error!, /ECONNECTION|ESOCKET|ECONNRESET|closed/i);
      const counts = sink.countByMessageId();
      for (const mail of failed) assert.equal(counts.has(mail.messageId), false, `${mail.messageId} failed, so it must not have arrived`);

      const retried = await Promise.all(failed.map((mail) => mailer.send(mail)));
      assert.ok(retried.every((result) => result.accepted));
      assert.deepEqual(
        [...sink.countByMessageId()].sort(),
        batch.map((mail) => [mail.messageId, 1] as [string, number]).sort(),
      );
    });
  });

  it('a reply lost in a crash after the server kept the message: the replay carries the same Message-ID, so the receiver can drop the copy', async () => {
    await withMailer({ dropAfter: 2, keepDropped: true }, async (mailer, sink) => {
      const batch = Array.from({ length: 5 }, (_, n) => ({ ...english, ...recipient(200 + n) }));
      const first = [];
      for (const mail of batch) first.push(await mailer.send(mail));
      assert.deepEqual(first.map((result) => result.accepted), [true, true, false, true, true]);
      assert.equal((await mailer.send(batch[2]!)).accepted, true);
      const copies = sink.received.filter((mail) => mail.messageId === batch[2]!.messageId);
      assert.equal(copies.length, 2);
      assert.equal(copies[0]!.text, copies[1]!.text);
      assert.equal(new Set(sink.received.map((mail) => mail.messageId)).size, batch.length);
    }, 1);
  });

  it('a caller mistake throws before anything is sent', async () => {
    await withMailer({}, async (mailer, sink) => {
      const good: OutgoingMail = { ...english, ...recipient(30) };
      const mistakes: Array<[string, OutgoingMail]> = [
        ['a Message-ID without brackets', { ...good, messageId: 'delivery-30@tocsin.example.test' }],
        ['two recipients', { ...good, to: 'a@example.test, b@example.test' }],
        ['a header with a line break', { ...good, headers: { 'X-Note': 'a\r\nBcc: victim@example.test' } }],
        ['a header the transport sets', { ...good, headers: { 'Message-ID': '<other@example.test>' } }],
        ['an http unsubscribe link', { ...good, unsubscribe: { url: 'http://status.example.test/u' } }],
        ['the placeholder with no unsubscribe link', { ...good, unsubscribe: undefined }],
      ];
      for (const [what, mail] of mistakes) assert.throws(() => mailer.send(mail), TypeError, what);
      const rendered = await mailer.render(english);
      assert.throws(() => mailer.send({ rendered, ...recipient(31), unsubscribe: undefined }), TypeError);
      assert.equal(sink.received.length, 0);
    });
  });

  it('close() waits for the sends under way, then refuses new ones', async () => {
    const sink = await startSmtpSink();
    const mailer = createMailer({ url: sink.url, from });
    const sending = Array.from({ length: 6 }, (_, n) => mailer.send({ ...english, ...recipient(40 + n) }));
    await mailer.close();
    assert.equal(sink.received.length, 6);
    assert.ok((await Promise.all(sending)).every((result) => result.accepted));
    assert.throws(() => mailer.send({ ...english, ...recipient(50) }), /closed/);
    await sink.close();
  });

  it('a process that sends and closes exits by itself: nothing is left open', { timeout: 30_000 }, async () => {
    const script = fileURLToPath(new URL('./send-and-close.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    assert.equal(output.trim(), 'accepted 3');
  });

  it('verify() names the server without its password when it cannot be reached', async () => {
    const sink = await startSmtpSink();
    const port = new URL(sink.url).port;
    await sink.close();
    const mailer = createMailer({ url: `smtp://relay-user:s3cret-pw@127.0.0.1:${port}`, from });
    await assert.rejects(mailer.verify(), (error: Error) => {
      assert.match(error.message, new RegExp(`smtp://relay-user:\\*\\*\\*@127\\.0\\.0\\.1:${port} cannot be used: .*ECONNREFUSED`));
      assert.ok(!error.message.includes('s3cret-pw'));
      return true;
    });
    await mailer.close();
  });
});

describe('SMTP settings from the environment', () => {
  it('no SMTP variables: e-mail is off', () => {
    assert.deepEqual(parseSmtpConfig({}), { ok: true, config: undefined });
  });

  it('a complete setting is read, the pool size and rate included', () => {
    assert.deepEqual(parseSmtpConfig({ TOCSIN_SMTP_URL: 'smtps://user:p%40ss@smtp.example.test:465', TOCSIN_MAIL_FROM: 'Status <status@example.test>', TOCSIN_SMTP_MAX_CONNECTIONS: '3', TOCSIN_SMTP_RATE_PER_SECOND: '14' }), {
      ok: true,
      config: { url: 'smtps://user:p%40ss@smtp.example.test:465', from: 'Status <status@example.test>', pool: { maxConnections: 3, maxMessages: 100 }, rateLimitPerSecond: 14 },
    });
  });

  const cases: Array<[string, Record<string, string>, RegExp[]]> = [
    ['the sender missing', { TOCSIN_SMTP_URL: 'smtp://localhost:25' }, [/^TOCSIN_MAIL_FROM is not set/]],
    ['the server missing', { TOCSIN_MAIL_FROM: 'status@example.test' }, [/^TOCSIN_SMTP_URL is not set/]],
    ['another scheme', { TOCSIN_SMTP_URL: 'https://smtp.example.test', TOCSIN_MAIL_FROM: 'status@example.test' }, [/^TOCSIN_SMTP_URL must start with smtp:\/\/ or smtps:\/\//]],
    ['not a URL', { TOCSIN_SMTP_URL: 'smtp.example.test:587', TOCSIN_MAIL_FROM: 'status@example.test' }, [/^TOCSIN_SMTP_URL /]],
    ['a user without password', { TOCSIN_SMTP_URL: 'smtp://relay@smtp.example.test', TOCSIN_MAIL_FROM: 'status@example.test' }, [/^TOCSIN_SMTP_URL names the user "relay" but no password/]],
    ['two senders', { TOCSIN_SMTP_URL: 'smtp://localhost', TOCSIN_MAIL_FROM: 'a@example.test, b@example.test' }, [/^TOCSIN_MAIL_FROM must be one address/]],
    ['every problem at once', { TOCSIN_SMTP_URL: 'smtps://u:hunter2@smtp.example.test/x', TOCSIN_MAIL_FROM: 'status', TOCSIN_SMTP_RATE_PER_SECOND: '0.5' }, [/^TOCSIN_SMTP_URL has a path/, /^TOCSIN_MAIL_FROM must be one address/, /^TOCSIN_SMTP_RATE_PER_SECOND must be a whole number/]],
  ];
  for (const [what, env, expected] of cases) {
    it(`${what} is reported, naming the variable and never the password`, () => {
      const result = parseSmtpConfig(env);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.errors.length, expected.length, result.errors.join('\n'));
      expected.forEach((pattern, n) => assert.match(result.errors[n]!, pattern));
      assert.ok(!result.errors.join(' ').includes('hunter2'));
    });
  }
});
