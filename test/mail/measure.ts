// Prints send rates, built per message vs rendered once, to an SMTP sink in another process (not a timed test).
// node --import tsx test/mail/measure.ts [messages]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { unsubscribeUrlPlaceholder, type MailContent } from '../../src/adapters/mail/mail.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';

if (process.argv[2] === 'sink') {
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData: (stream, _session, callback) => stream.on('end', () => callback()).resume() });
  server.listen(0, '127.0.0.1', () => process.send!((server.server.address() as AddressInfo).port));
} else {
  const count = Number(process.argv[2]) || 2000;
  const sink = fork(new URL(import.meta.url).pathname, ['sink'], { execArgv: ['--import', 'tsx'] });
  const [port] = (await once(sink, 'message')) as [number];
  const paragraph = 'Les paiements par carte échouent pour une partie des clients depuis 13 h 05. Nos équipes rétablissent le service et publieront la prochaine mise à jour à 14 h 30. ';
  const content: MailContent = {
    language: 'fr',
    subject: 'Incident en cours : paiements dégradés',
    text: `${paragraph.repeat(12)}\n\nSe désabonner : ${unsubscribeUrlPlaceholder}\n`,
    html: `<p>${paragraph.repeat(12)}</p><p><a href="${unsubscribeUrlPlaceholder}">Se désabonner</a></p>`,
  };
  const recipient = (n: number) => ({ to: `s${n}@example.test`, messageId: `<d-${n}@tocsin.example.test>`, unsubscribe: { url: `https://status.example.test/u?s=${n}&t=k${n}`, mailto: `mailto:u+${n}@example.test` } });
  for (const maxConnections of [1, 5]) {
    const mailer = createMailer({ url: `smtp://127.0.0.1:${port}`, from: 'Statut <status@example.test>', pool: { maxConnections, maxMessages: 100_000 } });
    await mailer.verify();
    for (const path of ['built per message', 'rendered once'] as const) {
      const started = performance.now();
      const rendered = path === 'rendered once' ? await mailer.render(content) : undefined;
      const results = await Promise.all(Array.from({ length: count }, (_, n) => (rendered ? mailer.send({ rendered, ...recipient(n) }) : mailer.send({ ...content, ...recipient(n) }))));
      const seconds = (performance.now() - started) / 1000;
      const accepted = results.filter((result) => result.accepted).length;
      console.log(`${maxConnections} connection(s), ${path}: ${Math.round(accepted / seconds)} msg/s (${accepted}/${count})`);
    }
    await mailer.close();
  }
  sink.kill();
}
