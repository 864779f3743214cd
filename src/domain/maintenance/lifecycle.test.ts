import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allowedNext,
  assertMaintenanceTransition,
  assertWindow,
  componentEffect,
  dueStatus,
  dueSteps,
  maintenanceStatuses,
  stampsFor,
  statusWhenHeld,
  statusWhenReleased,
  type MaintenanceStatus,
  type MaintenanceWindow,
} from './lifecycle.ts';
import { automaticUpdateBody } from './notices.ts';
import { componentStatuses } from '../component/status.ts';

const start = new Date('2026-03-10T22:00:00Z');
const end = new Date('2026-03-11T02:00:00Z');
const before = new Date('2026-03-10T21:59:59Z');
const during = new Date('2026-03-11T00:00:00Z');
const after = new Date('2026-03-11T03:00:00Z');

function window(status: MaintenanceStatus, autoStart = true, autoComplete = true): MaintenanceWindow {
  return { status, scheduledFor: start, scheduledUntil: end, autoStart, autoComplete };
}

describe('the status a maintenance owes its schedule', () => {
  const cases: Array<[string, MaintenanceWindow, Date, MaintenanceStatus[]]> = [
    ['nothing before the window', window('scheduled'), before, []],
    ['starts at scheduled_for exactly', window('scheduled'), start, ['in_progress']],
    ['starts during the window', window('scheduled'), during, ['in_progress']],
    ['starts then completes when the whole window was missed', window('scheduled'), after, ['in_progress', 'completed']],
    ['completes at scheduled_until exactly', window('in_progress'), end, ['completed']],
    ['completes a maintenance being verified', window('verifying'), after, ['completed']],
    ['does not start without auto_start', window('scheduled', false), during, []],
    ['completes without auto_start, never having started', window('scheduled', false), after, ['completed']],
    ['does not complete without auto_complete', window('in_progress', true, false), after, []],
    ['starts but does not complete without auto_complete', window('scheduled', true, false), after, ['in_progress']],
    ['never restarts a maintenance completed early', window('completed'), during, []],
    ['never reopens a completed maintenance', window('completed'), after, []],
    ['leaves a maintenance started by hand early alone until its end', window('in_progress'), before, []],
  ];
  for (const [name, input, now, expected] of cases) {
    it(name, () => {
      const steps = dueSteps(input, now);
      assert.deepEqual(steps.map((step) => step.status), expected);
      assert.equal(dueStatus(input, now), expected.at(-1) ?? input.status);
    });
  }

  it('dates each step at the moment the schedule set for it, start before completion', () => {
    assert.deepEqual(dueSteps(window('scheduled'), after).map((step) => step.dueAt), [start, end]);
  });

  it('owes nothing more once its steps are applied: running it again is a no-op', () => {
    for (const status of maintenanceStatuses) {
      for (const now of [before, during, after]) {
        const due = dueStatus(window(status), now);
        assert.deepEqual(dueSteps(window(due), now), [], `${status} at ${now.toISOString()}`);
      }
    }
  });
});

describe('what a transition does to the components', () => {
  const cases: Array<[MaintenanceStatus, MaintenanceStatus, ReturnType<typeof componentEffect>]> = [
    ['scheduled', 'in_progress', 'hold'],
    ['scheduled', 'verifying', 'hold'],
    ['in_progress', 'verifying', 'none'],
    ['verifying', 'in_progress', 'none'],
    ['in_progress', 'completed', 'release'],
    ['verifying', 'completed', 'release'],
    ['scheduled', 'completed', 'none'],
    ['scheduled', 'scheduled', 'none'],
    ['completed', 'completed', 'none'],
  ];
  for (const [from, to, effect] of cases) {
    it(`${from} → ${to}: ${effect}`, () => assert.equal(componentEffect(from, to), effect));
  }

  it('puts an operational component under maintenance but never masks an outage', () => {
    const held = Object.fromEntries(componentStatuses.map((status) => [status, statusWhenHeld(status)]));
    assert.deepEqual(held, {
      operational: 'under_maintenance',
      under_maintenance: 'under_maintenance',
      degraded_performance: null,
      partial_outage: null,
      major_outage: null,
    });
  });

  it('returns to operational only a component a maintenance still holds and no other maintenance covers', () => {
    const released = { status: 'under_maintenance', isSetByMaintenance: true, isHeldByAnotherMaintenance: false } as const;
    assert.equal(statusWhenReleased(released), 'operational');
    assert.equal(statusWhenReleased({ ...released, status: 'major_outage' }), null);
    assert.equal(statusWhenReleased({ ...released, status: 'operational' }), null);
    assert.equal(statusWhenReleased({ ...released, isSetByMaintenance: false }), null);
    assert.equal(statusWhenReleased({ ...released, isHeldByAnotherMaintenance: true }), null);
  });
});

describe('transitions by hand', () => {
  it('moves forward only, except verification back to in progress', () => {
    const allowed = Object.fromEntries(maintenanceStatuses.map((status) => [status, [...allowedNext(status)]]));
    assert.deepEqual(allowed, {
      scheduled: ['scheduled', 'in_progress', 'verifying', 'completed'],
      in_progress: ['in_progress', 'verifying', 'completed'],
      verifying: ['in_progress', 'verifying', 'completed'],
      completed: ['completed'],
    });
    assert.throws(() => assertMaintenanceTransition('completed', 'in_progress'), { reason: 'transition-not-allowed' });
    assert.throws(() => assertMaintenanceTransition('in_progress', 'scheduled'), { reason: 'transition-not-allowed' });
    assert.doesNotThrow(() => assertMaintenanceTransition('verifying', 'in_progress'));
  });

  it('stamps started_at when the work starts and completed_at when it ends, once each', () => {
    assert.deepEqual(stampsFor('scheduled', 'in_progress', during), { startedAt: during });
    assert.deepEqual(stampsFor('scheduled', 'verifying', during), { startedAt: during });
    assert.deepEqual(stampsFor('in_progress', 'verifying', during), {});
    assert.deepEqual(stampsFor('verifying', 'completed', during), { completedAt: during });
    assert.deepEqual(stampsFor('scheduled', 'completed', during), { completedAt: during });
    assert.deepEqual(stampsFor('completed', 'completed', during), {});
  });

  it('refuses a window that ends before or when it starts, pointing at scheduled_until', () => {
    assert.throws(() => assertWindow(end, start), { issues: [{ pointer: '/scheduled_until', detail: 'must be later than scheduled_for' }] });
    assert.throws(() => assertWindow(start, start));
    assert.doesNotThrow(() => assertWindow(start, end));
  });
});

describe('the updates the schedule writes', () => {
  it('speaks the workspace language', () => {
    assert.equal(automaticUpdateBody('in_progress', 'en'), 'The scheduled maintenance has started.');
    assert.equal(automaticUpdateBody('completed', 'en'), 'The scheduled maintenance is complete.');
    assert.equal(automaticUpdateBody('in_progress', 'fr'), 'La maintenance programmée a commencé.');
    assert.equal(automaticUpdateBody('completed', 'fr'), 'La maintenance programmée est terminée.');
  });
});
