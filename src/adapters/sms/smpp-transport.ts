import { randomInt } from 'node:crypto';
import smpp, { type Pdu, type Session } from 'smpp';
import type { SendResult } from '../outcome.ts';
import type { SmppConfig } from './sms-config.ts';
import { assertOutgoingSms, createPacer, encodeSms, type EncodedSms, type SmsSender } from './sms.ts';

const ESM_CLASS_UDHI = 0x40;
const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const NPI_ISDN = 1;

/** SMPP 3.4 §5.1.3 command_status values this adapter tells apart. */
const status = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RINVDSTADR: 0x0b,
  ESME_RMSGQFUL: 0x14,
  ESME_RINVESMCLASS: 0x43,
  ESME_RINVDSTTON: 0x50,
  ESME_RINVDSTNPI: 0x51,
  ESME_RTHROTTLED: 0x58,
  ESME_RX_P_APPN: 0x65,
  ESME_RX_R_APPN: 0x66,
  ESME_RPROHIBITED: 0x101,
  ESME_RINVDCS: 0x104,
} as const;

/** Refusals of this message that a retry would meet again. Sender, login and system errors are not among them: fixing those makes the retry pass. */
const permanentStatuses = new Set<number>([status.ESME_RINVMSGLEN, status.ESME_RINVDSTADR, status.ESME_RINVESMCLASS, status.ESME_RINVDSTTON, status.ESME_RINVDSTNPI, status.ESME_RX_P_APPN, status.ESME_RX_R_APPN, status.ESME_RPROHIBITED, status.ESME_RINVDCS]);

// Throttling clears within the second on most SMSCs; a full queue is the recipient's, kept until their phone answers.
const retryAfterMsByStatus = new Map<number, number>([[status.ESME_RTHROTTLED, 1_000], [status.ESME_RMSGQFUL, 30_000]]);

const answered = new Set(['enquire_link', 'deliver_sm', 'unbind']);

const statusNames = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

/** A failure on the way to a reply: the connection, the bind or a silent SMSC. */
class SmppError extends Error {
  constructor(message: string, readonly response = '', options?: ErrorOptions) {
    super(message, options);
  }
}

interface Link {
  session: Session;
  /** Fails every request awaiting its reply; called once, when the socket closes. */
  pending: Set<(error: Error) => void>;
  /** Unbound, dropped or given up on: no new request may use it. */
  isEnding: boolean;
  closed: Promise<void>;
}

/** One bound transceiver session to one SMSC, opened on first use and again after a drop. */
export function createSmppSender(config: SmppConfig): SmsSender {
  const timeoutMs = config.timeoutMs ?? 15_000;
  const windowSize = config.windowSize ?? 10;
  const where = `${config.host}:${config.port}`;
  const source = config.from.startsWith('+')
    ? { source_addr_ton: TON_INTERNATIONAL, source_addr_npi: NPI_ISDN, source_addr: config.from.slice(1) }
    : { source_addr_ton: TON_ALPHANUMERIC, source_addr_npi: 0, source_addr: config.from };
  const pace = createPacer(config.rateLimitPerSecond);
  const underWay = new Set<Promise<SendResult>>();
  let opening: Promise<Link> | undefined;
  let lastReference = randomInt(256);
  let inFlight = 0;
  const waitingForWindow: Array<() => void> = [];
  let isClosed = false;

  function request(link: Link, command: string, fields: Record<string, unknown> = {}): Promise<Pdu> {
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        link.pending.delete(fail);
      };
      const fail = (error: Error) => {
        settle();
        reject(error);
      };
      const timer = setTimeout(() => {
        fail(new SmppError(`The SMSC at ${where} sent no reply to ${command} within ${timeoutMs / 1000} s.`));
        // A silent SMSC is taken for dead: the next send opens a fresh session.
        end(link);
      }, timeoutMs);
      if (link.isEnding) return fail(lost(undefined));
      link.pending.add(fail);
      const isWritten = link.session.send(new smpp.PDU(command, fields), (reply) => {
        settle();
        resolve(reply);
      });
      if (!isWritten) fail(lost(undefined));
    });
  }

  function lost(cause: Error | undefined): SmppError {
    return new SmppError(`The connection to the SMSC at ${where} closed before its reply${cause ? ` (${cause.message})` : ''}.`, '', { cause });
  }

  function open(): Promise<Link> {
    const session = smpp.connect({ host: config.host, port: config.port, tls: config.isTls });
    let lastError: Error | undefined;
    let isConnected = false;
    let keepAlive: NodeJS.Timeout | undefined;
    let markClosed!: () => void;
    const link: Link = { session, pending: new Set(), isEnding: false, closed: new Promise((resolve) => (markClosed = resolve)) };
    // The smpp package throws an 'error' without a listener, and stops reading for good after a malformed PDU: either way the session ends here.
    session.on('error', (error: Error) => {
      lastError = error;
      end(link);
    });
    session.on('close', () => {
      link.isEnding = true;
      clearInterval(keepAlive);
      for (const fail of [...link.pending]) fail(lost(lastError));
      markClosed();
    });
    // A transceiver must answer what the SMSC sends: keep-alives, delivery receipts (registered_delivery 1), unbind.
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('deliver_sm', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      link.isEnding = true;
      session.send(pdu.response(), () => session.destroy());
    });
    session.on('pdu', (pdu: Pdu) => {
      // Any other request (data_sm, alert_notification…) is refused rather than left for the SMSC to wait on.
      if (!pdu.isResponse() && !answered.has(pdu.command)) session.send(pdu.response({ command_status: status.ESME_RINVCMDID }));
    });

    const bound = new Promise<Link>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new SmppError(`The SMSC at ${where} did not accept a connection within ${timeoutMs / 1000} s.`));
        end(link);
      }, timeoutMs);
      void link.closed.then(() => {
        clearTimeout(timer);
        const what = isConnected ? `The SMSC at ${where} closed the connection before the bind completed` : `Cannot reach the SMSC at ${where}`;
        reject(new SmppError(`${what}${lastError ? `: ${lastError.message}` : ''}.`, '', { cause: lastError }));
      });
      session.once(config.isTls ? 'secureConnect' : 'connect', () => {
        isConnected = true;
        clearTimeout(timer);
        request(link, 'bind_transceiver', { system_id: config.systemId, password: config.password }).then((reply) => {
          if (reply.command_status !== status.ESME_ROK) {
            reject(new SmppError(`The SMSC at ${where} refused the bind of "${config.systemId}": ${describeStatus(reply.command_status)}.`, replyLine(reply)));
            end(link);
            return;
          }
          keepAlive = setInterval(() => {
            // A lost reply destroys the session in request(); nothing else to do here.
            request(link, 'enquire_link').catch(() => {});
          }, config.enquireLinkIntervalMs ?? 30_000).unref();
          resolve(link);
        }, reject);
      });
    });
    return bound;
  }

  /** The live session, opened (or opened again) when there is none; concurrent sends share one attempt. */
  function connection(mayReopen = true): Promise<Link> {
    if (!opening) {
      const fresh = open();
      opening = fresh;
      fresh.catch(() => {
        if (opening === fresh) opening = undefined;
      });
    }
    const attempt = opening;
    return attempt.then((link) => {
      if (!link.isEnding) return link;
      if (opening === attempt) opening = undefined;
      // Once: an SMSC that ends every session at once must not keep this send reconnecting.
      if (!mayReopen) throw lost(undefined);
      return connection(false);
    });
  }

  async function takeWindowSlot(): Promise<void> {
    if (inFlight < windowSize) {
      inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => waitingForWindow.push(resolve));
  }

  function releaseWindowSlot(): void {
    const next = waitingForWindow.shift();
    if (next) next();
    else inFlight -= 1;
  }

  async function deliver(to: string, { dataCoding, parts }: EncodedSms): Promise<SendResult> {
    lastReference = (lastReference + 1) % 256;
    const reference = lastReference;
    const messageIds: string[] = [];
    for (const [index, payload] of parts.entries()) {
      // 3GPP TS 23.040 §9.2.3.24.1: IEI 00, length 3, reference, total parts, this part (from 1).
      const header = parts.length > 1 ? Buffer.from([0x05, 0x00, 0x03, reference, parts.length, index + 1]) : Buffer.alloc(0);
      let reply: Pdu;
      await pace();
      await takeWindowSlot();
      try {
        const link = await connection();
        reply = await request(link, 'submit_sm', {
          ...source,
          dest_addr_ton: TON_INTERNATIONAL,
          dest_addr_npi: NPI_ISDN,
          destination_addr: to.slice(1),
          esm_class: parts.length > 1 ? ESM_CLASS_UDHI : 0,
          registered_delivery: 1,
          data_coding: dataCoding,
          short_message: Buffer.concat([header, payload]),
        });
        // The SMSC no longer counts this session as bound: the next send binds a fresh one.
        if (reply.command_status === status.ESME_RINVBNDSTS) end(link);
      } catch (error) {
        if (!(error instanceof SmppError)) throw error;
        return { accepted: false, permanent: false, response: error.response, error: `${partLabel(index, parts.length)}${error.message}` };
      } finally {
        releaseWindowSlot();
      }
      if (reply.command_status !== status.ESME_ROK) {
        const result = resultOfCommandStatus(reply.command_status);
        return { ...result, response: replyLine(reply), error: `${partLabel(index, parts.length)}${result.error}` };
      }
      messageIds.push(typeof reply.message_id === 'string' ? reply.message_id : '');
    }
    return { accepted: true, permanent: false, response: `submit_sm_resp ESME_ROK message_id ${messageIds.join(', ')}`, providerId: messageIds[0] };
  }

  return {
    send(sms) {
      if (isClosed) throw new Error('This SMS sender is closed.');
      assertOutgoingSms(sms);
      const sending = deliver(sms.to, encodeSms(sms.text));
      underWay.add(sending);
      void sending.finally(() => underWay.delete(sending));
      return sending;
    },
    async close() {
      isClosed = true;
      await Promise.allSettled(underWay);
      const link = await opening?.catch(() => undefined);
      if (!link) return;
      // SMPP 3.4 §4.2: unbind before closing; the SMSC may otherwise hold the session as still bound.
      if (!link.isEnding) await request(link, 'unbind').catch(() => {});
      end(link);
      await link.closed;
    },
  };
}

function end(link: Link): void {
  link.isEnding = true;
  link.session.destroy();
}

/** What a non-zero submit_sm_resp command_status means for this message and the next attempt. */
export function resultOfCommandStatus(commandStatus: number): SendResult {
  const error = `The SMSC refused the message: ${describeStatus(commandStatus)}.`;
  const response = `submit_sm_resp ${statusNames.get(commandStatus) ?? 'error'}`;
  const retryAfterMs = retryAfterMsByStatus.get(commandStatus);
  if (retryAfterMs !== undefined) return { accepted: false, permanent: false, retryAfterMs, response, error };
  if (commandStatus === status.ESME_RINVDSTADR) return { accepted: false, permanent: true, gone: true, response, error };
  return { accepted: false, permanent: permanentStatuses.has(commandStatus), response, error };
}

function describeStatus(commandStatus: number): string {
  const hex = `0x${commandStatus.toString(16).toUpperCase().padStart(2, '0')}`;
  const name = statusNames.get(commandStatus);
  return name ? `${name} (${hex})` : `command_status ${hex}`;
}

function replyLine(reply: Pdu): string {
  return `${reply.command} ${statusNames.get(reply.command_status) ?? describeStatus(reply.command_status)}`;
}

function partLabel(index: number, total: number): string {
  return total > 1 ? `Part ${index + 1} of ${total}: ` : '';
}
