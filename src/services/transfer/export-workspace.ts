import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, type Ctx } from '../context.ts';
import { documentFormat, documentFormatVersion, userColumnsOf, workspaceTables, type Member, type WorkspaceHeader, type WorkspaceTableName } from './format.ts';
import { isoText, readColumns, selectColumns, tidyInstant, tidyInstants } from './internal.ts';

/** What an export hands its writer, in this order: the header, then each table followed by its pages, then the end. */
export type ExportPart =
  | { type: 'header'; header: WorkspaceHeader }
  | { type: 'table'; table: WorkspaceTableName }
  | { type: 'rows'; table: WorkspaceTableName; rows: Record<string, unknown>[] }
  | { type: 'end' };

/**
 * Exports the workspace as one `WorkspaceDocument`, handed to `write` part by part, rows by keyset
 * pages of `pageSize` (Default: 1000) from one snapshot. Secrets never leave: no password hash,
 * session, API token or idempotency key. `write` runs inside the read transaction: it must not query.
 */
export async function exportWorkspace({ ctx, write, pageSize = 1_000 }: { ctx: Ctx; write: (part: ExportPart) => Promise<void> | void; pageSize?: number }): Promise<{ rows: number }> {
  authorize(ctx, 'export.run');
  return inSnapshot(ctx, async (tx) => {
    const columns = await readColumns(tx, ['workspaces', ...workspaceTables.map((table) => table.name)]);
    const workspaceColumns = columns.get('workspaces')!;
    const workspace = (await sql<Record<string, unknown>>`select ${selectColumns(workspaceColumns)} from workspaces where id = ${ctx.workspaceId}`.execute(tx)).rows[0];
    if (!workspace) throw new NotFoundError('workspace', ctx.workspaceId);
    await write({
      type: 'header',
      header: {
        format: documentFormat,
        format_version: documentFormatVersion,
        exported_at: ctx.now().toISOString(),
        workspace: asWorkspace(tidyInstants(workspace, workspaceColumns)),
        members: await readMembers(tx, ctx.workspaceId),
      },
    });
    let count = 0;
    for (const table of workspaceTables) {
      await write({ type: 'table', table: table.name });
      const tableColumns = columns.get(table.name)!;
      let last: unknown[] | undefined;
      for (;;) {
        const key = sql.join(table.key.map((column) => sql.ref(column)));
        const { rows } = await sql<Record<string, unknown>>`
          select ${selectColumns(tableColumns)} from ${sql.table(table.name)}
          where workspace_id = ${ctx.workspaceId} ${last ? sql`and (${key}) > (${sql.join(last)})` : sql``}
          order by ${key} limit ${pageSize}`.execute(tx);
        if (rows.length > 0) await write({ type: 'rows', table: table.name, rows: rows.map((row) => tidyInstants(row, tableColumns)) });
        count += rows.length;
        if (rows.length < pageSize) break;
        last = table.key.map((column) => rows.at(-1)![column]);
      }
    }
    await write({ type: 'end' });
    return { rows: count };
  });
}

/**
 * One repeatable-read transaction, so a write landing mid-export cannot leave a row pointing at a
 * row not exported. Pages walk the primary key index: on stale statistics (PGlite runs no
 * autovacuum) the planner would otherwise sort the rest of a table for every page.
 */
function inSnapshot<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx);
  return ctx.db.transaction(async (tx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    await sql`set local enable_sort = off`.execute(tx);
    return fn(tx);
  });
}

/** The members, and the people who left but whom rows still name (a referent, an author), by e-mail. */
async function readMembers(tx: Tx, workspaceId: string): Promise<Member[]> {
  const named = workspaceTables.flatMap((table) =>
    userColumnsOf(table).map((column) => sql`select ${sql.ref(column)} from ${sql.table(table.name)} where workspace_id = ${workspaceId}`),
  );
  const { rows } = await sql<Record<string, unknown> & { joined_at: string | null }>`
    select u.id, u.email, u.name, u.locale, m.role, ${isoText(sql.ref('m.created_at'))} as joined_at, m.version as membership_version
    from users u left join memberships m on m.user_id = u.id and m.workspace_id = ${workspaceId}
    where m.user_id is not null ${named.length > 0 ? sql`or u.id in (${sql.join(named, sql` union `)})` : sql``}
    order by u.email`.execute(tx);
  return rows.map((row) => asMember({ ...row, joined_at: row.joined_at && tidyInstant(row.joined_at) }));
}

// The two casts below restate the selections above: the columns of `workspaces`, and of a member.
function asWorkspace(row: Record<string, unknown>): WorkspaceHeader['workspace'] {
  return row as WorkspaceHeader['workspace'];
}

function asMember(row: Record<string, unknown>): Member {
  return row as Member;
}
