import { domainToASCII } from 'node:url';

export type MailLanguage = 'fr' | 'en';

/** RFC 8058 one-click unsubscribe: the https link receives a POST; the mailto is a fallback for older clients. */
export interface Unsubscribe {
  url: string;
  mailto?: string;
}

/** What differs between two recipients of the same message. */
export interface Recipient {
  to: string;
  /** `<delivery-id@host>`, stable per delivery: a replay after a crash carries the same id, so a receiver can drop it. */
  messageId: string;
  unsubscribe?: Unsubscribe;
}

/** What recipients of one variant in one language share. */
export interface MailContent {
  subject: string;
  /** Where `unsubscribeUrlPlaceholder` appears, each recipient gets their own unsubscribe URL. */
  text: string;
  html: string;
  language: MailLanguage;
  headers?: Record<string, string>;
}

export interface OutgoingMail extends MailContent, Recipient {}

export interface SendResult {
  accepted: boolean;
  /** The server refused this message for good (5xx): do not retry, record a bounce. */
  permanent: boolean;
  /** The server's last reply, empty when the connection failed before one. */
  response: string;
  error?: string;
}

/**
 * Stands for the recipient's unsubscribe URL in `text` and `html`. URL-shaped (RFC 2606 `.invalid`) so
 * Markdown renderers and HTML sanitizers keep it as a link.
 */
export const unsubscribeUrlPlaceholder = 'https://unsubscribe.tocsin.invalid/';

/** Set by the transport; a caller's `headers` may not override them. */
const reservedHeaders = new Set(
  ['from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'content-transfer-encoding', 'content-language', 'auto-submitted', 'list-unsubscribe', 'list-unsubscribe-post'],
);

/** Headers every Tocsin mail carries besides the caller's. */
export function sharedHeaders(content: MailContent): Record<string, string> {
  // RFC 3834: auto-responders (out-of-office) must not answer auto-generated mail.
  return { ...content.headers, 'Content-Language': content.language, 'Auto-Submitted': 'auto-generated' };
}

/** RFC 2369 List-Unsubscribe and RFC 8058 List-Unsubscribe-Post, or none. */
export function unsubscribeHeaders(unsubscribe: Unsubscribe | undefined): Record<string, string> {
  if (!unsubscribe) return {};
  const links = [unsubscribe.url, ...(unsubscribe.mailto ? [unsubscribe.mailto] : [])].map((link) => `<${link}>`);
  // Folded between links: RFC 5322 asks for lines under 78 characters, and a fold inside a link is not allowed.
  return { 'List-Unsubscribe': links.join(',\r\n '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export function fillText(text: string, recipient: Recipient): string {
  return fill(text, recipient, (url) => url);
}

export function fillHtml(html: string, recipient: Recipient): string {
  return fill(html, recipient, (url) => url.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
}

function fill(body: string, recipient: Recipient, escape: (url: string) => string): string {
  if (!body.includes(unsubscribeUrlPlaceholder)) return body;
  if (!recipient.unsubscribe) throw new TypeError(`The mail ${recipient.messageId} links to the unsubscribe placeholder but its recipient has no unsubscribe URL.`);
  return body.replaceAll(unsubscribeUrlPlaceholder, escape(recipient.unsubscribe.url));
}

/** The To address as a header value: IDN domains in punycode, as nodemailer writes them. */
export function headerAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1))}`;
}

// A mistake in these is the caller's bug, not a delivery outcome: thrown, never returned.
const bareAddress = /^[^\s<>(),;:"@]+@[^\s<>(),;:"@]+$/;
const messageIdShape = /^<[!-;=?A-~]+@[!-;=?A-~]+>$/;
const headerName = /^[!-9;-~]+$/;
const lineBreak = /[\r\n]/;

export function assertRecipient(recipient: Recipient): void {
  if (!bareAddress.test(recipient.to)) throw new TypeError(`"to" must be one bare address (name@domain), not ${JSON.stringify(recipient.to)}.`);
  if (!messageIdShape.test(recipient.messageId)) throw new TypeError(`"messageId" must look like <delivery-id@host>, not ${JSON.stringify(recipient.messageId)}.`);
  const { unsubscribe } = recipient;
  if (!unsubscribe) return;
  // RFC 8058 §3.1: the one-click URI must be https (http is let through on this machine alone, for a
  // local trial). RFC 5322 §2.1.1: a header line holds at most 998 characters.
  if (!URL.canParse(unsubscribe.url) || !isOneClickUrl(new URL(unsubscribe.url)) || /[\s<>]/.test(unsubscribe.url) || unsubscribe.url.length > 900) {
    throw new TypeError(`"unsubscribe.url" must be an https URL of at most 900 characters, not ${JSON.stringify(unsubscribe.url)}.`);
  }
  if (unsubscribe.mailto !== undefined && !/^mailto:[^\s<>]+$/.test(unsubscribe.mailto)) throw new TypeError(`"unsubscribe.mailto" must be a mailto: URL, not ${JSON.stringify(unsubscribe.mailto)}.`);
}

function isOneClickUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

export function assertContent(content: MailContent): void {
  if (lineBreak.test(content.subject)) throw new TypeError('"subject" must be one line.');
  for (const [name, value] of Object.entries(content.headers ?? {})) {
    if (!headerName.test(name)) throw new TypeError(`${JSON.stringify(name)} is not a header name.`);
    if (reservedHeaders.has(name.toLowerCase())) throw new TypeError(`The transport sets ${name}; it cannot be given in "headers".`);
    if (lineBreak.test(value)) throw new TypeError(`The header ${name} must be one line.`);
  }
}
