import { startHttpReceiver, type HttpReceiver, type ReceivedRequest, type Reply } from '../helpers/http-receiver.ts';

export interface FeedEntry {
  id: string;
  title: string;
  body?: string;
  link?: string;
  author?: string;
  at: Date;
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function rssDocument(title: string, entries: FeedEntry[]): string {
  const items = entries.map((entry) => `
    <item>
      <title>${escapeXml(entry.title)}</title>
      ${entry.link ? `<link>${escapeXml(entry.link)}</link>` : ''}
      <guid isPermaLink="false">${escapeXml(entry.id)}</guid>
      ${entry.author ? `<dc:creator>${escapeXml(entry.author)}</dc:creator>` : ''}
      <pubDate>${entry.at.toUTCString()}</pubDate>
      ${entry.body ? `<description><![CDATA[${entry.body}]]></description>` : ''}
    </item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>${escapeXml(title)}</title><link>https://news.example.test/</link><description>News</description>${items}
  </channel>
</rss>`;
}

export function atomDocument(title: string, entries: FeedEntry[]): string {
  const items = entries.map((entry) => `
  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title type="text">${escapeXml(entry.title)}</title>
    ${entry.link ? `<link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>` : ''}
    <updated>${entry.at.toISOString()}</updated>
    ${entry.author ? `<author><name>${escapeXml(entry.author)}</name></author>` : ''}
    ${entry.body ? `<content type="html">${escapeXml(entry.body)}</content>` : ''}
  </entry>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>urn:example:feed</id><updated>2026-03-10T14:00:00Z</updated>${items}
</feed>`;
}

export interface FeedServer {
  receiver: HttpReceiver;
  url: string;
  entries: FeedEntry[];
  /** Changes the document (and its validators) the server answers with. */
  publish(entry: FeedEntry): void;
}

/**
 * A feed server that honours conditional requests the way real ones do: an ETag (RSS) or a
 * Last-Modified (Atom) changes with the document, and a request carrying the current one gets 304.
 */
export async function startFeedServer(format: 'rss' | 'atom', entries: FeedEntry[] = []): Promise<FeedServer> {
  let revision = 1;
  const modified = (n: number) => new Date(Date.UTC(2026, 2, 10, 12, n)).toUTCString();
  const respond = (request: ReceivedRequest): Reply => {
    if (format === 'rss') {
      const etag = `"rev-${revision}"`;
      if (request.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
      return { status: 200, headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag }, body: rssDocument('Le Journal du Net', server.entries) };
    }
    const lastModified = modified(revision);
    if (request.headers['if-modified-since'] === lastModified) return { status: 304, headers: { 'last-modified': lastModified } };
    return { status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'last-modified': lastModified }, body: atomDocument('Tech Watch', server.entries) };
  };
  const receiver = await startHttpReceiver(respond);
  const server: FeedServer = {
    receiver,
    url: `${receiver.url}/feed.xml`,
    entries: [...entries],
    publish(entry) {
      server.entries.unshift(entry);
      revision += 1;
    },
  };
  return server;
}
