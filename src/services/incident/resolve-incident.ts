import { z } from 'zod';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { Body, parseInput } from '../schemas.ts';
import { addIncidentUpdate } from './add-incident-update.ts';
import { ComponentChanges } from './internal.ts';

export const ResolveIncidentInput = z.strictObject({
  /** Default: a one-line resolution notice in the workspace's language. */
  body: Body.optional(),
  /** Components to leave in a status other than operational. */
  components: ComponentChanges.optional(),
  deliver_notifications: z.boolean().default(true),
});
export type ResolveIncidentInput = z.input<typeof ResolveIncidentInput>;

const resolvedNotice = { en: 'This incident has been resolved.', fr: 'Cet incident est résolu.' } as const;

/** Adds a "resolved" update: the incident's components go back to operational unless listed. */
export async function resolveIncident({ ctx, id, input = {} }: { ctx: Ctx; id: string; input?: ResolveIncidentInput }) {
  authorize(ctx, 'incident.update');
  const data = parseInput(ResolveIncidentInput, input);
  return withTransaction(ctx, async (tx) => {
    const workspace = await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const body = data.body ?? resolvedNotice[workspace.default_language];
    return addIncidentUpdate({ ctx: { ...ctx, tx }, id, input: { status: 'resolved', body, components: data.components, deliver_notifications: data.deliver_notifications } });
  });
}
