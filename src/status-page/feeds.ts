import { Feed, type Item } from 'feed';
import type { IncidentStatus } from '../domain/incident/lifecycle.ts';
import type { MaintenanceStatus } from '../domain/maintenance/lifecycle.ts';
import { quoted } from '../domain/corrections/correction.ts';
import { localDateParts } from './format-time.ts';
import { noMemo, type RenderMemo } from './render-memo.ts';
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
  const entries = entriesOf(snapshot);
  const byComponent = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const id of entry.componentIds.length > 1 ? new Set(entry.componentIds) : entry.componentIds) {
      const list = byComponent.get(id);
      if (list) list.push(entry);
      else byComponent.set(id, [entry]);
    }
  }
  return [
    ...feedFiles(snapshot, memo, '', null, entries),
    ...snapshot.components.flatMap((component) => feedFiles(snapshot, memo, `components/${component.id}/`, component, byComponent.get(component.id) ?? [])),
  ];
}

function feedFiles(snapshot: PublicSnapshot, memo: RenderMemo, folder: string, component: PublicComponent | null, all: Entry[]): SiteFile[] {
  const { page } = snapshot;
  const entries = all.slice(0, feedLimit);
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

  const atom = new Feed({ ...options, id: `tag:${host},2005:/${folder}history`, feedLinks: { atom: `${page.url}/${folder}history.atom` } });
  const rss = new Feed({ ...options, feedLinks: { rss: `${page.url}/${folder}history.rss` } });
  for (const entry of entries) {
    const common: Item = { title: '', link: entry.link, date: entry.updatedAt };
    // Atom declares the title as HTML; RSS readers mostly take it as text.
    atom.addItem({ ...common, title: escapeHtml(entry.name), id: `tag:${host},2005:Incident/${entry.id}`, published: entry.updatedAt, content: entry.html() });
    // Without an id, `feed` writes the link as a permalink guid, as Statuspage does.
    rss.addItem({ ...common, title: xmlText(entry.name), description: entry.html() });
  }
  // `feed` has no option for the feed's language; Statuspage writes xml:lang on the root.
  return { rss: rss.rss2(), atom: atom.atom1().replace('<feed xmlns=', `<feed xml:lang="${language}" xmlns=`) };
}

/**
 * Each incident's entry, kept as long as the incident object lives: a publisher keeps unchanged
 * incidents as the same objects, so a page of 5,000 builds only the entries that changed.
 */
const incidentEntries = new WeakMap<PublicIncident, { key: string; entry: Entry }>();

function entriesOf(snapshot: PublicSnapshot): Entry[] {
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
  const newest = (updates: Array<{ displayAt: Date }>) => {
    let at = updates[0]!.displayAt;
    for (const update of updates) if (update.displayAt > at) at = update.displayAt;
    return at;
  };

  const correctionParagraph = (correction: PublicCorrection, { dayTime, zone }: { dayTime: string; zone: string }) =>
    `<p><small>${dayTime} ${zone}</small><br><em>${escapeHtml(words[language].correction)}</em> - ${bodyHtml(quoted(correction.said, language))} → ${bodyHtml(correction.truth)}</p>`;
  const key = `${url}|${timeZone}|${language}`;
  const entries: Entry[] = [
    ...snapshot.incidents
      .filter((incident) => incident.updates.length > 0)
      .map((incident) => {
        const known = incidentEntries.get(incident);
        if (known?.key === key) return known.entry;
        const corrections = incident.corrections ?? [];
        const updated = newest(incident.updates);
        const entry = {
          id: incident.id, name: incident.name, link: `${url}/incidents/${incident.id}`,
          updatedAt: corrections[0] && corrections[0].publishedAt > updated ? corrections[0].publishedAt : updated,
          // The corrections go after the updates, so that the first <strong> stays the status.
          html: once(() => paragraphs(incident.updates) + corrections.map((correction) => correctionParagraph(correction, stamp(correction.publishedAt))).join('')),
          componentIds: incident.componentIds, source: incident,
        };
        incidentEntries.set(incident, { key, entry });
        return entry;
      }),
    ...snapshot.maintenances
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
      })),
  ];
  return entries.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
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
