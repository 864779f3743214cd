import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { incidentGroups, incidentView, newestFirst, recordIncidentsDelta } from './incident-views.ts';
import type { PublicIncident } from './snapshot.ts';

const components = ['api', 'web', 'db'];

function incident(n: number, version = 0): PublicIncident {
  const at = new Date(Date.UTC(2026, 0, 1) + (n % 97) * 3_600_000);
  return {
    id: `inc${String(n).padStart(4, '0')}`, name: `Incident ${n}`, status: (n + version) % 5 === 0 ? 'investigating' : 'resolved', impact: 'minor',
    createdAt: at, updatedAt: at, startedAt: new Date(at.getTime() - ((n * 7) % 13) * 60_000), monitoringAt: null, resolvedAt: null,
    componentIds: [components[n % 3]!, components[(n + version) % 3]!], nextUpdateAt: null, updates: [],
  };
}

const open = (incident: PublicIncident) => incident.status !== 'resolved';
const byStart = (a: PublicIncident, b: PublicIncident) => b.startedAt.getTime() - a.startedAt.getTime() || newestFirst(a, b);

describe('incident views kept between builds', () => {
  it('are, after a recorded change, what filtering and sorting the new list whole gives', () => {
    let list = Array.from({ length: 300 }, (_, n) => incident(n)).sort(newestFirst);
    // Built once whole, so that the next builds start from these views.
    incidentView(list, 'open', open, newestFirst);
    incidentView(list, 'by-start', () => true, byStart);
    incidentGroups(list, 'by-component', (i) => i.componentIds, open, newestFirst);
    for (let build = 1; build <= 5; build++) {
      // A few incidents re-read (new objects, their status and components moved on), one dropped, one new.
      const changed = new Set([build * 11, build * 37, build * 53].map((n) => `inc${String(n).padStart(4, '0')}`));
      const removed = list.filter((i) => changed.has(i.id) || i.id === `inc${String(build).padStart(4, '0')}`);
      const added = [...changed].map((id) => incident(Number(id.slice(3)), build)).concat(incident(1000 + build));
      const next = [...list.filter((i) => !removed.includes(i)), ...added].sort(newestFirst);
      recordIncidentsDelta(next, { previous: list, removed, added });
      const whole = [...next];
      let asked = 0;
      const counted = (i: PublicIncident) => (asked++, open(i));
      assert.deepEqual(incidentView(next, 'open', counted, newestFirst), incidentView(whole, 'open', open, newestFirst));
      assert.ok(asked <= removed.length + added.length, `only the changed incidents are looked at (${asked})`);
      assert.deepEqual(incidentView(next, 'by-start', () => true, byStart), incidentView(whole, 'by-start', () => true, byStart));
      assert.deepEqual(
        new Map([...incidentGroups(next, 'by-component', (i) => i.componentIds, open, newestFirst)].filter(([, l]) => l.length > 0)),
        new Map([...incidentGroups(whole, 'by-component', (i) => i.componentIds, open, newestFirst)].filter(([, l]) => l.length > 0)),
      );
      assert.ok(added.every((i) => incidentView(next, 'by-start', () => true, byStart).includes(i)), 'the new objects are in');
      list = next;
    }
  });
});
