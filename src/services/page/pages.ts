import { z } from 'zod';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Language, Name, TimeZone, parseInput, stripUndefined } from '../schemas.ts';
import { hashPassword } from '../access/add-user.ts';

const PageSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes');
const PageUrl = z.url({ protocol: /^https?$/ }).max(500).transform((url) => url.replace(/\/+$/, '')).nullable();

const EmailDomains = z.array(z.string().regex(/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain such as example.com')).max(50);
/** Write-only: stored as an argon2id hash; null removes it. */
const AccessPassword = z.string().min(10, 'at least 10 characters').max(200).nullable();

export const CreatePageInput = z.strictObject({
  slug: PageSlug,
  name: Name,
  language: Language,
  time_zone: TimeZone,
  visibility: z.enum(['public', 'private']).default('public'),
  url: PageUrl.optional(),
  access_password: AccessPassword.optional(),
  allowed_email_domains: EmailDomains.optional(),
});
export const UpdatePageInput = z.strictObject({
  slug: PageSlug.optional(),
  name: Name.optional(),
  language: Language.optional(),
  time_zone: TimeZone.optional(),
  visibility: z.enum(['public', 'private']).optional(),
  url: PageUrl.optional(),
  access_password: AccessPassword.optional(),
  allowed_email_domains: EmailDomains.optional(),
});

/** The columns the access fields set: the password only as its hash. */
async function accessColumns(data: { access_password?: string | null; allowed_email_domains?: string[] }) {
  return {
    ...(data.access_password !== undefined ? { access_password_hash: data.access_password === null ? null : await hashPassword(data.access_password) } : {}),
    ...(data.allowed_email_domains !== undefined ? { allowed_email_domains: data.allowed_email_domains } : {}),
  };
}

export function presentPage(row: Row<'status_pages'>) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    language: row.language,
    time_zone: row.time_zone,
    visibility: row.visibility,
    url: row.url,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
    content_version: row.content_version,
    published_version: row.published_version,
    published_at: row.published_at?.toISOString() ?? null,
    last_publish_error: row.last_publish_error,
    next_publish_at: row.next_publish_at?.toISOString() ?? null,
    has_password: row.access_password_hash !== null,
    allowed_email_domains: row.allowed_email_domains,
  };
}

async function fetchPage(tx: Tx, ctx: Ctx, id: string) {
  const row = await tx.selectFrom('status_pages').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('status-page', id);
  return row;
}

async function assertSlugFree(tx: Tx, ctx: Ctx, slug: string, exceptId?: string) {
  const clash = await tx.selectFrom('status_pages').select('id').where('workspace_id', '=', ctx.workspaceId).where('slug', '=', slug).executeTakeFirst();
  if (clash && clash.id !== exceptId) throw new ConflictError('page-slug-taken', `A status page with the slug "${slug}" already exists in this workspace.`);
}

export async function createPage({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreatePageInput> }) {
  authorize(ctx, 'page.manage');
  const { access_password, allowed_email_domains, ...data } = parseInput(CreatePageInput, input);
  const access = await accessColumns({ access_password, allowed_email_domains });
  return withTransaction(ctx, async (tx) => {
    await assertSlugFree(tx, ctx, data.slug);
    const now = ctx.now();
    const row = await tx
      .insertInto('status_pages')
      .values({ workspace_id: ctx.workspaceId, id: newId(), ...data, ...access, url: data.url ?? null, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const page = presentPage(row);
    await recordAudit(tx, ctx, { action: 'page.create', entityType: 'status_page', entityId: row.id, after: page });
    return page;
  });
}

export async function listPages({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'workspace.read');
  const rows = await ctx.db.db.selectFrom('status_pages').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('slug').execute();
  return rows.map(presentPage);
}

export async function getPage({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'workspace.read');
  return ctx.db.transaction(async (tx) => presentPage(await fetchPage(tx, ctx, id)));
}

export async function updatePage({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: z.input<typeof UpdatePageInput>; expectedVersion?: number }) {
  authorize(ctx, 'page.manage');
  const { access_password, allowed_email_domains, ...data } = parseInput(UpdatePageInput, input);
  const access = await accessColumns({ access_password, allowed_email_domains });
  return withTransaction(ctx, async (tx) => {
    const before = await fetchPage(tx, ctx, id);
    checkVersion('status page', before.version, expectedVersion);
    if (data.slug) await assertSlugFree(tx, ctx, data.slug, id);
    const row = await tx
      .updateTable('status_pages')
      .set({ ...stripUndefined(data), ...access, updated_at: ctx.now(), version: before.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentPage(row);
    await recordAudit(tx, ctx, { action: 'page.update', entityType: 'status_page', entityId: id, before: presentPage(before), after });
    return after;
  });
}

export async function deletePage({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }) {
  authorize(ctx, 'page.manage');
  await withTransaction(ctx, async (tx) => {
    const before = await fetchPage(tx, ctx, id);
    checkVersion('status page', before.version, expectedVersion);
    await tx.deleteFrom('status_pages').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'page.delete', entityType: 'status_page', entityId: id, before: presentPage(before) });
  });
}
