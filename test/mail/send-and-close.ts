// Run as its own process by smtp-transport.test.ts: it must exit by itself once the mailer and the sink are closed.
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

const sink = await startSmtpSink();
const mailer = createMailer({ url: sink.url, from: 'status@example.test' });
await mailer.verify();
const rendered = await mailer.render({ language: 'en', subject: 'Resolved', text: 'Resolved.', html: '<p>Resolved.</p>' });
const results = await Promise.all(
  [1, 2, 3].map((n) => mailer.send({ rendered, to: `s${n}@example.test`, messageId: `<close-${n}@tocsin.example.test>` })),
);
await mailer.close();
await sink.close();
console.log(`accepted ${results.filter((result) => result.accepted).length}`);
