import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sampleSnapshot } from '../../test/fixtures/snapshot.ts';
import { Feed, type Item } from 'feed';
import { feedXml, renderFeeds } from './feeds.ts';
import type { PublicIncident, PublicSnapshot, SiteFile } from './snapshot.ts';

type Xml = Record<string, any>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'item' || name === 'entry' });
const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function file(files: SiteFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  assert.ok(found, `${path} is written`);
  const body = String(found.body);
  assert.equal(XMLValidator.validate(body), true, `${path} is well-formed XML`);
  return body;
}

const rssOf = (files: SiteFile[], path = 'history.rss'): Xml => parser.parse(file(files, path)).rss;
const atomOf = (files: SiteFile[], path = 'history.atom'): Xml => parser.parse(file(files, path)).feed;
const itemsOf = (rss: Xml): Xml[] => rss.channel.item ?? [];
const entriesOf = (atom: Xml): Xml[] => atom.entry ?? [];

function incident(id: string, createdAt: Date, body: string, name = `Incident ${id}`): PublicIncident {
  return {
    id, name, status: 'investigating', impact: 'minor', createdAt, updatedAt: createdAt, startedAt: createdAt, monitoringAt: null, resolvedAt: null,
    componentIds: ['cmpapi000001'], nextUpdateAt: null,
    updates: [{ id: `${id}u`, status: 'investigating', body, createdAt, updatedAt: createdAt, displayAt: createdAt, affectedComponents: null, deliverNotifications: true }],
  };
}

describe('feedXml', () => {
  const options = { id: 'tag:status.example,2005:/history', title: 'Acme - Incident History', description: 'Incidents & maintenances', link: 'https://status.example', language: 'fr', updated: new Date('2026-11-20T10:00:00Z'), generator: false as const, author: { name: 'Acme <Status>' }, feedLinks: { rss: 'https://status.example/history.rss', atom: 'https://status.example/history.atom' } };
  const item = (n: number, content: string): Item => ({ title: `Incident ${n} <b> & "quotes"`, link: `https://status.example/incidents/i${n}`, date: new Date(Date.UTC(2026, 10, n)), published: new Date(Date.UTC(2026, 10, n)), id: `tag:status.example,2005:Incident/i${n}`, content, description: content });
  const whole = (format: 'rss' | 'atom', items: Item[]) => {
    const feed = new Feed(options);
    for (const entry of items) feed.addItem(entry);
    return format === 'rss' ? feed.rss2() : feed.atom1();
  };

  it('writes the same bytes as the feed library writing the feed whole, items written once and reused', () => {
    const items = [item(3, '<p><strong>Résolu</strong> - a ]]> in the text</p>'), item(2, '<p>Line<br>two</p>'), item(1, '')];
    // As the page writes them: RSS items carry their text as a description; with `content`, a
    // namespace goes on the root and the feed is written whole.
    for (const format of ['rss', 'atom', 'rss with content'] as const) {
      const described = format === 'rss' ? items.map(({ content: _content, ...rest }) => rest) : items;
      const kind = format === 'atom' ? 'atom' : 'rss';
      assert.equal(feedXml(kind, options, []), whole(kind, []));
      assert.equal(feedXml(kind, options, described), whole(kind, described));
      // A later build: a new item on top, the others the same objects (written from memory).
      const next = [{ ...item(4, '<p>New</p>'), ...(format === 'rss' ? { content: undefined } : {}) }, ...described];
      assert.equal(feedXml(kind, options, next), whole(kind, next));
    }
  });
});

describe('renderFeeds', () => {
  it('writes the page history as RSS and Atom, and one pair per component', () => {
    const files = renderFeeds(sampleSnapshot());
    assert.deepEqual(files.map((f) => f.path), [
      'history.rss', 'history.atom',
      ...['cmpvm0000001', 'cmpk8s000001', 'cmpobj000001', 'cmpdb0000001', 'cmpapi000001'].flatMap((id) => [`components/${id}/history.rss`, `components/${id}/history.atom`]),
    ]);
    assert.equal(files[0]!.contentType, 'application/rss+xml; charset=utf-8');
    assert.equal(files[1]!.contentType, 'application/atom+xml; charset=utf-8');
  });

  it('writes RSS 2.0 a reader accepts: channel title, link and description; items with link, permalink guid and RFC 822 date', () => {
    const rss = rssOf(renderFeeds(sampleSnapshot()));
    assert.equal(rss['@version'], '2.0');
    assert.equal(rss.channel.title, 'Altostrat Status - Incident History');
    assert.match(rss.channel.link, /^https:\/\/status\.altostrat\.example\/?$/);
    assert.ok(rss.channel.description.length > 0);
    const items = itemsOf(rss);
    assert.equal(items.length, 6, 'three incidents and three maintenances');
    for (const item of items) {
      assert.ok(item.title);
      assert.match(item.link, /^https:\/\/status\.altostrat\.example\/incidents\/[a-z0-9]+$/);
      assert.equal(item.guid['#text'], item.link);
      assert.notEqual(item.guid['@isPermaLink'], 'false');
      assert.match(item.pubDate, rfc822);
    }
    assert.equal(items[0]!.title, 'Object storage unavailable in PAR-2');
    assert.equal(Date.parse(items[0]!.pubDate), Date.parse('2026-03-29T11:50:00Z'), 'dated by its newest update');
  });

  it('writes Atom 1.0: namespace, tag ids as Statuspage, entries with title, updated, link and HTML content', () => {
    const atom = atomOf(renderFeeds(sampleSnapshot()));
    assert.equal(atom['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(atom['@xml:lang'], 'en');
    assert.equal(atom.id, 'tag:status.altostrat.example,2005:/history');
    assert.equal(atom.title, 'Altostrat Status - Incident History');
    assert.match(atom.updated, rfc3339);
    assert.ok(atom.author.name);
    const entries = entriesOf(atom);
    assert.equal(entries.length, 6);
    for (const entry of entries) {
      assert.match(entry.id, /^tag:status\.altostrat\.example,2005:Incident\/[a-z0-9]+$/);
      assert.ok(entry.title['#text']);
      assert.match(entry.updated, rfc3339);
      assert.match(entry.link['@href'], /^https:\/\/status\.altostrat\.example\/incidents\/[a-z0-9]+$/);
      assert.equal(entry.content['@type'], 'html');
    }
    assert.equal(entries[0]!.id, 'tag:status.altostrat.example,2005:Incident/incopen00001');
  });

  it('writes one paragraph per update, newest first, as Statuspage: <small>date time zone</small><br><strong>Label</strong> - body', () => {
    const rss = rssOf(renderFeeds(sampleSnapshot()));
    const open = itemsOf(rss).find((item) => item.link.endsWith('/incopen00001'))!;
    assert.equal(
      open.description,
      "<p><small>Mar <var data-var='date'>29</var>, <var data-var='time'>13:50</var> CEST</small><br><strong>Identified</strong> - A failed **network switch** isolated part of the cluster. No data is lost. Next update by 12:30.</p>" +
        "<p><small>Mar <var data-var='date'>29</var>, <var data-var='time'>13:10</var> CEST</small><br><strong>Investigating</strong> - Buckets in PAR-2 cannot be read or written since 11:02 UTC. We are investigating.</p>",
    );
    const past = itemsOf(rss).find((item) => item.link.endsWith('/incpast00001'))!;
    assert.deepEqual([...past.description.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]), ['Resolved', 'Monitoring', 'Investigating']);
    assert.match(past.description, /^<p><small>Mar <var data-var='date'>17<\/var>, <var data-var='time'>14:20<\/var> CET<\/small>/, 'winter time before 29 March');
  });

  it('labels an update that keeps the previous status "Update"', () => {
    const at = new Date('2026-03-29T10:00:00Z');
    const base = incident('increpeat001', at, 'First.');
    const repeated: PublicIncident = {
      ...base,
      updates: [
        { ...base.updates[0]!, id: 'u3', status: 'identified', body: 'Third.', displayAt: new Date(at.getTime() + 120_000), createdAt: new Date(at.getTime() + 120_000) },
        { ...base.updates[0]!, id: 'u2', body: 'Second.', displayAt: new Date(at.getTime() + 60_000), createdAt: new Date(at.getTime() + 60_000) },
        base.updates[0]!,
      ],
    };
    const item = itemsOf(rssOf(renderFeeds(sampleSnapshot({}, { incidents: [repeated], maintenances: [] }))))[0]!;
    assert.deepEqual([...item.description.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]), ['Identified', 'Update', 'Investigating']);
  });

  it('speaks French on a French page: labels, dates and the zone', () => {
    const files = renderFeeds(sampleSnapshot({ language: 'fr' }));
    const rss = rssOf(files);
    assert.equal(rss.channel.language, 'fr');
    assert.equal(rss.channel.title, 'État des services Altostrat - Historique des incidents');
    const open = itemsOf(rss).find((item) => item.link.endsWith('/incopen00001'))!;
    assert.match(open.description, /^<p><small><var data-var='date'>29<\/var> mars, <var data-var='time'>13:50<\/var> UTC\+2<\/small><br><strong>Cause identifiée<\/strong> - /);
    const labels = itemsOf(rss).flatMap((item) => [...item.description.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]));
    for (const label of ['Cause identifiée', 'Résolu', 'Surveillance', 'Rapport', 'Programmée', 'En cours', 'Terminée']) assert.ok(labels.includes(label), label);
    assert.ok(labels.some((label) => /^En cours d.analyse$/.test(label)));
    assert.equal(atomOf(files)['@xml:lang'], 'fr');
  });

  it('lists maintenances with their window after the updates', () => {
    const rss = rssOf(renderFeeds(sampleSnapshot()));
    const next = itemsOf(rss).find((item) => item.link.endsWith('/mntnext00001'))!;
    assert.equal(next.title, 'Network core upgrade');
    assert.match(next.description, /^<p><small>[^<]*<var[^]*<\/small><br><strong>Scheduled<\/strong> - We will work on network core upgrade\.<\/p>/);
    assert.match(next.description, /<p><em>Scheduled for Apr <var data-var='date'>1<\/var>, <var data-var='time'>14:00<\/var> CEST - Apr <var data-var='date'>1<\/var>, <var data-var='time'>16:00<\/var> CEST<\/em><\/p>$/);
  });

  it('never lets an update body inject markup: <script> reaches readers only escaped', () => {
    const attack = '<script>alert(1)</script> ]]> <img src=x onerror=alert(2)> & "quoted"\u0001';
    const snapshot = sampleSnapshot({}, { incidents: [incident('incattack001', new Date('2026-03-29T11:00:00Z'), attack, 'Attack ]]> <b>bold</b>')] });
    const files = renderFeeds(snapshot);
    for (const path of ['history.rss', 'history.atom', 'components/cmpapi000001/history.rss', 'components/cmpapi000001/history.atom']) {
      const xml = file(files, path);
      assert.ok(!xml.includes('<script>'), `${path} carries no raw <script>`);
      assert.ok(!xml.includes('<img'), `${path} carries no raw <img>`);
      assert.ok(!xml.includes('\u0001'), `${path} carries no control character`);
    }
    const html = itemsOf(rssOf(files))[0]!.description as string;
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;'));
    assert.ok(!html.includes('<script') && !html.includes('<img'));
    const entry = entriesOf(atomOf(files))[0]!;
    assert.ok(String(entry.content['#text']).includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal(entry.title['#text'], 'Attack ]]&gt; &lt;b&gt;bold&lt;/b&gt;', 'the Atom title is declared HTML, so it is escaped');
  });

  it('keeps line breaks of a body as <br>', () => {
    const files = renderFeeds(sampleSnapshot({}, { incidents: [incident('inclines0001', new Date('2026-03-29T11:00:00Z'), 'One.\nTwo.\r\nThree.')], maintenances: [] }));
    assert.match(itemsOf(rssOf(files))[0]!.description, / - One\.<br>Two\.<br>Three\.<\/p>$/);
  });

  it('gives each component the incidents and maintenances that touch it, and an empty but valid feed otherwise', () => {
    const files = renderFeeds(sampleSnapshot());
    const ids = (rss: Xml) => itemsOf(rss).map((item) => item.link.split('/').pop());
    assert.deepEqual(ids(rssOf(files, 'components/cmpobj000001/history.rss')), ['incopen00001', 'mntdone00001']);
    assert.deepEqual(ids(rssOf(files, 'components/cmpk8s000001/history.rss')), []);
    const atom = atomOf(files, 'components/cmpobj000001/history.atom');
    assert.equal(atom.id, 'tag:status.altostrat.example,2005:/components/cmpobj000001/history');
    assert.equal(atom.title, 'Altostrat Status - Object storage - Incident History');
    assert.deepEqual(atom.link.map((link: Xml) => link['@href']), ['https://status.altostrat.example/', 'https://status.altostrat.example/components/cmpobj000001/history.atom']);
  });

  it('keeps the 50 most recent items of 10,000 incidents, newest first', () => {
    const now = new Date('2026-03-29T12:00:00Z');
    const incidents = Array.from({ length: 10_000 }, (_, n) => incident(`inc${String(n).padStart(9, '0')}`, new Date(now.getTime() - n * 3_600_000), `Update ${n}.`));
    const files = renderFeeds(sampleSnapshot({ now }, { incidents, maintenances: [] }));
    const items = itemsOf(rssOf(files));
    assert.equal(items.length, 50);
    assert.ok(items[0]!.link.endsWith('/inc000000000'));
    assert.ok(items[49]!.link.endsWith('/inc000000049'));
    const dates = items.map((item) => Date.parse(item.pubDate));
    assert.deepEqual([...dates].sort((a, b) => b - a), dates);
    assert.equal(entriesOf(atomOf(files, 'components/cmpapi000001/history.atom')).length, 50);
  });

  it('is the same bytes for the same snapshot', () => {
    const snapshot: PublicSnapshot = sampleSnapshot();
    assert.deepEqual(renderFeeds(structuredClone(snapshot)), renderFeeds(snapshot));
  });
});
