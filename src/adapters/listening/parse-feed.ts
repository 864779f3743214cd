import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ListenedItem } from '../../domain/listening/types.ts';
import { htmlToText } from './html-text.ts';

export type ParsedFeed = { format: 'rss' | 'atom'; title: string | null; items: ListenedItem[] } | { error: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities declared by the document itself are never expanded (billion-laughs); the standard ones are.
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category'].includes(name),
});

/** Reads an RSS 2.0 or Atom 1.0 document, told apart by its root element. */
export function parseFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `The document is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).` };
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch (error) {
    return { error: `The document could not be read: ${(error as Error).message}` };
  }
  if (doc.rss?.channel) return parseRss(doc.rss.channel);
  if (doc.feed) return parseAtom(doc.feed);
  return { error: 'The document is neither an RSS 2.0 (<rss><channel>) nor an Atom 1.0 (<feed>) feed.' };
}

function parseRss(channel: Record<string, any>): ParsedFeed {
  const title = textOf(channel.title);
  const items = (channel.item ?? []).map((item: Record<string, any>): ListenedItem | null => {
    const link = textOf(item.link?.[0]) || null;
    const guid = textOf(item.guid);
    const heading = htmlToText(textOf(item.title));
    const body = htmlToText(textOf(item['content:encoded']) || textOf(item.description));
    const externalId = guid || link || (heading && `${heading}|${textOf(item.pubDate)}`);
    if (!externalId || (heading === '' && body === '')) return null;
    const author = textOf(item['dc:creator']) || textOf(item.author?.[0]) || title || null;
    return { external_id: externalId, url: httpLink(link ?? (item.guid?.['@_isPermaLink'] !== 'false' ? guid : '')), author, text: dedupe(heading, body), published_at: dateOf(textOf(item.pubDate) || textOf(item['dc:date'])) };
  });
  return { format: 'rss', title: title || null, items: items.filter((item: ListenedItem | null): item is ListenedItem => item !== null) };
}

function parseAtom(feed: Record<string, any>): ParsedFeed {
  const title = textOf(feed.title);
  const feedAuthor = textOf(feed.author?.[0]?.name);
  const items = (feed.entry ?? []).map((entry: Record<string, any>): ListenedItem | null => {
    const links: Array<Record<string, string>> = entry.link ?? [];
    const link = links.find((candidate) => (candidate['@_rel'] ?? 'alternate') === 'alternate')?.['@_href'] ?? links[0]?.['@_href'] ?? null;
    const heading = htmlToText(textOf(entry.title));
    const body = htmlToText(textOf(entry.content) || textOf(entry.summary));
    const externalId = textOf(entry.id) || link;
    if (!externalId || (heading === '' && body === '')) return null;
    return {
      external_id: externalId,
      url: httpLink(link),
      author: textOf(entry.author?.[0]?.name) || feedAuthor || title || null,
      text: dedupe(heading, body),
      published_at: dateOf(textOf(entry.published) || textOf(entry.updated)),
    };
  });
  return { format: 'atom', title: title || null, items: items.filter((item: ListenedItem | null): item is ListenedItem => item !== null) };
}

/** An element's text, whether the parser gave a string or an object with attributes. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object' && '#text' in value) return textOf((value as Record<string, unknown>)['#text']);
  return '';
}

/** The title, then the body when it says more than the title. */
function dedupe(heading: string, body: string): string {
  if (body === '' || body === heading) return heading;
  if (heading === '' || body.startsWith(heading)) return body;
  return `${heading}\n${body}`;
}

function httpLink(value: string | null): string | null {
  if (!value || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

function dateOf(value: string): Date | null {
  if (value === '') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at);
}
