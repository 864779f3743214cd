import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { createEndpoint } from '../../src/services/channels/channel-endpoints.ts';
import { sendDueReminders } from '../../src/services/clocks/send-reminders.ts';

const minute = 60_000;
const plan = '/api/admin/crisis-plan';

describe('the crisis plan through the admin API', () => {
  let h: Harness;
  let ana: string;
  let ben: string;
  let carla: string;
  before(async () => {
    h = await createHarness();
    ana = (await addUser({ ctx: h.systemCtx(), input: { email: 'ana@acme.test', name: 'Ana Lead', role: 'comms_lead' } })).id;
    ben = (await addUser({ ctx: h.systemCtx(), input: { email: 'ben@acme.test', name: 'Ben Backup', role: 'support', locale: 'fr' } })).id;
    carla = (await addUser({ ctx: h.systemCtx(), input: { email: 'carla@acme.test', name: 'Carla CEO', role: 'viewer' } })).id;
  });
  after(async () => h?.close());

  async function read(token = h.tokens.viewer) {
    const res = await h.request('GET', plan, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }
  const gapIds = (body: { readiness: { missing: Array<{ id: string }> } }) => body.readiness.missing.map((gap) => gap.id);
  const putRole = (role: string, body: unknown, options: { token?: string; version?: number } = {}) =>
    h.request('PUT', `${plan}/roster/${role}`, { token: options.token ?? h.tokens.comms_lead, body, headers: options.version === undefined ? {} : { 'if-match': `"${options.version}"` } });

  it('everyone reads the plan; an empty plan scores low and says first that no one leads the crisis', async () => {
    assert.equal((await h.request('GET', plan, { token: null })).status, 401);
    const body = await read();
    assert.deepEqual(body.roster.map((entry: { role: string; version: number; members: unknown[] }) => [entry.role, entry.version, entry.members.length]), [
      ['crisis_lead', 0, 0], ['communications_lead', 0, 0], ['spokesperson', 0, 0], ['legal_dpo', 0, 0], ['support_lead', 0, 0], ['executive_sponsor', 0, 0], ['technical_referent', 0, 0],
    ]);
    assert.ok(body.readiness.score < 10, `score ${body.readiness.score}`);
    assert.deepEqual(body.readiness.missing[0], { id: 'role-primary:crisis_lead', weight: 10, text: { fr: 'Personne ne tient le rôle « Crisis lead »'.replace('Crisis lead', 'Responsable de crise'), en: 'No one holds the role “Crisis lead”' }, fix: { area: 'roster', role: 'crisis_lead' } });
    assert.ok(gapIds(body).includes('channel:status_page_hosted_separately'));
    assert.deepEqual(body.drills.is_available, true, 'the drills table is here: its check counts');
    assert.ok(gapIds(body).includes('drill'));
  });

  it('names a primary and a backup with contacts; the role’s gaps leave the list; If-Match guards the entry', async () => {
    const set = await putRole('crisis_lead', { members: [{ user_id: ana, phone: '+33 6 12 34 56 78', email: 'ana.oncall@acme.test' }, { user_id: ben, out_of_hours_phone: '+33 6 98 76 54 32', availability_note: 'Weekends only' }] }, { version: 0 });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.headers.get('etag'), '"1"');
    assert.deepEqual(set.body.members.map((m: { position: number; name: string; email: string | null }) => [m.position, m.name, m.email]), [[0, 'Ana Lead', 'ana.oncall@acme.test'], [1, 'Ben Backup', null]]);
    const body = await read();
    assert.ok(!gapIds(body).some((id) => id.endsWith(':crisis_lead')), JSON.stringify(gapIds(body)));
    assert.equal(body.roster[0].updated_by_name, 'token comms_lead token');
    const stale = await putRole('crisis_lead', { members: [] }, { version: 0 });
    assert.equal(stale.status, 412);
    assert.equal((await read()).roster[0].members.length, 2, 'the stale edit changed nothing');
  });

  it('refuses bad input with a pointer at each field and loses nothing; viewers and unknown roles are refused', async () => {
    const bad = await putRole('crisis_lead', { members: [{ user_id: ana, phone: 'call me' }, { user_id: 'nobody' }, { user_id: ana }] });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer), ['/members/0/phone']);
    const unknown = await putRole('crisis_lead', { members: [{ user_id: ana }, { user_id: 'nobody' }, { user_id: ana }] });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.errors, [{ pointer: '/members/1/user_id', detail: 'not a member of this workspace' }, { pointer: '/members/2/user_id', detail: 'listed twice: one person holds one place' }]);
    assert.equal((await putRole('crisis_lead', { members: [] }, { token: h.tokens.viewer })).status, 403);
    assert.equal((await putRole('chief_of_vibes', { members: [] })).status, 404);
    const entry = (await read()).roster[0];
    assert.deepEqual([entry.version, entry.members.map((m: { user_id: string }) => m.user_id)], [1, [ana, ben]]);
  });

  it('a reviewer pre-approves a template; editing the template lifts the mark', async () => {
    const created = await h.request('POST', '/api/admin/settings/templates', { token: h.tokens.comms_lead, body: { stage: 'breach_notice', language: 'fr', channel: 'status_page', body: 'Des données de clients ont été exposées. {{company}} vous dit ce qu’il sait.' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const before = await read();
    assert.ok(gapIds(before).includes('template:data_breach:breach_notice'));
    assert.equal((await h.request('POST', `${plan}/template-approvals`, { token: h.tokens.viewer, body: { kind: 'message_template', key: created.body.id } })).status, 403);
    const approved = await h.request('POST', `${plan}/template-approvals`, { token: h.tokens.reviewer, body: { kind: 'message_template', key: created.body.id } });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const after = await read();
    assert.ok(!gapIds(after).includes('template:data_breach:breach_notice'));
    assert.ok(after.readiness.score > before.readiness.score);
    const stage = after.scenarios.find((s: { key: string }) => s.key === 'data_breach').stages.find((s: { stage: string }) => s.stage === 'breach_notice');
    assert.equal(stage.is_ready, true);
    assert.deepEqual([stage.templates[0].approval.approved_by, stage.templates[0].approval.approved_at], ['token reviewer token', h.clock.now().toISOString()]);

    const edited = await h.request('PATCH', `/api/admin/settings/templates/${created.body.id}`, { token: h.tokens.comms_lead, body: { body: 'Des données ont peut-être été exposées.' } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const lifted = await read();
    const liftedStage = lifted.scenarios.find((s: { key: string }) => s.key === 'data_breach').stages.find((s: { stage: string }) => s.stage === 'breach_notice');
    assert.deepEqual([liftedStage.is_ready, liftedStage.templates[0].is_approved, liftedStage.templates[0].approval.is_current], [false, false, false]);
    assert.ok(gapIds(lifted).includes('template:data_breach:breach_notice'));

    const unknown = await h.request('POST', `${plan}/template-approvals`, { token: h.tokens.reviewer, body: { kind: 'incident_template', key: 'alien_invasion' } });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.errors.map((e: { pointer: string }) => e.pointer), ['/key']);
    assert.equal((await h.request('POST', `${plan}/template-approvals`, { token: h.tokens.reviewer, body: { kind: 'incident_template', key: 'data_breach' } })).status, 201);
    assert.equal((await read()).scenarios.find((s: { key: string }) => s.key === 'data_breach').incident_template.is_approved, true);
  });

  it('channels: derived from the configuration where Tocsin sees it, ticked by hand with who and when where it cannot', async () => {
    type Check = { item: string; is_ready: boolean; evidence: string | null; tick: { by: string; at: string; note: string } | null };
    const item = (body: { checklist: Check[] }, name: string) => body.checklist.find((c) => c.item === name)!;
    assert.equal(item(await read(), 'alerts_room').is_ready, false);
    await createEndpoint({ ctx: h.systemCtx(), input: { name: 'Crisis cell room', kind: 'mattermost', purpose: 'alerts', audience: 'crisis_cell', target: 'https://chat.acme.test/hooks/cell' } });
    assert.deepEqual([item(await read(), 'alerts_room').is_ready, item(await read(), 'alerts_room').evidence], [true, 'Crisis cell room']);

    const derived = await h.request('PUT', `${plan}/checklist/status_page_hosted_separately`, { token: h.tokens.comms_lead, body: { is_ready: true } });
    assert.equal(derived.status, 400);
    assert.equal(derived.body.errors[0].pointer, '/is_ready');
    assert.equal(item(await read(), 'status_page_hosted_separately').is_ready, false);

    assert.equal((await h.request('PUT', `${plan}/checklist/press_list`, { token: h.tokens.support, body: { is_ready: true } })).status, 403);
    const ticked = await h.request('PUT', `${plan}/checklist/press_list`, { token: h.tokens.comms_lead, body: { is_ready: true, note: 'Shared drive / Press / contacts.xlsx' } });
    assert.equal(ticked.status, 200, JSON.stringify(ticked.body));
    const press = item(await read(), 'press_list');
    assert.deepEqual([press.is_ready, press.tick?.by, press.tick?.note], [true, 'token comms_lead token', 'Shared drive / Press / contacts.xlsx']);
    assert.equal((await h.request('PUT', `${plan}/checklist/press_list`, { token: h.tokens.comms_lead, body: { is_ready: false }, headers: { 'if-match': '"0"' } })).status, 412);
    assert.equal((await h.request('PUT', `${plan}/checklist/carrier_pigeons`, { token: h.tokens.comms_lead, body: { is_ready: true } })).status, 404);
  });

  it('lists the regimes the regulatory profile says apply, and the audiences with their owner', async () => {
    assert.ok(gapIds(await read()).includes('regimes'));
    const set = await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.owner, body: { gdpr_roles: ['controller'], nis2: 'important' } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const body = await read();
    assert.deepEqual(body.regimes.applies, ['gdpr', 'nis2']);
    assert.ok(!gapIds(body).includes('regimes'));
    const customers = body.audiences.find((a: { id: string }) => a.id === 'customers');
    assert.equal(customers.owner_role, 'communications_lead');
    assert.deepEqual(customers.channels, [{ kind: 'status_page', name: null }]);
  });

  it('a late update reaches the crisis lead’s backup when the primary is away, and past the deadline the executive sponsor', async () => {
    const away = new Date(h.clock.now().getTime() + 3 * 24 * 60 * minute).toISOString();
    const entry = (await read()).roster[0];
    const set = await putRole('crisis_lead', { members: [{ user_id: ana, email: 'ana.oncall@acme.test', unavailable_until: away, availability_note: 'On leave' }, { user_id: ben, email: 'ben.oncall@acme.test' }] }, { version: entry.version });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal((await putRole('executive_sponsor', { members: [{ user_id: carla, email: 'carla.direct@acme.test' }] })).status, 200);

    const opened = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Payments down', impact: 'major', body: 'We are investigating failed payments.' } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const notices = async () =>
      (await h.db.db.selectFrom('deliveries').select(['address', 'dedupe_key']).where('kind', '=', 'notice').where('channel', '=', 'email').where('dedupe_key', 'like', `c:${opened.body.id}:%`).execute()).map((row) => `${row.dedupe_key.split(':')[4]} ${row.address}`).sort();

    // The cadence of a major incident: the next update is due an hour after the first.
    h.clock.advance(60 * minute);
    await sendDueReminders({ db: h.db, now: h.clock.now() });
    const due = await notices();
    assert.ok(due.includes('due ben.oncall@acme.test'), due.join('\n'));
    assert.ok(!due.some((line) => line.includes('ana')), 'the primary is on leave: not told');
    assert.ok(due.includes('due incident_lead@acme.test'), 'the incident leads are still told, as before');
    assert.ok(!due.some((line) => line.includes('carla')));

    h.clock.advance(15 * minute);
    await sendDueReminders({ db: h.db, now: h.clock.now() });
    const escalation = (await notices()).filter((line) => line.startsWith('escalation '));
    assert.deepEqual(escalation, ['escalation ben.oncall@acme.test', 'escalation carla.direct@acme.test', 'escalation owner@acme.test']);
  });
});
