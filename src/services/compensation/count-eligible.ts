import { z } from 'zod';
import { authorize, type Ctx } from '../context.ts';
import { Id, Instant, parseInput, toDate } from '../schemas.ts';
import { checkComponents, countEligibleBy, eligibilityOf, fetchGesture, fetchIncident, Segment } from './internal.ts';

/** A comma-separated list in a query string ("a,b"); empty: none. */
const List = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(20_000)
    .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .pipe(z.array(item).max(500));

export const CountEligibleInput = z.strictObject({
  /** Comma-separated component ids; none: subscribers of any component. */
  component_ids: List(Id).optional(),
  /** Comma-separated segments; none: any segment. */
  segments: List(Segment).optional(),
  /** Subscribed before this instant. (Default: now) */
  subscribed_before: Instant.optional(),
});
export type CountEligibleInput = z.input<typeof CountEligibleInput>;
/** The same, as the query string reads before parsing (what the API documents). */
export const CountEligibleQuery = z.strictObject({
  component_ids: z.string().max(20_000).optional().describe('Comma-separated component ids; none: subscribers of any component'),
  segments: z.string().max(20_000).optional().describe('Comma-separated segments; none: any segment'),
  subscribed_before: z.string().optional().describe('Subscribed before this instant (default: now)'),
});

/** How many people a gesture being defined would reach (one per address), per channel: the console's live count. */
export async function countEligible({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: CountEligibleInput }) {
  authorize(ctx, 'compensation.manage');
  const data = parseInput(CountEligibleInput, input);
  const db = ctx.tx ?? ctx.db.db;
  await fetchIncident(db, ctx, incidentId);
  const componentIds = data.component_ids ?? [];
  await checkComponents(db, ctx, componentIds);
  return countEligibleBy(db, ctx.workspaceId, { componentIds, segments: data.segments ?? [], subscribedBefore: toDate(data.subscribed_before) ?? ctx.now() });
}

/** How many people a defined gesture reaches. */
export async function countGestureEligible({ ctx, incidentId, gestureId }: { ctx: Ctx; incidentId: string; gestureId: string }) {
  authorize(ctx, 'compensation.manage');
  const db = ctx.tx ?? ctx.db.db;
  const gesture = await fetchGesture(db, ctx, incidentId, gestureId);
  return countEligibleBy(db, ctx.workspaceId, eligibilityOf(gesture));
}
