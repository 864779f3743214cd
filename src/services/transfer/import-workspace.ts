import { z } from 'zod';
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import { ConflictError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { recordAudit, type Ctx } from '../context.ts';
import { Name, parseInput } from '../schemas.ts';
import { presentWorkspace, Slug } from '../workspace/create-workspace.ts';
import { checkRows, invalidDocument, parseEnvelope, userColumnsOf, workspaceTables, type Column, type Member } from './format.ts';
import { readColumns } from './internal.ts';

export const ImportWorkspaceInput = z.strictObject({ slug: Slug, name: Name.optional() });

/** At most this many bound values per INSERT (PostgreSQL takes 65,535). */
const maxValuesPerInsert = 30_000;

/**
 * Creates workspace `slug` from an export in one transaction, every row keeping its id (ids are
 * unique per workspace only). A bad document fails whole (InvalidError), a taken slug too (ConflictError).
 * Run by the CLI as the system: there is no workspace yet to hold a role in.
 */
export async function importWorkspace({ ctx, input, document }: { ctx: Omit<Ctx, 'workspaceId'>; input: z.input<typeof ImportWorkspaceInput>; document: unknown }) {
  const data = parseInput(ImportWorkspaceInput, input);
  const envelope = parseEnvelope(document);
  const run = <T>(fn: (tx: Tx) => Promise<T>) => (ctx.tx ? fn(ctx.tx) : ctx.db.transaction(fn));
  return run(async (tx) => {
    const columns = await readColumns(tx, workspaceTables.map((table) => table.name));
    const issues = checkRows(envelope, columns);
    if (issues.length > 0) throw invalidDocument(issues);
    const taken = await tx.selectFrom('workspaces').select('id').where('slug', '=', data.slug).executeTakeFirst();
    if (taken) throw slugTaken(data.slug);
    const now = ctx.now();
    const source = envelope.workspace;
    const workspace = await tx
      .insertInto('workspaces')
      .values({ id: newId(), slug: data.slug, name: data.name ?? source.name, time_zone: source.time_zone, default_language: source.default_language, created_at: source.created_at, updated_at: source.updated_at, version: source.version })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Another import or create took the slug since the check above.
        throw (error as { code?: string }).code === '23505' ? slugTaken(data.slug) : error;
      });
    const people = await addPeople(tx, workspace.id, envelope.members, now);
    const counts: Record<string, number> = {};
    for (const table of workspaceTables) {
      const rows = envelope.tables[table.name];
      await insertRows(tx, workspace.id, table.name, columns.get(table.name)!, new Set(userColumnsOf(table)), people.ids, rows);
      counts[table.name] = rows.length;
    }
    await advanceIdentities(tx, workspace.id, columns);
    const result = { workspace: presentWorkspace(workspace), rows: counts, users_created: people.created };
    await recordAudit(tx, { ...ctx, workspaceId: workspace.id }, {
      action: 'workspace.import',
      entityType: 'workspace',
      entityId: workspace.id,
      after: { source: { id: source.id, slug: source.slug, exported_at: envelope.exported_at }, rows: counts, users_created: people.created },
    });
    return result;
  });
}

function slugTaken(slug: string): ConflictError {
  return new ConflictError('workspace-slug-taken', `A workspace with the slug "${slug}" already exists; import under another --slug.`);
}

/**
 * Matches people by e-mail; an unknown one gets an account without a password (keeping its id when
 * free). Returns the id each document id stands for here: columns naming people follow it, audit
 * snapshots stay as recorded.
 */
async function addPeople(tx: Tx, workspaceId: string, members: Member[], now: Date): Promise<{ ids: Map<string, string>; created: string[] }> {
  const ids = new Map<string, string>();
  const created: string[] = [];
  for (const member of members) {
    const email = member.email.trim().toLowerCase();
    let userId = (await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
    if (!userId) {
      const isIdTaken = Boolean(await tx.selectFrom('users').select('id').where('id', '=', member.id).executeTakeFirst());
      userId = isIdTaken ? newId() : member.id;
      await tx.insertInto('users').values({ id: userId, email, name: member.name, password_hash: null, locale: member.locale, created_at: now, updated_at: now }).execute();
      created.push(email);
    }
    ids.set(member.id, userId);
    if (member.role !== null) {
      await tx
        .insertInto('memberships')
        .values({ workspace_id: workspaceId, user_id: userId, role: member.role, created_at: member.joined_at ?? now, version: member.membership_version ?? 1 })
        .execute();
    }
  }
  return { ids, created };
}

async function insertRows(
  tx: Tx,
  workspaceId: string,
  table: string,
  columns: Column[],
  userColumns: ReadonlySet<string>,
  userIds: ReadonlyMap<string, string>,
  rows: Record<string, unknown>[],
): Promise<void> {
  const batchSize = Math.max(1, Math.floor(maxValuesPerInsert / (columns.length + 1)));
  const names = sql.join([sql.ref('workspace_id'), ...columns.map((column) => sql.ref(column.name))]);
  for (let start = 0; start < rows.length; start += batchSize) {
    const values = rows.slice(start, start + batchSize).map((row) => sql`(${sql.join([sql`${workspaceId}`, ...columns.map((column) => toValue(column, row[column.name], userColumns, userIds))])})`);
    try {
      await sql`insert into ${sql.table(table)} (${names}) values ${sql.join(values)}`.execute(tx);
    } catch (error) {
      throw refusedRows(error, table);
    }
  }
}

function toValue(column: Column, value: unknown, userColumns: ReadonlySet<string>, userIds: ReadonlyMap<string, string>): RawBuilder<unknown> {
  if (value === undefined) return sql`default`;
  if (value === null) return sql`null`;
  if (userColumns.has(column.name) && typeof value === 'string') return sql`${userIds.get(value) ?? value}`;
  // A JSON array bound as is would reach PostgreSQL as an array literal, not as jsonb.
  if (column.type === 'jsonb' || column.type === 'json') return sql`${JSON.stringify(value)}`;
  return sql`${value}`;
}

/** A value the database refuses (a status it does not know, a too long text) is the file's fault. */
function refusedRows(error: unknown, table: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^2[23]/.test(code)) return error;
  return invalidDocument([{ pointer: `/tables/${table}`, detail: (error as Error).message }]);
}

/**
 * Identity sequences are global per table while keys are per workspace: after rows arrive with
 * their ids, the sequence must stand above the largest, or the next insert here collides. The
 * sequence only moves forward (setval only when the imported ids are ahead of nextval).
 */
async function advanceIdentities(tx: Tx, workspaceId: string, columns: ReadonlyMap<string, Column[]>): Promise<void> {
  for (const [table, tableColumns] of columns) {
    for (const column of tableColumns.filter((candidate) => candidate.isIdentity)) {
      await sql`
        select setval(s.sequence, s.top)
        from (select pg_get_serial_sequence(${table}, ${column.name})::regclass as sequence,
                     (select max(${sql.ref(column.name)}) from ${sql.table(table)} where workspace_id = ${workspaceId}) as top) s
        where s.top >= nextval(s.sequence)`.execute(tx);
    }
  }
}
