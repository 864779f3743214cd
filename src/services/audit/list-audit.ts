import { z } from 'zod';
import { authorize, type Ctx } from '../context.ts';
import { Instant, parseInput } from '../schemas.ts';

export const ListAuditInput = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `next_cursor` of the previous page: entries older than it. */
  cursor: z.coerce.number().int().min(1).optional(),
  entity_id: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  /** Who: a person's or an API token's id. */
  actor_id: z.string().max(64).optional(),
  /** When: entries at or after `from`, strictly before `to`. */
  from: Instant.optional(),
  to: Instant.optional(),
});

/** The audit log, newest first, in keyset pages. Only owners read it; nothing can edit it. */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListAuditInput> }) {
  authorize(ctx, 'audit.read');
  const { limit, cursor, entity_id, action, actor_id, from, to } = parseInput(ListAuditInput, input);
  let query = ctx.db.db.selectFrom('audit_log').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (cursor) query = query.where('id', '<', cursor);
  if (entity_id) query = query.where('entity_id', '=', entity_id);
  if (action) query = query.where('action', '=', action);
  if (actor_id) query = query.where('actor_id', '=', actor_id);
  if (from) query = query.where('at', '>=', new Date(from));
  if (to) query = query.where('at', '<', new Date(to));
  const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return {
    entries: page.map(({ workspace_id: _workspace, ...row }) => ({ ...row, at: row.at.toISOString() })),
    next_cursor: rows.length > limit ? String(page.at(-1)!.id) : null,
  };
}
