import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { getCommsSettings } from '../../src/services/settings/comms-settings.ts';
import { loadGlossary } from '../../src/services/settings/list-glossary.ts';

describe('communication settings through the admin API', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  const path = '/api/admin/settings/communication';
  async function settings() {
    const res = await h.request('GET', path, { token: h.tokens.viewer });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res;
  }
  async function auditRows(entityType: string) {
    return h.db.db.selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).orderBy('id').execute();
  }

  it('a workspace that set nothing reads the defaults, at version 0, for every role', async () => {
    const res = await settings();
    assert.equal(res.headers.get('etag'), '"0"');
    assert.deepEqual(res.body.audiences.map((a: any) => a.id), ['customers', 'technical_customers', 'partners', 'employees', 'press', 'authorities', 'executives']);
    const technical = res.body.audiences.find((a: any) => a.id === 'technical_customers');
    assert.equal(technical.lay, false);
    assert.equal(technical.readability_min, null);
    assert.ok(res.body.audiences.filter((a: any) => a.id !== 'technical_customers').every((a: any) => a.lay && typeof a.readability_min === 'number'));
    assert.deepEqual(res.body.cadence, { critical: 30, major: 60, minor: 90, none: 90 });
    assert.equal(res.body.four_eyes, true);
    assert.equal(res.body.status_page_audience, 'customers');
    assert.deepEqual(res.body.lint_rules, {});
    assert.equal(res.body.version, 0);
    const fromService = await getCommsSettings({ ctx: h.systemCtx() });
    assert.deepEqual(fromService, res.body);
    assert.equal((await h.request('GET', path, { token: h.tokens.support })).status, 200);
  });

  it('a viewer, a support agent or a reviewer cannot change the settings', async () => {
    for (const role of ['viewer', 'support', 'reviewer', 'incident_lead'] as const) {
      const res = await h.request('PATCH', path, { token: h.tokens[role], body: { four_eyes: false } });
      assert.equal(res.status, 403, role);
    }
    assert.equal((await settings()).body.four_eyes, true);
  });

  it('cadence stays between 5 minutes and a day, and every wrong value is reported at once', async () => {
    const res = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { cadence: { critical: 4, major: 1441, minor: 30.5 } } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(res.body.errors.map((e: any) => e.pointer).sort(), ['/cadence/critical', '/cadence/major', '/cadence/minor']);
    const edited = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { cadence: { critical: 5, none: 1440 } }, headers: { 'if-match': '"0"' } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.cadence, { critical: 5, major: 60, minor: 90, none: 1440 }, 'the impacts left out keep their value');
    assert.equal(edited.body.version, 1);
    assert.equal(edited.headers.get('etag'), '"1"');
  });

  it('an unknown linter rule id is refused by name; known ones are kept', async () => {
    const res = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { lint_rules: { jargon: 'error', 'no-such-rule': 'off' } } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors, [{ pointer: '/lint_rules/no-such-rule', detail: 'no linter rule has the id "no-such-rule"' }]);
    assert.match(res.body.detail, /no-such-rule/);
    const level = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { lint_rules: { jargon: 'fatal' } } });
    assert.equal(level.status, 400);
    assert.equal(level.body.errors[0].pointer, '/lint_rules/jargon');
    const ok = await h.request('PATCH', path, { token: h.tokens.owner, body: { lint_rules: { jargon: 'error', readability: 'off' } } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual((await settings()).body.lint_rules, { jargon: 'error', readability: 'off' });
  });

  it('maintenance notices go 24 h and 1 h ahead unless the workspace sets up to four offsets of 1 h to a week, each once', async () => {
    assert.deepEqual((await settings()).body.maintenance_notice_hours, [24, 1]);
    const wrong = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { maintenance_notice_hours: [0, 169, 2.5, 24] } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.errors.map((e: any) => e.pointer), ['/maintenance_notice_hours/0', '/maintenance_notice_hours/1', '/maintenance_notice_hours/2'], 'two out of range, one not whole');
    const five = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { maintenance_notice_hours: [1, 2, 3, 4, 5] } });
    assert.equal(five.status, 400);
    assert.deepEqual(five.body.errors.map((e: any) => e.pointer), ['/maintenance_notice_hours']);
    const twice = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { maintenance_notice_hours: [24, 1, 24] } });
    assert.equal(twice.status, 400);
    assert.deepEqual(twice.body.errors, [{ pointer: '/maintenance_notice_hours/2', detail: '24 is listed twice' }]);
    const ok = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { maintenance_notice_hours: [1, 168, 48] } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body.maintenance_notice_hours, [168, 48, 1], 'furthest first');
    assert.deepEqual((await settings()).body.maintenance_notice_hours, [168, 48, 1]);
    const none = await h.request('PATCH', path, { token: h.tokens.owner, body: { maintenance_notice_hours: [] } });
    assert.deepEqual(none.body.maintenance_notice_hours, [], 'no notices at all');
    const untouched = await h.request('PATCH', path, { token: h.tokens.owner, body: { four_eyes: true } });
    assert.deepEqual(untouched.body.maintenance_notice_hours, [], 'an edit that does not name them keeps them');
    assert.equal((await h.request('PATCH', path, { token: h.tokens.incident_lead, body: { maintenance_notice_hours: [2] } })).status, 403);
    await h.request('PATCH', path, { token: h.tokens.owner, body: { maintenance_notice_hours: [24, 1] } });
  });

  it('two admins editing the settings: the second gets 412 and the first change stays', async () => {
    const current = await settings();
    const etag = current.headers.get('etag')!;
    const first = await h.request('PATCH', path, { token: h.tokens.owner, body: { four_eyes: false }, headers: { 'if-match': etag } });
    assert.equal(first.status, 200);
    const second = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { cadence: { major: 45 } }, headers: { 'if-match': etag } });
    assert.equal(second.status, 412);
    const after = (await settings()).body;
    assert.equal(after.four_eyes, false);
    assert.equal(after.cadence.major, 60);
  });

  it('the status page audience must be one of the audiences, and cannot be removed from under it', async () => {
    const unknown = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { status_page_audience: 'martians' } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.errors[0].pointer, '/status_page_audience');
    const only = [{ id: 'users', name: { fr: 'Utilisateurs', en: 'Users' }, lay: true }];
    const removing = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { audiences: only } });
    assert.equal(removing.status, 400);
    assert.equal(removing.body.errors[0].pointer, '/audiences');
    assert.match(removing.body.errors[0].detail, /customers/);
    const twice = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { audiences: [...only, ...only] } });
    assert.equal(twice.status, 400);
    assert.equal(twice.body.errors[0].pointer, '/audiences/1/id');
  });

  it('an audience on an open incident\'s fact sheet cannot be removed until the sheet lets it go', async () => {
    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Payments down', impact: 'major', body: 'We are investigating.' } });
    const sheet = await h.request('PATCH', `/api/admin/incidents/${incident.body.id}/facts`, { token: h.tokens.comms_lead, body: { audiences: ['customers', 'press'] } });
    assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
    const audiences = (await settings()).body.audiences.filter((a: any) => a.id !== 'press');
    const res = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { audiences } });
    assert.equal(res.status, 409);
    assert.equal(res.body.type, 'https://tocsin.dev/problems/audience-in-use');
    assert.match(res.body.detail, /Payments down/);
    await h.request('PATCH', `/api/admin/incidents/${incident.body.id}/facts`, { token: h.tokens.comms_lead, body: { audiences: ['customers'] } });
    const removed = await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { audiences } });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.ok(!removed.body.audiences.some((a: any) => a.id === 'press'));
  });

  it('every settings change is in the audit log with before and after', async () => {
    const rows = await auditRows('settings');
    assert.ok(rows.length >= 4);
    const last = rows.at(-1)!;
    assert.equal(last.action, 'settings.update');
    assert.equal(last.entity_id, h.workspaceId);
    assert.ok(last.before && last.after);
  });

  describe('glossary', () => {
    const glossary = '/api/admin/settings/glossary';

    it('a term is added, listed and given to the linter; a term without audiences applies to every lay audience', async () => {
      const res = await h.request('POST', glossary, { token: h.tokens.comms_lead, body: { term: 'DNS', plain: 'address book of the internet', language: 'en' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(res.body.audiences, []);
      const scoped = await h.request('POST', glossary, { token: h.tokens.comms_lead, body: { term: 'API', plain: 'interface', language: 'fr', audiences: ['customers'] } });
      assert.equal(scoped.status, 201, JSON.stringify(scoped.body));
      const list = await h.request('GET', glossary, { token: h.tokens.viewer });
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.terms.map((t: any) => `${t.language}:${t.term}`), ['en:DNS', 'fr:API']);
      assert.deepEqual(await loadGlossary(h.db.db, h.workspaceId), [
        { term: 'DNS', plain: 'address book of the internet', language: 'en' },
        { term: 'API', plain: 'interface', language: 'fr', audiences: ['customers'] },
      ]);
    });

    it('the same term twice in one language, in any case, is a 409; in another language it is fine', async () => {
      const clash = await h.request('POST', glossary, { token: h.tokens.comms_lead, body: { term: 'dns', plain: 'name service', language: 'en' } });
      assert.equal(clash.status, 409);
      assert.equal(clash.body.type, 'https://tocsin.dev/problems/glossary-term-taken');
      const french = await h.request('POST', glossary, { token: h.tokens.comms_lead, body: { term: 'dns', plain: 'annuaire d\'internet', language: 'fr' } });
      assert.equal(french.status, 201);
      const renamed = await h.request('PATCH', `${glossary}/${french.body.id}`, { token: h.tokens.comms_lead, body: { term: 'Api' } });
      assert.equal(renamed.status, 409, 'renaming onto a taken term is refused too');
    });

    it('an unknown audience is refused with a pointer; edits take If-Match; deletes are audited', async () => {
      const res = await h.request('POST', glossary, { token: h.tokens.comms_lead, body: { term: 'SLA', plain: 'service commitment', language: 'en', audiences: ['customers', 'martians'] } });
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].pointer, '/audiences/1');
      const created = await h.request('POST', glossary, { token: h.tokens.comms_lead, body: { term: 'SLA', plain: 'service commitment', language: 'en' } });
      const edited = await h.request('PATCH', `${glossary}/${created.body.id}`, { token: h.tokens.comms_lead, body: { plain: 'our service promise' }, headers: { 'if-match': '"1"' } });
      assert.equal(edited.status, 200);
      assert.equal(edited.headers.get('etag'), '"2"');
      const stale = await h.request('PATCH', `${glossary}/${created.body.id}`, { token: h.tokens.comms_lead, body: { plain: 'lost' }, headers: { 'if-match': '"1"' } });
      assert.equal(stale.status, 412);
      assert.equal((await h.request('DELETE', `${glossary}/${created.body.id}`, { token: h.tokens.viewer })).status, 403);
      assert.equal((await h.request('DELETE', `${glossary}/${created.body.id}`, { token: h.tokens.comms_lead })).status, 204);
      assert.equal((await h.request('DELETE', `${glossary}/${created.body.id}`, { token: h.tokens.comms_lead })).status, 404);
      const actions = (await auditRows('glossary_term')).filter((row) => row.entity_id === created.body.id).map((row) => row.action);
      assert.deepEqual(actions, ['glossary_term.create', 'glossary_term.update', 'glossary_term.delete']);
    });
  });

  describe('templates', () => {
    const templates = '/api/admin/settings/templates';
    const first = { stage: 'first', language: 'en', channel: 'email', subject: 'Incident: {{incident_name}}', body: 'Since {{started_at}}, {{what}}. {{impact}} {{company}} is on it. Next update at {{ next_update }}. {{?contact}}' };

    it('a template with known placeholders (optional ones too) is stored for its slot and listed with the placeholder list', async () => {
      const res = await h.request('POST', templates, { token: h.tokens.comms_lead, body: first });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.audience, null);
      const list = await h.request('GET', templates, { token: h.tokens.support });
      assert.equal(list.status, 200);
      assert.equal(list.body.templates.length, 1);
      assert.ok('next_update' in list.body.placeholders);
    });

    it('an unknown placeholder is refused, naming it', async () => {
      const res = await h.request('POST', templates, { token: h.tokens.comms_lead, body: { ...first, stage: 'update', body: 'Hello {{customer_first_name}}, {{what}}. {{constructor}}' } });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.errors.map((e: any) => e.pointer), ['/body', '/body']);
      assert.match(res.body.errors[0].detail, /\{\{customer_first_name\}\}/);
      assert.match(res.body.errors[1].detail, /\{\{constructor\}\}/);
      const unclosed = await h.request('POST', templates, { token: h.tokens.comms_lead, body: { ...first, stage: 'update', body: 'Next update at {{next_update.' } });
      assert.equal(unclosed.status, 400);
      const sms = await h.request('POST', templates, { token: h.tokens.comms_lead, body: { ...first, stage: 'update', channel: 'sms' } });
      assert.equal(sms.status, 400);
      assert.equal(sms.body.errors[0].pointer, '/subject');
      const stage = await h.request('POST', templates, { token: h.tokens.comms_lead, body: { ...first, stage: 'apocalypse' } });
      assert.equal(stage.status, 400);
      assert.equal(stage.body.errors[0].pointer, '/stage');
    });

    it('a second template for the same slot is a 409; one for a named audience is a different slot', async () => {
      const clash = await h.request('POST', templates, { token: h.tokens.comms_lead, body: first });
      assert.equal(clash.status, 409);
      assert.equal(clash.body.type, 'https://tocsin.dev/problems/template-slot-taken');
      const press = await h.request('POST', templates, { token: h.tokens.comms_lead, body: { ...first, audience: 'customers' } });
      assert.equal(press.status, 201, JSON.stringify(press.body));
      const moved = await h.request('PATCH', `${templates}/${press.body.id}`, { token: h.tokens.comms_lead, body: { audience: null } });
      assert.equal(moved.status, 409);
      const unknown = await h.request('PATCH', `${templates}/${press.body.id}`, { token: h.tokens.comms_lead, body: { audience: 'martians' } });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.errors[0].pointer, '/audience');
      const viewer = await h.request('POST', templates, { token: h.tokens.viewer, body: { ...first, stage: 'update' } });
      assert.equal(viewer.status, 403);
      const deleted = await h.request('DELETE', `${templates}/${press.body.id}`, { token: h.tokens.owner, headers: { 'if-match': '"1"' } });
      assert.equal(deleted.status, 204);
      const actions = (await auditRows('message_template')).map((row) => row.action);
      assert.deepEqual(actions, ['message_template.create', 'message_template.create', 'message_template.delete']);
    });
  });
});
