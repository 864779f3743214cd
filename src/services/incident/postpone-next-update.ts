import { z } from 'zod';
import { ConflictError, InvalidError } from '../../domain/errors.ts';
import { isOpen } from '../../domain/incident/lifecycle.ts';
import { formatMoment } from '../../domain/message/format.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { postponeNextUpdatePromises } from '../facts/ledger.ts';
import { Instant, parseInput, toDate } from '../schemas.ts';
import { addIncidentUpdate } from './add-incident-update.ts';
import { fetchIncident, UpdateBodies } from './internal.ts';

export const PostponeNextUpdateInput = z.strictObject({
  /** The new time of the next update: later than the one promised, and than now. */
  next_update_at: Instant,
  /** Why it moves: kept in the fact sheet and the audit log, never published. */
  reason: z.string().trim().min(3).max(2_000),
  /** What readers are told, per language. (Default: "The next update, announced for 16:00, is moved to 17:00.") */
  bodies: UpdateBodies.optional(),
  /** Also tell the subscribers; the status page always says it. (Default: false) */
  deliver_notifications: z.boolean().default(false),
});
export type PostponeNextUpdateInput = z.input<typeof PostponeNextUpdateInput>;

/**
 * Moves a promised next update to a later time. A promise made in public is moved in public: the
 * status page gets a short update giving the new time (the status unchanged), so nothing changes
 * silently; the reason stays internal, in the fact sheet (the old promise reads "postponed", or
 * "broken" when it had already fallen due) and the audit log. The reminders follow the new time.
 */
export async function postponeNextUpdate({ ctx, id, input }: { ctx: Ctx; id: string; input: PostponeNextUpdateInput }) {
  authorize(ctx, 'incident.update');
  const data = parseInput(PostponeNextUpdateInput, input);
  const to = toDate(data.next_update_at);
  return withTransaction(ctx, async (tx) => {
    const incident = await fetchIncident(tx, ctx, id, true);
    if (!isOpen(incident.status)) throw new ConflictError('incident-closed', 'The incident is closed: it promises no next update.');
    const from = incident.next_update_at;
    if (!from) throw new ConflictError('no-promise', 'No time was promised for the next update: publish an update that gives one.');
    const now = ctx.now();
    if (to <= now || to <= from) {
      throw new InvalidError(`The next update can only move later than the time promised (${from.toISOString()}) and than now.`, [{ pointer: '/next_update_at', detail: 'must be later than the promised time and than now' }]);
    }
    const workspace = await tx.selectFrom('workspaces').select(['default_language', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const bodies = data.bodies ?? {
      fr: `Le prochain point, annoncé pour ${formatMoment(from, 'fr', workspace.time_zone, now)}, est reporté à ${formatMoment(to, 'fr', workspace.time_zone, now)}.`,
      en: `The next update, announced for ${formatMoment(from, 'en', workspace.time_zone, now)}, is moved to ${formatMoment(to, 'en', workspace.time_zone, now)}.`,
    };
    const body = bodies[workspace.default_language] ?? Object.values(bodies).find((text) => text !== undefined)!;
    const moved = await postponeNextUpdatePromises(tx, ctx, id, now, data.reason);
    const added = await addIncidentUpdate({
      ctx: { ...ctx, tx },
      id,
      input: { status: incident.status, body, bodies, deliver_notifications: data.deliver_notifications, next_update_at: to.toISOString() },
    });
    const postponed = { from: from.toISOString(), to: to.toISOString(), reason: data.reason, promises: moved };
    await recordAudit(tx, ctx, { action: 'incident.postpone_next_update', entityType: 'incident', entityId: id, before: { next_update_at: from.toISOString() }, after: { ...postponed, update_id: added.update.id } });
    return { ...added, postponed };
  });
}
