import { Feed, type Item } from 'feed';
import type { IncidentStatus } from '../domain/incident/lifecycle.ts';
import type { MaintenanceStatus } from '../domain/maintenance/lifecycle.ts';
import { quoted } from '../domain/corrections/correction.ts';
import { localDateParts } from './format-time.ts';
import { noMemo, type RenderMemo } from './render-memo.ts';
import { incidentGroups, incidentView } from './incident-views.ts';
import type { PublicComponent, PublicCorrection, PublicIncident, PublicPage, PublicSnapshot, SiteFile } from './snapshot.ts';

/** Items per feed, newest first (Statuspage's history feeds stop at 50 too). */
export const feedLimit = 50;

type Language = PublicPage['language'];
type Label = IncidentStatus | MaintenanceStatus | 'update';

/** Feed readers take the first `<strong>` of an entry as its status: English labels are Statuspage's. */
const labels: Record<Language, Record<Label, string>> = {
  en: {
    investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved', postmortem: 'Postmortem',
    scheduled: 'Scheduled', in_progress: 'In progress', verifying: 'Verifying', completed: 'Completed', update: 'Update',
  },
  fr: {
    investigating: 'En cours d’analyse', identified: 'Cause identifiée', monitoring: 'Surveillance', resolved: 'Résolu', postmortem: 'Rapport',
    scheduled: 'Programmée', in_progress: 'En cours', verifying: 'Vérification', completed: 'Terminée', update: 'Mise à jour',
  },
};

const words: Record<Language, { history: string; correction: string; about: (name: string) => string; window: (from: string, until: string) => string }> = {
  en: { history: 'Incident History', correction: 'Correction', about: (name) => `Incident and maintenance history: ${name}`, window: (from, until) => `Scheduled for ${from} - ${until}` },
  fr: { history: 'Historique des incidents', correction: 'Rectification', about: (name) => `Historique des incidents et des maintenances : ${name}`, window: (from, until) => `Prévue du ${from} au ${until}` },
};

interface Entry {
  id: string;
  name: string;
  link: string;
  /** Its newest update: Statuspage's `updated`, `published` and `pubDate`. */
  updatedAt: Date;
  /** Built only for the entries a feed shows: a page may have thousands of incidents. */
  html: () => string;
  componentIds: string[];
  /** What the entry was made from, for the render memo: an incident (by identity) or a maintenance's fields. */
  source: unknown;
}

/** `history.rss` and `history.atom` of the page, and of each component under `components/<id>/`. */
export function renderFeeds(snapshot: PublicSnapshot, memo: RenderMemo = noMemo): SiteFile[] {
  const { incidentEntry, maintenances } = entriesOf(snapshot);
  const maintenancesOf = new Map<string, Entry[]>();
  for (const entry of maintenances) {
    for (const id of new Set(entry.componentIds)) {
      const list = maintenancesOf.get(id);
      if (list) list.push(entry);
      else maintenancesOf.set(id, [entry]);
    }
  }
  // A page may have thousands of incidents and a feed shows 50: the incidents in feed order, kept
  // between builds (incident-views.ts), give each feed its newest, the few maintenances merged in.
  const newestOf = (incidents: readonly PublicIncident[], others: Entry[]) => {
    const entries = incidents.slice(0, feedLimit).map(incidentEntry);
    return others.length === 0 ? entries : [...entries, ...others].sort(feedOrder).slice(0, feedLimit);
  };
  const byComponent = incidentGroups(snapshot.incidents, 'feed-by-component', (incident) => incident.componentIds, isPublished, incidentFeedOrder);
  return [
    ...feedFiles(snapshot, memo, '', null, newestOf(incidentView(snapshot.incidents, 'feed', isPublished, incidentFeedOrder), maintenances)),
    ...snapshot.components.flatMap((component) =>
      feedFiles(snapshot, memo, `components/${component.id}/`, component, newestOf(byComponent.get(component.id) ?? [], maintenancesOf.get(component.id) ?? [])),
    ),
  ];
}

const isPublished = (incident: PublicIncident) => incident.updates.length > 0;

/** Newest first by their latest update, then by id: the feeds' order. */
function feedOrder(a: Entry, b: Entry): number {
  return b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** `feedOrder` of the incidents' entries, from the incidents themselves. */
function incidentFeedOrder(a: PublicIncident, b: PublicIncident): number {
  return feedUpdatedAt(b).getTime() - feedUpdatedAt(a).getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

const feedDates = new WeakMap<PublicIncident, Date>();

/** When an incident's entry was last updated: its newest update, or its newest correction if later. */
function feedUpdatedAt(incident: PublicIncident): Date {
  let at = feedDates.get(incident);
  if (!at) {
    const updated = newest(incident.updates);
    const correction = incident.corrections?.[0];
    feedDates.set(incident, (at = correction && correction.publishedAt > updated ? correction.publishedAt : updated));
  }
  return at;
}

function newest(updates: Array<{ displayAt: Date }>): Date {
  let at = updates[0]!.displayAt;
  for (const update of updates) if (update.displayAt > at) at = update.displayAt;
  return at;
}

function feedFiles(snapshot: PublicSnapshot, memo: RenderMemo, folder: string, component: PublicComponent | null, entries: Entry[]): SiteFile[] {
  const { page } = snapshot;
  const inputs = [page.url, page.name, page.language, page.timeZone, page.updatedAt.getTime(), component?.name, ...entries.map((entry) => entry.source)];
  // Both feeds are built together the first time either is asked for.
  let built: { rss: string; atom: string } | undefined;
  const build = () => (built ??= buildFeeds(snapshot, folder, component, entries));
  return [
    memo.file(`${folder}history.rss`, inputs, () => ({ contentType: 'application/rss+xml; charset=utf-8', body: build().rss })),
    memo.file(`${folder}history.atom`, inputs, () => ({ contentType: 'application/atom+xml; charset=utf-8', body: build().atom })),
  ];
}

function buildFeeds(snapshot: PublicSnapshot, folder: string, component: PublicComponent | null, entries: Entry[]): { rss: string; atom: string } {
  const { page } = snapshot;
  const { language } = page;
  const host = new URL(page.url).hostname;
  const name = component ? `${page.name} - ${component.name}` : page.name;
  const newest = entries.reduce((latest, entry) => Math.max(latest, entry.updatedAt.getTime()), page.updatedAt.getTime());
  const options = {
    title: xmlText(`${name} - ${words[language].history}`),
    description: xmlText(words[language].about(name)),
    link: page.url,
    language,
    updated: new Date(newest),
    generator: false as const,
    author: { name: xmlText(page.name) },
  };
  const items = entries.map((entry) => itemsOf(entry, host));
  const atom = feedXml('atom', { ...options, id: `tag:${host},2005:/${folder}history`, feedLinks: { atom: `${page.url}/${folder}history.atom` } }, items.map((item) => item.atom));
  const rss = feedXml('rss', { ...options, feedLinks: { rss: `${page.url}/${folder}history.rss` } }, items.map((item) => item.rss));
  // `feed` has no option for the feed's language; Statuspage writes xml:lang on the root.
  return { rss, atom: atom.replace('<feed xmlns=', `<feed xml:lang="${language}" xmlns=`) };
}

/** Each entry's items, kept with the entry: the page's feed and its components' share them, build after build. */
const entryItems = new WeakMap<Entry, { host: string; rss: Item; atom: Item }>();

/** An entry as a feed item of each format. */
function itemsOf(entry: Entry, host: string): { rss: Item; atom: Item } {
  const known = entryItems.get(entry);
  if (known?.host === host) return known;
  const common: Item = { title: '', link: entry.link, date: entry.updatedAt };
  const items = {
    host,
    // Atom declares the title as HTML; RSS readers mostly take it as text.
    atom: { ...common, title: escapeHtml(entry.name), id: `tag:${host},2005:Incident/${entry.id}`, published: entry.updatedAt, content: entry.html() },
    // Without an id, `feed` writes the link as a permalink guid, as Statuspage does.
    rss: { ...common, title: xmlText(entry.name), description: entry.html() },
  };
  entryItems.set(entry, items);
  return items;
}

type FeedFormat = 'rss' | 'atom';
type FeedOptions = ConstructorParameters<typeof Feed>[0];

/**
 * Where the `feed` library writes a feed's items: last in the channel (RSS) or the feed (Atom), each
 * on its own line at a fixed depth, so a feed is its frame (written with no item) with its items,
 * each written once by the library as the only item of a feed, put back in order before the end.
 */
const itemLayout: Record<FeedFormat, { open: string; close: string; end: string }> = {
  rss: { open: '\n        <item>', close: '</item>', end: '\n    </channel>\n</rss>' },
  atom: { open: '\n    <entry>', close: '</entry>', end: '\n</feed>' },
};

/** Items as the library writes them, kept while the item's object lives (entries keep theirs). */
const writtenItems = new WeakMap<Item, string>();

function write(feed: Feed, format: FeedFormat): string {
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

/**
 * A feed as the `feed` library writes it, at the cost of its frame and its new items: a publish
 * changes one or two of a feed's 50 items, and the library builds a whole tree for each feed it
 * writes. The same bytes as writing the feed whole (the tests hold it to that).
 */
export function feedXml(format: FeedFormat, options: FeedOptions, items: Item[]): string {
  // An RSS item with `content` adds namespaces to the root: such a feed is written whole.
  if (format === 'rss' && items.some((item) => item.content)) {
    const feed = new Feed(options);
    for (const item of items) feed.addItem(item);
    return feed.rss2();
  }
  const layout = itemLayout[format];
  const frame = write(new Feed(options), format);
  if (!frame.endsWith(layout.end)) throw new Error(`The feed library wrote an unexpected ${format} frame.`);
  const written = items.map((item) => {
    let xml = writtenItems.get(item);
    if (xml === undefined) {
      const alone = new Feed({ id: '', title: '', copyright: '', ...(format === 'rss' ? { link: options.link } : {}) });
      alone.addItem(item);
      const whole = write(alone, format);
      const start = whole.indexOf(layout.open);
      const end = whole.lastIndexOf(layout.close);
      if (start < 0 || end < start) throw new Error(`The feed library wrote an unexpected ${format} item.`);
      writtenItems.set(item, (xml = whole.slice(start, end + layout.close.length)));
    }
    return xml;
  });
  return frame.slice(0, frame.length - layout.end.length) + written.join('') + layout.end;
}

/**
 * Each incident's entry, kept as long as the incident object lives: a publisher keeps unchanged
 * incidents as the same objects, so a page of 5,000 builds only the entries that changed.
 */
const incidentEntries = new WeakMap<PublicIncident, { key: string; entry: Entry }>();

/** Each published incident's entry (made once per incident object) and the maintenances' entries. */
function entriesOf(snapshot: PublicSnapshot): { incidentEntry: (incident: PublicIncident) => Entry; maintenances: Entry[] } {
  const { url, timeZone, language } = snapshot.page;
  const stamp = (at: Date) => {
    const parts = localDateParts(at, timeZone, language);
    const date = `<var data-var='date'>${escapeHtml(parts.day)}</var>`;
    const time = `<var data-var='time'>${escapeHtml(parts.time)}</var>`;
    const month = escapeHtml(parts.month);
    return { dayTime: language === 'fr' ? `${date} ${month}, ${time}` : `${month} ${date}, ${time}`, zone: escapeHtml(parts.zone) };
  };
  const paragraphs = (updates: Array<{ status: Label; body: string; displayAt: Date; createdAt: Date; id: string }>) => {
    const newestFirst = [...updates].sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    return newestFirst
      .map((update, index) => {
        // Statuspage labels an update that keeps the previous status "Update".
        const label = newestFirst[index + 1]?.status === update.status ? 'update' : update.status;
        const { dayTime, zone } = stamp(update.displayAt);
        return `<p><small>${dayTime} ${zone}</small><br><strong>${escapeHtml(labels[language][label])}</strong> - ${bodyHtml(update.body)}</p>`;
      })
      .join('');
  };
  const correctionParagraph = (correction: PublicCorrection, { dayTime, zone }: { dayTime: string; zone: string }) =>
    `<p><small>${dayTime} ${zone}</small><br><em>${escapeHtml(words[language].correction)}</em> - ${bodyHtml(quoted(correction.said, language))} → ${bodyHtml(correction.truth)}</p>`;
  const key = `${url}|${timeZone}|${language}`;
  const incidentEntry = (incident: PublicIncident): Entry => {
    const known = incidentEntries.get(incident);
    if (known?.key === key) return known.entry;
    const corrections = incident.corrections ?? [];
    const entry = {
      id: incident.id, name: incident.name, link: `${url}/incidents/${incident.id}`,
      updatedAt: feedUpdatedAt(incident),
      // The corrections go after the updates, so that the first <strong> stays the status.
      html: once(() => paragraphs(incident.updates) + corrections.map((correction) => correctionParagraph(correction, stamp(correction.publishedAt))).join('')),
      componentIds: incident.componentIds, source: incident,
    };
    incidentEntries.set(incident, { key, entry });
    return entry;
  };
  const maintenances: Entry[] = snapshot.maintenances
    .filter((maintenance) => maintenance.updates.length > 0)
    .map((maintenance) => ({
      id: maintenance.id, name: maintenance.name, link: `${url}/incidents/${maintenance.id}`, updatedAt: newest(maintenance.updates),
      html: once(() => {
        const from = stamp(maintenance.scheduledFor);
        const until = stamp(maintenance.scheduledUntil);
        // The window goes after the updates, so that the first <strong> stays the status.
        return `${paragraphs(maintenance.updates)}<p><em>${words[language].window(`${from.dayTime} ${from.zone}`, `${until.dayTime} ${until.zone}`)}</em></p>`;
      }),
      componentIds: maintenance.componentIds,
      // Maintenances are read anew each time: their fields, not the object, say if they changed.
      source: JSON.stringify(maintenance),
    }));
  return { incidentEntry, maintenances };
}

/** Update bodies go out as escaped text, line breaks kept: feeds never carry the author's markup. */
function bodyHtml(body: string): string {
  return escapeHtml(xmlText(body)).replace(/\r\n?|\n/g, '<br>');
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

function once(build: () => string): () => string {
  let value: string | undefined;
  return () => (value ??= build());
}

/** Drops what XML 1.0 cannot carry at all (C0 controls but tab and newlines, lone surrogates, U+FFFE/F). */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
