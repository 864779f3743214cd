import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ComponentStatus } from '../domain/component/status.ts';
import type { PublicStatusChange } from './snapshot.ts';
import { computeUptime, partialOutageDowntimeShare, uptimeOver, uptimeOverLast, uptimePercent, uptimeWindowDays, type UptimeInput } from './uptime.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const zone = 'Europe/Paris';
// 12:00 in Paris (CEST); the window's first local day is 2025-12-31, its start 2025-12-30T23:00Z.
const now = new Date('2026-03-30T10:00:00Z');
const windowMinutes = (now.getTime() - Date.parse('2025-12-30T23:00:00Z')) / minute;
const longAgo = '2025-06-01T00:00:00Z';

const change = (componentId: string, status: ComponentStatus, at: string | Date): PublicStatusChange => ({ componentId, status, changedAt: new Date(at) });

function uptimeOf(history: PublicStatusChange[], input: Partial<UptimeInput> = {}) {
  return computeUptime({
    generatedAt: now,
    timeZone: zone,
    history,
    components: [{ id: 'a' }, { id: 'b' }],
    groups: [{ id: 'g', componentIds: ['a', 'b', 'gone'] }],
    ...input,
  });
}

const dayOf = (uptime: ReturnType<typeof uptimeOf>, id: string, date: string) => {
  const found = uptime.components.get(id)?.days.find((d) => d.date === date) ?? uptime.groups.get(id)?.days.find((d) => d.date === date);
  assert.ok(found, `${id} has no day ${date}`);
  return found;
};

describe('uptime over 90 local days', () => {
  it('covers 90 calendar days of the page time zone, today last and partial', () => {
    const uptime = uptimeOf([change('a', 'operational', longAgo)]);
    const { days, percent } = uptime.components.get('a')!;
    assert.equal(days.length, uptimeWindowDays);
    assert.equal(days[0]!.date, '2025-12-31');
    assert.equal(days[0]!.start.toISOString(), '2025-12-30T23:00:00.000Z');
    assert.equal(days.at(-1)!.date, '2026-03-30');
    assert.equal(days.at(-1)!.minutes.operational, 12 * 60, 'today counts until generatedAt only');
    assert.ok(days.every((d) => d.worst === 'operational'));
    assert.equal(percent, 100);
  });

  it('a daylight-saving day in Paris lasts 23 h in spring and 25 h in autumn', () => {
    const spring = dayOf(uptimeOf([change('a', 'operational', longAgo)]), 'a', '2026-03-29');
    assert.equal(spring.end.getTime() - spring.start.getTime(), 23 * hour);
    assert.equal(spring.minutes.operational, 23 * 60);

    const autumn = dayOf(uptimeOf([change('a', 'operational', '2025-01-01T00:00:00Z')], { generatedAt: new Date('2025-11-15T12:00:00Z') }), 'a', '2025-10-26');
    assert.equal(autumn.end.getTime() - autumn.start.getTime(), 25 * hour);
    assert.equal(autumn.minutes.operational, 25 * 60);
  });

  it('a change exactly at local midnight belongs to the day it opens, not the one before', () => {
    const uptime = uptimeOf([
      change('a', 'operational', longAgo),
      change('a', 'major_outage', '2026-03-19T23:00:00Z'), // 2026-03-20 00:00 in Paris
      change('a', 'operational', '2026-03-20T23:00:00Z'), // 2026-03-21 00:00
    ]);
    assert.deepEqual([dayOf(uptime, 'a', '2026-03-19').worst, dayOf(uptime, 'a', '2026-03-20').worst, dayOf(uptime, 'a', '2026-03-21').worst], ['operational', 'major_outage', 'operational']);
    assert.equal(dayOf(uptime, 'a', '2026-03-19').minutes.major_outage, 0);
    assert.equal(dayOf(uptime, 'a', '2026-03-20').minutes.major_outage, 24 * 60);
    assert.equal(uptime.components.get('a')!.percent, (100 * (windowMinutes - 24 * 60)) / windowMinutes);
  });

  it('a component created 10 days ago has "no data" before its first change, and is not penalized for it', () => {
    const created = new Date(now.getTime() - 10 * day); // 2026-03-20 11:00 in Paris
    const { days, percent } = uptimeOf([change('a', 'operational', created)]).components.get('a')!;
    const first = days.findIndex((d) => d.worst !== null);
    assert.equal(days[first]!.date, '2026-03-20');
    assert.equal(first, uptimeWindowDays - 11);
    assert.ok(days.slice(0, first).every((d) => d.worst === null && d.minutes.operational === 0));
    assert.equal(days[first]!.minutes.operational, 13 * 60);
    assert.equal(percent, 100);
  });

  it('weighs a major outage fully, a partial outage at 30 %, degraded performance not at all, and leaves maintenance out', () => {
    const at = (ms: number) => new Date(now.getTime() - ms);
    const history = [
      change('a', 'operational', longAgo),
      change('a', 'major_outage', at(40 * day)),
      change('a', 'operational', at(40 * day - 60 * minute)),
      change('a', 'partial_outage', at(30 * day)),
      change('a', 'operational', at(30 * day - 100 * minute)),
      change('a', 'degraded_performance', at(20 * day)),
      change('a', 'operational', at(20 * day - 500 * minute)),
      change('a', 'under_maintenance', at(10 * day)),
      change('a', 'operational', at(10 * day - 120 * minute)),
    ];
    const counted = windowMinutes - 120;
    const expected = (100 * (counted - 60 - 100 * partialOutageDowntimeShare)) / counted;
    const percent = uptimeOf(history).components.get('a')!.percent!;
    assert.ok(Math.abs(percent - expected) < 1e-9, `${percent} ≠ ${expected}`);
  });

  it('gives the same result whatever order the changes come in', () => {
    const history = [
      change('a', 'operational', longAgo),
      change('b', 'operational', '2026-02-01T08:00:00Z'),
      change('a', 'partial_outage', '2026-03-01T10:00:00Z'),
      change('b', 'major_outage', '2026-03-01T10:30:00Z'),
      change('a', 'operational', '2026-03-01T12:00:00Z'),
      change('b', 'degraded_performance', '2026-03-01T11:00:00Z'),
      change('b', 'operational', '2026-03-02T09:00:00Z'),
      change('a', 'under_maintenance', '2026-03-28T22:30:00Z'),
      change('a', 'operational', '2026-03-29T01:30:00Z'),
    ];
    const expected = uptimeOf(history);
    const rotated = [...history.slice(4), ...history.slice(0, 4)];
    for (const order of [[...history].reverse(), rotated, [...history].sort((x, y) => x.componentId.localeCompare(y.componentId) || y.changedAt.getTime() - x.changedAt.getTime())]) {
      assert.deepEqual(uptimeOf(order), expected);
    }
  });

  it('two changes at the same instant: the worst holds, whichever was listed last', () => {
    const same = '2026-03-25T08:00:00Z';
    for (const history of [
      [change('a', 'operational', longAgo), change('a', 'major_outage', same), change('a', 'operational', same)],
      [change('a', 'operational', longAgo), change('a', 'operational', same), change('a', 'major_outage', same)],
    ]) {
      assert.equal(uptimeOf(history).components.get('a')!.days.at(-1)!.worst, 'major_outage');
    }
  });

  it('a day of maintenance and degraded performance is degraded: maintenance ranks below any trouble', () => {
    const uptime = uptimeOf([
      change('a', 'operational', longAgo),
      change('a', 'under_maintenance', '2026-03-25T08:00:00Z'),
      change('a', 'degraded_performance', '2026-03-25T09:00:00Z'),
      change('a', 'operational', '2026-03-25T10:00:00Z'),
    ]);
    const d = dayOf(uptime, 'a', '2026-03-25');
    assert.equal(d.worst, 'degraded_performance');
    assert.deepEqual([d.minutes.under_maintenance, d.minutes.degraded_performance, d.minutes.operational], [60, 60, 22 * 60]);
  });

  it('counts nothing after generatedAt, and says "no data" (null) when nothing counts', () => {
    const future = uptimeOf([change('a', 'operational', longAgo), change('a', 'major_outage', new Date(now.getTime() + hour))]);
    assert.equal(future.components.get('a')!.percent, 100);
    const empty = uptimeOf([]);
    assert.ok(empty.components.get('a')!.days.every((d) => d.worst === null));
    assert.equal(empty.components.get('a')!.percent, null);
    assert.equal(uptimeOf([change('a', 'under_maintenance', longAgo)]).components.get('a')!.percent, null, 'only maintenance: nothing to count');
    assert.equal(uptimePercent({ operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0 }), null);
  });

  it('a group adds up its members: worst status of the day, minutes summed, uptime weighted by time', () => {
    const uptime = uptimeOf([
      change('a', 'operational', longAgo),
      change('b', 'operational', longAgo),
      change('a', 'major_outage', '2026-03-19T23:00:00Z'),
      change('a', 'operational', '2026-03-20T23:00:00Z'),
    ]);
    const groupDay = dayOf(uptime, 'g', '2026-03-20');
    assert.equal(groupDay.worst, 'major_outage');
    assert.deepEqual([groupDay.minutes.major_outage, groupDay.minutes.operational], [24 * 60, 24 * 60]);
    assert.equal(uptime.groups.get('g')!.percent, (100 * (2 * windowMinutes - 24 * 60)) / (2 * windowMinutes));
    assert.equal(dayOf(uptime, 'g', '2026-03-21').worst, 'operational');
  });

  it('the last 30 days have their own figure, for the bars a phone shows', () => {
    const { days } = uptimeOf([change('a', 'operational', longAgo), change('a', 'major_outage', '2026-01-10T10:00:00Z'), change('a', 'operational', '2026-01-10T11:00:00Z')]).components.get('a')!;
    assert.equal(uptimeOver(days.slice(-30)), 100);
    assert.ok(uptimeOver(days)! < 100);
  });

  it('the figure over the last days sums the settled ones once, to the same figure as day by day', () => {
    const recent = uptimeOf([change('a', 'operational', longAgo), change('a', 'partial_outage', '2026-03-10T10:00:00Z'), change('a', 'operational', '2026-03-10T13:17:00Z'), change('a', 'major_outage', '2026-03-29T09:00:00Z')]).components.get('a')!;
    for (const count of [1, 2, 30, 90]) {
      // Twice: the second time from the sums kept with the settled days.
      assert.equal(uptimeOverLast(recent, count), uptimeOver(recent.days.slice(-count)), `last ${count}`);
      assert.equal(uptimeOverLast(recent, count), uptimeOver(recent.days.slice(-count)), `last ${count}, again`);
    }
    // Down since yesterday: none today, some over the month.
    assert.equal(uptimeOverLast(recent, 1), 0);
    assert.ok(uptimeOverLast(recent, 30)! > 0 && uptimeOverLast(recent, 30)! < 100);
  });

  it('days remembered between builds are what a fresh computation gives, as time passes and history changes', async () => {
    // A module instance of its own: nothing remembered from the builds above or below.
    let fresh = 0;
    const afresh = async (input: UptimeInput) => (await import(`./uptime.ts?fresh=${++fresh}`)).computeUptime(input) as ReturnType<typeof computeUptime>;
    const base = [change('a', 'operational', longAgo), change('b', 'operational', longAgo), change('a', 'partial_outage', '2026-03-29T08:00:00Z')];
    const steps: Array<Partial<UptimeInput> & { history: PublicStatusChange[] }> = [
      { history: base },
      { history: base, generatedAt: new Date(now.getTime() + hour) },
      { history: [...base, change('a', 'operational', new Date(now.getTime() + 2 * hour))], generatedAt: new Date(now.getTime() + 3 * hour) },
      // Past midnight in Paris: yesterday settles, the window moves by a day.
      { history: [...base, change('a', 'operational', new Date(now.getTime() + 2 * hour))], generatedAt: new Date(now.getTime() + 14 * hour) },
      // A back-dated change to a settled day; then the same instant in another zone.
      { history: [...base, change('b', 'major_outage', '2026-03-01T10:00:00Z'), change('b', 'operational', '2026-03-01T12:00:00Z')], generatedAt: new Date(now.getTime() + 14 * hour) },
      { history: base, generatedAt: new Date(now.getTime() + 14 * hour), timeZone: 'America/New_York' },
      { history: base, generatedAt: new Date(now.getTime() + 14 * hour), groups: [{ id: 'g', componentIds: ['b', 'a'] }] },
    ];
    for (const [index, step] of steps.entries()) {
      const input = { generatedAt: now, timeZone: zone, components: [{ id: 'a' }, { id: 'b' }], groups: [{ id: 'g', componentIds: ['a', 'b'] }], ...step };
      assert.deepEqual(computeUptime(input), await afresh(input), `step ${index}`);
    }
  });

  it('refuses an unknown time zone rather than guessing', () => {
    assert.throws(() => uptimeOf([], { timeZone: 'Mars/Olympus_Mons' }), /time zone/);
  });
});
