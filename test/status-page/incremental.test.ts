import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { buildSnapshot, type PageMemory } from '../../src/services/status-page/build-snapshot.ts';
import { createSiteRenderer, renderSite } from '../../src/status-page/site.ts';
import { contentHash, type SiteFile } from '../../src/domain/site-file.ts';
import type { PublicSnapshot } from '../../src/status-page/snapshot.ts';

/**
 * A long-lived publisher re-reads only the incidents the public-change journal names and
 * regenerates only the files whose inputs changed. Whatever happened in between, what it publishes
 * must be byte for byte what a fresh build of the same instant gives.
 */
describe('a publisher that remembers its last build', () => {
  let h: Harness;
  let pageId: string;
  const memory = new Map<string, PageMemory>();
  const render = createSiteRenderer();
  let last: { snapshot: PublicSnapshot; files: Map<string, SiteFile> } | undefined;
  const incidents: string[] = [];
  const components: string[] = [];

  const read = (remember: boolean) =>
    h.db.transaction(
      (tx) => buildSnapshot({ db: tx, workspaceId: h.workspaceId, pageId, now: h.clock.now(), fallbackUrl: 'http://localhost:3001', memory: remember ? memory : undefined }),
      { isolation: 'repeatable read' },
    );

  /** Builds both ways; asserts they agree; returns what the remembering build regenerated. */
  async function buildAndCompare(): Promise<{ regenerated: string[]; reusedIncidents: number; reusedInputs: boolean }> {
    const snapshot = await read(true);
    const files = render(snapshot);
    const fresh = renderSite(await read(false));
    const bodies = (list: SiteFile[]) => new Map(list.map((file) => [file.path, String(file.body)]));
    assert.deepEqual(bodies(files), bodies(fresh));
    for (const file of files) if (file.hash) assert.equal(file.hash, contentHash(file.body), file.path);
    const previous = last;
    last = { snapshot, files: new Map(files.map((file) => [file.path, file])) };
    const regenerated = files.filter((file) => previous?.files.get(file.path) !== file).map((file) => file.path);
    const before = new Set(previous?.snapshot.incidents ?? []);
    return {
      regenerated,
      reusedIncidents: snapshot.incidents.filter((incident) => before.has(incident)).length,
      // The components, groups, maintenances and history as the same objects: not read again.
      reusedInputs: snapshot.components === previous?.snapshot.components && snapshot.maintenances === previous.snapshot.maintenances,
    };
  }

  before(async () => {
    h = await createHarness();
    pageId = (await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris' } })).body.id;
    for (const name of ['API', 'Dashboard', 'Billing']) components.push((await h.request('POST', '/api/admin/components', { body: { name } })).body.id);
    for (const [index, name] of ['Slow API', 'Dashboard errors', 'Invoices late', 'Login loop'].entries()) {
      h.clock.advance(3_600_000);
      const opened = await h.request('POST', '/api/admin/incidents', { body: { name, impact: 'minor', body: `What happened to ${name}.`, component_ids: [components[index % 3]] } });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      incidents.push(opened.body.id);
      if (index < 3) await h.request('POST', `/api/admin/incidents/${opened.body.id}/resolve`, { body: { body: `${name} is fixed.` } });
    }
    await buildAndCompare();
  });
  after(async () => {
    await h?.close();
  });

  it('after one update, re-reads that incident only and regenerates a few files, not every incident page', async () => {
    h.clock.advance(60_000);
    await h.request('POST', `/api/admin/incidents/${incidents[3]}/updates`, { body: { status: 'identified', body: 'A cache loop; we are clearing it.' } });
    const { regenerated, reusedIncidents, reusedInputs } = await buildAndCompare();
    assert.equal(reusedIncidents, 3);
    assert.ok(reusedInputs, 'an incident update reads no component, group, maintenance or status change');
    assert.ok(regenerated.includes(`incidents/${incidents[3]}.html`));
    assert.ok(!regenerated.some((file) => incidents.slice(0, 3).some((id) => file === `incidents/${id}.html`)), regenerated.join(', '));
    assert.ok(regenerated.includes('index.html') && regenerated.includes('api/v2/incidents.json'));
  });

  it('sees a corrected update text, journaled under its incident', async () => {
    const incident = await h.request('GET', `/api/admin/incidents/${incidents[0]}`);
    const update = incident.body.updates.at(-1);
    const corrected = await h.request('PATCH', `/api/admin/incidents/${incidents[0]}/updates/${update.id}`, { body: { body: 'What happened to Slow API, corrected.' } });
    assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
    const { regenerated } = await buildAndCompare();
    assert.ok(regenerated.includes(`incidents/${incidents[0]}.html`));
  });

  it('follows an incident whose components changed, a renamed component and reordered components', async () => {
    assert.equal((await h.request('PATCH', `/api/admin/incidents/${incidents[1]}`, { body: { component_ids: [components[0], components[2]] } })).status, 200);
    await buildAndCompare();
    assert.equal((await h.request('PATCH', `/api/admin/components/${components[0]}`, { body: { name: 'Public API' } })).status, 200);
    const renamed = await buildAndCompare();
    // The pages that name the component change; the one that does not is kept.
    assert.ok(renamed.regenerated.includes(`incidents/${incidents[0]}.html`));
    assert.ok(!renamed.regenerated.includes(`incidents/${incidents[2]}.html`));
    assert.equal((await h.request('PATCH', `/api/admin/components/${components[2]}`, { body: { position: 0 } })).status, 200);
    const reordered = await buildAndCompare();
    assert.equal(reordered.reusedIncidents, 0, 'a new order of components reads the incidents again');
  });

  it('follows a component status change into its bars and uptime, and a day rolling over', async () => {
    h.clock.advance(60_000);
    assert.equal((await h.request('PATCH', `/api/admin/components/${components[1]}`, { body: { status: 'partial_outage' } })).status, 200);
    h.clock.advance(2 * 3_600_000);
    const outage = await buildAndCompare();
    assert.ok(outage.regenerated.includes('index.html'));
    assert.ok(!outage.reusedInputs);
    h.clock.advance(3 * 3_600_000);
    await buildAndCompare();
    // The outage day settles: the bars move on by a day, the outage day keeps its color.
    h.clock.advance(24 * 3_600_000);
    await buildAndCompare();
    assert.equal((await h.request('PATCH', `/api/admin/components/${components[1]}`, { body: { status: 'operational' } })).status, 200);
    h.clock.advance(30 * 60_000);
    await buildAndCompare();
    h.clock.advance(3 * 24 * 3_600_000);
    const later = await buildAndCompare();
    assert.ok(!later.regenerated.some((file) => file.startsWith('incidents/') && !file.includes(incidents[3]!)), later.regenerated.join(', '));
  });

  it('reads the components again after a write no service journaled, and follows history leaving the window', async () => {
    // A status change written straight into the tables (an import, a script): the trigger moves the
    // page's inputs on, so the next build, whatever made it, reads them again.
    const at = h.clock.now();
    await h.db.db.insertInto('component_status_changes').values({ workspace_id: h.workspaceId, component_id: components[2]!, status: 'major_outage', previous_status: 'operational', changed_at: at, incident_id: null, maintenance_id: null }).execute();
    await h.db.db.updateTable('components').set({ status: 'major_outage' }).where('workspace_id', '=', h.workspaceId).where('id', '=', components[2]!).execute();
    // One dated in the future, which the history shows once its time has come.
    await h.db.db.insertInto('component_status_changes').values({ workspace_id: h.workspaceId, component_id: components[2]!, status: 'operational', previous_status: 'major_outage', changed_at: new Date(at.getTime() + 2 * 3_600_000), incident_id: null, maintenance_id: null }).execute();
    h.clock.advance(60_000);
    await h.request('POST', `/api/admin/incidents/${incidents[3]}/updates`, { body: { status: 'identified', body: 'Still on it.' } });
    const direct = await buildAndCompare();
    assert.ok(!direct.reusedInputs && direct.regenerated.includes('api/v2/components.json'), direct.regenerated.join(', '));
    h.clock.advance(3 * 3_600_000);
    const afterFuture = await buildAndCompare();
    assert.ok(afterFuture.reusedInputs);
    // Ninety days on, every change so far has left the window: each component starts it with its last status.
    for (const days of [45, 44, 2]) {
      h.clock.advance(days * 24 * 3_600_000);
      const { reusedInputs } = await buildAndCompare();
      assert.ok(reusedInputs);
    }
  });

  it('reads everything again when the journal no longer covers its last build', async () => {
    h.clock.advance(60_000);
    await h.request('POST', `/api/admin/incidents/${incidents[3]}/updates`, { body: { status: 'monitoring', body: 'Cleared; watching.' } });
    await h.db.db.deleteFrom('public_changes').execute();
    const { reusedIncidents } = await buildAndCompare();
    assert.equal(reusedIncidents, 0);
  });

  it('keeps the last build when nothing changed and only time moved on', async () => {
    h.clock.advance(3_600_000);
    const { regenerated, reusedIncidents } = await buildAndCompare();
    assert.equal(reusedIncidents, 4);
    assert.ok(!regenerated.some((file) => file.startsWith('incidents/')), regenerated.join(', '));
  });
});
