import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { buildSnapshot } from '../../src/services/status-page/build-snapshot.ts';
import { renderSite } from '../../src/status-page/site.ts';

/** An update written in both languages: each page shows its own, with the promised next update. */
describe('a French page and an English page of the same incident', () => {
  let h: Harness;
  const pages: Record<'fr' | 'en', string> = { fr: '', en: '' };
  let incidentId = '';

  const site = async (language: 'fr' | 'en') => {
    const snapshot = await h.db.transaction((tx) => buildSnapshot({ db: tx, workspaceId: h.workspaceId, pageId: pages[language], now: h.clock.now(), fallbackUrl: 'http://localhost:3001' }));
    return new Map(renderSite(snapshot).map((file) => [file.path, String(file.body)]));
  };

  before(async () => {
    h = await createHarness();
    pages.fr = (await h.request('POST', '/api/admin/pages', { body: { slug: 'statut', name: 'Statut Acme', language: 'fr', time_zone: 'Europe/Paris' } })).body.id;
    pages.en = (await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris' } })).body.id;
    const component = (await h.request('POST', '/api/admin/components', { body: { name: 'SMS' } })).body.id;
    const opened = await h.request('POST', '/api/admin/incidents', { body: { name: 'SMS', impact: 'major', body: 'Investigating.', component_ids: [component] } });
    incidentId = opened.body.id;
  });
  after(async () => h?.close());

  it('shows each page its language, the promised next update while open, and falls back to the single text', async () => {
    const update = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      body: {
        status: 'identified',
        body: 'SMS cannot be sent; a faulty server is being replaced.',
        bodies: { fr: 'Les SMS ne partent plus ; un serveur défaillant est en cours de remplacement.', en: 'Text messages cannot be sent; a faulty server is being replaced.' },
        next_update_at: new Date(h.clock.now().getTime() + 30 * 60_000).toISOString(),
      },
    });
    assert.equal(update.status, 201, JSON.stringify(update.body));
    assert.equal(update.body.next_update_at, new Date(h.clock.now().getTime() + 30 * 60_000).toISOString());
    const fr = await site('fr');
    const en = await site('en');
    const page = `incidents/${incidentId}.html`;
    assert.match(fr.get(page)!, /Les SMS ne partent plus/);
    assert.doesNotMatch(fr.get(page)!, /Text messages cannot be sent/);
    assert.match(en.get(page)!, /Text messages cannot be sent/);
    // The clock stands at 14:00 UTC, 15:00 in Paris: the promise is 15:30, today.
    assert.match(fr.get('index.html')!, /<p class="promise">Prochain point à <time datetime="2026-03-10T15:30:00\+01:00">15:30<\/time><\/p>/);
    assert.match(en.get('index.html')!, /<p class="promise">Next update by <time datetime="2026-03-10T15:30:00\+01:00">3:30 PM<\/time><\/p>/);
    // The first update had one text: both pages show it.
    assert.match(fr.get(page)!, /Investigating\./);
    const summary = JSON.parse(en.get('api/v2/incidents/unresolved.json')!);
    assert.equal(summary.incidents[0].incident_updates[0].body, 'Text messages cannot be sent; a faulty server is being replaced.');
  });

  it('refuses a next update promised in the past, and drops the promise when the incident closes', async () => {
    const past = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      body: { status: 'monitoring', body: 'Watching.', next_update_at: new Date(h.clock.now().getTime() - 60_000).toISOString() },
    });
    assert.equal(past.status, 400);
    assert.equal(past.body.errors[0].pointer, '/next_update_at');
    h.clock.advance(10 * 60_000);
    const resolved = await h.request('POST', `/api/admin/incidents/${incidentId}/resolve`, { body: { body: 'Fixed.' } });
    assert.equal(resolved.status, 201);
    assert.equal(resolved.body.next_update_at, null);
    assert.doesNotMatch((await site('en')).get(`incidents/${incidentId}.html`)!, /class="promise"/);
  });
});
