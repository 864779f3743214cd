import { z } from 'zod';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'the name of an environment variable, e.g. TOCSIN_S3_SECRET');

/** Where a page is published; secrets are named, never given: they stay in the environment. */
export const PublishTargetInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('folder'), path: z.string().min(1).max(1_000).refine((p) => p.startsWith('/'), 'an absolute path') }),
  z.strictObject({
    kind: z.literal('s3'),
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name'),
    prefix: z.string().max(500).optional(),
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    region: z.string().max(50).optional(),
    accessKeyIdEnv: EnvName.optional(),
    secretAccessKeyEnv: EnvName.optional(),
  }),
  z.strictObject({ kind: z.literal('git'), remote: z.string().min(1).max(1_000), branch: z.string().regex(/^[A-Za-z0-9._/-]{1,100}$/).optional() }),
]);
export type PublishTargetInput = z.input<typeof PublishTargetInput>;

export function presentTarget(row: Row<'publish_targets'>) {
  return {
    id: row.id,
    page_id: row.page_id,
    config: row.config,
    published_at: row.published_at?.toISOString() ?? null,
    last_error: row.last_error,
    created_at: row.created_at.toISOString(),
  };
}

export async function addPublishTarget({ ctx, pageId, input }: { ctx: Ctx; pageId: string; input: PublishTargetInput }) {
  authorize(ctx, 'page.manage');
  const config = parseInput(PublishTargetInput, input);
  return withTransaction(ctx, async (tx) => {
    const page = await tx.selectFrom('status_pages').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', pageId).executeTakeFirst();
    if (!page) throw new NotFoundError('status-page', pageId);
    const row = await tx
      .insertInto('publish_targets')
      .values({ workspace_id: ctx.workspaceId, id: newId(), page_id: pageId, kind: config.kind, config: JSON.stringify(config), created_at: ctx.now(), updated_at: ctx.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = presentTarget(row);
    // A new target gets the whole page at once.
    await recordAudit(tx, ctx, { action: 'page.add_target', entityType: 'status_page', entityId: pageId, after: target });
    return target;
  });
}

export async function listPublishTargets({ ctx, pageId }: { ctx: Ctx; pageId: string }) {
  authorize(ctx, 'page.manage');
  const page = await ctx.db.db.selectFrom('status_pages').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', pageId).executeTakeFirst();
  if (!page) throw new NotFoundError('status-page', pageId);
  const rows = await ctx.db.db.selectFrom('publish_targets').selectAll().where('workspace_id', '=', ctx.workspaceId).where('page_id', '=', pageId).orderBy('created_at').execute();
  return rows.map(presentTarget);
}

export async function removePublishTarget({ ctx, pageId, targetId }: { ctx: Ctx; pageId: string; targetId: string }) {
  authorize(ctx, 'page.manage');
  await withTransaction(ctx, async (tx) => {
    const row = await tx.deleteFrom('publish_targets').where('workspace_id', '=', ctx.workspaceId).where('page_id', '=', pageId).where('id', '=', targetId).returningAll().executeTakeFirst();
    if (!row) throw new NotFoundError('publish-target', targetId);
    await recordAudit(tx, ctx, { action: 'page.remove_target', entityType: 'status_page', entityId: pageId, before: presentTarget(row) });
  });
}
