import MailComposer from 'nodemailer/lib/mail-composer';
import { encode as encodeQuotedPrintable, wrap } from 'nodemailer/lib/qp';
import { assertContent, assertRecipient, fillHtml, fillText, headerAddress, sharedHeaders, unsubscribeHeaders, unsubscribeUrlPlaceholder, type MailContent, type Recipient } from './mail.ts';

interface RenderedPart {
  contentType: 'text/plain' | 'text/html';
  source: string;
  /** Encoded once when the part holds nothing per recipient. */
  encoded: string | undefined;
}

/** One variant in one language as raw RFC 5322 text, built once and personalized per recipient. */
export interface RenderedMail {
  readonly kind: 'rendered-mail';
  /** Everything before the text part: shared headers and the multipart opening. */
  readonly head: string;
  readonly text: RenderedPart;
  readonly between: string;
  readonly html: RenderedPart;
  readonly tail: string;
}

const templateMessageId = '<template@tocsin.invalid>';
const textSlot = 'tocsin-text-part-slot';
const htmlSlot = 'tocsin-html-part-slot';

/**
 * Builds the message with nodemailer once, leaving out To, Message-ID and List-Unsubscribe; the two
 * body parts are encoded here so that the unsubscribe URL can be put in before encoding.
 */
export async function renderMail(content: MailContent, from: string): Promise<RenderedMail> {
  assertContent(content);
  const composer = new MailComposer({
    from,
    subject: content.subject,
    messageId: templateMessageId,
    headers: sharedHeaders(content),
    text: { raw: textSlot },
    html: { raw: htmlSlot },
  });
  const raw = (await composer.compile().build()).toString('utf8').replace(`Message-ID: ${templateMessageId}\r\n`, '');
  const [head, between, tail] = splitAt(raw, [textSlot, htmlSlot]);
  return { kind: 'rendered-mail', head, text: renderedPart('text/plain', content.text), between, html: renderedPart('text/html', content.html), tail };
}

/** The complete raw message for one recipient. */
export function personalize(rendered: RenderedMail, recipient: Recipient): string {
  assertRecipient(recipient);
  const headers = { To: headerAddress(recipient.to), 'Message-ID': recipient.messageId, ...unsubscribeHeaders(recipient.unsubscribe) };
  const ownHeaders = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  const text = rendered.text.encoded ?? encodePart(rendered.text.contentType, fillText(rendered.text.source, recipient));
  const html = rendered.html.encoded ?? encodePart(rendered.html.contentType, fillHtml(rendered.html.source, recipient));
  return ownHeaders + rendered.head + text + rendered.between + html + rendered.tail;
}

function renderedPart(contentType: RenderedPart['contentType'], source: string): RenderedPart {
  return { contentType, source, encoded: source.includes(unsubscribeUrlPlaceholder) ? undefined : encodePart(contentType, source) };
}

function encodePart(contentType: RenderedPart['contentType'], body: string): string {
  const canonical = body.replace(/\r?\n/g, '\r\n');
  return `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${wrap(encodeQuotedPrintable(Buffer.from(canonical, 'utf8')), 76)}`;
}

function splitAt(raw: string, slots: string[]): [string, string, string] {
  const pieces: string[] = [];
  let rest = raw;
  for (const slot of slots) {
    const at = rest.indexOf(slot);
    if (at < 0 || rest.indexOf(slot, at + 1) >= 0) throw new Error(`nodemailer's output holds the ${slot} marker ${at < 0 ? 'nowhere' : 'twice'}.`);
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at + slot.length);
  }
  return [pieces[0]!, pieces[1]!, rest];
}
