import { EventEmitter, once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type HeaderValue } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  messageId: string;
  /** Lower-case header names; structured headers (To, Content-Type…) parsed as mailparser does. */
  headers: Map<string, HeaderValue>;
  /** Header values as sent, unfolded: `List-Unsubscribe`, `Content-Language`… */
  rawHeaders: Map<string, string>;
  subject: string;
  text: string;
  html: string;
  to: string[];
}

export interface SmtpSinkOptions {
  /** Reply code at RCPT TO per recipient address, e.g. `{ 'full@example.test': 452 }`. */
  refuse?: Record<string, number>;
  /** Simulates a crash once: the message after this many acknowledged ones gets no reply, and every open connection is cut. */
  dropAfter?: number;
  /** The message whose reply the crash lost was kept, as a server that had queued it would. (Default: false) */
  keepDropped?: boolean;
  /** Messages wait, unanswered, until `release()`: a receiver slower than the worker's lease. */
  hold?: boolean;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for `TOCSIN_SMTP_URL`. */
  url: string;
  /** Every message the sink kept, in arrival order. */
  received: ReceivedMail[];
  /** How many times each Message-ID arrived. */
  countByMessageId(): Map<string, number>;
  /** Lets held messages (and every later one) through. */
  release(): void;
  /** Resolves once `done(received)` holds, checked as each message arrives; rejects after `timeoutMs`. */
  until(done: (received: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server on a random local port: no auth, no TLS; each message is parsed before it is acknowledged. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const arrivals = new EventEmitter();
  const sockets = new Map<number, Socket>();
  let acknowledged = 0;
  let hasCrashed = false;
  let release = () => {};
  const released = options.hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.[address.address];
      if (code === undefined) return callback();
      const error = Object.assign(new Error(`${code < 500 ? 'Mailbox busy, try again later' : 'No such mailbox'}: ${address.address}`), { responseCode: code });
      callback(error);
    },
    onData(stream, session, callback) {
      // smtp-server resets the envelope once the callback runs.
      const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
      const socket = sockets.get(session.remotePort);
      Promise.all([simpleParser(stream), released]).then(([parsed]) => {
        // A connection the crash cut mid-message: its client saw no reply, the message was never accepted.
        if (!socket || socket.destroyed) return;
        const isCrashPoint = options.dropAfter !== undefined && !hasCrashed && acknowledged === options.dropAfter;
        if (!isCrashPoint || options.keepDropped) {
          received.push(toReceived(parsed, envelope));
          arrivals.emit('mail');
        }
        if (isCrashPoint) {
          hasCrashed = true;
          for (const open of sockets.values()) open.destroy();
          return;
        }
        acknowledged += 1;
        callback();
      }, callback);
    },
  });
  // A client killed mid-session resets its connection: that is the client's crash, not the sink's.
  server.on('error', () => {});
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort!;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    release: () => release(),
    countByMessageId() {
      const counts = new Map<string, number>();
      for (const mail of received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
      return counts;
    },
    until(done, timeoutMs = 60_000) {
      if (done(received)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done(received)) return;
          clearTimeout(timer);
          arrivals.off('mail', check);
          resolve();
        };
        const timer = setTimeout(() => {
          arrivals.off('mail', check);
          reject(new Error(`The SMTP sink holds ${received.length} messages; the awaited state did not come within ${timeoutMs} ms.`));
        }, timeoutMs);
        arrivals.on('mail', check);
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(resolve));
    },
  };
}

function toReceived(parsed: Awaited<ReturnType<typeof simpleParser>>, envelope: ReceivedMail['envelope']): ReceivedMail {
  const to = [parsed.to ?? []].flat().flatMap((group) => group.value.map((address) => address.address ?? ''));
  return {
    envelope,
    messageId: parsed.messageId ?? '',
    headers: parsed.headers,
    rawHeaders: new Map(parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '').trim()])),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || '',
    to,
  };
}
