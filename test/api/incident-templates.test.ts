import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { lint } from '../../src/domain/linter/index.ts';

describe('incident templates: the console\'s cards, opened as an internal incident with its fact sheet started', () => {
  let h: Harness;
  let componentId: string;
  before(async () => {
    h = await createHarness();
    componentId = (await h.request('POST', '/api/admin/components', { body: { name: 'Paiement par carte' } })).body.id;
  });
  after(async () => h?.close());

  const open = (key: string, body?: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
    h.request('POST', `/api/admin/incident-templates/${key}/open`, { token: options.token ?? h.tokens.incident_lead, ...(body === undefined ? {} : { body }), headers: options.headers ?? {} });
  const incidentCount = async () => (await h.db.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', h.workspaceId).executeTakeFirstOrThrow()).n;

  it('lists outage, degradation, data breach, security incident and maintenance, every text in French and English', async () => {
    const res = await h.request('GET', '/api/admin/incident-templates', { token: h.tokens.viewer });
    assert.equal(res.status, 200);
    const { templates } = res.body;
    assert.deepEqual(templates.map((t: any) => t.key), ['outage', 'degradation', 'data_breach', 'security_incident', 'maintenance']);
    for (const template of templates) {
      for (const text of [template.label, template.suggested_name]) assert.ok(text.fr.trim() && text.en.trim(), `${template.key}: ${JSON.stringify(text)}`);
      for (const sentence of [template.description, ...template.questions, ...template.key_messages]) {
        assert.ok(sentence.fr.trim() && sentence.en.trim(), `${template.key}: ${JSON.stringify(sentence)}`);
        assert.notEqual(sentence.fr, sentence.en, `${template.key}: "${sentence.en}" is written in each language`);
      }
      assert.ok(template.questions.length >= 4, `${template.key} says what to establish first`);
    }
    const byKey = Object.fromEntries(templates.map((t: any) => [t.key, t]));
    assert.equal(byKey.data_breach.personal_data_breach, true);
    assert.equal(byKey.outage.personal_data_breach, false);
    assert.equal(byKey.maintenance.kind, 'maintenance');
    assert.equal(byKey.outage.kind, 'incident');
    assert.ok(byKey.outage.next_update_minutes <= 90, 'doctrine §1: an update every 60–90 min at the start');
    assert.match(byKey.data_breach.questions.map((q: any) => q.fr).join(' '), /72 h/);
  });

  it('suggests key messages the doctrine linter has nothing to say about: no alarm, no minimizing, no promise that may not hold', async () => {
    const { templates } = (await h.request('GET', '/api/admin/incident-templates')).body;
    // A key message is a sentence to carry, not a whole message: the rules on a message's structure do not apply.
    const structure = new Set(['missing-what', 'missing-impact', 'missing-action', 'missing-next-update', 'key-message-missing', 'breach-advice-missing', 'breach-contact-missing', 'breach-consequences-missing', 'breach-measures-missing']);
    const findings = templates.flatMap((template: any) =>
      template.key_messages.flatMap((message: any) =>
        (['fr', 'en'] as const).flatMap((language) =>
          lint({ text: message[language], language, stage: 'update', audience: 'customers', channel: 'status_page' })
            .filter((finding) => !structure.has(finding.rule))
            .map((finding) => `${template.key} ${language} "${message[language]}": ${finding.rule}`))));
    assert.deepEqual(findings, []);
  });

  it('opens a data breach declared internally: nothing public, the sheet flagged and its key messages written in both languages', async () => {
    const res = await open('data_breach', { component_ids: [componentId], detected_at: '2026-03-10T13:30:00Z' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.template, 'data_breach');
    assert.equal(res.body.name, 'Personal data breach', 'the suggested name, in the workspace\'s language');
    assert.equal(res.body.impact, 'major');
    assert.equal(res.body.visibility, 'internal');
    assert.equal(res.body.public_at, null);
    assert.deepEqual(res.body.updates, [], 'no public update');
    assert.deepEqual(res.body.component_ids, [componentId]);
    assert.equal(res.body.detected_at, '2026-03-10T13:30:00.000Z');
    assert.match(res.headers.get('etag') ?? '', /^"\d+"$/);
    const component = (await h.request('GET', `/api/admin/components/${componentId}`)).body;
    assert.equal(component.status, 'operational', 'a component status is public: it waits for the first public update');
    const deliveries = await h.db.db.selectFrom('deliveries').selectAll().where('workspace_id', '=', h.workspaceId).execute();
    assert.equal(deliveries.length, 0, 'no one is notified');

    const sheet = (await h.request('GET', `/api/admin/incidents/${res.body.id}/facts`)).body;
    assert.equal(sheet.personal_data_breach, true);
    const templates = (await h.request('GET', '/api/admin/incident-templates')).body.templates;
    const expected = templates.find((t: any) => t.key === 'data_breach').key_messages;
    const written = (language: string) => sheet.key_messages.filter((m: any) => m.language === language).map((m: any) => m.text).sort();
    assert.deepEqual(written('fr'), expected.map((m: any) => m.fr).sort());
    assert.deepEqual(written('en'), expected.map((m: any) => m.en).sort());
    const audit = await h.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', res.body.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['incident.open', 'fact_sheet.edit', 'incident.open_from_template'], 'each step in the audit log, the template named');
  });

  it('opens an outage with the name, referent and components given; the sheet is not flagged', async () => {
    const member = await h.db.db.selectFrom('memberships').select('user_id').where('workspace_id', '=', h.workspaceId).where('role', '=', 'comms_lead').executeTakeFirstOrThrow();
    const res = await open('outage', { name: 'Paiements refusés', referent_id: member.user_id }, { token: h.tokens.comms_lead });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual([res.body.name, res.body.referent_id, res.body.visibility], ['Paiements refusés', member.user_id, 'internal']);
    const sheet = (await h.request('GET', `/api/admin/incidents/${res.body.id}/facts`)).body;
    assert.equal(sheet.personal_data_breach, false);
    assert.equal(sheet.key_messages.length, 6);
  });

  it('opens once per Idempotency-Key: a retry gets the same incident back', async () => {
    const before = await incidentCount();
    const first = await open('degradation', { name: 'API lente' }, { headers: { 'idempotency-key': 'degradation-1' } });
    const again = await open('degradation', { name: 'API lente' }, { headers: { 'idempotency-key': 'degradation-1' } });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    assert.equal(await incidentCount(), Number(before) + 1);
  });

  it('sends the maintenance template to the maintenance form with a 422, and refuses an unknown template', async () => {
    const maintenance = await open('maintenance', {});
    assert.equal(maintenance.status, 422);
    assert.match(maintenance.headers.get('content-type') ?? '', /problem\+json/);
    assert.match(maintenance.body.detail, /\/api\/admin\/maintenances/);
    const unknown = await open('volcano');
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.detail, /volcano/);
  });

  it('refuses bad input field by field and writes nothing: no incident, no fact', async () => {
    const before = await incidentCount();
    const bad = await open('outage', { name: '', component_ids: ['nope'], colour: 'red' });
    assert.equal(bad.status, 400);
    const pointers = bad.body.errors.map((e: any) => e.pointer).sort();
    assert.ok(pointers.includes('/name') && pointers.includes('/component_ids/0'), JSON.stringify(bad.body.errors));
    const stranger = await open('data_breach', { referent_id: 'zzzzzzzzzzzz' });
    assert.equal(stranger.status, 400);
    assert.equal(stranger.body.errors[0].pointer, '/referent_id');
    assert.equal(await incidentCount(), before, 'the failed opening left nothing behind');
    const orphanFacts = await h.db.db.selectFrom('fact_entries').select('incident_id').where('workspace_id', '=', h.workspaceId).where('incident_id', 'not in', h.db.db.selectFrom('incidents').select('id')).execute();
    assert.equal(orphanFacts.length, 0);
  });

  it('lets those who may open incidents open one; support, viewers and reviewers may only read the cards', async () => {
    for (const role of ['support', 'viewer', 'reviewer'] as const) {
      assert.equal((await open('outage', {}, { token: h.tokens[role] })).status, 403, role);
      assert.equal((await h.request('GET', '/api/admin/incident-templates', { token: h.tokens[role] })).status, 200, role);
    }
    assert.equal((await h.request('GET', '/api/admin/incident-templates', { token: null })).status, 401);
  });
});
