import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveIncidentState, foldIncidentState, nextCreatedAt, type DerivedIncidentState, type UpdateMark } from './derive-status.ts';
import { incidentStatuses, type IncidentStatus } from './lifecycle.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 14, minute));
const mark = (id: string, status: IncidentStatus, displayMinute: number, createdMinute = displayMinute): UpdateMark => ({
  id,
  status,
  displayAt: at(displayMinute),
  createdAt: at(createdMinute),
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('deriveIncidentState', () => {
  const cases: Array<{ name: string; updates: UpdateMark[]; status: IncidentStatus; monitoringAt: Date | null; resolvedAt: Date | null }> = [
    { name: 'a single update gives its status', updates: [mark('a', 'investigating', 0)], status: 'investigating', monitoringAt: null, resolvedAt: null },
    {
      name: 'monitoring then resolved stamps both',
      updates: [mark('a', 'investigating', 0), mark('b', 'monitoring', 10), mark('c', 'resolved', 20)],
      status: 'resolved', monitoringAt: at(10), resolvedAt: at(20),
    },
    {
      name: 'a back-dated update does not win over a newer one',
      updates: [mark('a', 'investigating', 0), mark('b', 'monitoring', 10), mark('c', 'resolved', 5, 30)],
      status: 'monitoring', monitoringAt: at(10), resolvedAt: null,
    },
    {
      name: 'reopening clears resolved_at and keeps monitoring_at',
      updates: [mark('a', 'monitoring', 0), mark('b', 'resolved', 10), mark('c', 'investigating', 20)],
      status: 'investigating', monitoringAt: at(0), resolvedAt: null,
    },
    {
      name: 'a postmortem keeps resolved_at',
      updates: [mark('a', 'investigating', 0), mark('b', 'resolved', 10), mark('c', 'postmortem', 40)],
      status: 'postmortem', monitoringAt: null, resolvedAt: at(10),
    },
    {
      name: 'same display time: the later created update wins',
      updates: [mark('a', 'identified', 10, 10), mark('b', 'monitoring', 10, 11)],
      status: 'monitoring', monitoringAt: at(10), resolvedAt: null,
    },
  ];
  for (const { name, updates, status, monitoringAt, resolvedAt } of cases) {
    it(`${name}, whatever the order the updates come in`, () => {
      for (const order of permutations(updates)) {
        assert.deepEqual(deriveIncidentState(order), { status, monitoringAt, resolvedAt }, order.map((u) => u.id).join(','));
      }
    });
  }

  it('refuses an incident without updates', () => {
    assert.throws(() => deriveIncidentState([]), /at least one update/);
  });
});

describe('nextCreatedAt', () => {
  it('is now when the clock moved past the newest update', () => {
    assert.deepEqual(nextCreatedAt(at(5), at(4)), at(5));
    assert.deepEqual(nextCreatedAt(at(5), null), at(5));
  });
  it('is 1 ms after the newest update when the clock has not moved', () => {
    assert.equal(nextCreatedAt(at(5), at(5)).getTime(), at(5).getTime() + 1);
  });
});

describe('foldIncidentState', () => {
  it('adding the newest update gives what deriving over the whole timeline gives', () => {
    const statuses = incidentStatuses;
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    for (let trial = 0; trial < 500; trial++) {
      const updates: UpdateMark[] = [];
      let at = Date.UTC(2026, 2, 10, 14);
      let state: DerivedIncidentState | undefined;
      for (let index = 0; index < 1 + Math.floor(random() * 8); index++) {
        at += Math.floor(random() * 3) * 60_000;
        const update = { id: `u${trial}-${index}`, status: statuses[Math.floor(random() * statuses.length)]!, displayAt: new Date(at), createdAt: new Date(at + index) };
        updates.push(update);
        state = state === undefined ? deriveIncidentState([update]) : foldIncidentState(state, update);
        assert.deepEqual(state, deriveIncidentState(updates));
      }
    }
  });
});
