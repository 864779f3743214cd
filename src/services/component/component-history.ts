import { z } from 'zod';
import { authorize, type Ctx } from '../context.ts';
import { Instant, parseInput, toDate } from '../schemas.ts';
import { fetchComponent } from './component-status.ts';

export const ComponentHistoryInput = z.strictObject({ from: Instant.optional(), to: Instant.optional() });

/** The status changes of one component in a period (default: the last 90 days), oldest first. */
export async function componentHistory({ ctx, id, input }: { ctx: Ctx; id: string; input: z.input<typeof ComponentHistoryInput> }) {
  authorize(ctx, 'component.read');
  const data = parseInput(ComponentHistoryInput, input);
  const from = toDate(data.from);
  const to = toDate(data.to);
  const until = to ?? ctx.now();
  const since = from ?? new Date(until.getTime() - 90 * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    await fetchComponent(tx, ctx, id);
    const rows = await tx
      .selectFrom('component_status_changes')
      .select(['status', 'previous_status', 'changed_at', 'incident_id', 'maintenance_id'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('component_id', '=', id)
      .where('changed_at', '>=', since)
      .where('changed_at', '<=', until)
      .orderBy('changed_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ ...row, changed_at: row.changed_at.toISOString() }));
  });
}
