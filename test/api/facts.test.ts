import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { recordPromise, recordSaid, settleNextUpdatePromises } from '../../src/services/facts/ledger.ts';
import { loadLintFacts } from '../../src/services/facts/lint-facts.ts';

const minute = 60_000;

describe('the fact sheet through the admin API', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  async function open(body: Record<string, unknown> = {}) {
    const res = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'SMS down', impact: 'major', body: 'We are investigating.', ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  const facts = (incidentId: string) => `/api/admin/incidents/${incidentId}/facts`;
  async function sheet(incidentId: string, token = h.tokens.viewer) {
    const res = await h.request('GET', facts(incidentId), { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res;
  }
  async function add(incidentId: string, body: Record<string, unknown>, token = h.tokens.comms_lead) {
    const res = await h.request('POST', `${facts(incidentId)}/entries`, { token, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const entry = (incidentId: string, entryId: string) => `${facts(incidentId)}/entries/${entryId}`;
  async function entryCount() {
    const row = await h.db.db.selectFrom('fact_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const iso = (offsetMs: number) => new Date(h.clock.now().getTime() + offsetMs).toISOString();

  it('a new incident has an empty sheet at version 0 that every role can read', async () => {
    const id = await open();
    for (const role of ['viewer', 'support', 'reviewer', 'incident_lead', 'comms_lead', 'owner'] as const) {
      const res = await sheet(id, h.tokens[role]);
      assert.equal(res.headers.get('etag'), '"0"', role);
    }
    const { body } = await sheet(id);
    assert.equal(body.incident_id, id);
    assert.equal(body.incident.name, 'SMS down');
    assert.equal(body.version, 0);
    assert.equal(body.personal_data_breach, false);
    assert.deepEqual(body.audiences, []);
    assert.equal(body.referent, null);
    for (const list of ['known', 'unconfirmed', 'said', 'promised', 'rumors', 'key_messages', 'withdrawn']) assert.deepEqual(body[list], [], list);
    assert.deepEqual(body.promises_summary, { pending: 0, kept: 0, broken: 0, dropped: 0, postponed: 0 });
    assert.deepEqual(body.figures, {});
  });

  it('a known fact keeps its source, its time and its figures as numbers, and moves the sheet version on', async () => {
    const id = await open();
    const res = await h.request('POST', `${facts(id)}/entries`, {
      token: h.tokens.comms_lead,
      body: { kind: 'known', text: 'SMS down for all customers since 15:10', source: 'network ops', noted_at: iso(-5 * minute), figures: { affected_people: 120_000, regions: ['Île-de-France'] } },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.headers.get('etag'), '"1"');
    assert.equal(res.body.sheet_version, 1);
    const { body, headers } = await sheet(id);
    assert.equal(headers.get('etag'), '"1"');
    const [fact] = body.known;
    assert.equal(fact.text, 'SMS down for all customers since 15:10');
    assert.equal(fact.source, 'network ops');
    assert.equal(fact.noted_at, iso(-5 * minute));
    assert.deepEqual(fact.figures, { affected_people: 120_000, regions: ['Île-de-France'] });
    assert.equal(typeof fact.figures.affected_people, 'number');
    assert.equal(fact.author.name, 'token comms_lead token');
    assert.equal(fact.confirmed, null);
    assert.deepEqual(body.figures, { affected_people: 120_000, regions: ['Île-de-France'] });
    await add(id, { kind: 'known', text: 'Now 150 000 customers', source: 'support', figures: { affected_people: 150_000 } });
    assert.deepEqual((await sheet(id)).body.figures, { affected_people: 150_000, regions: ['Île-de-France'] }, 'the newest confirmed value of each figure wins');
  });

  it('a viewer or a support agent can read the sheet but not change it', async () => {
    const id = await open();
    const fact = await add(id, { kind: 'known', text: 'Logins fail', source: 'monitoring' });
    for (const role of ['viewer', 'support', 'reviewer'] as const) {
      const token = h.tokens[role];
      assert.equal((await h.request('POST', `${facts(id)}/entries`, { token, body: { kind: 'known', text: 'x', source: 'y' } })).status, 403, role);
      assert.equal((await h.request('PATCH', entry(id, fact.id), { token, body: { text: 'changed' } })).status, 403, role);
      assert.equal((await h.request('POST', `${entry(id, fact.id)}/withdraw`, { token, body: { reason: 'no' } })).status, 403, role);
      assert.equal((await h.request('PATCH', facts(id), { token, body: { personal_data_breach: true } })).status, 403, role);
      assert.equal((await h.request('GET', `${entry(id, fact.id)}/history`, { token })).status, 200, role);
    }
    const { body } = await sheet(id, h.tokens.support);
    assert.equal(body.known[0].text, 'Logins fail');
    assert.equal(body.personal_data_breach, false);
    assert.equal(body.version, 1);
  });

  it('two people editing the same entry: the second gets 412 and loses nothing once reapplied', async () => {
    const id = await open();
    const fact = await add(id, { kind: 'known', text: 'Payments fail for some customers', source: 'support' });
    const etag = `"${fact.version}"`;
    const alice = await h.request('PATCH', entry(id, fact.id), { token: h.tokens.comms_lead, body: { text: 'Card payments fail for all customers' }, headers: { 'if-match': etag } });
    assert.equal(alice.status, 200, JSON.stringify(alice.body));
    assert.equal(alice.headers.get('etag'), '"2"');
    const bob = await h.request('PATCH', entry(id, fact.id), { token: h.tokens.incident_lead, body: { source: 'payments team, 15:40' }, headers: { 'if-match': etag } });
    assert.equal(bob.status, 412);
    assert.equal(bob.body.type, 'https://tocsin.dev/problems/stale-version');
    assert.match(bob.body.detail, /version 1.*version 2/);
    let current = (await sheet(id)).body.known[0];
    assert.equal(current.text, 'Card payments fail for all customers', 'the first edit stands');
    assert.equal(current.source, 'support');
    const retry = await h.request('PATCH', entry(id, fact.id), { token: h.tokens.incident_lead, body: { source: 'payments team, 15:40' }, headers: { 'if-match': `"${current.version}"` } });
    assert.equal(retry.status, 200);
    current = (await sheet(id)).body.known[0];
    assert.equal(current.text, 'Card payments fail for all customers');
    assert.equal(current.source, 'payments team, 15:40');
  });

  it('the sheet version follows its entries: an edit of the flags with an older version is refused', async () => {
    const id = await open();
    const before = await sheet(id);
    const etag = before.headers.get('etag')!;
    await add(id, { kind: 'unconfirmed', text: 'A faulty router update may be the cause', source: 'network ops' });
    const stale = await h.request('PATCH', facts(id), { token: h.tokens.comms_lead, body: { personal_data_breach: true }, headers: { 'if-match': etag } });
    assert.equal(stale.status, 412);
    assert.equal((await sheet(id)).body.personal_data_breach, false);
    const fresh = await sheet(id);
    const res = await h.request('PATCH', facts(id), { token: h.tokens.comms_lead, body: { personal_data_breach: true, audiences: ['customers', 'authorities'] }, headers: { 'if-match': fresh.headers.get('etag')! } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.personal_data_breach, true);
    assert.deepEqual(res.body.audiences, ['customers', 'authorities']);
    assert.equal(res.body.version, fresh.body.version + 1);
    assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
    assert.equal(res.body.unconfirmed.length, 1, 'the sheet answered is the whole sheet');
  });

  it('the first two edits of a sheet never seen changed: the second with the same version gets 412', async () => {
    const id = await open();
    const first = await h.request('PATCH', facts(id), { token: h.tokens.comms_lead, body: { personal_data_breach: true }, headers: { 'if-match': '"0"' } });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 1);
    const second = await h.request('PATCH', facts(id), { token: h.tokens.owner, body: { audiences: ['press'] }, headers: { 'if-match': '"0"' } });
    assert.equal(second.status, 412);
  });

  it('an unknown audience on the sheet is refused with a pointer at it', async () => {
    const id = await open();
    const res = await h.request('PATCH', facts(id), { token: h.tokens.comms_lead, body: { audiences: ['customers', 'martians'] } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e: any) => e.pointer), ['/audiences/1']);
    assert.match(res.body.errors[0].detail, /martians/);
    const empty = await h.request('PATCH', facts(id), { token: h.tokens.comms_lead, body: {} });
    assert.equal(empty.status, 400);
  });

  it('a promise past its due time reads as broken, visible in the summary; kept needs nothing, dropped needs a reason', async () => {
    const id = await open();
    const report = await add(id, { kind: 'promised', promise_kind: 'follow_up_report', text: 'A written report within 2 hours', due_at: iso(120 * minute) });
    const gesture = await add(id, { kind: 'promised', promise_kind: 'compensation', text: 'One month free for affected customers', due_at: iso(240 * minute) });
    await add(id, { kind: 'promised', promise_kind: 'other', text: 'A call with each key account' });
    let body = (await sheet(id)).body;
    assert.deepEqual(body.promises_summary, { pending: 3, kept: 0, broken: 0, dropped: 0, postponed: 0 });
    assert.equal(body.promised[0].state, 'pending');
    assert.equal(body.promised[0].overdue, false);

    h.clock.advance(121 * minute);
    body = (await sheet(id)).body;
    const late = body.promised.find((p: any) => p.id === report.id);
    assert.equal(late.state, 'broken');
    assert.equal(late.overdue, true);
    assert.deepEqual(body.promises_summary, { pending: 2, kept: 0, broken: 1, dropped: 0, postponed: 0 });
    assert.equal(body.as_of, h.clock.now().toISOString());

    const kept = await h.request('PATCH', entry(id, report.id), { token: h.tokens.comms_lead, body: { state: 'kept' } });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    assert.equal(kept.body.state, 'kept');
    assert.equal(kept.body.overdue, false);
    const noReason = await h.request('PATCH', entry(id, gesture.id), { token: h.tokens.comms_lead, body: { state: 'dropped' } });
    assert.equal(noReason.status, 400);
    assert.deepEqual(noReason.body.errors.map((e: any) => e.pointer), ['/state_reason']);
    const assigned = await h.request('PATCH', entry(id, gesture.id), { token: h.tokens.comms_lead, body: { state: 'broken' } });
    assert.equal(assigned.status, 400, 'broken is derived from the clock, never assigned');
    const dropped = await h.request('PATCH', entry(id, gesture.id), { token: h.tokens.comms_lead, body: { state: 'dropped', state_reason: 'Replaced by a refund decided by the board' } });
    assert.equal(dropped.status, 200);
    assert.equal(dropped.body.state_reason, 'Replaced by a refund decided by the board');
    assert.deepEqual((await sheet(id)).body.promises_summary, { pending: 1, kept: 1, broken: 0, dropped: 1, postponed: 0 });
  });

  it('an entry of another incident, an unknown entry and an unknown incident are all 404', async () => {
    const mine = await open();
    const other = await open({ name: 'Other incident' });
    const foreign = await add(other, { kind: 'known', text: 'Elsewhere', source: 'ops' });
    const requests: Array<[string, string, unknown]> = [
      ['PATCH', entry(mine, foreign.id), { text: 'hijack' }],
      ['POST', `${entry(mine, foreign.id)}/withdraw`, { reason: 'hijack' }],
      ['POST', `${entry(mine, foreign.id)}/confirm`, {}],
      ['GET', `${entry(mine, foreign.id)}/history`, undefined],
      ['PATCH', entry(mine, 'nosuchentry0'), { text: 'x' }],
      ['GET', facts('nosuchincide'), undefined],
      ['POST', `${facts('nosuchincide')}/entries`, { kind: 'known', text: 'x', source: 'y' }],
      ['PATCH', facts('nosuchincide'), { personal_data_breach: true }],
    ];
    for (const [method, path, body] of requests) {
      const res = await h.request(method, path, { token: h.tokens.owner, body });
      assert.equal(res.status, 404, `${method} ${path}`);
    }
    assert.equal((await sheet(other)).body.known[0].text, 'Elsewhere');
  });

  it('a hypothesis is confirmed into a known fact, keeping its id; its history lists who changed what', async () => {
    const id = await open();
    const hypothesis = await add(id, { kind: 'unconfirmed', text: 'A faulty router update may be the cause', source: 'network ops' });
    h.clock.advance(10 * minute);
    const edited = await h.request('PATCH', entry(id, hypothesis.id), { token: h.tokens.incident_lead, body: { text: 'The 15:05 router update is the likely cause' } });
    assert.equal(edited.status, 200);
    const withFigures = await h.request('PATCH', entry(id, hypothesis.id), { token: h.tokens.incident_lead, body: { figures: { affected_people: 3 } } });
    assert.equal(withFigures.status, 400, 'a hypothesis carries no figures');
    assert.equal(withFigures.body.errors[0].pointer, '/figures');
    h.clock.advance(10 * minute);
    const confirmed = await h.request('POST', `${entry(id, hypothesis.id)}/confirm`, { token: h.tokens.owner, body: { source: 'vendor confirmation' }, headers: { 'if-match': '"2"' } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.kind, 'known');
    assert.equal(confirmed.body.id, hypothesis.id);
    assert.equal(confirmed.body.noted_at, h.clock.now().toISOString());
    assert.equal(confirmed.body.confirmed.by.name, 'token owner token');
    const again = await h.request('POST', `${entry(id, hypothesis.id)}/confirm`, { token: h.tokens.owner });
    assert.equal(again.status, 409);

    const body = (await sheet(id)).body;
    assert.deepEqual(body.unconfirmed, []);
    assert.equal(body.known[0].id, hypothesis.id);
    assert.equal(body.known[0].source, 'vendor confirmation');
    assert.equal(body.known[0].confirmed.at, h.clock.now().toISOString());

    const counted = await h.request('PATCH', entry(id, hypothesis.id), { token: h.tokens.comms_lead, body: { figures: { affected_people: 4_200 } } });
    assert.equal(counted.status, 200, 'a known fact carries figures');
    assert.equal(counted.body.confirmed.by.name, 'token owner token', 'an edit keeps who confirmed it');

    const history = await h.request('GET', `${entry(id, hypothesis.id)}/history`, { token: h.tokens.support });
    assert.equal(history.status, 200);
    assert.deepEqual(
      history.body.changes.map((c: any) => [c.action, c.actor.name]),
      [
        ['fact_entry.add', 'token comms_lead token'],
        ['fact_entry.edit', 'token incident_lead token'],
        ['fact_entry.confirm', 'token owner token'],
        ['fact_entry.edit', 'token comms_lead token'],
      ],
    );
    const [, edit, confirm, count] = history.body.changes;
    assert.deepEqual(count.after.figures, { affected_people: 4_200 });
    assert.equal(edit.before.text, 'A faulty router update may be the cause');
    assert.equal(edit.after.text, 'The 15:05 router update is the likely cause');
    assert.equal(confirm.before.kind, 'unconfirmed');
    assert.equal(confirm.after.kind, 'known');
    assert.equal(confirm.after.source, 'vendor confirmation');
  });

  it('a withdrawn entry stays on the sheet, listed apart with who, when and why; it is no longer a fact', async () => {
    const id = await open();
    const wrong = await add(id, { kind: 'known', text: 'All regions affected', source: 'hotline' });
    const noReason = await h.request('POST', `${entry(id, wrong.id)}/withdraw`, { token: h.tokens.comms_lead, body: {} });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].pointer, '/reason');
    const blank = await h.request('POST', `${entry(id, wrong.id)}/withdraw`, { token: h.tokens.comms_lead, body: { reason: '   ' } });
    assert.equal(blank.status, 400);
    h.clock.advance(minute);
    const res = await h.request('POST', `${entry(id, wrong.id)}/withdraw`, { token: h.tokens.comms_lead, body: { reason: 'Only the north region is affected' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const body = (await sheet(id)).body;
    assert.deepEqual(body.known, []);
    assert.equal(body.withdrawn.length, 1);
    const [withdrawn] = body.withdrawn;
    assert.equal(withdrawn.kind, 'known');
    assert.equal(withdrawn.text, 'All regions affected');
    assert.deepEqual(withdrawn.withdrawn, { at: h.clock.now().toISOString(), reason: 'Only the north region is affected', by: { type: 'token', id: withdrawn.withdrawn.by.id, name: 'token comms_lead token' } });
    assert.equal((await h.request('PATCH', entry(id, wrong.id), { token: h.tokens.comms_lead, body: { text: 'x' } })).status, 409);
    assert.equal((await h.request('POST', `${entry(id, wrong.id)}/withdraw`, { token: h.tokens.comms_lead, body: { reason: 'again' } })).status, 409);
    const lintFacts = await loadLintFacts(h.db.db, { workspaceId: h.workspaceId }, id);
    assert.deepEqual(lintFacts?.figures, { affectedPeople: undefined, records: undefined, regions: undefined });
  });

  it('what was said cannot be added by hand, and the refusal says why', async () => {
    const id = await open();
    const before = await entryCount();
    const res = await h.request('POST', `${facts(id)}/entries`, { token: h.tokens.owner, body: { kind: 'said', text: 'We said this', audience: 'customers' } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(res.body.errors[0].pointer, '/kind');
    assert.match(res.body.errors[0].detail, /recorded when a message is published/);
    assert.equal(await entryCount(), before);
  });

  it('rumors keep where they were seen and the correction published; refuting one needs the correction', async () => {
    const id = await open();
    const rumor = await add(id, { kind: 'rumor', text: 'Customer data was stolen', source: 'X, @someone, 15:55' });
    assert.equal(rumor.state, 'open');
    assert.equal(rumor.correction, null);
    const bare = await h.request('PATCH', entry(id, rumor.id), { token: h.tokens.comms_lead, body: { state: 'refuted' } });
    assert.equal(bare.status, 400);
    assert.equal(bare.body.errors[0].pointer, '/correction');
    const refuted = await h.request('PATCH', entry(id, rumor.id), { token: h.tokens.comms_lead, body: { state: 'refuted', correction: 'No data was accessed: this is an availability incident.' } });
    assert.equal(refuted.status, 200);
    const key = await add(id, { kind: 'key_message', text: 'Un incident logiciel isolé, nos équipes sont mobilisées', language: 'fr' });
    assert.equal(key.language, 'fr');
    const body = (await sheet(id)).body;
    assert.equal(body.rumors[0].state, 'refuted');
    assert.equal(body.rumors[0].correction, 'No data was accessed: this is an availability incident.');
    assert.equal(body.key_messages[0].language, 'fr');
  });

  it('bad input is refused clearly, with a pointer at each field, and nothing is stored', async () => {
    const id = await open();
    const before = await entryCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'known', text: '', source: 'ops' }, '/text'],
      [{ kind: 'known', text: '   ', source: 'ops' }, '/text'],
      [{ kind: 'known', text: 'x'.repeat(20_001), source: 'ops' }, '/text'],
      [{ kind: 'known', text: 'SMS down', source: 'ops', figures: { affected_people: -3 } }, '/figures/affected_people'],
      [{ kind: 'known', text: 'SMS down', source: 'ops', figures: { records: 1.5 } }, '/figures/records'],
      [{ kind: 'known', text: 'SMS down' }, '/source'],
      [{ kind: 'unconfirmed', text: 'Maybe 3 000 people', source: 'ops', figures: { affected_people: 3000 } }, '/figures'],
      [{ kind: 'rumor', text: 'Data stolen', source: 'forum', due_at: iso(60 * minute) }, '/due_at'],
      [{ kind: 'promised', text: 'Next update at 16:00', promise_kind: 'next_update', due_at: iso(60 * minute) }, '/promise_kind'],
      [{ kind: 'key_message', text: 'Isolated incident' }, '/language'],
      [{ kind: 'gossip', text: 'x' }, '/kind'],
      [{ text: 'no kind' }, '/kind'],
      [{ kind: 'known', text: 'From the future', source: 'ops', noted_at: iso(60 * minute) }, '/noted_at'],
      [{ kind: 'known', text: 'Bad time', source: 'ops', noted_at: 'yesterday' }, '/noted_at'],
    ];
    for (const [body, pointer] of cases) {
      const res = await h.request('POST', `${facts(id)}/entries`, { token: h.tokens.comms_lead, body });
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 100));
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.ok(res.body.errors.some((e: any) => e.pointer === pointer), `${JSON.stringify(body).slice(0, 100)} → ${JSON.stringify(res.body.errors)}`);
    }
    const huge = await h.request('POST', `${facts(id)}/entries`, { token: h.tokens.comms_lead, body: { kind: 'known', text: 'x'.repeat(1_100_000), source: 'ops' } });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.type, 'https://tocsin.dev/problems/body-too-large');
    assert.equal(await entryCount(), before, 'nothing was stored');
  });

  it('the referent and backup are shown with their name and e-mail', async () => {
    const members = (await h.request('GET', '/api/admin/members')).body.members as Array<{ id: string; email: string; name: string }>;
    const lead = members.find((m) => m.email === 'comms_lead@acme.test')!;
    const backup = members.find((m) => m.email === 'incident_lead@acme.test')!;
    const id = await open({ referent_id: lead.id, backup_referent_id: backup.id });
    const { body } = await sheet(id);
    assert.deepEqual(body.referent, { id: lead.id, name: 'comms_lead person', email: 'comms_lead@acme.test' });
    assert.deepEqual(body.backup_referent, { id: backup.id, name: 'incident_lead person', email: 'incident_lead@acme.test' });
  });

  it('every change is audited as a fact entry or sheet change, and none of it republishes the status page', async () => {
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Status', language: 'en', time_zone: 'Europe/Paris' } });
    assert.equal(page.status, 201, JSON.stringify(page.body));
    const pageChanges = async () => Number((await h.db.db.selectFrom('public_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const beforeOpening = await pageChanges();
    const id = await open();
    const published = await pageChanges();
    assert.ok(published > beforeOpening, 'opening an incident does go to the status page');
    const fact = await add(id, { kind: 'known', text: 'Logins fail', source: 'ops' });
    await h.request('PATCH', entry(id, fact.id), { token: h.tokens.comms_lead, body: { text: 'Logins fail on mobile' } });
    await h.request('PATCH', facts(id), { token: h.tokens.comms_lead, body: { personal_data_breach: true } });
    assert.equal(await pageChanges(), published);
    const rows = await h.db.db.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id']).where('entity_id', 'in', [id, fact.id]).where('entity_type', 'in', ['fact_entry', 'fact_sheet']).orderBy('id').execute();
    assert.deepEqual(rows, [
      { action: 'fact_entry.add', entity_type: 'fact_entry', entity_id: fact.id },
      { action: 'fact_entry.edit', entity_type: 'fact_entry', entity_id: fact.id },
      { action: 'fact_sheet.edit', entity_type: 'fact_sheet', entity_id: id },
    ]);
  });

  it('an entry POST retried with the same Idempotency-Key is stored once', async () => {
    const id = await open();
    const headers = { 'idempotency-key': 'fact-retry-1' };
    const body = { kind: 'known', text: 'DNS resolution fails', source: 'ops' };
    const first = await h.request('POST', `${facts(id)}/entries`, { token: h.tokens.comms_lead, body, headers });
    const second = await h.request('POST', `${facts(id)}/entries`, { token: h.tokens.comms_lead, body, headers });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.body.id, first.body.id);
    assert.equal((await sheet(id)).body.known.length, 1);
  });

  it('what publishing records (said, next-update promises and their settling) shows on the sheet, kept or broken by time', async () => {
    const id = await open();
    const ctx = h.systemCtx();
    const start = h.clock.now();
    const at = (minutes: number) => new Date(start.getTime() + minutes * minute);
    await h.db.transaction(async (tx) => {
      await recordSaid(tx, ctx, { incidentId: id, messageId: 'msg000000001', variantId: 'var000000001', audience: 'customers', channel: 'status_page', language: 'en', text: 'SMS are not delivered. Next update at 16:00.', at: start });
      await recordPromise(tx, ctx, { incidentId: id, kind: 'next_update', text: 'Next update at 16:00', dueAt: at(30), messageId: 'msg000000001', at: start });
    });
    let body = (await sheet(id)).body;
    assert.equal(body.version, 2);
    assert.equal(body.said.length, 1);
    assert.deepEqual(
      { text: body.said[0].text, audience: body.said[0].audience, channel: body.said[0].channel, language: body.said[0].language, message_id: body.said[0].message_id },
      { text: 'SMS are not delivered. Next update at 16:00.', audience: 'customers', channel: 'status_page', language: 'en', message_id: 'msg000000001' },
    );
    assert.equal(body.promised[0].promise_kind, 'next_update');
    assert.deepEqual(body.promises_summary, { pending: 1, kept: 0, broken: 0, dropped: 0, postponed: 0 });

    h.clock.set(at(25));
    await h.db.transaction(async (tx) => {
      assert.deepEqual(await settleNextUpdatePromises(tx, ctx, id, at(25)), { kept: 1, broken: 0 });
      await recordPromise(tx, ctx, { incidentId: id, kind: 'next_update', text: 'Next update at 16:30', dueAt: at(55), messageId: 'msg000000002', at: at(25) });
    });
    h.clock.set(at(70));
    body = (await sheet(id)).body;
    assert.deepEqual(body.promises_summary, { pending: 0, kept: 1, broken: 1, dropped: 0, postponed: 0 }, 'the second promise is past due: broken before anyone publishes');
    assert.equal(body.promised[1].overdue, true);
    await h.db.transaction(async (tx) => {
      assert.deepEqual(await settleNextUpdatePromises(tx, ctx, id, at(70)), { kept: 0, broken: 1 });
    });
    body = (await sheet(id)).body;
    assert.deepEqual(body.promised.map((p: any) => [p.state, p.overdue]), [['kept', false], ['broken', false]]);
    assert.match(body.promised[1].state_reason, /late/);
    assert.deepEqual(body.promises_summary, { pending: 0, kept: 1, broken: 1, dropped: 0, postponed: 0 });

    const said = body.said[0];
    assert.equal((await h.request('PATCH', entry(id, said.id), { token: h.tokens.owner, body: { text: 'rewritten' } })).status, 409);
    assert.equal((await h.request('POST', `${entry(id, said.id)}/withdraw`, { token: h.tokens.owner, body: { reason: 'oops' } })).status, 409);
    const nextUpdate = body.promised[1];
    const rewrite = await h.request('PATCH', entry(id, nextUpdate.id), { token: h.tokens.owner, body: { due_at: at(90).toISOString() } });
    assert.equal(rewrite.status, 400, 'a published next-update time is not rewritten by hand');
    assert.equal((await sheet(id)).body.said[0].text, 'SMS are not delivered. Next update at 16:00.');
  });
});
