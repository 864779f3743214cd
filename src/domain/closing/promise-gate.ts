/**
 * Doctrine §8 and issue #9: an incident closes publicly only once each promise made during it is
 * kept, dropped with a reason, or moved to the follow-up list (where it stays tracked).
 */

export type PromiseKind = 'next_update' | 'compensation' | 'follow_up_report' | 'other';

export interface GatePromise {
  id: string;
  kind: PromiseKind;
  text: string;
  dueAt: Date | null;
  /** As stored: pending | kept | broken | dropped | postponed. */
  state: string;
  isWithdrawn: boolean;
  isFollowedUp: boolean;
}

export interface ClosingBlocker {
  id: string;
  kind: PromiseKind;
  text: string;
  dueAt: Date | null;
  isOverdue: boolean;
}

/**
 * The promises that keep the incident from closing publicly. A public update settles every pending
 * next-update promise itself (kept on time, broken late), so those block only a close that adds none.
 */
export function closingBlockers(promises: readonly GatePromise[], { isNextUpdateSettled, now }: { isNextUpdateSettled: boolean; now: Date }): ClosingBlocker[] {
  return promises
    .filter((p) => p.state === 'pending' && !p.isWithdrawn && !p.isFollowedUp && !(p.kind === 'next_update' && isNextUpdateSettled))
    .map((p) => ({ id: p.id, kind: p.kind, text: p.text, dueAt: p.dueAt, isOverdue: p.dueAt !== null && p.dueAt < now }))
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.id.localeCompare(b.id));
}

/** The promises on the follow-up list still waiting to be kept. */
export function pendingFollowUps<P extends GatePromise>(promises: readonly P[]): P[] {
  return promises.filter((p) => p.isFollowedUp && p.state === 'pending' && !p.isWithdrawn);
}

/** One sentence naming every blocker and the three ways out, for a 409's detail and the CLI. */
export function blockersDetail(blockers: readonly ClosingBlocker[]): string {
  const list = blockers.map((b) => `"${b.text}" (${b.kind.replace('_', ' ')}${b.dueAt ? `, due ${b.dueAt.toISOString()}${b.isOverdue ? ', overdue' : ''}` : ''}; id ${b.id})`).join('; ');
  const count = blockers.length === 1 ? '1 promise is' : `${blockers.length} promises are`;
  return `The incident cannot be closed publicly: ${count} still pending: ${list}. Mark each kept, move it to the follow-up list, or drop it with a reason (GET …/closing-check lists them).`;
}
