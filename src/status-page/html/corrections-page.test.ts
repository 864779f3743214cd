import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSnapshot } from '../../../test/fixtures/snapshot.ts';
import { renderCorrectionsJson } from '../corrections-json.ts';
import { renderFeeds } from '../feeds.ts';
import { renderSite } from '../site.ts';
import type { PublicCorrection, PublicSnapshot } from '../snapshot.ts';
import { renderHtml } from './render-html.ts';

const hour = 3_600_000;

/** The sample page with corrections on its open incident and one past incident. */
function withCorrections(language: 'en' | 'fr' = 'en'): PublicSnapshot {
  const base = sampleSnapshot({ language });
  const at = (hoursAgo: number) => new Date(base.generatedAt.getTime() - hoursAgo * hour);
  const open: PublicCorrection[] = [
    { id: 'cornew000001', said: 'All the data in PAR-2 is lost', truth: 'No data is lost: **reads work**, writes fail.', publishedAt: at(0.1) },
    { id: 'corold000001', said: 'The outage is a cyberattack <script>alert(1)</script>', truth: 'It is a power failure in one room.', publishedAt: at(3) },
  ];
  const past: PublicCorrection[] = [{ id: 'corpast00001', said: 'The API was down for a week', truth: 'Errors lasted 40 minutes.', publishedAt: at(2) }];
  return {
    ...base,
    incidents: base.incidents.map((incident) => (incident.id === 'incopen00001' ? { ...incident, corrections: open } : incident.id === 'incpast00001' ? { ...incident, corrections: past } : incident)),
  };
}
const fileOf = (files: Array<{ path: string; body: string | Uint8Array }>, path: string) => {
  const file = files.find((f) => f.path === path);
  assert.ok(file, `${path} is generated`);
  return String(file.body);
};

describe('the corrections log on the status page', () => {
  it('a page without corrections has no log, no link and no JSON: nothing changes for it', () => {
    const files = renderSite(sampleSnapshot());
    assert.equal(files.some((f) => f.path === 'corrections.html' || f.path === 'corrections.json'), false);
    assert.doesNotMatch(fileOf(files, 'index.html'), /corrections\.html/);
  });

  it('the incident page shows its corrections newest first: what was said, what is true, when', () => {
    const page = fileOf(renderHtml(withCorrections()), 'incidents/incopen00001.html');
    const section = /<section aria-labelledby="corrections">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
    assert.match(section, /<h2 id="corrections">Corrections<\/h2>/);
    assert.ok(section.indexOf('All the data in PAR-2 is lost') < section.indexOf('cyberattack'), 'newest first');
    assert.match(section, /<dt>What was said<\/dt><dd><blockquote><p>All the data in PAR-2 is lost<\/p><\/blockquote><\/dd><dt>What is true<\/dt><dd><p>No data is lost: <strong>reads work<\/strong>, writes fail\.<\/p>/);
    assert.match(section, /<dt>Corrected<\/dt><dd><time datetime="2026-03-29T13:54:00\+02:00">/);
    assert.match(section, /href="\.\.\/corrections\.html"/);
    assert.doesNotMatch(page, /<script>/, 'what was said is text, never markup');
    assert.match(page, /&lt;script&gt;/);
    assert.doesNotMatch(fileOf(renderHtml(withCorrections()), 'incidents/incpast00002.html'), /aria-labelledby="corrections"/, 'an incident without corrections has no section');
  });

  it('corrections.html lists every incident\'s corrections newest first, linked to the incident, and the navigation links it', () => {
    const files = renderHtml(withCorrections());
    const log = fileOf(files, 'corrections.html');
    const order = ['All the data in PAR-2 is lost', 'The API was down for a week', 'cyberattack'].map((text) => log.indexOf(text));
    assert.ok(order.every((index) => index > 0) && order[0]! < order[1]! && order[1]! < order[2]!, `newest first across incidents: ${order}`);
    assert.match(log, /<h2><a href="incidents\/incpast00001.html">Elevated API error rates<\/a><\/h2>/);
    assert.match(log, /<a href="corrections.html" aria-current="page">Corrections<\/a>/);
    assert.match(fileOf(files, 'index.html'), /<a href="corrections.html">Corrections<\/a>/);
    assert.match(fileOf(files, 'incidents/incpast00002.html'), /<a href="\.\.\/corrections.html">Corrections<\/a>/);
  });

  it('in French, the page says it in French', () => {
    const files = renderHtml(withCorrections('fr'));
    const log = fileOf(files, 'corrections.html');
    assert.match(log, /<h1>Rectifications<\/h1>/);
    assert.match(log, /<dt>Ce qui a été dit<\/dt>/);
    assert.match(log, /<dt>Ce qui est vrai<\/dt>/);
    assert.match(fileOf(files, 'incidents/incopen00001.html'), /Toutes les rectifications/);
  });

  it('corrections.json carries the log for machines, newest first, and nothing else', () => {
    const json = JSON.parse(fileOf(renderCorrectionsJson(withCorrections()), 'corrections.json'));
    assert.deepEqual(json.corrections.map((c: any) => c.id), ['cornew000001', 'corpast00001', 'corold000001']);
    assert.deepEqual(Object.keys(json.corrections[0]).sort(), ['id', 'incident', 'published_at', 'said', 'truth']);
    assert.equal(json.corrections[0].incident.shortlink, `${json.page.url}/incidents/incopen00001`);
    assert.equal(json.corrections[0].published_at, '2026-03-29T11:54:00.000Z');
  });

  it('the incident\'s feed entry carries its corrections, after the updates, and moves to the newest', () => {
    const atom = fileOf(renderFeeds(withCorrections()), 'history.atom');
    const entry = /<entry>[\s\S]*?Object storage unavailable in PAR-2[\s\S]*?<\/entry>/.exec(atom)?.[0] ?? '';
    assert.match(entry, /Correction/);
    assert.match(entry, /<em>Correction<\/em> - “All the data in PAR-2 is lost” → /);
    assert.match(entry, /<updated>2026-03-29T11:54:00.000Z<\/updated>/, 'the newest correction is the entry\'s time');
    const firstStrong = /<strong>([^<]*)<\/strong>/.exec(entry)?.[1];
    assert.equal(firstStrong, 'Identified', 'the first <strong> stays the status');
  });
});
