import { closingBlockers, pendingFollowUps } from '../../domain/closing/promise-gate.ts';
import { isOpen } from '../../domain/incident/lifecycle.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { fetchIncident } from '../incident/fetch-incident.ts';
import { loadGatePromises, presentBlocker, presentPromise } from './internal.ts';

/**
 * What stands between the incident and its public close: each pending promise (a next-update
 * promise is settled by the closing update itself), and the follow-up list it leaves behind.
 */
export async function getClosingCheck({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'facts.read');
  return withTransaction(ctx, async (tx) => {
    const incident = await fetchIncident(tx, ctx, incidentId);
    const promises = await loadGatePromises(tx, ctx, incidentId);
    const now = ctx.now();
    const blockers = closingBlockers(promises, { isNextUpdateSettled: true, now });
    const settledByClose = promises.filter((p) => p.kind === 'next_update' && p.state === 'pending' && !p.isWithdrawn).length;
    return {
      incident_id: incident.id,
      status: incident.status,
      visibility: incident.public_at === null ? ('internal' as const) : ('public' as const),
      is_open: isOpen(incident.status),
      can_close: blockers.length === 0,
      blockers: blockers.map(presentBlocker),
      follow_ups: pendingFollowUps(promises).map((p) => presentPromise(p.row, p.followUp, now)),
      next_update_promises_settled_by_close: settledByClose,
      as_of: now.toISOString(),
    };
  });
}
