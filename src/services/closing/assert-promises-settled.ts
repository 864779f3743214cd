import type { Tx } from '../../adapters/db/connect.ts';
import { blockersDetail } from '../../domain/closing/promise-gate.ts';
import { TocsinError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';
import { loadBlockers } from './internal.ts';

/**
 * Refuses a public close while a promise is pending (issue #9): 409 with the detail naming each
 * one and a pointer per promise. `isNextUpdateSettled`: the close adds a public update, which
 * settles the pending next-update promises itself.
 */
export async function assertPromisesSettled(tx: Tx, ctx: Ctx, incidentId: string, isNextUpdateSettled: boolean): Promise<void> {
  const blockers = await loadBlockers(tx, ctx, incidentId, isNextUpdateSettled);
  if (blockers.length === 0) return;
  throw new TocsinError('conflict', 'promises-pending', blockersDetail(blockers), {
    issues: blockers.map((b) => ({ pointer: `/promises/${b.id}`, detail: `pending: ${b.text}` })),
  });
}
