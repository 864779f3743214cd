import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { ComponentStatus } from '../../domain/component/status.ts';
import { sampleSnapshot } from '../../../test/fixtures/snapshot.ts';
import type { PublicComponent, PublicGroup, PublicIncident, PublicSnapshot, PublicStatusChange, SiteFile } from '../snapshot.ts';
import { historyPageSize } from './history-page.ts';
import { renderHtml } from './render-html.ts';
import { stylesheet } from './style.ts';

const minute = 60_000;
const day = 86_400_000;

function site(snapshot: PublicSnapshot) {
  const files = renderHtml(snapshot);
  const text = (path: string) => {
    const file = files.find((f) => f.path === path);
    assert.ok(file, `${path} is generated`);
    return String(file.body);
  };
  return { files, text, index: text('index.html') };
}

const bannerOf = (index: string) => /<div class="banner \w"><h1>([^<]*)<\/h1>/.exec(index)?.[1];
const htmlFiles = (files: SiteFile[]) => files.filter((file) => file.path.endsWith('.html'));
const gzipKb = (...texts: string[]) => gzipSync(texts.join('')).length / 1024;

/** A bigger page: `components` in `groups` groups, each with a disruption every ~9 days, and `incidents` spread back in time. */
function largeSnapshot(options: { components: number; groups: number; incidents?: number; language?: 'en' | 'fr' }): PublicSnapshot {
  const base = sampleSnapshot({ language: options.language });
  const now = base.generatedAt.getTime();
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(9, '0')}`;
  const statuses: ComponentStatus[] = ['degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
  const components: PublicComponent[] = Array.from({ length: options.components }, (_, i) => ({
    ...base.components[0]!,
    id: id('cmp', i),
    name: `Service number ${i + 1} in region ${(i % options.groups) + 1}`,
    position: i + 1,
    groupId: options.groups > 0 ? id('grp', i % options.groups) : null,
    status: i % 5 === 2 ? 'degraded_performance' : 'operational',
  }));
  const groups: PublicGroup[] = Array.from({ length: options.groups }, (_, g) => ({
    ...base.groups[0]!,
    id: id('grp', g),
    name: `Region ${g + 1}`,
    position: g + 1,
    componentIds: components.filter((c) => c.groupId === id('grp', g)).map((c) => c.id),
  }));
  const history: PublicStatusChange[] = components.flatMap((component, i) => [
    { componentId: component.id, status: 'operational' as const, changedAt: new Date(now - 200 * day) },
    ...Array.from({ length: 10 }, (_, k) => {
      const start = now - (9 * k + (i % 9) + 1) * day + (i * 37 + k * 101) * minute;
      return [
        { componentId: component.id, status: statuses[(i + k) % 4]!, changedAt: new Date(start) },
        { componentId: component.id, status: 'operational' as const, changedAt: new Date(start + (20 + ((i * k) % 180)) * minute) },
      ];
    }).flat(),
  ]);
  history.sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const template = base.incidents[1]!;
  const incidents: PublicIncident[] =
    options.incidents === undefined
      ? base.incidents
      : Array.from({ length: options.incidents }, (_, n) => {
          const startedAt = new Date(now - (n + 1) * 7 * 3_600_000);
          const shift = (at: Date) => new Date(at.getTime() - template.startedAt.getTime() + startedAt.getTime());
          return {
            ...template,
            id: id('inc', n),
            name: `Slow responses on service ${(n % options.components) + 1}`,
            createdAt: startedAt,
            startedAt,
            resolvedAt: shift(template.resolvedAt!),
            componentIds: options.components > 0 ? [components[n % options.components]!.id] : [],
            updates: template.updates.map((update) => ({ ...update, id: `${id('upd', n)}${update.id.slice(-1)}`, displayAt: shift(update.displayAt) })),
          };
        });
  return { ...base, components, groups, history, incidents };
}

describe('the status page HTML', () => {
  it('the banner says the overall status in words, in the page language', () => {
    const cases: [ComponentStatus[], string, string][] = [
      [['operational', 'operational'], 'All systems operational', 'Tous les services fonctionnent normalement'],
      [['operational', 'degraded_performance'], 'Some services are degraded', 'Certains services sont ralentis'],
      [['degraded_performance', 'degraded_performance'], 'Services are degraded', 'Les services sont ralentis'],
      [['operational', 'partial_outage'], 'Some services are partly unavailable', 'Certains services sont en partie indisponibles'],
      [['operational', 'major_outage'], 'Some services are unavailable', 'Certains services sont indisponibles'],
      [['major_outage', 'major_outage'], 'Services are unavailable', 'Les services sont indisponibles'],
      [['operational', 'under_maintenance'], 'Maintenance in progress', 'Maintenance en cours'],
    ];
    for (const [statuses, en, fr] of cases) {
      for (const [language, words] of [['en', en], ['fr', fr]] as const) {
        const base = sampleSnapshot({ language });
        const components = statuses.map((status, i) => ({ ...base.components[i]!, status }));
        const { index } = site({ ...base, components, incidents: [], maintenances: [] });
        assert.equal(bannerOf(index), words, `${statuses.join('+')} in ${language}`);
        assert.ok(index.includes(`<title>${words} – ${base.page.name}</title>`));
      }
    }
  });

  it('shows the promise of the next update only for an open incident that has one, in the page time zone', () => {
    const en = site(sampleSnapshot());
    const promise = 'Next update by <time datetime="2026-03-29T14:20:00+02:00">2:20 PM</time>';
    assert.ok(en.index.includes(promise));
    assert.ok(en.text('incidents/incopen00001.html').includes(promise));
    assert.ok(!en.text('incidents/incpast00001.html').includes('class="promise"'));
    assert.ok(site(sampleSnapshot({ language: 'fr' })).index.includes('Prochain point à <time datetime="2026-03-29T14:20:00+02:00">14:20</time>'));

    const base = sampleSnapshot();
    const open = base.incidents[0]!;
    const without = site({ ...base, incidents: [{ ...open, nextUpdateAt: null }] });
    // The update bodies say "Next update by 12:30" in their own words; the promise line is the page's.
    assert.ok(!without.index.includes('class="promise"'));
    const resolvedWithStalePromise = site({ ...base, incidents: [{ ...open, status: 'resolved', resolvedAt: base.generatedAt }] });
    assert.ok(!resolvedWithStalePromise.text('incidents/incopen00001.html').includes('class="promise"'));
    const tomorrow = site({ ...base, incidents: [{ ...open, nextUpdateAt: new Date('2026-03-30T07:00:00Z') }] });
    assert.ok(tomorrow.index.includes('Next update by <time datetime="2026-03-30T09:00:00+02:00">Mar 30 at 9:00 AM</time>'));
  });

  it('escapes a <script> in a component, group, incident or maintenance name and in an update body', () => {
    const base = sampleSnapshot();
    const evil = '<script>alert(1)</script>';
    const attr = '"><img src=x onerror=alert(2)>';
    const snapshot: PublicSnapshot = {
      ...base,
      page: { ...base.page, name: `Status ${evil}` },
      components: base.components.map((c, i) => (i === 0 ? { ...c, name: `VM ${evil}`, description: attr } : c)),
      groups: base.groups.map((g, i) => (i === 0 ? { ...g, name: `Compute ${evil}`, description: attr } : g)),
      incidents: base.incidents.map((incident, i) =>
        i === 0 ? { ...incident, name: `Outage ${attr}`, updates: incident.updates.map((u) => ({ ...u, body: `Update ${evil} [x](javascript:alert(3))` })) } : incident,
      ),
      maintenances: base.maintenances.map((m) => ({ ...m, name: `Work ${evil}` })),
    };
    const { files } = site(snapshot);
    for (const file of files.filter((f) => f.path.endsWith('.html'))) {
      const body = String(file.body);
      assert.ok(!body.includes('<script'), `${file.path} has a script element`);
      assert.ok(!body.includes('<img'), `${file.path} has an image`);
      assert.ok(!/href="javascript/i.test(body), `${file.path} links to javascript:`);
    }
    const index = String(files.find((f) => f.path === 'index.html')!.body);
    assert.ok(index.includes('VM &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(index.includes('Update &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(index.includes('Outage &quot;&gt;&lt;img src=x onerror=alert(2)&gt;'));
  });

  it('writes every fixed text in the page language, with <html lang>', () => {
    const fr = site(sampleSnapshot({ language: 'fr' }));
    const en = site(sampleSnapshot({ language: 'en' }));
    assert.ok(fr.index.startsWith('<!doctype html>\n<html lang="fr">'));
    assert.ok(en.index.startsWith('<!doctype html>\n<html lang="en">'));
    for (const words of ['Aller au contenu principal', 'Incidents en cours', 'Maintenances en cours', 'Maintenances prévues', 'Services concernés', 'Il y a 90 jours', 'Aujourd’hui', 'de disponibilité', 'Incidents récents', 'Historique des incidents', 'Cause identifiée', 'Mis à jour le <time datetime="2026-03-29T14:00:00+02:00">29 mars 2026 à 14:00</time>']) {
      assert.ok(fr.index.includes(words), `fr: ${words}`);
    }
    for (const words of ['Skip to main content', 'Ongoing incidents', 'Upcoming maintenance', 'uptime', 'Today', 'Investigating', 'Next update by <time']) {
      assert.ok(!fr.index.includes(words), `fr page says "${words}"`);
      assert.ok(en.index.includes(words), `en: ${words}`);
    }
    assert.ok(fr.text('history.html').includes('<h2 id="h-2026-02">Février 2026</h2>'));
    assert.ok(fr.text('maintenances.html').includes('<abbr title="lundi">lun.</abbr>'));
    assert.ok(fr.text('maintenances.html').includes('le <time datetime="2026-04-01T14:00:00+02:00">1er avril 2026</time>'));
  });

  it('writes times in the page time zone, with the right offset on each side of a DST change', () => {
    const base = sampleSnapshot();
    const template = base.incidents[1]!;
    const overnight: PublicIncident = {
      ...template,
      startedAt: new Date('2026-03-29T00:30:00Z'),
      resolvedAt: new Date('2026-03-29T01:30:00Z'),
      updates: [{ ...template.updates[0]!, displayAt: new Date('2026-03-29T01:30:00Z') }],
    };
    const paris = site({ ...base, incidents: [overnight] }).text(`incidents/${overnight.id}.html`);
    assert.ok(paris.includes('<time datetime="2026-03-29T01:30:00+01:00">Mar 29, 2026 at 1:30 AM</time>'), 'CET before the change');
    assert.ok(paris.includes('<time datetime="2026-03-29T03:30:00+02:00">Mar 29, 2026 at 3:30 AM</time>'), 'CEST after it');
    assert.ok(paris.includes('<dd>1 hr</dd>'), 'the duration is real time, not wall-clock difference');

    const newYork = sampleSnapshot({ timeZone: 'America/New_York', language: 'fr' });
    const ny = site({ ...newYork, incidents: [overnight] });
    assert.ok(ny.text(`incidents/${overnight.id}.html`).includes('<time datetime="2026-03-28T20:30:00-04:00">28 mars 2026 à 20:30</time>'));
    assert.ok(ny.index.includes('America/New_York'));
  });

  it('a page with no component, incident or maintenance still says something sensible', () => {
    const base = sampleSnapshot();
    const { files, index, text } = site({ ...base, components: [], groups: [], incidents: [], maintenances: [], history: [] });
    assert.equal(bannerOf(index), 'All systems operational');
    assert.ok(index.includes('No services are listed on this page yet.'));
    assert.ok(index.includes('No incidents in the last 14 days.'));
    assert.ok(!index.includes('class="bars"'));
    assert.ok(text('history.html').includes('No incidents reported this month.'));
    assert.ok(text('maintenances.html').includes('No maintenance has been scheduled.'));
    assert.ok(text('maintenances.html').includes('aria-current="date"'), 'the current month is still shown, today marked');
    assert.deepEqual(files.map((f) => f.path).sort(), ['history.html', 'index.html', 'maintenances.html', 'style.css', 'widget.html', 'widget.js']);
  });

  it('draws 90 titled bars per showcased component, a legend, the uptime, and the disrupted days as text', () => {
    const { index } = site(sampleSnapshot());
    const vm = index.slice(index.indexOf('Virtual machines'), index.indexOf('Managed Kubernetes'));
    assert.equal((vm.match(/<i[^>]* title="[^"]+"><\/i>/g) ?? []).length, 90);
    assert.ok(vm.includes('<i class="m" title="Jan 28, 2026: Major outage (45 min)"></i>'));
    assert.ok(vm.includes('role="img" aria-label="Last 90 days: 99.96% uptime"'));
    assert.ok(vm.includes('<summary>1 day with downtime or maintenance</summary>'));
    assert.ok(index.includes('<ul class="legend" aria-label="Legend">'));
    const api = index.slice(index.indexOf('Public API'));
    assert.ok(api.includes('Mar 17, 2026: Degraded performance (1 hr 20 min). Related incident: <a href="incidents/incpast00001.html">Elevated API error rates</a>'));
  });

  it('hides a component shown only when degraded while it is operational, and bars when it is not showcased', () => {
    const base = sampleSnapshot();
    const withFlags = (status: ComponentStatus) => ({
      ...base,
      components: base.components.map((c) => (c.id === 'cmpk8s000001' ? { ...c, onlyShowIfDegraded: true, status } : c.id === 'cmpapi000001' ? { ...c, showcase: false } : c)),
    });
    assert.ok(!site(withFlags('operational')).index.includes('Managed Kubernetes'));
    assert.ok(site(withFlags('degraded_performance')).index.includes('Managed Kubernetes'));
    const api = site(withFlags('operational')).index.split('Public API')[1]!.split('</li>')[0]!;
    assert.ok(api.includes('Operational') && !api.includes('class="bars"'));
  });

  it('uses only relative links, no script, no inline style, and one stylesheet', () => {
    const { files } = site(sampleSnapshot());
    for (const file of htmlFiles(files)) {
      const body = String(file.body);
      assert.ok(!/(?:href|src)="\/(?!\/)/.test(body), `${file.path} has a root-relative link`);
      assert.ok(!/<script|\son[a-z]+=|style="|<style/.test(body), `${file.path} has a script or inline style`);
      const depth = file.path.split('/').length - 1;
      assert.ok(body.includes(`<link rel="stylesheet" href="${'../'.repeat(depth)}style.css">`), file.path);
      assert.ok(/<a class="skip" href="#main">/.test(body) || file.path === 'widget.html', `${file.path} has a skip link`);
    }
  });

  it('asks search engines to stay away from a private page only', () => {
    const base = sampleSnapshot();
    assert.ok(!site(base).index.includes('noindex'));
    assert.ok(site({ ...base, page: { ...base.page, visibility: 'private' } }).index.includes('<meta name="robots" content="noindex">'));
  });

  it('keeps index.html + style.css under 30 KB gzipped, for the sample and for 12 components in 3 groups with 90 days of history', (t) => {
    const sample = site(sampleSnapshot());
    const big = site(largeSnapshot({ components: 12, groups: 3 }));
    const bigFr = site(largeSnapshot({ components: 12, groups: 3, language: 'fr' }));
    const sizes = { sample: gzipKb(sample.index, stylesheet), twelve: gzipKb(big.index, stylesheet), twelveFr: gzipKb(bigFr.index, stylesheet), css: gzipKb(stylesheet) };
    t.diagnostic(`gzipped KB: ${JSON.stringify(Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, Number(v.toFixed(1))])))}`);
    assert.ok(big.index.includes('Region 3') && (big.index.match(/class="bars"/g) ?? []).length === 12);
    assert.ok(big.index.includes('<details>'), 'the large page has disrupted days');
    for (const [name, kb] of Object.entries(sizes)) assert.ok(kb <= 30, `${name}: ${kb.toFixed(1)} KB`);
  });

  it('renders 500 components and 10,000 incidents, with history pages of bounded size', (t) => {
    const started = performance.now();
    const { files, index, text } = site(largeSnapshot({ components: 500, groups: 20, incidents: 10_000 }));
    const elapsedMs = performance.now() - started;
    t.diagnostic(`500 components, 10,000 incidents: ${files.length} files in ${Math.round(elapsedMs)} ms`);
    assert.equal(files.filter((f) => f.path.startsWith('incidents/')).length, 10_000);
    const history = files.filter((f) => f.path === 'history.html' || f.path.startsWith('history/'));
    assert.equal(history.length, 10_000 / historyPageSize);
    const largest = Math.max(...history.map((f) => String(f.body).length));
    t.diagnostic(`largest history page: ${Math.round(largest / 1024)} KB`);
    assert.ok(largest < 48 * 1024, `${largest} bytes`);
    assert.equal((text('history/2.html').match(/<li><a href="..\/incidents\//g) ?? []).length, historyPageSize);
    assert.ok(text('history/2.html').includes('<a rel="prev" href="../history.html">Newer</a>'));
    assert.ok(text('history/200.html').includes('Page 200 of 200'));
    assert.ok(!text('history/200.html').includes('rel="next"'));
    assert.equal((index.match(/class="bars"/g) ?? []).length, 500);
  });

  it('lists history newest month first and the maintenance calendar with today marked', () => {
    const { text } = site(sampleSnapshot());
    const history = text('history.html');
    const months = [...history.matchAll(/<h2 id="h-(\d{4}-\d{2})">/g)].map((m) => m[1]);
    assert.deepEqual(months, ['2026-03', '2026-02', '2026-01']);
    assert.ok(history.indexOf('incopen00001') < history.indexOf('incpast00001'));
    const calendar = text('maintenances.html');
    assert.deepEqual([...calendar.matchAll(/<h2 id="h-(\d{4}-\d{2})">/g)].map((m) => m[1]), ['2026-04', '2026-03']);
    assert.ok(/<td class="mt" aria-current="date"><span class="dn">29<\/span><span class="vh"> \(today\)<\/span><a href="#m-mntnow000001">Database engine upgrade<\/a><\/td>/.test(calendar));
    assert.ok(calendar.includes('<article class="card u" id="m-mntnext00001"'));
  });

  it('a 100,000-character update keeps the layout: it wraps anywhere', () => {
    const base = sampleSnapshot();
    const long = 'a'.repeat(100_000);
    const incident = { ...base.incidents[0]!, name: 'n'.repeat(2_000), updates: base.incidents[0]!.updates.map((u) => ({ ...u, body: long })) };
    const { index, text } = site({ ...base, incidents: [incident] });
    assert.ok(index.includes(`<p>${long}</p>`));
    assert.ok(text(`incidents/${incident.id}.html`).includes(long));
    assert.match(stylesheet, /body\{[^}]*overflow-wrap:anywhere/);
    assert.match(stylesheet, /\.ub pre\{[^}]*white-space:pre-wrap/);
  });
});

describe('what a publish rewrites', () => {
  it('changes only the index and the widget when nothing but the clock moved', () => {
    const before = sampleSnapshot();
    const later = { ...before, generatedAt: new Date(before.generatedAt.getTime() + 60_000) };
    const earlier = new Map(renderHtml(before).map((file) => [file.path, String(file.body)]));
    const changed = renderHtml(later).filter((file) => earlier.get(file.path) !== String(file.body)).map((file) => file.path);
    assert.deepEqual(changed.sort(), ['index.html', 'widget.html']);
  });
});
