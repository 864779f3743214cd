import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { openTestDatabase } from '../helpers/db.ts';
import { startQueue } from '../../src/adapters/queue/queue.ts';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { ConflictError, ForbiddenError, InvalidError } from '../../src/domain/errors.ts';
import type { Ctx } from '../../src/services/context.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { listMembers } from '../../src/services/access/list-members.ts';
import { removeMember } from '../../src/services/access/remove-member.ts';
import { createComponent } from '../../src/services/component/create-component.ts';
import { createGroup } from '../../src/services/component/create-group.ts';
import { updateComponent } from '../../src/services/component/update-component.ts';
import { createPage } from '../../src/services/page/pages.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { exportWorkspace } from '../../src/services/transfer/export-workspace.ts';
import { importWorkspace } from '../../src/services/transfer/import-workspace.ts';
import { documentCollector, documentJsonWriter } from '../../src/services/transfer/document-writer.ts';
import { workspaceTables, type WorkspaceDocument } from '../../src/services/transfer/format.ts';
import { sql } from 'kysely';

async function exportDocument(ctx: Ctx, pageSize?: number): Promise<WorkspaceDocument> {
  const collector = documentCollector();
  await exportWorkspace({ ctx, write: collector.write, pageSize });
  return collector.document();
}

async function exportText(ctx: Ctx, pageSize?: number): Promise<{ text: string; parts: number }> {
  let text = '';
  let parts = 0;
  const write = documentJsonWriter((chunk) => void (text += chunk));
  await exportWorkspace({ ctx, write: (part) => (parts++, write(part)), pageSize });
  return { text, parts };
}

/** What must survive a round trip: all but the workspace's identity and the import's own audit row. */
function comparable(document: WorkspaceDocument) {
  const { exported_at: _at, workspace, tables, ...rest } = document;
  const { id: _id, slug: _slug, name: _name, ...settings } = workspace;
  return { ...rest, workspace: settings, tables: { ...tables, audit_log: tables.audit_log.filter((row) => row.action !== 'workspace.import') } };
}

async function workspaceSlugs(db: DatabaseHandle): Promise<string[]> {
  return (await db.db.selectFrom('workspaces').select('slug').orderBy('slug').execute()).map((row) => row.slug);
}

describe('exporting and importing a workspace', () => {
  let h: Harness;
  let ctx: Ctx;
  let source: WorkspaceDocument;
  let formerId: string;
  let ownerId: string;
  const secrets: string[] = [];

  before(async () => {
    h = await createHarness();
    ctx = h.systemCtx();
    const members = await listMembers({ ctx });
    ownerId = members.find((member) => member.role === 'owner')!.id;
    await addUser({ ctx, input: { email: 'lead@acme.test', name: 'Léa Lead', role: 'incident_lead', password: 'correct horse battery staple', locale: 'fr' } });
    formerId = (await addUser({ ctx, input: { email: 'former@acme.test', name: 'Former Referent', role: 'incident_lead' } })).id;
    const group = await createGroup({ ctx, input: { name: 'Network', description: 'Edges and DNS' } });
    const dns = await createComponent({ ctx, input: { name: 'DNS', group_id: group.id, start_date: '2024-01-15' } });
    const api = await createComponent({ ctx, input: { name: 'API', description: null, showcase: false } });
    await createPage({ ctx, input: { slug: 'status', name: 'Acme status', language: 'fr', time_zone: 'Europe/Paris', url: 'https://status.acme.test' } });
    h.clock.advance(60_000);
    await updateComponent({ ctx: h.ctxAs('incident_lead'), id: dns.id, input: { status: 'major_outage' } });
    const incidentAt = h.clock.advance(60_000);
    await h.db.db.insertInto('incidents').values({
      workspace_id: h.workspaceId, id: 'inc000000001', name: 'DNS resolution failing', status: 'identified', impact: 'major',
      occurred_at: '2026-03-10T13:58:00.250Z', detected_at: incidentAt, acknowledged_at: incidentAt, monitoring_at: null, resolved_at: null,
      referent_id: formerId, backup_referent_id: ownerId, created_by: ownerId, created_at: incidentAt, updated_at: incidentAt, public_at: incidentAt,
    }).execute();
    await h.db.db.insertInto('incident_components').values({ workspace_id: h.workspaceId, incident_id: 'inc000000001', component_id: dns.id }).execute();
    await h.db.db.insertInto('incident_updates').values({
      workspace_id: h.workspaceId, id: 'upd000000001', incident_id: 'inc000000001', status: 'identified', body: 'Resolvers return SERVFAIL; rollback under way.',
      affected_components: JSON.stringify([{ code: dns.id, name: 'DNS', old_status: 'operational', new_status: 'major_outage' }]),
      author_type: 'user', author_id: formerId, author_name: 'Former Referent', created_at: incidentAt, published_at: incidentAt, display_at: incidentAt, updated_at: incidentAt,
    }).execute();
    // A history row written by SQL outside the services, with an instant finer than a millisecond.
    await h.db.db.insertInto('component_status_changes').values({
      workspace_id: h.workspaceId, component_id: api.id, status: 'degraded_performance', previous_status: 'operational',
      changed_at: '2026-03-10T14:02:00.123456Z', incident_id: 'inc000000001', maintenance_id: null,
    }).execute();
    await h.db.db.insertInto('maintenances').values({
      workspace_id: h.workspaceId, id: 'mnt000000001', name: 'Core switch upgrade', status: 'scheduled', scheduled_for: '2026-03-12T22:00:00Z',
      scheduled_until: '2026-03-13T01:00:00Z', auto_start: false, auto_complete: true, started_at: null, completed_at: null, created_by: ownerId, created_at: incidentAt, updated_at: incidentAt,
    }).execute();
    await h.db.db.insertInto('maintenance_components').values({ workspace_id: h.workspaceId, maintenance_id: 'mnt000000001', component_id: api.id }).execute();
    await h.db.db.insertInto('maintenance_updates').values({
      workspace_id: h.workspaceId, id: 'mup000000001', maintenance_id: 'mnt000000001', status: 'scheduled', body: 'Expect two short interruptions.',
      author_type: 'token', author_id: 'tok000000001', author_name: 'ci', created_at: incidentAt, display_at: incidentAt,
    }).execute();
    // The communication side: settings, glossary, a template, the fact sheet, a published message.
    await h.db.db.insertInto('comms_settings').values({
      workspace_id: h.workspaceId, audiences: JSON.stringify([{ id: 'customers', name: { fr: 'Clients', en: 'Customers' }, lay: true, readability_min: 60 }]),
      cadence: JSON.stringify({ critical: 20, major: 45, minor: 90, none: 90 }), four_eyes: false, lint_rules: JSON.stringify({ vague: 'off' }),
    }).execute();
    await h.db.db.insertInto('glossary_terms').values({ workspace_id: h.workspaceId, id: 'gls000000001', term: 'DNS', plain: 'l’annuaire d’adresses', language: 'fr', audiences: ['customers', 'press'] }).execute();
    await h.db.db.insertInto('message_templates').values({ workspace_id: h.workspaceId, id: 'tpl000000001', stage: 'first', language: 'fr', channel: 'sms', audience: null, subject: null, body: '{{what}} Prochain point {{next_update}}.' }).execute();
    await h.db.db.insertInto('fact_sheets').values({ workspace_id: h.workspaceId, incident_id: 'inc000000001', personal_data_breach: true, audiences: ['customers'] }).execute();
    await h.db.db.insertInto('messages').values({
      workspace_id: h.workspaceId, id: 'msg000000001', incident_id: 'inc000000001', stage: 'first', state: 'published', next_update_at: '2026-03-10T15:00:00Z',
      author_type: 'user', author_id: formerId, author_name: 'Former Referent', published_at: incidentAt, published_by_name: 'Former Referent', incident_update_id: 'upd000000001',
    }).execute();
    await h.db.db.insertInto('message_variants').values({
      workspace_id: h.workspaceId, id: 'var000000001', message_id: 'msg000000001', audience: 'customers', language: 'fr', channel: 'sms', body: 'Résolution DNS en panne. Prochain point à 16 h.',
      editor_type: 'user', editor_id: formerId, editor_name: 'Former Referent',
    }).execute();
    await h.db.db.insertInto('message_reviews').values({
      workspace_id: h.workspaceId, id: 'rev000000001', message_id: 'msg000000001', variant_id: null, kind: 'approve', content_hash: 'h1', override_reason: 'Legal agreed', overridden_rules: ['legalese'],
      actor_type: 'user', actor_id: ownerId, actor_name: 'Owner',
    }).execute();
    const page = await h.db.db.selectFrom('status_pages').select('id').where('workspace_id', '=', h.workspaceId).executeTakeFirstOrThrow();
    await h.db.db.insertInto('subscribers').values({ workspace_id: h.workspaceId, id: 'sub000000001', page_id: page.id, channel: 'email', address: 'reader@example.test', language: 'fr', all_components: false, state: 'active', manage_token: 'manage-token-1', source: 'self' }).execute();
    await h.db.db.insertInto('subscriber_components').values({ workspace_id: h.workspaceId, subscriber_id: 'sub000000001', component_id: dns.id }).execute();
    await h.db.db.insertInto('suppressions').values({ workspace_id: h.workspaceId, channel: 'email', address: 'bounced@example.test', reason: 'bounce', detail: '550 5.1.1 no such user' }).execute();
    await h.db.db.insertInto('channel_endpoints').values({ workspace_id: h.workspaceId, id: 'end000000001', name: 'Crisis room', kind: 'mastodon', purpose: 'social', audience: 'customers', target: 'https://mastodon.example.test', secret: 'mastodon-token-never-exported' }).execute();
    await h.db.db.insertInto('fact_entries').values({
      workspace_id: h.workspaceId, id: 'fct000000001', incident_id: 'inc000000001', kind: 'known', text: 'Resolvers fail for 120,000 customers', source: 'network ops',
      noted_at: '2026-03-10T14:03:00.000001Z', figures: JSON.stringify({ affected_people: 120000, regions: ['Île-de-France'] }), author_type: 'user', author_id: formerId, author_name: 'Former Referent',
    }).execute();
    // After the crisis: a rumor corrected, a promise on the follow-up list, a gesture, listening, the plan, lessons.
    const w = h.workspaceId;
    await h.db.db.insertInto('fact_entries').values([
      { workspace_id: w, id: 'fct000000002', incident_id: 'inc000000001', kind: 'rumor', text: 'All DNS data was wiped', source: 'a forum', noted_at: incidentAt, state: 'refuted', author_type: 'user', author_id: ownerId, author_name: 'Owner' },
      { workspace_id: w, id: 'fct000000003', incident_id: 'inc000000001', kind: 'promised', text: 'A credit of one month', noted_at: incidentAt, promise_kind: 'compensation', due_at: '2026-04-01T00:00:00Z', state: 'pending', author_type: 'user', author_id: ownerId, author_name: 'Owner' },
    ]).execute();
    await h.db.db.insertInto('closing_settings').values({ workspace_id: w, feedback_contact: 'feedback@acme.test' }).execute();
    await h.db.db.insertInto('closing_follow_ups').values({ workspace_id: w, promise_id: 'fct000000003', incident_id: 'inc000000001', note: 'billing applies it in April', author_type: 'user', author_id: ownerId, author_name: 'Owner' }).execute();
    await h.db.db.insertInto('compensation_gestures').values({
      workspace_id: w, id: 'gst000000001', incident_id: 'inc000000001', kind: 'free_period', period_count: 1, period_unit: 'month', description_fr: 'sur la prochaine facture', description_en: 'on the next invoice',
      component_ids: [dns.id], segments: ['pro'], covered_from: '2026-03-10T13:00:00Z', covered_to: '2026-03-10T18:00:00Z', due_at: '2026-04-01T00:00:00Z', promise_entry_id: 'fct000000003', author_type: 'user', author_id: ownerId, author_name: 'Owner',
    }).execute();
    await h.db.db.insertInto('subscriber_segments').values({ workspace_id: w, subscriber_id: 'sub000000001', segment: 'pro' }).execute();
    await h.db.db.insertInto('corrections').values({
      workspace_id: w, id: 'cor000000001', incident_id: 'inc000000001', rumor_entry_id: 'fct000000002', message_id: 'msg000000001', said: JSON.stringify({ en: 'All DNS data was wiped' }),
      truth: JSON.stringify({ en: 'No record was lost.' }), published_truth: JSON.stringify({ en: 'No record was lost.' }), published_at: incidentAt, created_by_id: ownerId, created_by_name: 'Owner',
    }).execute();
    await h.db.db.insertInto('listening_sources').values({ workspace_id: w, id: 'lsn000000001', name: 'Tech news', kind: 'feed', url: 'https://news.example.test/rss', hashtag: null, keywords: ['acme', 'panne dns'], cursor: JSON.stringify({ etag: '"abc"' }), last_polled_at: null, next_poll_at: incidentAt, last_error: null, held_until: null, leased_until: null }).execute();
    await h.db.db.insertInto('mentions').values({ workspace_id: w, id: 'men000000001', source_id: 'lsn000000001', source_name: 'Tech news', external_id: 'guid-1', url: 'https://news.example.test/1', author: 'reporter', text: 'Acme DNS data wiped?', published_at: incidentAt, keywords: ['acme'], state: 'rumor', incident_id: 'inc000000001', rumor_entry_id: 'fct000000002', fetched_at: incidentAt, decided_at: incidentAt, decided_by_name: 'Owner' }).execute();
    await h.db.db.insertInto('crisis_roles').values({ workspace_id: w, role: 'spokesperson', updated_by_name: 'Owner' }).execute();
    await h.db.db.insertInto('crisis_role_members').values({ workspace_id: w, role: 'spokesperson', position: 0, user_id: ownerId, phone: '+33612345678', email: null, out_of_hours_phone: null, availability_note: null, unavailable_until: null }).execute();
    await h.db.db.insertInto('crisis_template_approvals').values({ workspace_id: w, template_kind: 'message_template', template_key: 'tpl000000001', content_hash: 'h', approved_by_type: 'user', approved_by_id: ownerId, approved_by_name: 'Owner', approved_at: incidentAt }).execute();
    await h.db.db.insertInto('crisis_checklist_ticks').values({ workspace_id: w, item: 'press_list', is_ready: true, note: 'in the shared drive', ticked_by_id: ownerId, ticked_by_name: 'Owner', ticked_at: incidentAt }).execute();
    await h.db.db.insertInto('report_lessons').values({ workspace_id: w, incident_id: 'inc000000001', lessons: JSON.stringify([{ text: 'Say it sooner', public: true }]), actions: JSON.stringify([]), updated_by_name: 'Owner' }).execute();
    await removeMember({ ctx, userId: formerId });
    await h.db.db.insertInto('sessions').values({ workspace_id: h.workspaceId, id: 'session-hash-never-exported', user_id: ownerId, csrf_token: 'csrf-never-exported', expires_at: '2026-04-01T00:00:00Z' }).execute();
    await h.db.db.insertInto('idempotency_keys').values({ workspace_id: h.workspaceId, principal: 'token:x', key: 'idempotency-key-never-exported', request_hash: 'h', status: 201, response: '{}' }).execute();
    secrets.push('mastodon-token-never-exported', 'session-hash-never-exported', 'csrf-never-exported', 'idempotency-key-never-exported', ...Object.values(h.tokens));
    const stored = await h.db.db.selectFrom('users').select('password_hash').where('password_hash', 'is not', null).execute();
    const tokens = await h.db.db.selectFrom('api_tokens').select('secret_hash').execute();
    secrets.push(...stored.map((row) => row.password_hash!), ...tokens.map((row) => row.secret_hash));
    source = await exportDocument(ctx);
  });
  after(async () => h?.close());

  it('exports every table of the workspace, ordered by key, with instants to the microsecond', () => {
    assert.equal(source.format, 'tocsin.workspace');
    assert.equal(source.format_version, 1);
    assert.equal(source.workspace.slug, 'acme');
    assert.deepEqual(source.tables.incidents.map((row) => row.id), ['inc000000001']);
    assert.equal(source.tables.incidents[0]!.occurred_at, '2026-03-10T13:58:00.250Z');
    assert.equal(source.tables.components.length, 2);
    assert.equal(source.tables.component_groups[0]!.description, 'Edges and DNS');
    assert.equal(source.tables.maintenance_components.length, 1);
    assert.ok(source.tables.audit_log.length > 10);
    const changes = source.tables.component_status_changes;
    assert.ok(changes.some((row) => row.changed_at === '2026-03-10T14:02:00.123456Z'));
    assert.deepEqual(changes.map((row) => row.id), [...changes.map((row) => row.id)].sort((a, b) => a - b));
    const audit = source.tables.audit_log.map((row) => row.id);
    assert.deepEqual(audit, [...audit].sort((a, b) => a - b));
    const dns = source.tables.components.find((row) => row.name === 'DNS')!;
    assert.deepEqual(source.tables.incident_updates[0]!.affected_components, [{ code: dns.id, name: 'DNS', old_status: 'operational', new_status: 'major_outage' }]);
    assert.equal(dns.start_date, '2024-01-15');
    assert.ok(!('workspace_id' in source.tables.components[0]!));
    assert.deepEqual(source.tables.fact_entries[0]!.figures, { affected_people: 120000, regions: ['Île-de-France'] });
    assert.deepEqual(source.tables.glossary_terms[0]!.audiences, ['customers', 'press']);
    assert.deepEqual(source.tables.message_reviews[0]!.overridden_rules, ['legalese']);
    assert.equal(source.tables.comms_settings.length, 1);
  });

  it('carries every table that holds workspace rows, or says why not', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'workspace_id'`.execute(h.db.db);
    // Memberships travel as `members`; sessions, tokens, keys, rate limits, access grants and the
    // publishers' journal are secrets or the installation's own work; so are the deliveries and the
    // clocks' alerts, which went to this installation's people; and drills, each with its sandbox
    // (a workspace of its own) and its sink.
    const installationOnly = ['sessions', 'api_tokens', 'idempotency_keys', 'rate_limits', 'memberships', 'page_access_grants', 'public_changes', 'deliveries', 'clock_alerts', 'drills', 'drill_injects', 'drill_sink'];
    const carried = new Set<string>(workspaceTables.map((table) => table.name));
    assert.deepEqual(rows.map((row) => row.table_name).filter((table) => !carried.has(table) && !installationOnly.includes(table)).sort(), []);
  });

  it('lists members with their roles, and a person who left but is still named as referent, without a role', () => {
    const former = source.members.find((member) => member.email === 'former@acme.test');
    assert.deepEqual(former, { id: formerId, email: 'former@acme.test', name: 'Former Referent', locale: 'en', role: null, joined_at: null, membership_version: null });
    const lead = source.members.find((member) => member.email === 'lead@acme.test');
    assert.equal(lead?.role, 'incident_lead');
    assert.equal(lead?.locale, 'fr');
    assert.equal(source.members.filter((member) => member.role !== null).length, 7);
  });

  it('never lets a secret leave: no password hash, session, token or idempotency key', async () => {
    const { text } = await exportText(ctx);
    for (const secret of secrets) assert.ok(!text.includes(secret), `the export contains a secret (${secret.slice(0, 12)}…)`);
    for (const word of ['password_hash', 'secret_hash', '"api_tokens"', '"sessions"', 'idempotency', 'csrf']) assert.ok(!text.includes(word), `the export mentions ${word}`);
  });

  it('writes the same document as JSON text, page by page, whatever the page size', async () => {
    const paged = await exportText(ctx, 2);
    assert.deepEqual(JSON.parse(paged.text), JSON.parse(JSON.stringify(source)));
    const whole = await exportText(ctx);
    assert.ok(paged.parts > whole.parts + 5, `${paged.parts} parts in pages of 2, ${whole.parts} in pages of 1000`);
    assert.equal(whole.text, paged.text);
  });

  it('imports under a new slug in the same database and exports back the same workspace', async () => {
    const result = await importWorkspace({ ctx, input: { slug: 'acme-copy', name: 'Acme (copy)' }, document: JSON.parse(JSON.stringify(source)) });
    assert.equal(result.workspace.slug, 'acme-copy');
    assert.equal(result.workspace.name, 'Acme (copy)');
    assert.notEqual(result.workspace.id, h.workspaceId);
    assert.deepEqual(result.users_created, []);
    assert.equal(result.rows.audit_log, source.tables.audit_log.length);
    const copyCtx = { ...ctx, workspaceId: result.workspace.id };
    const copy = await exportDocument(copyCtx);
    assert.deepEqual(comparable(copy), comparable(source));
    const importRows = copy.tables.audit_log.filter((row) => row.action === 'workspace.import');
    assert.equal(importRows.length, 1);
    assert.equal(importRows[0]!.id, Math.max(...copy.tables.audit_log.map((row) => row.id)));
  });

  it('keeps working after an import: new history and audit rows take ids above the imported ones', async () => {
    const copyId = (await h.db.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme-copy').executeTakeFirstOrThrow()).id;
    const copyCtx = { ...ctx, workspaceId: copyId };
    const before = await exportDocument(copyCtx);
    const api = before.tables.components.find((row) => row.name === 'API')!;
    await updateComponent({ ctx: copyCtx, id: api.id, input: { status: 'partial_outage' } });
    await createComponent({ ctx: copyCtx, input: { name: 'Billing' } });
    const after = await exportDocument(copyCtx);
    const maxOf = (rows: { id: number }[]) => Math.max(...rows.map((row) => row.id));
    assert.equal(after.tables.component_status_changes.length, before.tables.component_status_changes.length + 2);
    assert.ok(after.tables.component_status_changes.slice(-2).every((row) => row.id > maxOf(before.tables.component_status_changes)));
    assert.ok(after.tables.audit_log.slice(-2).every((row) => row.id > maxOf(before.tables.audit_log)));
    assert.equal(after.tables.components.find((row) => row.id === api.id)!.status, 'partial_outage');
  });

  it('refuses a slug already taken with a conflict, creating nothing', async () => {
    const users = await h.db.db.selectFrom('users').select('id').execute();
    await assert.rejects(importWorkspace({ ctx, input: { slug: 'acme' }, document: source }), (error) => error instanceof ConflictError && /already exists/.test(error.message));
    assert.deepEqual(await workspaceSlugs(h.db), ['acme', 'acme-copy']);
    assert.equal((await h.db.db.selectFrom('users').select('id').execute()).length, users.length);
  });

  it('refuses a document of another kind or version with one sentence', async () => {
    for (const [document, reason, pattern] of [
      [{ hello: 'world' }, 'not-a-workspace-export', /not a Tocsin workspace export/],
      [[1, 2, 3], 'not-a-workspace-export', /not a Tocsin workspace export/],
      [{ ...source, format_version: 2 }, 'unsupported-format-version', /format_version 2.*newer Tocsin/],
    ] as const) {
      await assert.rejects(importWorkspace({ ctx, input: { slug: 'never' }, document }), (error) => error instanceof InvalidError && error.reason === reason && pattern.test(error.message));
    }
    assert.deepEqual(await workspaceSlugs(h.db), ['acme', 'acme-copy']);
  });

  it('refuses a damaged document as a whole, pointing at every problem', async () => {
    const damaged = JSON.parse(JSON.stringify(source));
    delete damaged.members[0].email;
    delete damaged.tables.components[0].name;
    damaged.tables.components[1].group_id = 'nosuchgroup0';
    damaged.tables.incident_components[0].incident_id = 'nosuchincide';
    damaged.tables.status_pages[0].shade = 'blue';
    damaged.tables.audit_log.push(damaged.tables.audit_log[0]);
    delete damaged.tables.maintenances;
    await assert.rejects(importWorkspace({ ctx, input: { slug: 'never' }, document: damaged }), (error) => {
      assert.ok(error instanceof InvalidError);
      assert.deepEqual(error.issues.map((issue) => issue.pointer), ['/members/0/email', '/tables/maintenances']);
      return true;
    });
    damaged.tables.maintenances = source.tables.maintenances;
    damaged.members[0].email = source.members[0]!.email;
    await assert.rejects(importWorkspace({ ctx, input: { slug: 'never' }, document: damaged }), (error) => {
      assert.ok(error instanceof InvalidError);
      const pointers = error.issues.map((issue) => issue.pointer);
      assert.ok(pointers.includes('/tables/components/0/name'), pointers.join(' '));
      assert.ok(pointers.includes('/tables/components/1/group_id'), pointers.join(' '));
      assert.ok(pointers.includes('/tables/incident_components/0/incident_id'), pointers.join(' '));
      assert.ok(pointers.includes('/tables/status_pages/0'), pointers.join(' '));
      assert.ok(pointers.includes(`/tables/audit_log/${source.tables.audit_log.length}`), pointers.join(' '));
      assert.match(error.message, /"nosuchgroup0" is not the id of any row of tables\/component_groups in the file/);
      return true;
    });
    const unknownStatus = JSON.parse(JSON.stringify(source));
    unknownStatus.tables.components[0].status = 'melted';
    await assert.rejects(importWorkspace({ ctx, input: { slug: 'never' }, document: unknownStatus }), (error) => error instanceof InvalidError && error.issues[0]?.pointer === '/tables/components');
    await assert.rejects(importWorkspace({ ctx, input: { slug: 'Not A Slug' }, document: source }), (error) => error instanceof InvalidError && error.issues[0]?.pointer === '/slug');
    assert.deepEqual(await workspaceSlugs(h.db), ['acme', 'acme-copy']);
  });

  it('lets only a role with export.run export', async () => {
    await assert.rejects(exportWorkspace({ ctx: h.ctxAs('viewer'), write: () => {} }), ForbiddenError);
    await assert.rejects(exportWorkspace({ ctx: h.ctxAs('incident_lead'), write: () => {} }), ForbiddenError);
    const collector = documentCollector();
    await exportWorkspace({ ctx: h.ctxAs('owner'), write: collector.write });
    assert.equal(collector.document().workspace.slug, 'acme');
  });

  it('moves a workspace to a fresh database whole, creating its people without passwords', async () => {
    const db = await openTestDatabase();
    const queue = await startQueue(db, { runsJobs: false });
    try {
      // The lead already has an account there, under another id: rows naming them follow the e-mail.
      const other = await createWorkspace({ db, input: { slug: 'other', name: 'Other' }, now: h.clock.now() });
      const otherCtx: Ctx = { workspaceId: other.id, actor: { type: 'system', name: 'test' }, db, queue, now: h.clock.now };
      const leadThere = await addUser({ ctx: otherCtx, input: { email: 'lead@acme.test', name: 'Léa', role: 'viewer' } });
      const leadHere = source.members.find((member) => member.email === 'lead@acme.test')!;
      const result = await importWorkspace({ ctx: { actor: { type: 'system', name: 'test' }, db, queue, now: h.clock.now }, input: { slug: 'acme' }, document: source });
      assert.deepEqual(result.users_created, source.members.map((member) => member.email).filter((email) => email !== 'lead@acme.test'));
      const moved = await exportDocument({ ...otherCtx, workspaceId: result.workspace.id });
      const expected = JSON.parse(JSON.stringify(comparable(source)).replaceAll(leadHere.id, leadThere.id));
      // Recorded snapshots stay as written: only columns naming a person follow the account.
      for (const [index, row] of expected.tables.audit_log.entries()) Object.assign(row, { before: source.tables.audit_log[index]!.before, after: source.tables.audit_log[index]!.after });
      // The account existed: it keeps its own name and language.
      Object.assign(expected.members.find((member: { email: string }) => member.email === 'lead@acme.test'), { name: 'Léa', locale: 'en' });
      assert.deepEqual(comparable(moved), expected);
      assert.ok(moved.tables.audit_log.some((row) => row.action === 'member.add' && row.entity_id === leadThere.id), 'the audit log names the lead by their account here');
      const movedCtx = { ...otherCtx, workspaceId: result.workspace.id };
      const members = await listMembers({ ctx: movedCtx });
      assert.equal(members.length, 7);
      assert.ok(members.every((member) => !member.has_password), 'no password travels: each person sets one with "tocsin user add"');
      const former = await db.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', 'former@acme.test').executeTakeFirstOrThrow();
      assert.deepEqual(former, { id: formerId, password_hash: null });
      // The identity sequences of this database had barely started: the import must have moved them past its ids.
      const dns = moved.tables.components.find((row) => row.name === 'DNS')!;
      await updateComponent({ ctx: movedCtx, id: dns.id, input: { status: 'operational' } });
      const later = await exportDocument(movedCtx);
      const maxOf = (rows: { id: number }[]) => Math.max(...rows.map((row) => row.id));
      assert.equal(later.tables.component_status_changes.length, moved.tables.component_status_changes.length + 1);
      assert.ok(maxOf(later.tables.component_status_changes) > maxOf(moved.tables.component_status_changes));
      assert.ok(maxOf(later.tables.audit_log) > maxOf(moved.tables.audit_log));
    } finally {
      await queue.stop();
      await db.close();
    }
  });
});
