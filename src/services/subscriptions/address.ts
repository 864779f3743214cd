import { domainToASCII } from 'node:url';
import type { CountryCode } from 'libphonenumber-js';
import type { Language, SubscriberChannel } from '../../adapters/db/schema.ts';
import { normalizePhone } from '../../adapters/sms/phone.ts';

export type AddressResult = { ok: true; address: string } | { ok: false; reason: string };

// RFC 5322 atext, plus any non-ASCII character (RFC 6531 internationalized local parts).
const localAtom = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+$/u;
const asciiLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An e-mail address as stored: lower-cased, the domain in its ASCII (punycode) form so that one
 * mailbox has one spelling; internationalized domains and local parts are accepted.
 */
export function normalizeEmail(input: string): AddressResult {
  const text = input.trim();
  const shown = JSON.stringify(text);
  if (text === '') return { ok: false, reason: 'The e-mail address is empty.' };
  if (/\s/u.test(text)) return { ok: false, reason: `${shown} is not an e-mail address: it contains a space.` };
  const at = text.lastIndexOf('@');
  if (at < 0) return { ok: false, reason: `${shown} is not an e-mail address: it has no "@".` };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local === '') return { ok: false, reason: `${shown} is not an e-mail address: nothing comes before the "@".` };
  if (local.length > 64) return { ok: false, reason: `${shown} is not an e-mail address: the part before the "@" is longer than 64 characters.` };
  if (local.split('.').some((atom) => !localAtom.test(atom))) {
    return { ok: false, reason: `${shown} is not an e-mail address: the part before the "@" has a character an address cannot have, or two dots in a row.` };
  }
  const ascii = domain === '' ? '' : domainToASCII(domain.toLowerCase().replace(/\.$/, ''));
  const labels = ascii.split('.');
  if (ascii === '' || labels.length < 2 || !labels.every((label) => asciiLabel.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, reason: `${shown} is not an e-mail address: "${domain}" is not a domain name such as example.com.` };
  }
  const address = `${local.toLowerCase()}@${ascii}`;
  if (address.length > 254) return { ok: false, reason: `${shown} is not an e-mail address: it is longer than 254 characters.` };
  return { ok: true, address };
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A webhook receiver's URL: https, or http on this machine only (a receiver under test). */
export function normalizeWebhookUrl(input: string): AddressResult {
  const text = input.trim();
  const shown = JSON.stringify(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `${shown} is not a URL.` };
  }
  if (url.username || url.password) return { ok: false, reason: `${shown} holds a user name or password: the webhook is signed instead.` };
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) return { ok: false, reason: `${shown} must use https (http is allowed for localhost only).` };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `${shown} must be an https URL.` };
  if (text.length > 2_000) return { ok: false, reason: `${shown} is longer than 2,000 characters.` };
  url.hash = '';
  return { ok: true, address: url.toString() };
}

/** Where a national number is assumed to be: a French page's readers write French numbers. (Default: none, numbers must be international) */
export function defaultCountryOf(language: Language): CountryCode | undefined {
  return language === 'fr' ? 'FR' : undefined;
}

/** The stored form of an address on a channel, or why it is not one. */
export function normalizeAddress(channel: SubscriberChannel, input: string, language: Language): AddressResult {
  switch (channel) {
    case 'email':
      return normalizeEmail(input);
    case 'sms': {
      const phone = normalizePhone(input, defaultCountryOf(language));
      return phone.ok ? { ok: true, address: phone.e164 } : phone;
    }
    case 'webhook':
      return normalizeWebhookUrl(input);
  }
}
