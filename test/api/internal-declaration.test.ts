import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { newId } from '../../src/domain/ids.ts';
import type { PageMemory } from '../../src/services/status-page/build-snapshot.ts';
import { publishPendingPages } from '../../src/services/status-page/publish-pending.ts';
import { sendDueReminders } from '../../src/services/clocks/send-reminders.ts';
import { renderSite } from '../../src/status-page/site.ts';
import { targetsResolver } from '../../src/surfaces/worker/publisher.ts';

const minute = 60_000;

function everyFile(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((entry) => {
    const full = path.join(root, entry);
    return statSync(full).isDirectory() ? everyFile(full) : [full];
  });
}

// The crisis cell declares an incident, fills the fact sheet and writes the first message; nothing
// is public until that message (or a first update) goes out.
describe('an incident declared internally until its first public message', () => {
  let h: Harness;
  let siteDir: string;
  /** A long-lived publisher's memory: every build after the first reads only what the journal names. */
  const memory = new Map<string, PageMemory>();

  before(async () => {
    h = await createHarness();
    siteDir = mkdtempSync(path.join(tmpdir(), 'tocsin-internal-'));
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris' } });
    assert.equal(page.status, 201, JSON.stringify(page.body));
    const staff = await h.request('POST', '/api/admin/pages', { body: { slug: 'staff', name: 'Acme staff status', language: 'fr', time_zone: 'Europe/Paris', visibility: 'private' } });
    assert.equal(staff.status, 201, JSON.stringify(staff.body));
    const id = newId();
    await h.db.db
      .insertInto('subscribers')
      .values({ workspace_id: h.workspaceId, id, page_id: page.body.id, channel: 'email', address: 'sam@example.test', language: 'en', state: 'active', all_components: true, manage_token: `token-${id}`, source: 'admin' })
      .execute();
    await published();
  });
  after(async () => {
    await h?.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  /** Publishes what is pending and returns every published byte of the public and the private page. */
  async function published(): Promise<string> {
    const outcomes = await publishPendingPages({ db: h.db, now: h.clock.now, fallbackUrl: 'http://localhost:3001', render: renderSite, targetsFor: targetsResolver(h.db, siteDir), memory });
    assert.ok(outcomes.every((outcome) => outcome.ok), JSON.stringify(outcomes.map((o) => o.targets)));
    const files = [...everyFile(path.join(siteDir, 'acme', 'status')), ...everyFile(path.join(siteDir, 'acme', 'staff'))];
    assert.ok(files.length > 10, `only ${files.length} files published`);
    return files.map((file) => readFileSync(file, 'utf8')).join('\n');
  }
  async function component() {
    const res = await h.request('POST', '/api/admin/components', { body: { name: `Card payments ${newId()}` } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  const componentStatus = async (id: string) => (await h.request('GET', `/api/admin/components/${id}`)).body.status;
  /** Declared by the incident lead with no body: the unique name is what the pages are scanned for. */
  async function declare(input: Record<string, unknown> = {}) {
    const name = `Card payments failing ${newId()}`;
    const res = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name, impact: 'major', ...input } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const subscriberDeliveries = async () => (await h.db.db.selectFrom('deliveries').select('id').where('workspace_id', '=', h.workspaceId).where('subscriber_id', 'is not', null).execute()).length;
  const clocks = async (id: string) => (await h.request('GET', `/api/admin/incidents/${id}/clocks`, { token: h.tokens.viewer })).body.clocks;

  it('declared without a body: internal, no update, components untouched, on no page public or private, nobody told', async () => {
    const componentId = await component();
    const deliveriesBefore = await subscriberDeliveries();
    const incident = await declare({ component_ids: [componentId], status: 'identified' });
    assert.equal(incident.visibility, 'internal');
    assert.equal(incident.public_at, null);
    assert.equal(incident.status, 'identified');
    assert.deepEqual(incident.updates, []);
    assert.deepEqual(incident.component_ids, [componentId], 'the affected components are recorded');
    assert.equal(await componentStatus(componentId), 'operational', 'a component status is public: it waits for the first public update');
    assert.equal(incident.next_update_at, null);

    const internal = (await h.request('GET', '/api/admin/incidents?visibility=internal')).body.incidents.map((i: any) => i.id);
    const isPublic = (await h.request('GET', '/api/admin/incidents?visibility=public')).body.incidents.map((i: any) => i.id);
    assert.ok(internal.includes(incident.id) && !isPublic.includes(incident.id));
    const audit = await h.db.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', incident.id).execute();
    assert.deepEqual(audit.map((a) => [a.action, (a.after as any).visibility]), [['incident.open', 'internal']]);

    const bytes = await published();
    assert.ok(!bytes.includes(incident.name) && !bytes.includes(incident.id), 'no trace of it on any page, feed, badge or JSON');
    assert.equal(await subscriberDeliveries(), deliveriesBefore, 'no subscriber is told');
  });

  it('its first approved message makes it public: on the pages, components in the status the impact implies, subscribers told', async () => {
    h.clock.advance(minute);
    const componentId = await component();
    const incident = await declare({ component_ids: [componentId] });
    const at = h.clock.now();
    await h.db.db
      .insertInto('fact_entries')
      .values({ workspace_id: h.workspaceId, id: newId(), incident_id: incident.id, kind: 'known', text: 'Card payments are declined for some of our customers.', noted_at: at, language: 'en', author_type: 'system', author_name: 'test', created_at: at, updated_at: at })
      .execute();
    const draft = await h.request('POST', `/api/admin/incidents/${incident.id}/messages`, { token: h.tokens.comms_lead, body: { stage: 'first', audiences: ['customers'], languages: ['en'], channels: ['status_page', 'email'] } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal((await h.request('POST', `/api/admin/messages/${draft.body.id}/approvals`, { token: h.tokens.reviewer, body: {} })).status, 201);
    assert.ok(!(await published()).includes(incident.name), 'an approved message is not yet public');

    h.clock.advance(5 * minute);
    const deliveriesBefore = await subscriberDeliveries();
    const sent = await h.request('POST', `/api/admin/messages/${draft.body.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const now = (await h.request('GET', `/api/admin/incidents/${incident.id}`)).body;
    assert.equal(now.visibility, 'public');
    assert.equal(now.public_at, h.clock.now().toISOString());
    assert.deepEqual(now.updates.map((u: any) => u.message_id), [draft.body.id]);
    assert.equal(await componentStatus(componentId), 'partial_outage', 'major impact: partial outage, as at an opening');
    assert.deepEqual(sent.body.incident_update.affected_components.map((c: any) => [c.code, c.new_status]), [[componentId, 'partial_outage']]);
    assert.ok((await subscriberDeliveries()) > deliveriesBefore, 'the subscribers are told');

    const bytes = await published();
    assert.ok(bytes.includes(incident.name), 'the page shows it');
    assert.ok(bytes.includes('Card payments are declined for some of our customers.'));
    assert.ok(readFileSync(path.join(siteDir, 'acme', 'status', 'incidents', `${incident.id}.html`), 'utf8').includes(incident.name), 'its permalink');
  });

  it('a first update through the API makes it public too; the statuses it sets win over the implied ones', async () => {
    h.clock.advance(minute);
    const [named, implied] = [await component(), await component()];
    const incident = await declare({ impact: 'critical', component_ids: [named, implied] });
    assert.ok(!(await published()).includes(incident.name));
    const deliveriesBefore = await subscriberDeliveries();
    h.clock.advance(minute);
    const res = await h.request('POST', `/api/admin/incidents/${incident.id}/updates`, {
      token: h.tokens.incident_lead,
      body: { status: 'investigating', body: 'Card payments fail for all customers. Next update at 16:00.', components: [{ component_id: named, status: 'degraded_performance' }] },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.visibility, 'public');
    assert.equal(res.body.public_at, h.clock.now().toISOString());
    assert.equal(await componentStatus(named), 'degraded_performance');
    assert.equal(await componentStatus(implied), 'major_outage');
    assert.ok((await subscriberDeliveries()) > deliveriesBefore);
    assert.ok((await published()).includes(incident.name), 'the journal names it: a remembering build reads it again');

    h.clock.advance(minute);
    const second = await h.request('POST', `/api/admin/incidents/${incident.id}/updates`, { token: h.tokens.incident_lead, body: { status: 'identified', body: 'A certificate expired.' } });
    assert.equal(second.body.public_at, res.body.public_at, 'public once, at its first public update');
  });

  it('resolving an internal incident closes it inside the cell: no update, still on no page, nobody told, no first message owed', async () => {
    h.clock.advance(minute);
    const componentId = await component();
    const incident = await declare({ component_ids: [componentId] });
    const deliveriesBefore = await subscriberDeliveries();
    const withText = await h.request('POST', `/api/admin/incidents/${incident.id}/resolve`, { token: h.tokens.incident_lead, body: { body: 'False alarm.', components: [{ component_id: componentId, status: 'operational' }] } });
    assert.equal(withText.status, 400);
    assert.deepEqual(withText.body.errors.map((e: any) => e.pointer), ['/body', '/components']);

    const res = await h.request('POST', `/api/admin/incidents/${incident.id}/resolve`, { token: h.tokens.incident_lead });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.update, null);
    assert.equal(res.body.status, 'resolved');
    assert.equal(res.body.resolved_at, h.clock.now().toISOString());
    assert.equal(res.body.visibility, 'internal');
    assert.deepEqual((await h.request('GET', `/api/admin/incidents/${incident.id}`)).body.updates, []);
    assert.equal(await componentStatus(componentId), 'operational');
    assert.deepEqual(await clocks(incident.id), [], 'a false alarm closed inside the cell owed no message');
    assert.equal((await h.request('POST', `/api/admin/incidents/${incident.id}/resolve`, { token: h.tokens.incident_lead })).status, 409);

    assert.ok(!(await published()).includes(incident.name));
    assert.equal(await subscriberDeliveries(), deliveriesBefore);
  });

  it('without a body, a promise, page texts, a component status or a later status are refused with their pointers, nothing written', async () => {
    const before = (await h.db.db.selectFrom('incidents').select('id').execute()).length;
    const res = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Not yet said', impact: 'minor', status: 'monitoring', next_update_at: new Date(h.clock.now().getTime() + 30 * minute).toISOString(), bodies: { en: 'Hello' }, component_status: 'major_outage' },
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(res.body.errors.map((e: any) => e.pointer).sort(), ['/bodies', '/component_status', '/next_update_at', '/status']);
    assert.equal((await h.db.db.selectFrom('incidents').select('id').execute()).length, before);
    assert.equal((await h.request('POST', '/api/admin/incidents', { token: h.tokens.support, body: { name: 'Not mine', impact: 'minor' } })).status, 403);
  });

  it('the first-message clock runs from detection until the incident is public: overdue while internal, the cell reminded, late once public', async () => {
    h.clock.set('2026-03-11T09:00:00Z');
    const incident = await declare({ detected_at: '2026-03-11T08:50:00Z' });
    assert.deepEqual((await clocks(incident.id)).map((c: any) => [c.id, c.due_at, c.status]), [['first_message', '2026-03-11T09:50:00.000Z', 'running']]);
    h.clock.set('2026-03-11T10:00:00Z');
    assert.equal((await clocks(incident.id))[0].status, 'overdue');
    await sendDueReminders({ db: h.db, now: h.clock.now() });
    const alerts = await h.db.db.selectFrom('clock_alerts').select(['clock', 'step']).where('incident_id', '=', incident.id).orderBy('step').execute();
    assert.deepEqual(alerts.map((a) => `${a.clock} ${a.step}`), ['first_message due'], 'the backup and the incident lead are told the first message is due');

    h.clock.set('2026-03-11T10:05:00Z');
    await h.request('POST', `/api/admin/incidents/${incident.id}/updates`, { token: h.tokens.incident_lead, body: { status: 'investigating', body: 'Card payments fail. Next update at 11:00.' } });
    const first = (await clocks(incident.id))[0];
    assert.deepEqual([first.status, first.met_at], ['late', '2026-03-11T10:05:00.000Z']);

    const onTime = await declare({ detected_at: '2026-03-11T10:00:00Z' });
    h.clock.set('2026-03-11T10:30:00Z');
    await h.request('POST', `/api/admin/incidents/${onTime.id}/updates`, { token: h.tokens.incident_lead, body: { status: 'investigating', body: 'Card payments fail. Next update at 11:00.' } });
    assert.equal((await clocks(onTime.id))[0].status, 'met');
  });

  it('a message to subscribers cannot be the first public word without the status-page variant: refused, nothing sent', async () => {
    const incident = await declare({ component_ids: [await component()] });
    const at = h.clock.now();
    await h.db.db
      .insertInto('fact_entries')
      .values({ workspace_id: h.workspaceId, id: newId(), incident_id: incident.id, kind: 'known', text: 'Card payments are declined for some of our customers.', noted_at: at, language: 'en', author_type: 'system', author_name: 'test', created_at: at, updated_at: at })
      .execute();
    const draft = await h.request('POST', `/api/admin/incidents/${incident.id}/messages`, { token: h.tokens.comms_lead, body: { stage: 'first', audiences: ['customers'], languages: ['en'], channels: ['email'] } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const approved = await h.request('POST', `/api/admin/messages/${draft.body.id}/approvals`, { token: h.tokens.reviewer, body: {} });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const deliveriesBefore = await subscriberDeliveries();
    const sent = await h.request('POST', `/api/admin/messages/${draft.body.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(sent.status, 409);
    assert.equal(sent.body.type, 'https://tocsin.dev/problems/first-public-message-without-page');
    assert.equal((await h.request('GET', `/api/admin/incidents/${incident.id}`)).body.visibility, 'internal');
    assert.equal(await subscriberDeliveries(), deliveriesBefore);
  });
});
