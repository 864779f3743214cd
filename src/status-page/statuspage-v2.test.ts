import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ComponentStatus } from '../domain/component/status.ts';
import type { Impact, IncidentStatus } from '../domain/incident/lifecycle.ts';
import type { MaintenanceStatus } from '../domain/maintenance/lifecycle.ts';
import { sampleSnapshot } from '../../test/fixtures/snapshot.ts';
import type { PublicComponent, PublicGroup, PublicIncident, PublicMaintenance, PublicSnapshot } from './snapshot.ts';
import { pageStatus, renderStatuspageApi, type ApiComponent, type ApiIncident, type ApiMaintenance } from './statuspage-v2.ts';

type Json = Record<string, any>;

const fixture = (name: string): Json => JSON.parse(readFileSync(new URL(`../../test/fixtures/statuspage/${name}`, import.meta.url), 'utf8'));
const schemaFolder = new URL('./schemas/', import.meta.url);
const schemas = readdirSync(schemaFolder).map((name) => JSON.parse(readFileSync(new URL(name, schemaFolder), 'utf8')) as Json);

function validator(tighten: (defs: Json) => void = () => {}) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  for (const schema of schemas) {
    const copy = structuredClone(schema);
    if (copy.$id === 'defs.schema.json') tighten(copy.$defs);
    ajv.addSchema(copy);
  }
  for (const schema of schemas) ajv.getSchema(schema.$id);
  return (schemaId: string, value: unknown): { ok: boolean; errors: string } => {
    const validate = ajv.getSchema(schemaId);
    assert.ok(validate, `schema ${schemaId}`);
    const ok = validate(value) === true;
    return { ok, errors: `${schemaId}: ${JSON.stringify(validate.errors?.slice(0, 3), null, 1)}` };
  };
}

function assertValidates(check: ReturnType<typeof validator>, schemaId: string, value: unknown) {
  const { ok, errors } = check(schemaId, value);
  assert.ok(ok, errors);
}

/** As documented: the keys old captures lack (start_date, reminder_intervals) are required of Tocsin. */
const fixtureSchemas = validator();
const tocsinSchemas = validator((defs) => {
  defs.component.required.push('start_date');
  defs.event.required.push('reminder_intervals');
});

const schemaOf: Record<string, string> = {
  'api/v2/summary.json': 'summary.schema.json',
  'api/v2/status.json': 'status.schema.json',
  'api/v2/components.json': 'components.schema.json',
  'api/v2/incidents.json': 'incidents.schema.json',
  'api/v2/incidents/unresolved.json': 'incidents-unresolved.schema.json',
  'api/v2/scheduled-maintenances.json': 'scheduled-maintenances.schema.json',
  'api/v2/scheduled-maintenances/upcoming.json': 'scheduled-maintenances-upcoming.schema.json',
  'api/v2/scheduled-maintenances/active.json': 'scheduled-maintenances-active.schema.json',
};

function render(snapshot: PublicSnapshot): Record<string, Json> {
  const files = renderStatuspageApi(snapshot);
  return Object.fromEntries(files.map((file) => [file.path, JSON.parse(String(file.body))]));
}

function assertValid(snapshot: PublicSnapshot): Record<string, Json> {
  const api = render(snapshot);
  assert.deepEqual(Object.keys(api).sort(), Object.keys(schemaOf).sort());
  for (const [path, body] of Object.entries(api)) assertValidates(tocsinSchemas, schemaOf[path]!, body);
  return api;
}

const time = (value: string) => Date.parse(value);
const day = 86_400_000;

function component(id: string, position: number, groupId: string | null, status: ComponentStatus = 'operational'): PublicComponent {
  const created = new Date('2025-01-01T00:00:00Z');
  return { id, name: `Component ${id}`, description: null, position, status, groupId, showcase: true, onlyShowIfDegraded: false, startDate: null, createdAt: created, updatedAt: created };
}

function incident(id: string, createdAt: Date, status: IncidentStatus = 'resolved', impact: Impact = 'minor', body = 'Something happened.'): PublicIncident {
  return {
    id, name: `Incident ${id}`, status, impact, createdAt, updatedAt: createdAt, startedAt: createdAt, monitoringAt: null,
    resolvedAt: status === 'resolved' || status === 'postmortem' ? createdAt : null, componentIds: [], nextUpdateAt: null,
    updates: [{ id: `${id}u`, status, body, createdAt, updatedAt: createdAt, displayAt: createdAt, affectedComponents: null, deliverNotifications: true }],
  };
}

function maintenance(id: string, scheduledFor: Date, status: MaintenanceStatus): PublicMaintenance {
  const scheduledUntil = new Date(scheduledFor.getTime() + 3_600_000);
  const createdAt = new Date(scheduledFor.getTime() - 7 * day);
  return {
    id, name: `Maintenance ${id}`, status, scheduledFor, scheduledUntil, startedAt: null, completedAt: status === 'completed' ? scheduledUntil : null,
    createdAt, updatedAt: createdAt, componentIds: [], updates: [{ id: `${id}u`, status, body: 'Planned work.', createdAt, displayAt: createdAt }],
  };
}

describe('the Statuspage v2 JSON Schemas', () => {
  it('accept the real pages captured from GitHub, Twilio and CloudAMQP', () => {
    for (const name of ['github-summary.json', 'twilio-summary.json', 'cloudamqp-summary.json']) {
      const summary = fixture(name);
      assertValidates(fixtureSchemas, 'summary.schema.json', summary);
      assertValidates(fixtureSchemas, 'status.schema.json', { page: summary.page, status: summary.status });
      assertValidates(fixtureSchemas, 'components.schema.json', { page: summary.page, components: summary.components });
      assertValidates(fixtureSchemas, 'incidents-unresolved.schema.json', { page: summary.page, incidents: summary.incidents });
    }
    assertValidates(fixtureSchemas, 'incidents.schema.json', fixture('github-incidents.json'));
    const twilio = fixture('twilio-summary.json');
    assertValidates(fixtureSchemas, 'scheduled-maintenances-upcoming.schema.json', { page: twilio.page, scheduled_maintenances: twilio.scheduled_maintenances });
    const cloudamqp = fixture('cloudamqp-summary.json');
    assertValidates(fixtureSchemas, 'scheduled-maintenances-active.schema.json', { page: cloudamqp.page, scheduled_maintenances: cloudamqp.scheduled_maintenances });
  });

  it('reject what breaks strict clients: an offset without a colon, an extra key, an empty update list, a null update list', () => {
    const github = fixture('github-incidents.json');
    const mutate = (change: (copy: Json) => void) => {
      const copy = structuredClone(github);
      change(copy);
      return copy;
    };
    const rejects = (value: Json) => assert.equal(fixtureSchemas('incidents.schema.json', value).ok, false);
    rejects(mutate((copy) => (copy.incidents[0].created_at = '2024-09-16T14:31:02.719-0700')));
    rejects(mutate((copy) => (copy.incidents[0].created_at = '2024-09-16T21:31:02Z')));
    rejects(mutate((copy) => (copy.incidents[0].internal_notes = 'x')));
    rejects(mutate((copy) => (copy.incidents[0].incident_updates = [])));
    rejects(mutate((copy) => (copy.incidents[0].incident_updates = null)));
    rejects(mutate((copy) => delete copy.incidents[0].incident_updates[0].tweet_id));
    rejects(mutate((copy) => (copy.page.url = 'https://www.githubstatus.com/')));
    rejects(mutate((copy) => (copy.incidents[0].status = 'scheduled')));
  });
});

describe('renderStatuspageApi', () => {
  it('writes exactly the eight Statuspage endpoints, as compact UTF-8 JSON', () => {
    const files = renderStatuspageApi(sampleSnapshot());
    assert.deepEqual(files.map((file) => file.path), Object.keys(schemaOf));
    for (const file of files) {
      assert.equal(file.contentType, 'application/json; charset=utf-8');
      assert.equal(file.body, JSON.stringify(JSON.parse(String(file.body))), `${file.path} is compact`);
    }
  });

  it('validates for the sample page in English and French, across the change to summer time', () => {
    for (const language of ['en', 'fr'] as const) assertValid(sampleSnapshot({ language, now: new Date('2026-03-29T12:00:00Z') }));
  });

  it('uses the key order of the captured pages, with null for every empty key', () => {
    const api = render(sampleSnapshot());
    const github = fixture('github-incidents.json');
    const githubIncident = github.incidents[0];
    const twilio = fixture('twilio-summary.json');
    const keys = (value: Json) => Object.keys(value);
    assert.deepEqual(keys(api['api/v2/summary.json']!), keys(fixture('github-summary.json')));
    assert.deepEqual(keys(api['api/v2/incidents.json']!), keys(github));
    assert.deepEqual(keys(api['api/v2/status.json']!), ['page', 'status']);
    assert.deepEqual(keys(api['api/v2/status.json']!.page), keys(github.page));
    const summary = api['api/v2/summary.json']!;
    const leaf = summary.components.find((c: ApiComponent) => !c.group);
    const group = summary.components.find((c: ApiComponent) => c.group);
    assert.deepEqual(keys(leaf), keys(githubIncident.components[0]));
    assert.deepEqual(keys(group), [...keys(githubIncident.components[0]), 'components']);
    const incident: ApiIncident = summary.incidents[0];
    assert.deepEqual(keys(incident), keys(githubIncident));
    assert.deepEqual(keys(incident.incident_updates[0]!), keys(githubIncident.incident_updates[0]));
    assert.deepEqual(keys(incident.incident_updates[1]!.affected_components![0]!), keys(githubIncident.incident_updates[0].affected_components[0]));
    const maintenance: ApiMaintenance = summary.scheduled_maintenances[0];
    const twilioMaintenance = twilio.scheduled_maintenances[0];
    assert.deepEqual(keys(maintenance), [...keys(githubIncident), 'scheduled_for', 'scheduled_until']);
    assert.deepEqual(keys(maintenance).filter((key) => key !== 'reminder_intervals'), keys(twilioMaintenance));
    assert.equal(incident.monitoring_at, null);
    assert.equal(incident.incident_updates[0]!.affected_components, null);
    assert.equal(incident.incident_updates[0]!.custom_tweet, null);
    assert.equal(incident.reminder_intervals, null);
    assert.equal(leaf.description, null);
    assert.equal(leaf.start_date, null);
  });

  it('writes every time with milliseconds and the Paris offset of its own instant: +01:00 before 29 March 2026, +02:00 after', () => {
    const api = render(sampleSnapshot({ now: new Date('2026-03-29T12:00:00Z') }));
    const summary = api['api/v2/summary.json']!;
    assert.equal(summary.page.updated_at, '2026-03-29T13:50:00.000+02:00');
    assert.equal(summary.incidents[0].created_at, '2026-03-29T13:10:00.000+02:00');
    const running = summary.scheduled_maintenances.find((m: ApiMaintenance) => m.id === 'mntnow000001');
    assert.equal(running.created_at, '2026-03-24T13:00:00.000+01:00');
    const past = api['api/v2/incidents.json']!.incidents.find((i: ApiIncident) => i.id === 'incpast00001');
    assert.equal(past.created_at, '2026-03-17T13:00:00.000+01:00');
    const text = JSON.stringify(api);
    assert.doesNotMatch(text, /T\d\d:\d\d:\d\d(\.\d{3})?[+-]\d{4}"/, 'no offset without a colon');
    assert.doesNotMatch(text, /T\d\d:\d\d:\d\d\.\d{3}Z"/, 'a Paris page writes no Z');
  });

  it('writes Z on a UTC page', () => {
    for (const timeZone of ['Etc/UTC', 'UTC']) {
      const api = assertValid(sampleSnapshot({ timeZone }));
      const summary = api['api/v2/summary.json']!;
      assert.equal(summary.page.time_zone, timeZone);
      assert.equal(summary.page.updated_at, '2026-03-29T11:50:00.000Z');
      assert.doesNotMatch(JSON.stringify(api), /[+-]\d\d:\d\d"/);
    }
  });

  it('lists components by position in one flat list, each group before its children, no group_id dangling', () => {
    const snapshot = sampleSnapshot();
    const components: ApiComponent[] = render(snapshot)['api/v2/components.json']!.components;
    assert.deepEqual(components.map((c) => c.id), ['grpcompute01', 'cmpvm0000001', 'cmpk8s000001', 'grpstorage01', 'cmpobj000001', 'cmpdb0000001', 'cmpapi000001']);
    assertTree(components);
    const storage = components.find((c) => c.id === 'grpstorage01')!;
    assert.equal(storage.status, 'partial_outage', 'a group shows its worst component');
  });

  it('shows a component whose group is not on the page as ungrouped, and ignores group members that are elsewhere', () => {
    const snapshot = sampleSnapshot();
    snapshot.components = [...snapshot.components, component('cmporphan001', 9, 'grpgone00001')];
    snapshot.groups = snapshot.groups.map((g) => (g.id === 'grpcompute01' ? { ...g, componentIds: [...g.componentIds, 'cmpapi000001', 'cmpnothere01'] } : g));
    const components: ApiComponent[] = assertValid(snapshot)['api/v2/components.json']!.components;
    assertTree(components);
    assert.equal(components.find((c) => c.id === 'cmporphan001')!.group_id, null);
    assert.deepEqual(components.find((c) => c.id === 'grpcompute01')!.components, ['cmpvm0000001', 'cmpk8s000001']);
  });

  it('orders incidents and their updates newest first, and upcoming and running maintenances by start in the summary', () => {
    const api = render(sampleSnapshot());
    const newestFirst = (values: string[]) => assert.deepEqual([...values].sort((a, b) => time(b) - time(a)), values);
    const incidents: ApiIncident[] = api['api/v2/incidents.json']!.incidents;
    assert.deepEqual(incidents.map((i) => i.id), ['incopen00001', 'incpast00001', 'incpast00002']);
    newestFirst(incidents.map((i) => i.created_at));
    for (const i of incidents) newestFirst(i.incident_updates.map((u) => u.display_at));
    assert.deepEqual(incidents.find((i) => i.id === 'incpast00002')!.incident_updates.map((u) => u.status), ['postmortem', 'resolved', 'investigating']);
    const summary = api['api/v2/summary.json']!;
    assert.deepEqual(summary.scheduled_maintenances.map((m: ApiMaintenance) => m.id), ['mntnow000001', 'mntnext00001']);
    assert.deepEqual(api['api/v2/scheduled-maintenances/upcoming.json']!.scheduled_maintenances.map((m: ApiMaintenance) => m.id), ['mntnext00001']);
    assert.deepEqual(api['api/v2/scheduled-maintenances/active.json']!.scheduled_maintenances.map((m: ApiMaintenance) => m.id), ['mntnow000001']);
    assert.deepEqual(api['api/v2/scheduled-maintenances.json']!.scheduled_maintenances.map((m: ApiMaintenance) => m.id), ['mntnext00001', 'mntnow000001', 'mntdone00001']);
    assert.deepEqual(api['api/v2/incidents/unresolved.json']!.incidents.map((i: ApiIncident) => i.id), ['incopen00001']);
  });

  it('gives clients the incident link, the affected components in full and the maintenance window', () => {
    const api = render(sampleSnapshot());
    const open: ApiIncident = api['api/v2/summary.json']!.incidents[0];
    assert.equal(open.shortlink, 'https://status.altostrat.example/incidents/incopen00001');
    assert.deepEqual(open.components.map((c) => [c.id, c.status, c.group_id]), [['cmpobj000001', 'partial_outage', 'grpstorage01']]);
    assert.deepEqual(open.components[0], api['api/v2/components.json']!.components.find((c: ApiComponent) => c.id === 'cmpobj000001'));
    const done: ApiMaintenance = api['api/v2/scheduled-maintenances.json']!.scheduled_maintenances.find((m: ApiMaintenance) => m.id === 'mntdone00001');
    assert.equal(done.impact, 'maintenance');
    assert.equal(done.resolved_at, done.scheduled_until);
    assert.equal(time(done.scheduled_until) - time(done.scheduled_for), 2 * 3_600_000);
  });

  it('is the same bytes for the same snapshot, whatever the order of its lists', () => {
    const snapshot = sampleSnapshot();
    const first = renderStatuspageApi(snapshot);
    assert.deepEqual(renderStatuspageApi(structuredClone(snapshot)), first);
    const shuffled: PublicSnapshot = {
      ...structuredClone(snapshot),
      components: [...snapshot.components].reverse(),
      incidents: [...snapshot.incidents].reverse().map((i) => ({ ...i, updates: [...i.updates].reverse() })),
      maintenances: [...snapshot.maintenances].reverse(),
    };
    assert.deepEqual(renderStatuspageApi(shuffled), first);
  });

  it('handles a page without components', () => {
    const api = assertValid(sampleSnapshot({}, { components: [], groups: [], history: [] }));
    assert.deepEqual(api['api/v2/components.json']!.components, []);
    assert.deepEqual(api['api/v2/summary.json']!.incidents[0].components, []);
  });

  it('handles 500 components in 25 groups', () => {
    const groups: PublicGroup[] = [];
    const components: PublicComponent[] = [];
    for (let g = 0; g < 25; g += 1) {
      const id = `grp${String(g).padStart(9, '0')}`;
      const members = Array.from({ length: 20 }, (_, c) => component(`cmp${String(g * 20 + c).padStart(9, '0')}`, g * 20 + c + 1, id));
      components.push(...members);
      groups.push({ id, name: `Group ${g}`, description: null, position: g + 1, componentIds: members.map((m) => m.id), createdAt: new Date(0), updatedAt: new Date(0) });
    }
    const list: ApiComponent[] = assertValid(sampleSnapshot({}, { components, groups }))['api/v2/components.json']!.components;
    assert.equal(list.length, 525);
    assertTree(list);
  });

  it('lists only the 50 most recent of 10,000 incidents, and every unresolved one', () => {
    const now = new Date('2026-03-29T12:00:00Z');
    const incidents = Array.from({ length: 10_000 }, (_, n) => incident(`inc${String(n).padStart(9, '0')}`, new Date(now.getTime() - n * 3_600_000), n % 1000 === 0 ? 'investigating' : 'resolved'));
    const api = assertValid(sampleSnapshot({ now }, { incidents }));
    const recent: ApiIncident[] = api['api/v2/incidents.json']!.incidents;
    assert.equal(recent.length, 50);
    assert.equal(recent[0]!.id, 'inc000000000');
    assert.equal(recent[49]!.id, 'inc000000049');
    assert.equal(api['api/v2/incidents/unresolved.json']!.incidents.length, 10);
    assert.equal(api['api/v2/summary.json']!.incidents.length, 10);
  });

  it('lists only the 50 most recent of many maintenances', () => {
    const now = new Date('2026-03-29T12:00:00Z');
    const maintenances = Array.from({ length: 120 }, (_, n) => maintenance(`mnt${String(n).padStart(9, '0')}`, new Date(now.getTime() - n * day), 'completed'));
    const api = assertValid(sampleSnapshot({ now }, { maintenances }));
    assert.equal(api['api/v2/scheduled-maintenances.json']!.scheduled_maintenances.length, 50);
    assert.equal(api['api/v2/scheduled-maintenances.json']!.scheduled_maintenances[0].id, 'mnt000000000');
  });

  it('carries a 100,000-character update body whole, and any text safely', () => {
    const body = `${'a'.repeat(99_950)} "quotes" \\ </script> \u2028 é 🚨 ${'z'.repeat(18)}`;
    const snapshot = sampleSnapshot({}, { incidents: [incident('inclong00001', new Date('2026-03-29T11:00:00Z'), 'investigating', 'major', body)] });
    const api = assertValid(snapshot);
    assert.equal(api['api/v2/incidents/unresolved.json']!.incidents[0].incident_updates[0].body, body);
  });

  it('leaves out an incident that has no published update: clients read incident_updates[0]', () => {
    const snapshot = sampleSnapshot();
    snapshot.incidents = [{ ...incident('incdraft0001', new Date('2026-03-29T11:59:00Z'), 'investigating', 'critical'), updates: [] }, ...snapshot.incidents];
    const api = assertValid(snapshot);
    assert.ok(!JSON.stringify(api).includes('incdraft0001'));
    assert.equal(api['api/v2/status.json']!.status.indicator, 'major', 'nor does it count in the rollup');
  });
});

describe('pageStatus', () => {
  const at = new Date('2026-03-29T12:00:00Z');
  const page = (statuses: ComponentStatus[], impacts: Impact[] = [], maintenances: MaintenanceStatus[] = []) =>
    pageStatus(sampleSnapshot({ now: at }, {
      components: statuses.map((status, n) => component(`c${n}`, n + 1, null, status)),
      groups: [],
      incidents: impacts.map((impact, n) => incident(`i${n}`, at, 'investigating', impact)),
      maintenances: maintenances.map((status, n) => maintenance(`m${n}`, at, status)),
    }));

  const cases: Array<[string, ComponentStatus[], Impact[], MaintenanceStatus[], string, string]> = [
    ['everything operational', ['operational', 'operational'], [], [], 'none', 'All Systems Operational'],
    ['no components', [], [], [], 'none', 'All Systems Operational'],
    ['one component degraded', ['degraded_performance', 'operational'], [], [], 'minor', 'Partially Degraded Service'],
    ['every component degraded', ['degraded_performance', 'degraded_performance'], [], [], 'minor', 'Degraded System Service'],
    ['a partial outage', ['partial_outage', 'degraded_performance'], [], [], 'minor', 'Minor Service Outage'],
    ['a major outage', ['major_outage', 'operational'], [], [], 'major', 'Partial System Outage'],
    ['every component in major outage', ['major_outage', 'major_outage'], [], [], 'critical', 'Major System Outage'],
    ['a component under maintenance', ['under_maintenance', 'operational'], [], [], 'maintenance', 'Service Under Maintenance'],
    ['a maintenance in progress', ['operational'], [], ['in_progress'], 'maintenance', 'Service Under Maintenance'],
    ['a maintenance verifying', ['operational'], [], ['verifying'], 'maintenance', 'Service Under Maintenance'],
    ['a maintenance only scheduled', ['operational'], [], ['scheduled', 'completed'], 'none', 'All Systems Operational'],
    ['a maintenance and a degraded component', ['degraded_performance', 'under_maintenance'], [], ['in_progress'], 'minor', 'Partially Degraded Service'],
    ['a minor incident, components fine', ['operational'], ['minor'], [], 'minor', 'Minor Service Outage'],
    ['a major incident', ['degraded_performance', 'operational'], ['major', 'minor'], [], 'major', 'Partial System Outage'],
    ['a critical incident', ['operational'], ['critical'], ['in_progress'], 'critical', 'Major System Outage'],
    ['an incident without impact', ['operational'], ['none'], [], 'none', 'All Systems Operational'],
    ['a minor incident on degraded components', ['degraded_performance'], ['minor'], [], 'minor', 'Degraded System Service'],
  ];
  for (const [name, statuses, impacts, maintenances, indicator, description] of cases) {
    it(`${name} → ${indicator}, "${description}"`, () => {
      assert.deepEqual(page(statuses, impacts, maintenances), { indicator, description });
      assert.deepEqual(page([...statuses].reverse(), [...impacts].reverse(), [...maintenances].reverse()), { indicator, description }, 'order does not matter');
    });
  }

  it('ignores resolved incidents', () => {
    const snapshot = sampleSnapshot({}, { components: [component('c1', 1, null)], maintenances: [], incidents: [incident('i1', at, 'resolved', 'critical'), incident('i2', at, 'postmortem', 'major')] });
    assert.deepEqual(pageStatus(snapshot), { indicator: 'none', description: 'All Systems Operational' });
  });

  it('agrees with Statuspage on the three captured pages', () => {
    for (const name of ['github-summary.json', 'twilio-summary.json', 'cloudamqp-summary.json']) {
      const summary = fixture(name);
      const snapshot = sampleSnapshot({}, {
        groups: [],
        components: summary.components.filter((c: Json) => !c.group).map((c: Json, n: number) => component(c.id, n + 1, null, c.status)),
        incidents: summary.incidents.map((i: Json) => incident(i.id, new Date(i.created_at), i.status, i.impact)),
        maintenances: summary.scheduled_maintenances.map((m: Json) => maintenance(m.id, new Date(m.scheduled_for), m.status)),
      });
      assert.deepEqual(pageStatus(snapshot), summary.status, name);
    }
  });

  it('is what status.json and summary.json say', () => {
    const snapshot = sampleSnapshot();
    const api = render(snapshot);
    assert.deepEqual(api['api/v2/status.json']!.status, { indicator: 'major', description: 'Partial System Outage' });
    assert.deepEqual(api['api/v2/summary.json']!.status, pageStatus(snapshot));
  });
});

/** Groups come before their children, children point to a listed group that lists them, positions count 1, 2, 3… per parent. */
function assertTree(components: ApiComponent[]) {
  const groups = new Map(components.filter((c) => c.group).map((c) => [c.id, c]));
  const seen = new Set<string>();
  const positions = new Map<string, number[]>();
  for (const c of components) {
    if (c.group_id !== null) {
      const group = groups.get(c.group_id);
      assert.ok(group, `${c.id} points to a listed group`);
      assert.ok(seen.has(c.group_id), `${c.group_id} comes before ${c.id}`);
      assert.ok(group.components?.includes(c.id), `${c.group_id} lists ${c.id}`);
    }
    seen.add(c.id);
    const parent = c.group_id ?? '';
    positions.set(parent, [...(positions.get(parent) ?? []), c.position]);
  }
  for (const group of groups.values()) {
    assert.deepEqual(group.components, components.filter((c) => c.group_id === group.id).map((c) => c.id));
  }
  for (const list of positions.values()) assert.deepEqual(list, list.map((_, n) => n + 1));
}
