import { setTimeout as delay } from 'node:timers/promises';
import { smsLayout } from '../../domain/linter/sms.ts';
import type { SendResult } from '../outcome.ts';

export interface OutgoingSms {
  /** E.164, e.g. +33612345678 (see `normalizePhone`). */
  to: string;
  text: string;
  /** The delivery id, stable across retries: a gateway that deduplicates drops a replay. */
  idempotencyKey: string;
}

export interface SmsSender {
  /** One attempt, one recipient. Resolves with the outcome; throws only on a caller's mistake. */
  send(sms: OutgoingSms): Promise<SendResult>;
  /** Waits for the sends under way, then releases the connection. */
  close(): Promise<void>;
}

/** SMPP data_coding: 0 is the SMSC default alphabet (GSM 03.38, one septet per octet), 8 is UCS-2 big-endian. */
export type DataCoding = 0 | 8;

export interface EncodedSms {
  dataCoding: DataCoding;
  /** One payload per segment, split where `smsLayout` splits, without the concatenation header. */
  parts: Buffer[];
}

// GSM 03.38 basic table in code order (0x1B is the escape to the extension table) and the extension codes.
const GSM7_TABLE = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1BÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_CODE = new Map([...GSM7_TABLE].map((character, code) => [character, code]));
const GSM7_EXTENSION_CODE = new Map<string, number>([['\f', 0x0a], ['^', 0x14], ['{', 0x28], ['}', 0x29], ['\\', 0x2f], ['[', 0x3c], ['~', 0x3d], [']', 0x3e], ['|', 0x40], ['€', 0x65]]);
const ESCAPE = 0x1b;
// The concatenation header numbers parts in one octet (3GPP TS 23.040 §9.2.3.24.1).
const MAX_PARTS = 255;

const e164 = /^\+[1-9]\d{6,14}$/;

// A mistake in these is the caller's bug, not a delivery outcome: thrown, never returned.
export function assertOutgoingSms(sms: OutgoingSms): void {
  if (!e164.test(sms.to)) throw new TypeError(`"to" must be an E.164 number such as +33612345678, not ${JSON.stringify(sms.to)}; normalizePhone gives one.`);
  if (sms.text.length === 0) throw new TypeError('"text" is empty.');
  // It travels as an HTTP header value too: visible ASCII only.
  if (!/^[\x21-\x7e]{1,200}$/.test(sms.idempotencyKey)) throw new TypeError(`"idempotencyKey" must be 1 to 200 visible ASCII characters, not ${JSON.stringify(sms.idempotencyKey)}.`);
}

/** The text in the encoding `smsLayout` chose, cut at its segment starts. Throws past 255 segments. */
export function encodeSms(text: string): EncodedSms {
  const layout = smsLayout(text);
  if (layout.segments > MAX_PARTS) throw new TypeError(`The text needs ${layout.segments} SMS segments; a concatenated SMS holds at most ${MAX_PARTS}.`);
  const ends = [...layout.segmentStarts.slice(1), text.length];
  const pieces = layout.segmentStarts.map((start, n) => text.slice(start, ends[n]));
  switch (layout.encoding) {
    case 'gsm7':
      return { dataCoding: 0, parts: pieces.map(encodeGsm7) };
    case 'ucs2':
      return { dataCoding: 8, parts: pieces.map(encodeUcs2) };
  }
}

function encodeGsm7(text: string): Buffer {
  const octets: number[] = [];
  for (const character of text) {
    const code = GSM7_CODE.get(character);
    if (code !== undefined && code !== ESCAPE) {
      octets.push(code);
      continue;
    }
    const extension = GSM7_EXTENSION_CODE.get(character);
    if (extension === undefined) throw new TypeError(`${JSON.stringify(character)} is not in the GSM 7-bit alphabet; smsLayout should have chosen UCS-2.`);
    octets.push(ESCAPE, extension);
  }
  return Buffer.from(octets);
}

function encodeUcs2(text: string): Buffer {
  // UTF-16 code units, big-endian: an astral character travels as its surrogate pair, which smsLayout never splits.
  const buffer = Buffer.from(text, 'utf16le');
  buffer.swap16();
  return buffer;
}

/**
 * Spaces calls to at most `ratePerSecond`, each waiting for its slot: a provider's quota is per
 * second, and exceeding it earns throttling replies. Undefined: no pacing.
 */
export function createPacer(ratePerSecond: number | undefined, clock: { now(): number; wait(ms: number): Promise<unknown> } = { now: Date.now, wait: delay }): () => Promise<void> {
  if (!ratePerSecond) return async () => {};
  const intervalMs = 1000 / ratePerSecond;
  let nextSlotAtMs = -Infinity;
  return async () => {
    const nowMs = clock.now();
    const slotAtMs = Math.max(nowMs, nextSlotAtMs);
    nextSlotAtMs = slotAtMs + intervalMs;
    if (slotAtMs > nowMs) await clock.wait(slotAtMs - nowMs);
  };
}

/** A reply cut to the few hundred characters a `SendResult.response` holds. */
export function shortReply(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 299)}…` : oneLine;
}
