import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { createHarness, type Harness } from '../helpers/harness.ts';

const hour = 3_600_000;
const day = 24 * hour;

describe('compensation: a gesture defined, announced, tracked as a promise until delivered', () => {
  let h: Harness;
  let components: Record<'mail' | 'web' | 'dns', string>;
  let pageId: string;
  let otherPageId: string;
  before(async () => {
    h = await createHarness();
    const made = {} as Record<'mail' | 'web' | 'dns', string>;
    for (const key of ['mail', 'web', 'dns'] as const) {
      const res = await h.request('POST', '/api/admin/components', { body: { name: `Compensation ${key}` } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      made[key] = res.body.id;
    }
    components = made;
    const pages = [];
    for (const slug of ['status', 'status-pro']) {
      const res = await h.request('POST', '/api/admin/pages', { body: { slug, name: `Status ${slug}`, language: 'fr', time_zone: 'Europe/Paris' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      pages.push(res.body.id as string);
    }
    [pageId, otherPageId] = pages as [string, string];
  });
  after(async () => h?.close());

  const base = (incidentId: string) => `/api/admin/incidents/${incidentId}/compensation`;

  async function incident() {
    const res = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Mail and web down', impact: 'major', body: 'We are investigating.', component_ids: [components.mail, components.web] },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function subscribe(page: string, channel: 'email' | 'sms' | 'webhook', address: string, options: { components?: string[]; segments?: string[] } = {}) {
    const res = await h.request('POST', `/api/admin/pages/${page}/subscribers`, {
      token: h.tokens.comms_lead,
      body: { channel, address, component_ids: options.components ?? [], segments: options.segments ?? [] },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function define(incidentId: string, body: Record<string, unknown>, token = h.tokens.comms_lead) {
    const res = await h.request('POST', base(incidentId), { token, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function announceAndPublish(incidentId: string, gestureId: string) {
    const announced = await h.request('POST', `${base(incidentId)}/${gestureId}/announce`, { token: h.tokens.comms_lead });
    assert.equal(announced.status, 200, JSON.stringify(announced.body));
    const messageId = announced.body.message_id as string;
    const approved = await h.request('POST', `/api/admin/messages/${messageId}/approvals`, { token: h.tokens.reviewer, body: {} });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const published = await h.request('POST', `/api/admin/messages/${messageId}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    return { messageId, announced: announced.body };
  }
  async function promiseOf(incidentId: string, entryId: string) {
    const sheet = await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer });
    assert.equal(sheet.status, 200);
    return sheet.body.promised.find((entry: any) => entry.id === entryId);
  }

  it('reaches confirmed people of the affected components in the segments, subscribed in time, once per address, and exports them as CSV', async () => {
    h.clock.set('2026-03-10T14:00:00Z');
    await subscribe(pageId, 'email', 'alice@example.com', { components: [components.mail], segments: ['Pro'] });
    await subscribe(otherPageId, 'email', 'alice@example.com', { segments: ['pro'] });
    await subscribe(pageId, 'sms', '+33612345678', { segments: ['pro', 'enterprise'] });
    await subscribe(pageId, 'email', 'carol@example.com', { components: [components.dns], segments: ['pro'] });
    await subscribe(pageId, 'email', 'dave@example.com', { components: [components.mail], segments: ['home'] });
    await subscribe(pageId, 'webhook', 'https://hooks.example.com/tocsin', { segments: ['pro'] });
    const erin = await subscribe(pageId, 'email', 'erin@example.com', { components: [components.web], segments: ['pro'] });
    // The segments read back, lower-cased, on the subscriber and in the page's list.
    const sms = (await h.request('GET', `/api/admin/pages/${pageId}/subscribers?channel=sms`, { token: h.tokens.comms_lead })).body.subscribers;
    assert.deepEqual(sms.map((s: { segments: string[] }) => s.segments), [['enterprise', 'pro']]);
    const alice = (await h.request('GET', `/api/admin/pages/${pageId}/subscribers?search=alice`, { token: h.tokens.comms_lead })).body.subscribers[0];
    assert.deepEqual((await h.request('GET', `/api/admin/subscribers/${alice.id}`, { token: h.tokens.comms_lead })).body.segments, ['pro']);
    const unsubscribed = await h.request('PATCH', `/api/admin/subscribers/${erin.id}`, { token: h.tokens.comms_lead, body: { state: 'unsubscribed' } });
    assert.equal(unsubscribed.status, 200);
    const id = await incident();
    h.clock.set('2026-03-10T18:00:00Z');
    await subscribe(pageId, 'email', 'gina@example.com', { components: [components.mail], segments: ['pro'] });

    const gesture = await define(id, {
      kind: 'credit', amount: 20, segments: ['pro'], covered_to: '2026-03-10T17:00:00Z',
      description: { fr: 'déduit de votre prochaine facture', en: 'taken off your next invoice' }, due_at: '2026-03-31T10:00:00Z',
    });
    assert.equal(gesture.state, 'draft');
    assert.deepEqual([...gesture.component_ids].sort(), [components.mail, components.web].sort(), 'the incident\'s affected components by default');
    assert.equal(gesture.currency, 'EUR');
    assert.deepEqual(gesture.offer, { fr: 'un avoir de 20 €', en: 'a credit of €20' });

    const count = await h.request('GET', `${base(id)}/${gesture.id}/eligible/count`, { token: h.tokens.comms_lead });
    assert.deepEqual(count.body, { total: 2, email: 1, sms: 1 });
    const live = await h.request('GET', `${base(id)}/eligible/count?segments=pro,home&component_ids=${components.mail}`, { token: h.tokens.comms_lead });
    assert.equal(live.status, 200, JSON.stringify(live.body));
    assert.deepEqual(live.body, { total: 4, email: 3, sms: 1 }, 'alice, dave, gina (now) and the SMS subscriber');

    const csv = await h.app.request(`${base(id)}/${gesture.id}/eligible.csv`, { headers: { authorization: `Bearer ${h.tokens.comms_lead}` } });
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('x-eligible-count'), '2');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const rows = parse(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((row) => [row.email, row.phone, row.segments]), [['alice@example.com', '', 'pro'], ['', '+33612345678', 'enterprise;pro']]);
    assert.ok(rows.every((row) => row.gesture_id === gesture.id));

    const segments = await h.request('GET', '/api/admin/compensation/segments', { token: h.tokens.comms_lead });
    assert.deepEqual(segments.body.segments.find((s: any) => s.segment === 'pro'), { segment: 'pro', subscribers: 6 }, 'erin unsubscribed is not counted');
  });

  it('announced through the message path, its publication records a compensation promise, kept when delivered on time', async () => {
    h.clock.set('2026-03-11T09:00:00Z');
    const id = await incident();
    const gesture = await define(id, { kind: 'free_period', period_count: 1, period_unit: 'month', due_at: '2026-03-20T12:00:00Z' });
    const { messageId, announced } = await announceAndPublish(id, gesture.id);
    assert.equal(announced.state, 'announcing');
    const message = await h.request('GET', `/api/admin/messages/${messageId}`, { token: h.tokens.comms_lead });
    assert.equal(message.body.stage, 'compensation');
    const page = message.body.variants.find((v: any) => v.channel === 'status_page' && v.language === 'fr');
    assert.match(page.body, /1 mois offert, appliqué d’ici le 20 mars\./);
    const mail = message.body.variants.find((v: any) => v.channel === 'email' && v.language === 'en');
    assert.match(mail.body, /one month free, applied by 20 March\./);
    assert.ok(message.body.variants.every((v: any) => !/\[(to fill|à compléter)/.test(v.body)), 'the offer fills the template\'s slot');

    const current = await h.request('GET', `${base(id)}/${gesture.id}`, { token: h.tokens.viewer });
    assert.equal(current.body.state, 'announced');
    assert.equal(current.body.promise.state, 'pending');
    assert.equal(current.body.promise.due_at, '2026-03-20T12:00:00.000Z');
    const promise = await promiseOf(id, current.body.promise.id);
    assert.equal(promise.promise_kind, 'compensation');
    assert.equal(promise.message_id, messageId);
    assert.equal(promise.text, 'Compensation announced: one month free', 'in the workspace\'s language');

    const frozen = await h.request('PATCH', `${base(id)}/${gesture.id}`, { token: h.tokens.comms_lead, body: { period_count: 2 } });
    assert.equal(frozen.status, 409);

    h.clock.set('2026-03-15T10:00:00Z');
    const delivering = await h.request('POST', `${base(id)}/${gesture.id}/delivering`, { token: h.tokens.comms_lead, headers: { 'if-match': `"${current.body.version}"` } });
    assert.equal(delivering.status, 200, JSON.stringify(delivering.body));
    assert.equal(delivering.body.state, 'delivering');
    const stale = await h.request('POST', `${base(id)}/${gesture.id}/delivered`, { token: h.tokens.comms_lead, headers: { 'if-match': `"${current.body.version}"` } });
    assert.equal(stale.status, 412);
    const delivered = await h.request('POST', `${base(id)}/${gesture.id}/delivered`, { token: h.tokens.comms_lead });
    assert.equal(delivered.status, 200);
    assert.equal(delivered.body.state, 'delivered');
    assert.equal(delivered.body.promise.state, 'kept');
    assert.equal((await promiseOf(id, delivered.body.promise.id)).state, 'kept');
    const again = await h.request('POST', `${base(id)}/${gesture.id}/delivered`, { token: h.tokens.comms_lead });
    assert.equal(again.status, 409);
  });

  it('delivered after the time announced, the promise is broken, with the reason', async () => {
    h.clock.set('2026-03-12T09:00:00Z');
    const id = await incident();
    const gesture = await define(id, { kind: 'refund', amount: 12.5, currency: 'EUR', due_at: '2026-03-13T09:00:00Z' });
    await announceAndPublish(id, gesture.id);
    h.clock.set('2026-03-14T09:00:00Z');
    const listed = await h.request('GET', base(id), { token: h.tokens.viewer });
    assert.equal(listed.body.gestures[0].promise.overdue, true, 'a pending promise past due reads as overdue');
    const delivered = await h.request('POST', `${base(id)}/${gesture.id}/delivered`, { token: h.tokens.comms_lead });
    assert.equal(delivered.body.promise.state, 'broken');
    assert.equal(delivered.body.promise.state_reason, 'late: delivered at 10 am on 14 March', 'in the workspace\'s language and time zone');
  });

  it('a cancelled gesture is not announced; once public, cancelling needs a reason and drops the promise', async () => {
    h.clock.set('2026-03-16T09:00:00Z');
    const id = await incident();
    const draft = await define(id, { kind: 'credit', amount: 5, due_at: '2026-03-30T09:00:00Z' });
    const announced = await h.request('POST', `${base(id)}/${draft.id}/announce`, { token: h.tokens.comms_lead });
    const cancelled = await h.request('POST', `${base(id)}/${draft.id}/cancel`, { token: h.tokens.comms_lead, body: {} });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    await h.request('POST', `/api/admin/messages/${announced.body.message_id}/approvals`, { token: h.tokens.reviewer, body: {} });
    const refused = await h.request('POST', `/api/admin/messages/${announced.body.message_id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(refused.status, 409);
    assert.match(refused.body.type, /compensation-not-announceable/);

    const gesture = await define(id, { kind: 'credit', amount: 5, due_at: '2026-03-30T09:00:00Z' });
    await announceAndPublish(id, gesture.id);
    const noReason = await h.request('POST', `${base(id)}/${gesture.id}/cancel`, { token: h.tokens.comms_lead, body: {} });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].pointer, '/reason');
    const dropped = await h.request('POST', `${base(id)}/${gesture.id}/cancel`, { token: h.tokens.comms_lead, body: { reason: 'replaced by a personal offer to each customer' } });
    assert.equal(dropped.status, 200);
    assert.equal(dropped.body.promise.state, 'dropped');
    assert.match(dropped.body.promise.state_reason, /personal offer/);
  });

  it('bad input is refused with a pointer at each field, and nothing is written', async () => {
    const id = await incident();
    const res = await h.request('POST', base(id), {
      token: h.tokens.comms_lead,
      body: { kind: 'credit', covered_from: '2026-03-10T12:00:00Z', covered_to: '2026-03-10T10:00:00Z', component_ids: ['nosuchcompo1'] },
    });
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    const unknown = res.body.errors.map((e: any) => e.pointer);
    assert.deepEqual(unknown, ['/component_ids/0']);
    const terms = await h.request('POST', base(id), { token: h.tokens.comms_lead, body: { kind: 'credit', covered_from: '2026-03-10T12:00:00Z', covered_to: '2026-03-10T10:00:00Z', amount: 10.001, due_at: 'tomorrow' } });
    assert.equal(terms.status, 400);
    assert.deepEqual(terms.body.errors.map((e: any) => e.pointer).sort(), ['/amount', '/due_at']);
    const period = await h.request('POST', base(id), { token: h.tokens.comms_lead, body: { kind: 'free_period', period_count: 3, covered_from: '2026-03-10T12:00:00Z', covered_to: '2026-03-10T10:00:00Z' } });
    assert.deepEqual(period.body.errors.map((e: any) => e.pointer).sort(), ['/covered_to', '/period_unit']);
    const noDue = await define(id, { kind: 'credit', amount: 10 });
    const announce = await h.request('POST', `${base(id)}/${noDue.id}/announce`, { token: h.tokens.comms_lead });
    assert.equal(announce.status, 400);
    assert.equal(announce.body.errors[0].pointer, '/due_at');
    const listed = await h.request('GET', base(id), { token: h.tokens.viewer });
    assert.deepEqual(listed.body.gestures.map((g: any) => g.id), [noDue.id]);
    assert.equal(listed.body.gestures[0].message_id, null);
  });

  it('only those who run the incident define gestures; the customer list also needs subscriber management', async () => {
    const id = await incident();
    for (const role of ['viewer', 'support', 'reviewer'] as const) {
      const res = await h.request('POST', base(id), { token: h.tokens[role], body: { kind: 'credit', amount: 10 } });
      assert.equal(res.status, 403, role);
    }
    const gesture = await define(id, { kind: 'credit', amount: 10 }, h.tokens.incident_lead);
    const csv = await h.request('GET', `${base(id)}/${gesture.id}/eligible.csv`, { token: h.tokens.incident_lead });
    assert.equal(csv.status, 403);
    const other = await h.request('GET', `/api/admin/incidents/nosuchincid1/compensation/${gesture.id}`, { token: h.tokens.viewer });
    assert.equal(other.status, 404);
  });

  it('segments come in through the CSV import and the subscriber API', async () => {
    const csv = 'email,segments\nimported@example.com,Pro;Public Sector\nbad@example.com,é!\n';
    const res = await h.request('POST', `/api/admin/pages/${pageId}/subscribers/import`, { token: h.tokens.comms_lead, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.imported, 1);
    assert.deepEqual(res.body.errors.map((e: any) => e.row), [3]);
    const segments = await h.request('GET', '/api/admin/compensation/segments', { token: h.tokens.comms_lead });
    assert.ok(segments.body.segments.some((s: any) => s.segment === 'public-sector' && s.subscribers === 1));
    const added = await subscribe(pageId, 'email', 'segmented@example.com', { segments: ['home'] });
    assert.deepEqual(added.segments, ['home']);
    const edited = await h.request('PATCH', `/api/admin/subscribers/${added.id}`, { token: h.tokens.comms_lead, body: { segments: ['pro', 'Pro'] } });
    assert.deepEqual(edited.body.segments, ['pro']);
    const invalid = await h.request('PATCH', `/api/admin/subscribers/${added.id}`, { token: h.tokens.comms_lead, body: { segments: ['no good!'] } });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.errors[0].pointer, '/segments/0');
  });
});
