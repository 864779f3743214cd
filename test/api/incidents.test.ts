import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

const minute = 60_000;

describe('incidents through the admin API', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  async function component(name: string) {
    const res = await h.request('POST', '/api/admin/components', { body: { name } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function statusOf(componentId: string) {
    return (await h.request('GET', `/api/admin/components/${componentId}`)).body.status as string;
  }
  async function open(body: Record<string, unknown>, token = h.tokens.incident_lead) {
    const res = await h.request('POST', '/api/admin/incidents', { token, body: { impact: 'minor', body: 'We are investigating.', ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function post(incidentId: string, body: Record<string, unknown>, token = h.tokens.comms_lead) {
    return h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token, body });
  }
  async function count(table: 'incidents' | 'incident_updates' | 'incident_components') {
    const row = await h.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const iso = (offsetMs: number) => new Date(h.clock.now().getTime() + offsetMs).toISOString();

  it('opening a major incident marks its components partial outage and records the change in the first update', async () => {
    const api = await component('Public API');
    const consoleId = await component('Customer console');
    const incident = await open({ name: 'API errors', impact: 'major', component_ids: [api, consoleId] });
    assert.equal(incident.status, 'investigating');
    assert.deepEqual(incident.component_ids, [api, consoleId]);
    assert.equal(incident.updates.length, 1);
    const [first] = incident.updates;
    assert.equal(first.body, 'We are investigating.');
    assert.deepEqual(first.affected_components, [
      { code: api, name: 'Public API', old_status: 'operational', new_status: 'partial_outage' },
      { code: consoleId, name: 'Customer console', old_status: 'operational', new_status: 'partial_outage' },
    ]);
    assert.deepEqual(first.author, { type: 'token', id: first.author.id, name: 'token incident_lead token' });
    assert.equal(first.published_at, first.created_at);
    assert.equal(await statusOf(api), 'partial_outage');
    const history = await h.request('GET', `/api/admin/components/${api}/history`);
    assert.equal(history.body.changes.at(-1).incident_id, incident.id);
  });

  it('an explicit component status wins over the impact, and an impact of none changes no component', async () => {
    const dns = await component('DNS');
    const cdn = await component('CDN');
    const explicit = await open({ name: 'DNS down', impact: 'minor', component_ids: [dns], component_status: 'major_outage' });
    assert.equal(await statusOf(dns), 'major_outage');
    assert.equal(explicit.updates[0].affected_components[0].new_status, 'major_outage');
    const quiet = await open({ name: 'Slow CDN purge', impact: 'none', component_ids: [cdn] });
    assert.equal(await statusOf(cdn), 'operational');
    assert.equal(quiet.updates[0].affected_components, null);
    assert.deepEqual(quiet.component_ids, [cdn]);
  });

  it('a minor incident never hides a major outage another incident declared on the same component', async () => {
    const db = await component('Managed PostgreSQL');
    const outage = await open({ name: 'Databases down', impact: 'critical', component_ids: [db] });
    const minor = await open({ name: 'Slow backups', impact: 'minor', component_ids: [db] });
    assert.equal(await statusOf(db), 'major_outage');
    assert.equal(minor.updates[0].affected_components, null);
    h.clock.advance(minute);
    const resolvedOutage = await h.request('POST', `/api/admin/incidents/${outage.id}/resolve`, { token: h.tokens.comms_lead });
    assert.equal(resolvedOutage.status, 201);
    assert.equal(await statusOf(db), 'major_outage', 'the other incident is still open on it');
  });

  it('several incidents can be open at once and the list filters open from resolved', async () => {
    const a = await open({ name: 'Open one' });
    const b = await open({ name: 'Open two' });
    h.clock.advance(minute);
    await h.request('POST', `/api/admin/incidents/${b.id}/resolve`, { token: h.tokens.comms_lead, body: { body: 'Fixed.' } });
    const openList = await h.request('GET', '/api/admin/incidents?status=open&limit=100', { token: h.tokens.viewer });
    assert.equal(openList.status, 200);
    const openIds = openList.body.incidents.map((i: any) => i.id);
    assert.ok(openIds.includes(a.id));
    assert.ok(!openIds.includes(b.id));
    assert.ok(openList.body.incidents.every((i: any) => ['investigating', 'identified', 'monitoring'].includes(i.status)));
    const resolvedList = await h.request('GET', '/api/admin/incidents?status=resolved&limit=100');
    assert.ok(resolvedList.body.incidents.some((i: any) => i.id === b.id));
    assert.ok(resolvedList.body.incidents.every((i: any) => ['resolved', 'postmortem'].includes(i.status)));
  });

  it('a back-dated update does not change the incident\'s current status', async () => {
    const incident = await open({ name: 'Queue lag' });
    h.clock.advance(10 * minute);
    const monitoring = await post(incident.id, { status: 'monitoring', body: 'A fix is deployed; we are watching.' });
    assert.equal(monitoring.status, 201);
    assert.equal(monitoring.body.status, 'monitoring');
    h.clock.advance(10 * minute);
    const backDated = await post(incident.id, { status: 'identified', body: 'Earlier: cause identified (added late).', display_at: iso(-15 * minute) });
    assert.equal(backDated.status, 201, JSON.stringify(backDated.body));
    assert.equal(backDated.body.status, 'monitoring');
    assert.equal(backDated.body.monitoring_at, monitoring.body.monitoring_at);
    assert.equal(backDated.body.update.status, 'identified');
    const fetched = await h.request('GET', `/api/admin/incidents/${incident.id}`);
    assert.equal(fetched.body.status, 'monitoring');
    assert.deepEqual(fetched.body.updates.map((u: any) => u.status), ['monitoring', 'identified', 'investigating']);
  });

  it('two updates written in the same millisecond: the one written last sets the status', async () => {
    const incident = await open({ name: 'Same instant' });
    await post(incident.id, { status: 'identified', body: 'Cause found.' });
    const second = await post(incident.id, { status: 'monitoring', body: 'Fix deployed.' });
    assert.equal(second.body.status, 'monitoring');
    const fetched = await h.request('GET', `/api/admin/incidents/${incident.id}`);
    assert.equal(fetched.body.updates[0].status, 'monitoring');
    assert.equal(fetched.body.updates[0].id, second.body.update.id);
  });

  it('an update cannot be dated in the future, and a postmortem cannot go back to investigating', async () => {
    const incident = await open({ name: 'Rules' });
    const future = await post(incident.id, { status: 'identified', body: 'From the future.', display_at: iso(60 * minute) });
    assert.equal(future.status, 400);
    assert.deepEqual(future.body.errors.map((e: any) => e.pointer), ['/display_at']);
    h.clock.advance(minute);
    await post(incident.id, { status: 'resolved', body: 'Fixed.' });
    h.clock.advance(minute);
    assert.equal((await post(incident.id, { status: 'postmortem', body: 'Report.' })).status, 201);
    const back = await post(incident.id, { status: 'investigating', body: 'Again?' });
    assert.equal(back.status, 400);
    assert.match(back.body.type, /transition-not-allowed/);
    assert.equal((await h.request('GET', `/api/admin/incidents/${incident.id}`)).body.updates.length, 3);
  });

  it('resolving returns the affected components to operational and stamps resolved_at', async () => {
    const storage = await component('Object storage');
    const backups = await component('Backups');
    const incident = await open({ name: 'Storage outage', impact: 'major', component_ids: [storage] });
    h.clock.advance(5 * minute);
    const widened = await post(incident.id, { status: 'identified', body: 'Backups are delayed too.', components: [{ component_id: backups, status: 'degraded_performance' }] });
    assert.deepEqual(widened.body.component_ids, [storage, backups]);
    h.clock.advance(5 * minute);
    const monitoring = await post(incident.id, { status: 'monitoring', body: 'Switch replaced.' });
    assert.equal(monitoring.body.monitoring_at, h.clock.now().toISOString());
    assert.equal(monitoring.body.resolved_at, null);
    h.clock.advance(5 * minute);
    const resolved = await h.request('POST', `/api/admin/incidents/${incident.id}/resolve`, { token: h.tokens.comms_lead });
    assert.equal(resolved.status, 201, JSON.stringify(resolved.body));
    assert.equal(resolved.body.status, 'resolved');
    assert.equal(resolved.body.resolved_at, h.clock.now().toISOString());
    assert.equal(resolved.body.monitoring_at, monitoring.body.monitoring_at);
    assert.equal(resolved.body.update.body, 'This incident has been resolved.');
    assert.deepEqual(
      resolved.body.update.affected_components.map((c: any) => [c.code, c.old_status, c.new_status]),
      [[storage, 'partial_outage', 'operational'], [backups, 'degraded_performance', 'operational']],
    );
    assert.equal(await statusOf(storage), 'operational');
    assert.equal(await statusOf(backups), 'operational');
  });

  it('resolving leaves a component the update names, or someone changed since, as it is', async () => {
    const api = await component('Billing API');
    const web = await component('Billing web');
    const incident = await open({ name: 'Billing errors', impact: 'critical', component_ids: [api, web] });
    h.clock.advance(minute);
    const byHand = await h.request('PATCH', `/api/admin/components/${web}`, { token: h.tokens.incident_lead, body: { status: 'degraded_performance' } });
    assert.equal(byHand.status, 200);
    h.clock.advance(minute);
    const resolved = await h.request('POST', `/api/admin/incidents/${incident.id}/resolve`, {
      token: h.tokens.comms_lead,
      body: { body: 'Resolved; the API stays degraded while queues drain.', components: [{ component_id: api, status: 'degraded_performance' }] },
    });
    assert.equal(resolved.status, 201, JSON.stringify(resolved.body));
    assert.equal(await statusOf(api), 'degraded_performance');
    assert.equal(await statusOf(web), 'degraded_performance');
  });

  it('a back-dated resolution does not close the incident nor touch its components', async () => {
    const search = await component('Search');
    const incident = await open({ name: 'Search slow', impact: 'minor', component_ids: [search] });
    h.clock.advance(10 * minute);
    const late = await post(incident.id, { status: 'resolved', body: 'Back-dated.', display_at: iso(-20 * minute) });
    assert.equal(late.status, 201);
    assert.equal(late.body.status, 'investigating');
    assert.equal(late.body.resolved_at, null);
    assert.equal(await statusOf(search), 'degraded_performance');
  });

  it('two communicators editing the same incident: the second gets 412 and the first edit is kept', async () => {
    const incident = await open({ name: 'Login failures' });
    const read = await h.request('GET', `/api/admin/incidents/${incident.id}`);
    const etag = read.headers.get('etag')!;
    assert.equal(etag, `"${incident.version}"`);
    const first = await h.request('PATCH', `/api/admin/incidents/${incident.id}`, { token: h.tokens.incident_lead, body: { name: 'Sign-in failures on the console' }, headers: { 'if-match': etag } });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, incident.version + 1);
    const second = await h.request('PATCH', `/api/admin/incidents/${incident.id}`, { body: { name: 'Login broken' }, headers: { 'if-match': etag } });
    assert.equal(second.status, 412);
    assert.equal(second.headers.get('content-type'), 'application/problem+json');
    assert.match(second.body.detail, /changed by someone else/);
    const now = await h.request('GET', `/api/admin/incidents/${incident.id}`);
    assert.equal(now.body.name, 'Sign-in failures on the console');
  });

  it('editing an incident changes its name, impact, times and components, not its timeline nor component statuses', async () => {
    const vpn = await component('VPN');
    const incident = await open({ name: 'VPN drops', impact: 'minor', component_ids: [vpn] });
    const edited = await h.request('PATCH', `/api/admin/incidents/${incident.id}`, {
      token: h.tokens.incident_lead,
      body: { impact: 'major', occurred_at: iso(-30 * minute), detected_at: iso(-20 * minute), acknowledged_at: iso(-10 * minute), component_ids: [] },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.impact, 'major');
    assert.equal(edited.body.detected_at, iso(-20 * minute));
    assert.deepEqual(edited.body.component_ids, []);
    assert.deepEqual(edited.body.updates, incident.updates);
    assert.equal(await statusOf(vpn), 'degraded_performance');
    const forbidden = await h.request('PATCH', `/api/admin/incidents/${incident.id}`, { token: h.tokens.comms_lead, body: { name: 'Renamed' } });
    assert.equal(forbidden.status, 403);
  });

  it('a viewer cannot open an incident (403) and nothing is written', async () => {
    const cache = await component('Cache');
    const before = { incidents: await count('incidents'), updates: await count('incident_updates'), links: await count('incident_components') };
    const res = await h.request('POST', '/api/admin/incidents', { token: h.tokens.viewer, body: { name: 'Nope', impact: 'critical', body: 'x', component_ids: [cache] } });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual({ incidents: await count('incidents'), updates: await count('incident_updates'), links: await count('incident_components') }, before);
    assert.equal(await statusOf(cache), 'operational');
    const list = await h.request('GET', '/api/admin/incidents?limit=100', { token: h.tokens.viewer });
    assert.ok(!list.body.incidents.some((i: any) => i.name === 'Nope'));
    const someIncident = list.body.incidents[0];
    assert.equal((await post(someIncident.id, { status: 'identified', body: 'x' }, h.tokens.support)).status, 403);
    assert.equal((await h.request('POST', `/api/admin/incidents/${someIncident.id}/resolve`, { token: h.tokens.reviewer })).status, 403);
    assert.equal(await count('incident_updates'), before.updates);
  });

  it('a referent who is not a member is refused', async () => {
    const members = (await h.request('GET', '/api/admin/members')).body.members;
    const lead = members.find((m: any) => m.role === 'incident_lead').id;
    const comms = members.find((m: any) => m.role === 'comms_lead').id;
    const leaver = await h.request('POST', '/api/admin/members', { body: { email: 'leaver@acme.test', name: 'Leaver', role: 'comms_lead' } });
    assert.equal((await h.request('DELETE', `/api/admin/members/${leaver.body.id}`)).status, 204);
    const incidentsBefore = await count('incidents');

    const outsider = await h.request('POST', '/api/admin/incidents', { body: { name: 'X', impact: 'minor', body: 'x', referent_id: leaver.body.id, backup_referent_id: 'zzzzzzzzzzzz' } });
    assert.equal(outsider.status, 400);
    assert.deepEqual(outsider.body.errors.map((e: any) => e.pointer).sort(), ['/backup_referent_id', '/referent_id']);
    const same = await h.request('POST', '/api/admin/incidents', { body: { name: 'X', impact: 'minor', body: 'x', referent_id: lead, backup_referent_id: lead } });
    assert.equal(same.status, 400);
    assert.deepEqual(same.body.errors.map((e: any) => e.pointer), ['/backup_referent_id']);
    assert.equal(await count('incidents'), incidentsBefore);

    const staffed = await open({ name: 'Staffed', referent_id: comms, backup_referent_id: lead });
    assert.equal(staffed.referent_id, comms);
    assert.equal(staffed.backup_referent_id, lead);
    const handOver = await h.request('PATCH', `/api/admin/incidents/${staffed.id}`, { body: { referent_id: leaver.body.id } });
    assert.equal(handOver.status, 400);
    assert.deepEqual(handOver.body.errors.map((e: any) => e.pointer), ['/referent_id']);
  });

  it('impossible times are refused with pointers', async () => {
    const incidentsBefore = await count('incidents');
    const res = await h.request('POST', '/api/admin/incidents', {
      body: { name: 'Time travel', impact: 'minor', body: 'x', occurred_at: iso(-10 * minute), detected_at: iso(-20 * minute), acknowledged_at: iso(-30 * minute) },
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(res.body.errors.map((e: any) => e.pointer).sort(), ['/acknowledged_at', '/detected_at']);
    const future = await h.request('POST', '/api/admin/incidents', { body: { name: 'Later', impact: 'minor', body: 'x', occurred_at: iso(6 * minute) } });
    assert.equal(future.status, 400);
    assert.deepEqual(future.body.errors.map((e: any) => e.pointer), ['/occurred_at']);
    const skew = await h.request('POST', '/api/admin/incidents', { body: { name: 'Fast clock', impact: 'minor', body: 'x', acknowledged_at: iso(4 * minute) } });
    assert.equal(skew.status, 201, 'a few minutes of clock skew are tolerated');
    assert.equal(await count('incidents'), incidentsBefore + 1);

    const incident = skew.body;
    const edit = await h.request('PATCH', `/api/admin/incidents/${incident.id}`, { body: { detected_at: iso(10 * minute) } });
    assert.equal(edit.status, 400);
    assert.deepEqual(edit.body.errors.map((e: any) => e.pointer).sort(), ['/acknowledged_at', '/detected_at']);
  });

  it('every public incident has at least one update; a blank first update is refused, not taken for an internal declaration', async () => {
    const incidentsBefore = await count('incidents');
    const blank = await h.request('POST', '/api/admin/incidents', { body: { name: 'Silent', impact: 'minor', body: '   ' } });
    assert.equal(blank.status, 400);
    assert.ok(blank.body.errors.some((e: any) => e.pointer === '/body'));
    assert.equal(await count('incidents'), incidentsBefore);
    const all = await h.request('GET', '/api/admin/incidents?limit=100&visibility=public');
    assert.ok(all.body.incidents.length > 0);
    assert.ok(all.body.incidents.every((i: any) => i.updates.length >= 1 && i.visibility === 'public' && i.public_at !== null));
    const empty = await h.db.db
      .selectFrom('incidents')
      .select('id')
      .where('public_at', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('incident_updates').select('id').whereRef('incident_updates.incident_id', '=', 'incidents.id'))))
      .execute();
    assert.deepEqual(empty, []);
  });

  it('pagination walks every incident exactly once', async () => {
    // Several incidents share one creation instant: the id breaks the tie.
    for (let i = 0; i < 4; i++) await open({ name: `Burst ${i}` });
    h.clock.advance(minute);
    for (let i = 0; i < 3; i++) await open({ name: `Later ${i}` });
    const total = await count('incidents');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
      const page = await h.request('GET', `/api/admin/incidents${query}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.ok(page.body.incidents.length <= 3);
      seen.push(...page.body.incidents.map((i: any) => i.id));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor && pages < 100);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    const first = await h.request('GET', '/api/admin/incidents?limit=2');
    assert.equal(first.body.incidents.length, 2);
    assert.ok(first.body.incidents.every((i: any) => i.name.startsWith('Later')), 'newest first');

    assert.equal((await h.request('GET', '/api/admin/incidents?limit=0')).status, 400);
    assert.equal((await h.request('GET', '/api/admin/incidents?limit=101')).status, 400);
    const bad = await h.request('GET', '/api/admin/incidents?cursor=not-ours');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: any) => e.pointer), ['/cursor']);
  });

  it('editing an update keeps its id and display_at', async () => {
    const incident = await open({ name: 'Typo' });
    await post(incident.id, { status: 'identified', body: 'Teh cause is found.' });
    const withUpdate = (await h.request('GET', `/api/admin/incidents/${incident.id}`)).body;
    const update = withUpdate.updates[0];
    h.clock.advance(3 * minute);
    const path = `/api/admin/incidents/${incident.id}/updates/${update.id}`;
    const edited = await h.request('PATCH', path, { token: h.tokens.incident_lead, body: { body: 'The cause is found.', deliver_notifications: false }, headers: { 'if-match': `"${update.version}"` } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.headers.get('etag'), `"${update.version + 1}"`);
    assert.equal(edited.body.id, update.id);
    assert.equal(edited.body.display_at, update.display_at);
    assert.equal(edited.body.created_at, update.created_at);
    assert.equal(edited.body.status, 'identified');
    assert.equal(edited.body.body, 'The cause is found.');
    assert.equal(edited.body.deliver_notifications, false);
    assert.equal(edited.body.updated_at, h.clock.now().toISOString());
    const stale = await h.request('PATCH', path, { body: { body: 'Overwritten.' }, headers: { 'if-match': `"${update.version}"` } });
    assert.equal(stale.status, 412);
    const now = (await h.request('GET', `/api/admin/incidents/${incident.id}`)).body;
    assert.deepEqual(now.updates.map((u: any) => u.id), withUpdate.updates.map((u: any) => u.id));
    assert.equal(now.updates[0].body, 'The cause is found.');
    assert.equal(now.status, 'identified');
    const status = await h.request('PATCH', path, { body: { status: 'resolved' } });
    assert.equal(status.status, 400, 'an update\'s status cannot be edited');
    assert.equal((await h.request('PATCH', path, { token: h.tokens.comms_lead, body: { body: 'x' } })).status, 403);
  });

  it('audit log has before/after for each change', async () => {
    const incident = await open({ name: 'Audited' });
    h.clock.advance(minute);
    await post(incident.id, { status: 'identified', body: 'Found it.' });
    await h.request('PATCH', `/api/admin/incidents/${incident.id}`, { body: { name: 'Audited incident' } });
    const updateId = (await h.request('GET', `/api/admin/incidents/${incident.id}`)).body.updates[0].id;
    await h.request('PATCH', `/api/admin/incidents/${incident.id}/updates/${updateId}`, { body: { body: 'Found the cause.' } });

    const entries = (await h.request('GET', `/api/admin/audit?entity_id=${incident.id}`)).body.entries;
    assert.deepEqual(entries.map((e: any) => e.action), ['incident.edit', 'incident.add_update', 'incident.open']);
    const [edit, added, opened] = entries;
    assert.equal(opened.before, null);
    assert.equal(opened.after.name, 'Audited');
    assert.equal(opened.after.updates.length, 1);
    assert.equal(added.before.status, 'investigating');
    assert.equal(added.after.status, 'identified');
    assert.equal(added.after.added_update.body, 'Found it.');
    assert.equal(edit.before.name, 'Audited');
    assert.equal(edit.after.name, 'Audited incident');
    assert.equal(edit.actor_name, 'token owner token');

    const updateEntries = (await h.request('GET', `/api/admin/audit?entity_id=${updateId}`)).body.entries;
    assert.deepEqual(updateEntries.map((e: any) => e.action), ['incident.edit_update']);
    assert.equal(updateEntries[0].before.body, 'Found it.');
    assert.equal(updateEntries[0].after.body, 'Found the cause.');
    assert.equal(updateEntries[0].after.incident_id, incident.id);
  });

  it('an unknown incident or update answers 404 problem+json', async () => {
    const known = await open({ name: 'Known' });
    const requests: Array<[string, string, unknown]> = [
      ['GET', '/api/admin/incidents/doesnotexist', undefined],
      ['PATCH', '/api/admin/incidents/doesnotexist', { name: 'x' }],
      ['POST', '/api/admin/incidents/doesnotexist/updates', { status: 'identified', body: 'x' }],
      ['POST', '/api/admin/incidents/doesnotexist/resolve', undefined],
      ['PATCH', `/api/admin/incidents/${known.id}/updates/doesnotexist`, { body: 'x' }],
    ];
    for (const [method, path, body] of requests) {
      const res = await h.request(method, path, { body });
      assert.equal(res.status, 404, `${method} ${path}: ${JSON.stringify(res.body)}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.match(res.body.type, /incident(-update)?-not-found/);
    }
    const missingComponent = await h.request('POST', '/api/admin/incidents', { body: { name: 'x', impact: 'minor', body: 'x', component_ids: ['zzzzzzzzzzzz'] } });
    assert.equal(missingComponent.status, 404);
    assert.match(missingComponent.body.type, /component-not-found/);
  });

  it('an oversized name or body is refused with 400 and a pointer', async () => {
    const incidentsBefore = await count('incidents');
    const res = await h.request('POST', '/api/admin/incidents', { body: { name: 'n'.repeat(201), impact: 'minor', body: 'b'.repeat(20_001) } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e: any) => e.pointer).sort(), ['/body', '/name']);
    assert.equal(await count('incidents'), incidentsBefore);
    const incident = await open({ name: 'n'.repeat(200), body: 'b'.repeat(20_000) });
    const update = await post(incident.id, { status: 'identified', body: 'b'.repeat(20_001) });
    assert.equal(update.status, 400);
    assert.deepEqual(update.body.errors.map((e: any) => e.pointer), ['/body']);
  });

  it('answers a retried open or update with the same Idempotency-Key once', async () => {
    const headers = { 'idempotency-key': 'open-incident-1' };
    const body = { name: 'Retried', impact: 'minor', body: 'x' };
    const first = await h.request('POST', '/api/admin/incidents', { body, headers });
    const again = await h.request('POST', '/api/admin/incidents', { body, headers });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const list = await h.request('GET', '/api/admin/incidents?limit=100');
    assert.equal(list.body.incidents.filter((i: any) => i.name === 'Retried').length, 1);
    const updateHeaders = { 'idempotency-key': 'update-1' };
    await h.request('POST', `/api/admin/incidents/${first.body.id}/updates`, { body: { status: 'identified', body: 'y' }, headers: updateHeaders });
    const replay = await h.request('POST', `/api/admin/incidents/${first.body.id}/updates`, { body: { status: 'identified', body: 'y' }, headers: updateHeaders });
    assert.equal(replay.status, 201);
    assert.equal((await h.request('GET', `/api/admin/incidents/${first.body.id}`)).body.updates.length, 2);
  });
});
