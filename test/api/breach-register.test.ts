import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { createPage } from '../../src/services/page/pages.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const hour = 3_600_000;

describe('the breach register (GDPR Art. 33(5))', () => {
  let h: Harness;
  let leakId: string;
  let laptopId: string;
  before(async () => {
    h = await createHarness();
    // Tuesday 4 May 2027, 11:30 in Paris.
    h.clock.set('2027-05-04T09:30:00Z');
    assert.equal((await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { gdpr_roles: ['controller'] } })).status, 200);
    const open = async (name: string) => {
      const res = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name, impact: 'major', body: 'We are investigating.', detected_at: '2027-05-04T08:00:00Z', deliver_notifications: false } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    leakId = await open('Order confirmations sent to the wrong customers');
    laptopId = await open('Support laptop stolen');
    await open('Checkout slow');
  });
  after(async () => h?.close());

  const register = async (token = h.tokens.reviewer) => h.request('GET', '/api/admin/breach-register', { token });
  const entryOf = async (incidentId: string) => (await register()).body.entries.find((e: any) => e.incident_id === incidentId);
  const flag = (incidentId: string) => h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } });
  const assess = (incidentId: string, body: object) => h.request('PATCH', `/api/admin/incidents/${incidentId}/regulatory`, { token: h.tokens.reviewer, body });
  const writeRecord = (incidentId: string, body: object, headers: Record<string, string> = {}) => h.request('PATCH', `/api/admin/incidents/${incidentId}/breach-record`, { token: h.tokens.reviewer, body, headers });
  const codes = (entry: any) => entry.gaps.map((g: any) => g.code);

  it('a flagged incident is in the register before anyone writes its record, with what it lacks; an incident that is not a breach is not', async () => {
    assert.deepEqual((await register()).body.entries, []);
    assert.equal((await flag(leakId)).status, 200);
    const { body } = await register();
    assert.deepEqual(body.entries.map((e: any) => [e.incident_id, e.id, e.version]), [[leakId, null, 0]]);
    const [entry] = body.entries;
    assert.equal(entry.title, 'Order confirmations sent to the wrong customers');
    assert.deepEqual(codes(entry), ['awareness_missing', 'risk_not_assessed', 'facts_missing', 'categories_missing', 'counts_missing', 'consequences_missing', 'measures_missing', 'authority_not_notified']);
    assert.equal(entry.decision.notify_authority, true, 'not assessed: if in doubt, notify');
    assert.match(entry.gaps[1].message.fr, /Le risque n'est pas évalué/);
  });

  it('support and viewers may neither read nor write the register', async () => {
    for (const token of [h.tokens.support, h.tokens.viewer]) {
      assert.equal((await register(token)).status, 403);
      assert.equal((await h.request('GET', '/api/admin/breach-register/export?format=csv', { token })).status, 403);
      assert.equal((await h.request('POST', '/api/admin/breach-register', { token, body: { title: 'x' } })).status, 403);
      assert.equal((await h.request('PATCH', `/api/admin/incidents/${leakId}/breach-record`, { token, body: { measures: 'x' } })).status, 403);
    }
  });

  it('"unlikely to result in a risk": the decision is not to notify, recorded with its rationale on the incident, not copied', async () => {
    const refused = await writeRecord(leakId, { risk: 'unlikely', risk_rationale: 'One order, no payment data.' });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.errors.map((e: any) => e.pointer), ['/risk', '/risk_rationale']);
    assert.match(refused.body.errors[0].detail, /PATCH \/api\/admin\/incidents\/\{id\}\/regulatory/);

    const assessed = await assess(leakId, { aware_at_gdpr: '2027-05-04T08:30:00Z', risk: 'unlikely', risk_rationale: 'One order sent to the wrong customer, who deleted it; no payment data (EDPB 01/2021, case 18).', reason: 'Assessed by the DPO' });
    assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
    const written = await writeRecord(leakId, {
      description: 'A template bug sent one order confirmation to another customer.',
      data_categories: ['name', 'postal address', 'order contents'],
      subjects_approx: 1,
      records_approx: 1,
      consequences: 'The recipient saw one customer\'s address and order.',
      measures: 'Template fixed; the recipient confirmed deleting the e-mail.',
    }, { 'if-match': '"0"' });
    assert.equal(written.status, 200, JSON.stringify(written.body));
    assert.equal(written.headers.get('etag'), '"1"');
    const entry = await entryOf(leakId);
    assert.deepEqual([entry.risk, entry.risk_rationale, entry.aware_at], ['unlikely', 'One order sent to the wrong customer, who deleted it; no payment data (EDPB 01/2021, case 18).', '2027-05-04T08:30:00.000Z']);
    assert.deepEqual([entry.decision.notify_authority, entry.decision.inform_data_subjects], [false, false]);
    assert.deepEqual(codes(entry), []);
    const row = await h.db.db.selectFrom('breach_records').selectAll().where('incident_id', '=', leakId).executeTakeFirstOrThrow();
    assert.deepEqual([row.risk, row.risk_rationale, row.aware_at], [null, null, null], 'the incident\'s regulatory record is the one source of truth');

    assert.equal((await writeRecord(leakId, { measures: 'Late edit' }, { 'if-match': '"0"' })).status, 412);
    const audit = (await h.request('GET', `/api/admin/audit?entity_id=${row.id}`)).body.entries.map((e: any) => e.action);
    assert.deepEqual(audit, ['breach_record.create']);
  });

  it('high risk with the encryption exemption, justified: the people need not be told; without a justification it is refused', async () => {
    await flag(laptopId);
    await assess(laptopId, { aware_at_gdpr: '2027-05-04T09:00:00Z', risk: 'high', risk_rationale: 'Health data of 3,000 patients on the laptop.', reason: 'Theft reported by the employee' });
    assert.ok(codes(await entryOf(laptopId)).includes('data_subjects_not_informed'));

    const bare = await writeRecord(laptopId, { exemptions: [{ code: 'encrypted', justification: '' }] });
    assert.equal(bare.status, 400);
    assert.deepEqual(bare.body.errors.map((e: any) => e.pointer), ['/exemptions/0/justification']);
    assert.equal((await writeRecord(laptopId, { exemptions: [{ code: 'encrypted' }] })).status, 400);

    const exempt = await writeRecord(laptopId, { exemptions: [{ code: 'encrypted', justification: 'Full-disk encryption (AES-256), key held in the company\'s HSM, not on the laptop.' }] });
    assert.equal(exempt.status, 200, JSON.stringify(exempt.body));
    assert.deepEqual(exempt.body.decision, {
      risk_assessed: true, notify_authority: true, data_subjects_required: true, inform_data_subjects: false, data_subjects_waived_by: 'encrypted', public_communication: false,
    });
    assert.ok(!codes(exempt.body).includes('data_subjects_not_informed'));
    assert.ok(codes(exempt.body).includes('authority_not_notified'), 'the authority is still owed its notification');
  });

  it('a breach with no incident is registered on its own; its risk needs its rationale, its notification closes the gap', async () => {
    const noRationale = await h.request('POST', '/api/admin/breach-register', { token: h.tokens.reviewer, body: { title: 'Payslips e-mailed to the wrong team', risk: 'risk' } });
    assert.equal(noRationale.status, 400);
    assert.deepEqual(noRationale.body.errors.map((e: any) => e.pointer), ['/risk_rationale']);
    assert.equal((await h.request('POST', '/api/admin/breach-register', { token: h.tokens.reviewer, body: { title: 'x', aware_at: '2027-05-09T00:00:00Z' } })).status, 400, 'awareness in the future');

    const created = await h.request('POST', '/api/admin/breach-register', {
      token: h.tokens.reviewer,
      body: {
        title: 'Payslips e-mailed to the wrong team', aware_at: '2027-05-04T07:00:00Z', description: 'Twelve payslips sent to the sales team list.',
        data_categories: ['salary', 'social security number'], subjects_approx: 12, consequences: 'Colleagues learnt each other\'s salaries.',
        measures: 'Recipients asked to delete; list corrected.', risk: 'risk', risk_rationale: 'Financial data, identifiable colleagues.',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('etag'), '"1"');
    assert.deepEqual([created.body.incident_id, created.body.version, codes(created.body)], [null, 1, ['authority_not_notified']]);

    h.clock.set('2027-05-07T08:00:00Z');
    const overdue = (await register()).body.entries.find((e: any) => e.id === created.body.id);
    assert.match(overdue.gaps[0].message.en, /overdue since 2027-05-07T07:00:00\.000Z/);

    const notified = await h.request('PATCH', `/api/admin/breach-register/${created.body.id}`, {
      token: h.tokens.reviewer, headers: { 'if-match': '"1"' }, body: { authority_notified_at: '2027-05-07T07:50:00Z', authority_ref: 'CNIL-2027-1234' },
    });
    assert.equal(notified.status, 200, JSON.stringify(notified.body));
    assert.deepEqual([notified.body.done.authority_notified_at, notified.body.done.authority_ref, codes(notified.body)], ['2027-05-07T07:50:00.000Z', 'CNIL-2027-1234', []]);
    assert.equal((await h.request('PATCH', `/api/admin/breach-register/${created.body.id}`, { token: h.tokens.reviewer, headers: { 'if-match': '"1"' }, body: { measures: 'x' } })).status, 412);

    const incidentRecord = (await entryOf(leakId)).id;
    const wrongPath = await h.request('PATCH', `/api/admin/breach-register/${incidentRecord}`, { token: h.tokens.reviewer, body: { risk: 'high', risk_rationale: 'x' } });
    assert.equal(wrongPath.status, 409);
    assert.equal(wrongPath.body.type, 'https://tocsin.dev/problems/breach-record-of-incident');
  });

  it('the CSV export holds every breach, the one not notified included, with its decision and rationale', async () => {
    const res = await h.request('GET', '/api/admin/breach-register/export?format=csv', { token: h.tokens.reviewer });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.match(res.headers.get('content-disposition')!, /breach-register\.csv/);
    const rows: Record<string, string>[] = parse(res.body, { columns: true });
    const entries = (await register()).body.entries;
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.map((r) => r.title).sort(), entries.map((e: any) => e.title).sort());
    const unnotified = rows.find((r) => r.incident_id === leakId)!;
    assert.deepEqual([unnotified.risk, unnotified.notify_authority, unnotified.inform_data_subjects, unnotified.authority_notified_at], ['unlikely', 'no', 'no', '']);
    assert.match(unnotified.risk_rationale!, /EDPB 01\/2021/);
    assert.equal(unnotified.data_categories, 'name; postal address; order contents');
    const laptop = rows.find((r) => r.incident_id === laptopId)!;
    assert.deepEqual([laptop.data_subjects_waived_by, laptop.exemptions?.startsWith('encrypted: Full-disk encryption')], ['encrypted', true]);

    const json = await h.request('GET', '/api/admin/breach-register/export?format=json', { token: h.tokens.reviewer });
    assert.equal(json.status, 200);
    assert.deepEqual(json.body.entries.map((e: any) => e.title), entries.map((e: any) => e.title));
    assert.equal((await h.request('GET', '/api/admin/breach-register/export?format=xls', { token: h.tokens.reviewer })).status, 400);
  });
});

describe('a processor\'s breach notice to its controllers (GDPR Art. 33(2))', () => {
  let h: Harness;
  let incidentId: string;
  let storageId: string;
  const controllers: Record<string, string> = {};
  before(async () => {
    h = await createHarness({ slug: 'hoster' });
    h.clock.set('2027-03-10T06:00:00Z');
    const component = async (name: string) => (await h.request('POST', '/api/admin/components', { body: { name } })).body.id as string;
    storageId = await component('Object storage');
    const computeId = await component('Compute');
    const page = await createPage({ ctx: h.systemCtx(), input: { slug: 'status', name: 'Hoster status', language: 'en', time_zone: 'Europe/Paris' } });
    await h.db.db.insertInto('subscribers').values({ workspace_id: h.workspaceId, id: 'sub000000001', page_id: page.id, channel: 'email', address: 'reader@example.test', language: 'fr', state: 'active', manage_token: 'manage-1', source: 'admin' }).execute();
    await h.db.db.insertInto('channel_endpoints').values({ workspace_id: h.workspaceId, id: 'end000000001', name: 'Customers room', kind: 'slack', purpose: 'chat', audience: 'customers', target: 'https://hooks.example.test/x' }).execute();
    const add = async (body: object) => {
      const res = await h.request('POST', '/api/admin/data-controllers', { token: h.tokens.reviewer, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    controllers.boulangerie = await add({ name: 'Boulangerie Martin', email: 'DPO@boulangerie.test', language: 'fr', component_ids: [storageId] });
    controllers.northwind = await add({ name: 'Northwind', email: 'privacy@northwind.test', language: 'en', component_ids: [computeId] });
    controllers.globex = await add({ name: 'Globex', email: 'dpo@globex.test', language: 'en' });
    controllers.dormant = await add({ name: 'Dormant SA', email: 'dpo@dormant.test', language: 'fr', active: false });
    const referent = h.ctxAs('comms_lead').actor;
    const incident = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Fire in the SBG2 data centre', impact: 'critical', body: 'A fire is under way in one data centre.', detected_at: '2027-03-10T01:00:00Z', component_ids: [storageId], referent_id: referent.type === 'user' ? referent.id : null, deliver_notifications: false },
    });
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    incidentId = incident.body.id;
  });
  after(async () => h?.close());

  const draft = () => h.request('POST', `/api/admin/incidents/${incidentId}/regulatory/controller-notices`, { token: h.tokens.incident_lead });

  it('the data controllers are for those in charge of the law: support and viewers neither read nor change them, a name is taken once', async () => {
    const list = await h.request('GET', '/api/admin/data-controllers', { token: h.tokens.reviewer });
    assert.deepEqual(list.body.data_controllers.map((c: any) => [c.name, c.email, c.all_components, c.component_ids.length, c.active]), [
      ['Boulangerie Martin', 'dpo@boulangerie.test', false, 1, true],
      ['Dormant SA', 'dpo@dormant.test', true, 0, false],
      ['Globex', 'dpo@globex.test', true, 0, true],
      ['Northwind', 'privacy@northwind.test', false, 1, true],
    ]);
    for (const token of [h.tokens.support, h.tokens.viewer]) assert.equal((await h.request('GET', '/api/admin/data-controllers', { token })).status, 403);
    assert.equal((await h.request('POST', '/api/admin/data-controllers', { token: h.tokens.reviewer, body: { name: 'globex', email: 'x@globex.test', language: 'en' } })).status, 409);
    assert.equal((await h.request('POST', '/api/admin/data-controllers', { token: h.tokens.reviewer, body: { name: 'Nobody', email: 'x@nobody.test', language: 'en', component_ids: ['zzzzzzzzzzzz'] } })).status, 400);
    const renamed = await h.request('PATCH', `/api/admin/data-controllers/${controllers.dormant}`, { token: h.tokens.reviewer, headers: { 'if-match': '"1"' }, body: { name: 'Dormant' } });
    assert.deepEqual([renamed.status, renamed.body.version, renamed.body.active], [200, 2, false]);
  });

  it('is refused with a clear problem while the workspace is no processor or the incident no breach', async () => {
    const notProcessor = await draft();
    assert.deepEqual([notProcessor.status, notProcessor.body.type], [409, 'https://tocsin.dev/problems/not-a-processor']);
    await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { gdpr_roles: ['processor'] } });
    const notBreach = await draft();
    assert.deepEqual([notBreach.status, notBreach.body.type], [409, 'https://tocsin.dev/problems/not-a-personal-data-breach']);
    assert.equal((await h.request('POST', `/api/admin/incidents/${incidentId}/regulatory/controller-notices`, { token: h.tokens.support })).status, 403);
  });

  it('drafts one e-mail per language the affected controllers read, prefilled from the fact sheet, with no risk assessment', async () => {
    await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } });
    await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'known', text: 'A fire destroyed the SBG2 building, where the object storage of our customers was hosted', source: 'Site manager', figures: { affected_people: 120000 } } });
    await h.request('PATCH', `/api/admin/incidents/${incidentId}/regulatory`, { token: h.tokens.reviewer, body: { aware_at_gdpr: '2027-03-10T02:30:00Z', reason: 'Storage confirmed lost' } });
    await h.request('PATCH', `/api/admin/incidents/${incidentId}/breach-record`, { token: h.tokens.reviewer, body: { data_categories: ['files your users stored'], measures: 'We restored the service in another data centre from the copies kept there' } });
    const before = (await h.request('GET', '/api/admin/breach-register', { token: h.tokens.reviewer })).body.entries[0];
    assert.ok(before.gaps.some((g: any) => g.code === 'controllers_not_notified'));

    const res = await draft();
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual([res.body.stage, res.body.notify_subscribers], ['breach_notice', false]);
    assert.deepEqual(res.body.variants.map((v: any) => [v.audience, v.language, v.channel]), [['controllers', 'en', 'email'], ['controllers', 'fr', 'email']]);
    const [en, fr] = res.body.variants;
    assert.match(en.body, /A fire destroyed the SBG2 building/);
    assert.match(en.body, /People concerned: about 120,000\./);
    assert.match(en.body, /Measures taken so far: We restored the service/);
    assert.match(en.body, /comms_lead@acme\.test|comms_lead person/);
    assert.match(fr.body, /En tant que sous-traitant/);
    assert.match(fr.body, /Personnes concernées : environ 120 000\./);
    for (const variant of res.body.variants) {
      assert.doesNotMatch(variant.body, /high risk|risque élevé/);
      assert.deepEqual(variant.findings.filter((f: any) => f.severity === 'error').map((f: any) => f.rule), [], `${variant.language}: the breach rules find nothing missing`);
    }
    const settings = await h.request('GET', '/api/admin/settings/communication', { token: h.tokens.viewer });
    assert.ok(settings.body.audiences.some((a: any) => a.id === 'controllers' && a.name.fr), 'the controllers audience exists once a notice is drafted');
  });

  it('published after review, it queues one e-mail per affected controller in their language, nothing to subscribers or chat, and meets the deadline', async () => {
    const message = (await h.request('GET', `/api/admin/incidents/${incidentId}/messages`, { token: h.tokens.comms_lead })).body.messages[0];
    assert.equal((await h.request('POST', `/api/admin/messages/${message.id}/publish`, { token: h.tokens.comms_lead })).status, 409, 'not approved yet');
    assert.equal((await h.request('POST', `/api/admin/messages/${message.id}/approvals`, { token: h.tokens.reviewer, body: {} })).status, 201);
    h.clock.set('2027-03-10T07:15:00Z');
    const published = await h.request('POST', `/api/admin/messages/${message.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.deepEqual(published.body.deliveries, { email: 2 });
    assert.equal(published.body.incident_update, null, 'nothing on the status page');

    const rows = await h.db.db.selectFrom('deliveries').selectAll().where('workspace_id', '=', h.workspaceId).where('message_id', '=', message.id).orderBy('address').execute();
    const variantLanguage = new Map<string, string>(message.variants.map((v: any) => [v.id, v.language]));
    assert.deepEqual(rows.map((d) => [d.address, d.language, variantLanguage.get(d.variant_id!), d.dedupe_key, d.subscriber_id, d.endpoint_id]), [
      ['dpo@boulangerie.test', 'fr', 'fr', `m:${message.id}:controller:${controllers.boulangerie}`, null, null],
      ['dpo@globex.test', 'en', 'en', `m:${message.id}:controller:${controllers.globex}`, null, null],
    ]);
    const all = await h.db.db.selectFrom('deliveries').select(['address', 'endpoint_id']).where('workspace_id', '=', h.workspaceId).execute();
    assert.ok(!all.some((d) => d.address === 'reader@example.test' || d.endpoint_id !== null), 'subscribers and chat rooms receive nothing from it');

    const clocks = (await h.request('GET', `/api/admin/incidents/${incidentId}/regulatory`, { token: h.tokens.reviewer })).body;
    const deadline = clocks.deadlines.find((d: any) => d.id === 'gdpr.processor_to_controller');
    assert.deepEqual([deadline.status, deadline.submitted_at], ['met', '2027-03-10T07:15:00.000Z']);
    assert.equal(clocks.stamps.processor_notified_controller_at, '2027-03-10T07:15:00.000Z');
    assert.deepEqual(clocks.submissions.map((s: any) => [s.regime, s.report, s.authority_ref]), [['gdpr', 'processor_to_controller', `message:${message.id}`]]);

    const entry = (await h.request('GET', '/api/admin/breach-register', { token: h.tokens.reviewer })).body.entries[0];
    assert.equal(entry.done.controllers_notified_at, '2027-03-10T07:15:00.000Z');
    assert.ok(!entry.gaps.some((g: any) => g.code === 'controllers_not_notified'));
    assert.equal((await h.request('POST', `/api/admin/messages/${message.id}/publish`, { token: h.tokens.comms_lead })).status, 409, 'it goes out once');
    assert.equal(Number((await h.db.db.selectFrom('regulatory_submissions').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', h.workspaceId).executeTakeFirstOrThrow()).n), 1);
  });
});
