import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import { workspaceTables, type Column } from './format.ts';

/** The columns of `tables` but workspace_id and what is never exported, in table order, as the live database describes them. */
export async function readColumns(tx: Tx, tables: readonly string[]): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>`
    select table_name, column_name, data_type, is_nullable, column_default, is_identity
    from information_schema.columns
    where table_schema = current_schema() and table_name in (${sql.join(tables)}) and column_name <> 'workspace_id'
    order by table_name, ordinal_position`.execute(tx);
  const columns = new Map<string, Column[]>(tables.map((table) => [table, []]));
  const notExported = new Map<string, readonly string[]>(workspaceTables.map((table) => [table.name, 'notExported' in table ? table.notExported : []]));
  for (const row of rows) {
    if (notExported.get(row.table_name)?.includes(row.column_name)) continue;
    const isIdentity = row.is_identity === 'YES';
    columns.get(row.table_name)!.push({ name: row.column_name, type: row.data_type, isNullable: row.is_nullable === 'YES', hasDefault: isIdentity || row.column_default !== null, isIdentity });
  }
  return columns;
}

/** A selection of `columns` where instants come as ISO 8601 text with their microseconds (a JS Date keeps milliseconds). */
export function selectColumns(columns: readonly Column[]): RawBuilder<unknown> {
  return sql.join(
    columns.map((column) => {
      const ref = sql.ref(column.name);
      return column.type === 'timestamp with time zone' ? sql`${isoText(ref)} as ${ref}` : ref;
    }),
  );
}

export function isoText(ref: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function tidyInstants(row: Record<string, unknown>, columns: readonly Column[]): Record<string, unknown> {
  for (const column of columns) {
    const value = row[column.name];
    if (column.type === 'timestamp with time zone' && typeof value === 'string') row[column.name] = tidyInstant(value);
  }
  return row;
}

/** `2026-03-10T14:00:00.120000Z` → `2026-03-10T14:00:00.120Z`, as `Date#toISOString` writes it, when no microsecond is lost. */
export function tidyInstant(value: string): string {
  return value.replace(/(\.\d{3})000Z$/, '$1Z');
}
