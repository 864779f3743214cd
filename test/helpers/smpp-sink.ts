import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import smpp, { type Pdu, type Session, type ShortMessage } from 'smpp';

export interface ReceivedSubmit {
  sourceAddr: string;
  sourceTon: number;
  sourceNpi: number;
  destinationAddr: string;
  destTon: number;
  destNpi: number;
  dataCoding: number;
  esmClass: number;
  registeredDelivery: number;
  /** This part's text, decoded by the smpp package from data_coding. */
  text: string;
  /** From the UDH concatenation element (IEI 00), when there is one. */
  concatenation?: { reference: number; total: number; sequence: number };
  /** The command_status the sink replied with; undefined when it never replied. */
  commandStatus?: number;
}

/** A whole message as a phone would show it, its parts put back together. */
export interface ReceivedSms {
  to: string;
  from: string;
  dataCoding: number;
  text: string;
  segments: number;
  /** The message_id the sink gave the first part. */
  messageId: string;
}

export interface SmppSinkOptions {
  /** The only login accepted. (Default: system_id "tocsin", password "secret") */
  systemId?: string;
  password?: string;
  /** command_status per destination_addr (digits, no +), e.g. `{ '33699999999': 0x0b }`. */
  refuse?: Record<string, number>;
  /** The first this-many submit_sm get ESME_RTHROTTLED. */
  throttleFirst?: number;
  /** Simulates a crash once: the submit_sm after this many accepted ones gets no reply, and every connection is cut. */
  dropAfter?: number;
  /** Never reply to submit_sm, as an SMSC that hangs. */
  isSilent?: boolean;
  /** Send a delivery receipt (deliver_sm) after each accepted message. */
  shouldSendReceipts?: boolean;
}

export interface SmppSink {
  host: string;
  port: number;
  systemId: string;
  password: string;
  /** Every submit_sm, in arrival order. */
  submits: ReceivedSubmit[];
  /** Every message whose parts were all accepted, in order of completion. */
  messages: ReceivedSms[];
  /** Successful binds, one per session the client opened. */
  binds: number;
  unbinds: number;
  /** Emits 'submit_sm', 'enquire_link', 'receipt-acknowledged' and 'bind' as they happen. */
  events: EventEmitter;
  /** Sends a request to the most recent client session and resolves with its reply. */
  request(command: string, fields?: Record<string, unknown>): Promise<Pdu>;
  close(): Promise<void>;
}

/** A real SMSC from the smpp package on a random local port: one bind_transceiver login, submit_sm recorded and reassembled. */
export async function startSmppSink(options: SmppSinkOptions = {}): Promise<SmppSink> {
  const systemId = options.systemId ?? 'tocsin';
  const password = options.password ?? 'secret';
  const events = new EventEmitter();
  const submits: ReceivedSubmit[] = [];
  const messages: ReceivedSms[] = [];
  const partsByMessage = new Map<string, Array<{ submit: ReceivedSubmit; messageId: string }>>();
  let binds = 0;
  let unbinds = 0;
  let accepted = 0;
  let throttled = 0;
  let hasCrashed = false;
  let nextMessageId = 1;

  const server = smpp.createServer((session: Session) => {
    let isBound = false;
    // A client that disconnects abruptly surfaces as ECONNRESET: nothing for the sink to do.
    session.on('error', () => session.destroy());
    session.on('bind_transceiver', (pdu: Pdu) => {
      if (pdu.system_id !== systemId || pdu.password !== password) {
        session.send(pdu.response({ command_status: pdu.system_id === systemId ? smpp.errors.ESME_RINVPASWD : smpp.errors.ESME_RINVSYSID }));
        return;
      }
      isBound = true;
      binds += 1;
      session.send(pdu.response({ system_id: 'tocsin-test-smsc' }));
      events.emit('bind');
    });
    session.on('enquire_link', (pdu: Pdu) => {
      session.send(pdu.response());
      events.emit('enquire_link');
    });
    session.on('unbind', (pdu: Pdu) => {
      unbinds += 1;
      session.send(pdu.response());
      session.close();
    });
    session.on('deliver_sm_resp', () => events.emit('receipt-acknowledged'));
    session.on('submit_sm', (pdu: Pdu) => {
      const submit = toSubmit(pdu);
      submits.push(submit);
      events.emit('submit_sm', submit);
      if (options.isSilent) return;
      if (options.dropAfter !== undefined && !hasCrashed && accepted === options.dropAfter) {
        hasCrashed = true;
        for (const open of [...server.sessions]) open.destroy();
        return;
      }
      submit.commandStatus = statusFor(submit, isBound);
      if (submit.commandStatus !== 0) {
        session.send(pdu.response({ command_status: submit.commandStatus }));
        return;
      }
      accepted += 1;
      const messageId = `msg-${nextMessageId++}`;
      session.send(pdu.response({ message_id: messageId }));
      const whole = collect(submit, messageId);
      if (!whole) return;
      messages.push(whole);
      if (options.shouldSendReceipts) sendReceipt(session, whole);
    });
  });

  function statusFor(submit: ReceivedSubmit, isBound: boolean): number {
    if (!isBound) return smpp.errors.ESME_RINVBNDSTS!;
    if (throttled < (options.throttleFirst ?? 0)) {
      throttled += 1;
      return smpp.errors.ESME_RTHROTTLED!;
    }
    return options.refuse?.[submit.destinationAddr] ?? 0;
  }

  function collect(submit: ReceivedSubmit, messageId: string): ReceivedSms | undefined {
    const { concatenation } = submit;
    if (!concatenation) return { to: submit.destinationAddr, from: submit.sourceAddr, dataCoding: submit.dataCoding, text: submit.text, segments: 1, messageId };
    const key = `${submit.sourceAddr}|${submit.destinationAddr}|${concatenation.reference}`;
    const parts = [...(partsByMessage.get(key) ?? []), { submit, messageId }];
    if (parts.length < concatenation.total) {
      partsByMessage.set(key, parts);
      return undefined;
    }
    partsByMessage.delete(key);
    parts.sort((a, b) => a.submit.concatenation!.sequence - b.submit.concatenation!.sequence);
    return {
      to: submit.destinationAddr,
      from: submit.sourceAddr,
      dataCoding: submit.dataCoding,
      text: parts.map((part) => part.submit.text).join(''),
      segments: parts.length,
      messageId: parts[0]!.messageId,
    };
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    systemId,
    password,
    submits,
    messages,
    get binds() {
      return binds;
    },
    get unbinds() {
      return unbinds;
    },
    events,
    request(command, fields = {}) {
      const session = server.sessions.at(-1);
      if (!session) return Promise.reject(new Error('No client is connected to the sink.'));
      return new Promise((resolve) => session.send(new smpp.PDU(command, fields), resolve));
    },
    async close() {
      for (const session of [...server.sessions]) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function toSubmit(pdu: Pdu): ReceivedSubmit {
  // The smpp package decodes short_message into { udh, message } whenever the PDU has a data_coding field, as submit_sm does.
  const shortMessage = pdu.short_message as ShortMessage;
  const concatenation = shortMessage.udh?.find((element) => element[0] === 0x00 && element[1] === 3);
  return {
    sourceAddr: String(pdu.source_addr),
    sourceTon: Number(pdu.source_addr_ton),
    sourceNpi: Number(pdu.source_addr_npi),
    destinationAddr: String(pdu.destination_addr),
    destTon: Number(pdu.dest_addr_ton),
    destNpi: Number(pdu.dest_addr_npi),
    dataCoding: Number(pdu.data_coding),
    esmClass: Number(pdu.esm_class),
    registeredDelivery: Number(pdu.registered_delivery),
    text: shortMessage.message,
    ...(concatenation ? { concatenation: { reference: concatenation[2]!, total: concatenation[3]!, sequence: concatenation[4]! } } : {}),
  };
}

function sendReceipt(session: Session, sms: ReceivedSms): void {
  session.send(
    new smpp.PDU('deliver_sm', {
      source_addr: sms.to,
      destination_addr: sms.from,
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from(`id:${sms.messageId} sub:001 dlvrd:001 submit date:2601011200 done date:2601011201 stat:DELIVRD err:000 text:`, 'ascii'),
    }),
  );
}
