import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import addressparser from 'nodemailer/lib/addressparser';
import { assertContent, assertRecipient, fillHtml, fillText, sharedHeaders, unsubscribeHeaders, type MailContent, type OutgoingMail, type Recipient, type SendResult } from './mail.ts';
import { personalize, renderMail, type RenderedMail } from './render-mail.ts';
import { describeSmtpUrl, type SmtpConfig } from './smtp-config.ts';

/** A recipient of a mail rendered once with `Mailer.render`. */
export interface PersonalizedMail extends Recipient {
  rendered: RenderedMail;
}

export interface Mailer {
  /** Builds the raw message of one variant in one language once; send it with `{ rendered, ...recipient }`. */
  render(content: MailContent): Promise<RenderedMail>;
  /** One attempt, one recipient. Resolves with the outcome; rejects only on a caller's mistake. */
  send(mail: OutgoingMail | PersonalizedMail): Promise<SendResult>;
  /** Connects and logs in once; rejects with what went wrong (the password masked). */
  verify(): Promise<void>;
  /** Waits for the sends under way, then closes every connection. */
  close(): Promise<void>;
}

/** A pool of SMTP connections to one relay. */
export function createMailer(config: SmtpConfig): Mailer {
  const envelopeFrom = addressparser(config.from, { flatten: true })[0]?.address;
  if (!envelopeFrom) throw new TypeError(`"from" must hold an address, not ${JSON.stringify(config.from)}; parseSmtpConfig checks it.`);
  const transport = nodemailer.createTransport({
    pool: true,
    url: config.url,
    maxConnections: config.pool?.maxConnections ?? 5,
    maxMessages: config.pool?.maxMessages ?? 100,
    ...(config.rateLimitPerSecond ? { rateLimit: config.rateLimitPerSecond, rateDelta: 1000 } : {}),
    // nodemailer waits up to 2 min for a connection and 10 min on a silent socket; during an incident a
    // stuck relay must surface as a retryable failure well before that.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const underWay = new Set<Promise<SendResult>>();
  let isClosed = false;

  /** The message as nodemailer takes it; a caller's mistake throws here, before anything is sent. */
  function messageOf(mail: OutgoingMail | PersonalizedMail): SendMailOptions {
    if ('rendered' in mail) return { envelope: { from: envelopeFrom, to: [mail.to] }, raw: personalize(mail.rendered, mail) };
    assertContent(mail);
    assertRecipient(mail);
    return {
      from: config.from,
      to: mail.to,
      subject: mail.subject,
      text: fillText(mail.text, mail),
      html: fillHtml(mail.html, mail),
      messageId: mail.messageId,
      headers: { ...sharedHeaders(mail), ...prepared(unsubscribeHeaders(mail.unsubscribe)) },
    };
  }

  async function deliver(message: SendMailOptions): Promise<SendResult> {
    try {
      const info = await transport.sendMail(message);
      return { accepted: true, permanent: false, response: info.response };
    } catch (error) {
      return resultOfFailure(error);
    }
  }

  return {
    render: (content) => renderMail(content, config.from),
    send(mail) {
      if (isClosed) throw new Error('This mailer is closed.');
      const sending = deliver(messageOf(mail));
      underWay.add(sending);
      void sending.finally(() => underWay.delete(sending));
      return sending;
    },
    async verify() {
      try {
        await transport.verify();
      } catch (error) {
        throw new Error(`The SMTP server ${describeSmtpUrl(config.url)} cannot be used: ${describeFailure(error)}`, { cause: error });
      }
    },
    async close() {
      isClosed = true;
      await Promise.all(underWay);
      transport.close();
    },
  };
}

/** The failure as a result: 5xx to RCPT TO or to the message is permanent; anything else may pass later. */
export function resultOfFailure(error: unknown): SendResult {
  const { code, command, responseCode, response } = error as SmtpError;
  // RFC 5321 §4.2.1: 5yz is permanent, except 503 (bad sequence: the session, not the message).
  // A 5xx to MAIL FROM or AUTH refuses our sender or login, not this recipient: retry once that is fixed.
  const isRefusedForGood = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && responseCode !== 503 && (command === 'RCPT TO' || command === 'DATA');
  const isInvalidAddress = code === 'EENVELOPE' && command === 'API';
  return { accepted: false, permanent: isRefusedForGood || isInvalidAddress, response: typeof response === 'string' ? response : '', error: describeFailure(error) };
}

interface SmtpError {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, command } = error as SmtpError;
  const where = [code, command && command !== 'API' && command !== 'CONN' ? `at ${command}` : undefined].filter(Boolean).join(' ');
  return where ? `${error.message} (${where})` : error.message;
}

function prepared(headers: Record<string, string>): Record<string, { prepared: true; value: string }> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, { prepared: true, value }]));
}
