import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blockersDetail, closingBlockers, pendingFollowUps, type GatePromise } from './promise-gate.ts';

const now = new Date('2026-03-10T18:00:00Z');
const promise = (id: string, overrides: Partial<GatePromise> = {}): GatePromise => ({
  id, kind: 'other', text: `Promise ${id}`, dueAt: null, state: 'pending', isWithdrawn: false, isFollowedUp: false, ...overrides,
});

describe('the promise gate of a public close', () => {
  const cases: Array<[string, GatePromise, boolean, boolean]> = [
    ['a pending promise blocks', promise('a'), true, true],
    ['a kept promise does not', promise('a', { state: 'kept' }), true, false],
    ['a dropped promise does not', promise('a', { state: 'dropped' }), true, false],
    ['a broken promise is settled, if badly', promise('a', { state: 'broken' }), true, false],
    ['a withdrawn promise was never made', promise('a', { isWithdrawn: true }), true, false],
    ['a promise on the follow-up list does not', promise('a', { isFollowedUp: true }), true, false],
    ['a pending compensation blocks', promise('a', { kind: 'compensation' }), true, true],
    ['a next-update promise the close settles does not', promise('a', { kind: 'next_update', dueAt: now }), true, false],
    ['a next-update promise a close without public update leaves pending does', promise('a', { kind: 'next_update', dueAt: now }), false, true],
  ];
  for (const [name, p, isNextUpdateSettled, blocks] of cases) {
    it(name, () => assert.equal(closingBlockers([p], { isNextUpdateSettled, now }).length, blocks ? 1 : 0));
  }

  it('lists blockers soonest due first, undated last, whatever order they come in, and says which are overdue', () => {
    const promises = [promise('c'), promise('b', { dueAt: new Date('2026-03-11T09:00:00Z') }), promise('a', { dueAt: new Date('2026-03-10T12:00:00Z') })];
    const forward = closingBlockers(promises, { isNextUpdateSettled: true, now });
    const backward = closingBlockers([...promises].reverse(), { isNextUpdateSettled: true, now });
    assert.deepEqual(forward.map((b) => [b.id, b.isOverdue]), [['a', true], ['b', false], ['c', false]]);
    assert.deepEqual(backward, forward);
  });

  it('names each blocker and the ways out in the refusal', () => {
    const detail = blockersDetail(closingBlockers([promise('p1', { kind: 'compensation', text: 'One month free', dueAt: new Date('2026-03-10T12:00:00Z') })], { isNextUpdateSettled: true, now }));
    assert.match(detail, /1 promise is still pending: "One month free" \(compensation, due 2026-03-10T12:00:00.000Z, overdue; id p1\)/);
    assert.match(detail, /kept, move it to the follow-up list, or drop it with a reason/);
  });

  it('keeps the follow-up list to the promises still to keep', () => {
    const list = pendingFollowUps([promise('a', { isFollowedUp: true }), promise('b', { isFollowedUp: true, state: 'kept' }), promise('c')]);
    assert.deepEqual(list.map((p) => p.id), ['a']);
  });
});
