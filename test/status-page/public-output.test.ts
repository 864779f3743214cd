import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { publishPendingPages } from '../../src/services/status-page/publish-pending.ts';
import { renderSite } from '../../src/status-page/site.ts';
import { siteFolder, targetsResolver } from '../../src/surfaces/worker/publisher.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { newId } from '../../src/domain/ids.ts';

function everyFile(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((entry) => {
    const full = path.join(root, entry);
    return statSync(full).isDirectory() ? everyFile(full) : [full];
  });
}

/** A unique string per internal field: if one appears in a published byte, that field leaked. */
const marker = (field: string) => `zqx-${field}-${newId()}`;

describe('what a public status page may never contain', () => {
  let h: Harness;
  let siteDir: string;
  const markers: Record<string, string> = {};
  const m = (field: string) => markers[field]!;
  let privateTargetDir: string;

  before(async () => {
    h = await createHarness();
    siteDir = mkdtempSync(path.join(tmpdir(), 'tocsin-leak-'));
    privateTargetDir = path.join(siteDir, 'external-copy-of-private-page');
    for (const field of ['referentName', 'referentEmail', 'backupName', 'tokenName', 'draftBody', 'draftIncidentName', 'draftIncidentBody', 'privatePageName', 'privateComponentNote', 'rumorText', 'rumorSource', 'correctionDraft']) markers[field] = marker(field);

    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris' } });
    const privatePage = await h.request('POST', '/api/admin/pages', { body: { slug: 'internal', name: m('privatePageName'), language: 'en', time_zone: 'Europe/Paris', visibility: 'private' } });
    assert.equal((await h.request('POST', `/api/admin/pages/${privatePage.body.id}/targets`, { body: { kind: 'folder', path: privateTargetDir } })).status, 201);
    assert.equal(page.status, 201);

    const referent = await addUser({ ctx: h.systemCtx(), input: { email: `${m('referentEmail')}@acme.test`, name: m('referentName'), role: 'comms_lead' } });
    const backup = await addUser({ ctx: h.systemCtx(), input: { email: 'backup@acme.test', name: m('backupName'), role: 'incident_lead' } });
    const token = (await h.request('POST', '/api/admin/tokens', { body: { name: m('tokenName'), role: 'incident_lead' } })).body.token;

    const component = await h.request('POST', '/api/admin/components', { body: { name: 'Object storage' } });
    const incident = await h.request('POST', '/api/admin/incidents', {
      token,
      body: { name: 'Uploads fail', impact: 'major', body: 'Uploads fail for some customers. Next update in 30 minutes.', component_ids: [component.body.id], referent_id: referent.id, backup_referent_id: backup.id },
    });
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    await h.request('POST', `/api/admin/incidents/${incident.body.id}/updates`, { token, body: { status: 'identified', body: 'A disk failed; we are replacing it.' } });
    // The fact sheet's rumor (what the team noted, where it was seen) and a correction still in draft.
    const rumor = await h.request('POST', `/api/admin/incidents/${incident.body.id}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'rumor', text: m('rumorText'), source: m('rumorSource') } });
    const correction = await h.request('POST', `/api/admin/incidents/${incident.body.id}/corrections`, { token: h.tokens.comms_lead, body: { rumor_id: rumor.body.id, said: m('correctionDraft'), truth: { en: m('correctionDraft') } } });
    assert.equal(correction.status, 201, JSON.stringify(correction.body));

    // Drafts: an update not yet published, and an incident whose only update is a draft.
    const now = h.clock.now();
    await h.db.db.insertInto('incident_updates').values({ workspace_id: h.workspaceId, id: newId(), incident_id: incident.body.id, status: 'monitoring', body: m('draftBody'), affected_components: null, author_type: 'system', author_id: null, author_name: 'draft', created_at: now, published_at: null, display_at: now }).execute();
    const hiddenId = newId();
    await h.db.db.insertInto('incidents').values({ workspace_id: h.workspaceId, id: hiddenId, name: m('draftIncidentName'), status: 'investigating', impact: 'critical', occurred_at: null, detected_at: null, acknowledged_at: null, monitoring_at: null, resolved_at: null, referent_id: null, backup_referent_id: null, created_by: null, created_at: now }).execute();
    await h.db.db.insertInto('incident_updates').values({ workspace_id: h.workspaceId, id: newId(), incident_id: hiddenId, status: 'investigating', body: m('draftIncidentBody'), affected_components: null, author_type: 'system', author_id: null, author_name: 'draft', created_at: now, published_at: null, display_at: now }).execute();

    await h.request('POST', `/api/admin/pages/${page.body.id}/publish`);
    await h.request('POST', `/api/admin/pages/${privatePage.body.id}/publish`);
    const outcomes = await publishPendingPages({ db: h.db, now: h.clock.now, fallbackUrl: 'http://localhost:3001', render: renderSite, targetsFor: targetsResolver(h.db, siteDir) });
    assert.ok(outcomes.length >= 2 && outcomes.every((outcome) => outcome.ok), JSON.stringify(outcomes.map((o) => o.targets)));
  });
  after(async () => {
    await h?.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  it('carries no name, e-mail, token, author, draft or private page in any published byte', () => {
    const files = everyFile(siteFolder(siteDir, { workspaceSlug: 'acme', pageSlug: 'status' }));
    assert.ok(files.length > 5, `only ${files.length} files published`);
    const leaks: string[] = [];
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const [field, value] of Object.entries(markers)) if (text.includes(value)) leaks.push(`${field} in ${path.relative(siteDir, file)}`);
      if (text.includes('@acme.test')) leaks.push(`an e-mail address in ${path.relative(siteDir, file)}`);
    }
    assert.deepEqual(leaks, []);
    const summary = readFileSync(files.find((file) => file.endsWith('api/v2/summary.json'))!, 'utf8');
    assert.match(summary, /Uploads fail/, 'the published incident is there');
    assert.match(summary, /A disk failed/);
  });

  it('keeps a private page in Tocsin\'s own folder only, never on an outside target', () => {
    assert.ok(everyFile(siteFolder(siteDir, { workspaceSlug: 'acme', pageSlug: 'internal' })).length > 0);
    assert.deepEqual(everyFile(privateTargetDir), []);
  });
});
