import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import { roles } from '../../domain/access/roles.ts';
import { InvalidError, type FieldIssue } from '../../domain/errors.ts';
import { DateOnly, Instant, Language, Name, TimeZone, toInvalidError } from '../schemas.ts';

export const documentFormat = 'tocsin.workspace';
export const documentFormatVersion = 1;

type TableSpec = {
  [T in keyof Database]: {
    name: T;
    /** The primary key without workspace_id: rows are written in its order and paged by it. */
    key: readonly (keyof Database[T] & string)[];
    /** Columns holding the id of a row of another table (or of a person, `users`); an import checks them. */
    references?: Partial<Record<keyof Database[T] & string, keyof Database>>;
    /**
     * Other columns that may hold a person's id (authors, actors, audited members); an import
     * re-points them, unchecked. Ids are random: a value found among the people's ids is a person.
     */
    userColumns?: readonly (keyof Database[T] & string)[];
    /**
     * Columns that never leave the installation: its own work (how far a page's publishing got) and
     * secrets (a page's password hash). An import starts them from their defaults.
     */
    notExported?: readonly (keyof Database[T] & string)[];
    /** Added after documents were first written: a document without it imports it empty. */
    optional?: true;
  };
}[keyof Database];

/**
 * Every tenant table a workspace document carries, in insert order (a table after the tables it
 * refers to). A table added to the schema is one line here.
 */
export const workspaceTables = [
  {
    name: 'status_pages',
    key: ['id'],
    notExported: ['content_version', 'inputs_version', 'published_version', 'build_lease_until', 'published_at', 'publish_failures', 'next_publish_at', 'last_publish_error', 'access_password_hash'],
  },
  { name: 'publish_targets', key: ['id'], references: { page_id: 'status_pages' }, notExported: ['published_version', 'published_at', 'last_error'] },
  { name: 'component_groups', key: ['id'] },
  { name: 'components', key: ['id'], references: { group_id: 'component_groups' } },
  { name: 'component_status_changes', key: ['id'], references: { component_id: 'components' } },
  { name: 'incidents', key: ['id'], references: { referent_id: 'users', backup_referent_id: 'users' }, userColumns: ['created_by'] },
  { name: 'incident_components', key: ['incident_id', 'component_id'], references: { incident_id: 'incidents', component_id: 'components' } },
  { name: 'incident_updates', key: ['id'], references: { incident_id: 'incidents' }, userColumns: ['author_id'] },
  { name: 'maintenances', key: ['id'], userColumns: ['created_by'] },
  { name: 'maintenance_components', key: ['maintenance_id', 'component_id'], references: { maintenance_id: 'maintenances', component_id: 'components' } },
  { name: 'maintenance_updates', key: ['id'], references: { maintenance_id: 'maintenances' }, userColumns: ['author_id'] },
  // One row or none: its key is the workspace itself.
  { name: 'comms_settings', key: ['workspace_id'] },
  { name: 'glossary_terms', key: ['id'] },
  { name: 'message_templates', key: ['id'] },
  { name: 'fact_sheets', key: ['incident_id'], references: { incident_id: 'incidents' } },
  { name: 'messages', key: ['id'], references: { incident_id: 'incidents' }, userColumns: ['author_id'] },
  { name: 'message_variants', key: ['id'], references: { message_id: 'messages' }, userColumns: ['editor_id'] },
  { name: 'message_reviews', key: ['id'], references: { message_id: 'messages' }, userColumns: ['actor_id'] },
  { name: 'fact_entries', key: ['id'], references: { incident_id: 'incidents' }, userColumns: ['author_id'] },
  { name: 'subscribers', key: ['id'], references: { page_id: 'status_pages' } },
  { name: 'subscriber_components', key: ['subscriber_id', 'component_id'], references: { subscriber_id: 'subscribers', component_id: 'components' } },
  { name: 'suppressions', key: ['channel', 'address'] },
  // A Mastodon token or a webhook secret stays here: the new installation is given its own.
  { name: 'channel_endpoints', key: ['id'], notExported: ['secret', 'consecutive_failures', 'disabled_at', 'disabled_reason'] },
  { name: 'regulatory_profiles', key: ['workspace_id'] },
  { name: 'incident_regulatory', key: ['incident_id'], references: { incident_id: 'incidents' } },
  { name: 'regulatory_submissions', key: ['id'], references: { incident_id: 'incidents' }, userColumns: ['recorded_by_id'] },
  { name: 'breach_records', key: ['id'], references: { incident_id: 'incidents' }, userColumns: ['created_by_id', 'updated_by_id'] },
  { name: 'data_controllers', key: ['id'] },
  { name: 'data_controller_components', key: ['controller_id', 'component_id'], references: { controller_id: 'data_controllers', component_id: 'components' } },
  { name: 'regulatory_reports', key: ['incident_id', 'report'], references: { incident_id: 'incidents' } },
  // After the crisis. Drills are not carried: each has its sandbox, a workspace of its own.
  { name: 'closing_settings', key: ['workspace_id'], optional: true },
  { name: 'closing_follow_ups', key: ['promise_id'], references: { promise_id: 'fact_entries', incident_id: 'incidents' }, userColumns: ['author_id'], optional: true },
  { name: 'compensation_gestures', key: ['id'], references: { incident_id: 'incidents', message_id: 'messages', promise_entry_id: 'fact_entries' }, userColumns: ['author_id'], optional: true },
  { name: 'subscriber_segments', key: ['subscriber_id', 'segment'], references: { subscriber_id: 'subscribers' }, optional: true },
  { name: 'corrections', key: ['id'], references: { incident_id: 'incidents', rumor_entry_id: 'fact_entries', message_id: 'messages' }, userColumns: ['created_by_id'], optional: true },
  { name: 'listening_sources', key: ['id'], notExported: ['leased_until'], optional: true },
  { name: 'mentions', key: ['id'], references: { source_id: 'listening_sources', incident_id: 'incidents', rumor_entry_id: 'fact_entries' }, optional: true },
  { name: 'crisis_roles', key: ['role'], optional: true },
  { name: 'crisis_role_members', key: ['role', 'position'], references: { user_id: 'users' }, optional: true },
  { name: 'crisis_template_approvals', key: ['template_kind', 'template_key'], userColumns: ['approved_by_id'], optional: true },
  { name: 'crisis_checklist_ticks', key: ['item'], userColumns: ['ticked_by_id'], optional: true },
  { name: 'report_lessons', key: ['incident_id'], references: { incident_id: 'incidents' }, optional: true },
  { name: 'audit_log', key: ['id'], userColumns: ['actor_id', 'entity_id'] },
] as const satisfies readonly TableSpec[];

export type WorkspaceTableName = (typeof workspaceTables)[number]['name'];

/** Every column holding a person's id in `table`, checked or not. */
export function userColumnsOf(table: TableSpec): string[] {
  const referencing = referencesOf(table).filter(([, target]) => target === 'users').map(([column]) => column);
  return [...referencing, ...(table.userColumns ?? [])];
}

function referencesOf(table: TableSpec): [column: string, target: string][] {
  return Object.entries(table.references ?? {});
}

type Exported<T> = T extends Date ? string : T;
/** A row as the document holds it: no workspace_id, instants as ISO strings (microseconds kept). */
export type ExportedRow<T extends keyof Database> = {
  [K in Exclude<keyof Selectable<Database[T]>, 'workspace_id'>]: Exported<Selectable<Database[T]>[K]>;
};

export const Member = z.strictObject({
  id: z.string().min(1),
  email: z.email().max(320),
  name: z.string().min(1).max(200),
  locale: Language,
  /** null: no longer a member, listed because rows of the workspace name them (a referent, an author). */
  role: z.enum(roles).nullable(),
  joined_at: Instant.nullable(),
  membership_version: z.int().min(1).nullable(),
});
export type Member = z.output<typeof Member>;

const Workspace = z.strictObject({
  id: z.string().min(1),
  slug: z.string(),
  name: Name,
  time_zone: TimeZone,
  default_language: Language,
  created_at: Instant,
  updated_at: Instant,
  version: z.int().min(1),
});

/** The document without the rows, checked before any row is looked at. */
const Envelope = z.strictObject({
  format: z.literal(documentFormat),
  format_version: z.literal(documentFormatVersion),
  exported_at: Instant,
  workspace: Workspace,
  members: z.array(Member),
  tables: z.strictObject(
    // fromEntries loses the keys' names; the map above builds exactly one entry per table.
    Object.fromEntries(
      workspaceTables.map((table) => {
        const rows = z.array(z.record(z.string(), z.unknown()));
        return [table.name, 'optional' in table ? rows.default([]) : rows];
      }),
    ) as Record<WorkspaceTableName, z.ZodArray<z.ZodRecord<z.ZodString, z.ZodUnknown>>>,
  ),
});

export interface WorkspaceHeader {
  format: typeof documentFormat;
  format_version: typeof documentFormatVersion;
  exported_at: string;
  workspace: z.output<typeof Workspace>;
  members: Member[];
}

/**
 * One workspace as one JSON document. Secrets never leave a database: the document holds no
 * password hash, session, API token or idempotency key.
 */
export interface WorkspaceDocument extends WorkspaceHeader {
  tables: { [T in WorkspaceTableName]: ExportedRow<T>[] };
}

/** A column of a table as the database describes it; rows are checked against the live schema. */
export interface Column {
  name: string;
  type: string;
  isNullable: boolean;
  hasDefault: boolean;
  isIdentity: boolean;
}

/** The issues shown in a message; the error carries up to `maxIssues`. */
const shownIssues = 10;
const maxIssues = 1_000;

export function invalidDocument(issues: FieldIssue[], reason = 'invalid-workspace-export'): InvalidError {
  const shown = issues.slice(0, shownIssues).map((issue) => `${issue.pointer}: ${issue.detail}`).join('; ');
  const more = issues.length > shownIssues ? `; and ${issues.length - shownIssues} more` : '';
  return new InvalidError(`The file is not a valid workspace export: ${shown}${more}.`, issues.slice(0, maxIssues), reason);
}

/**
 * Checks what a document says it is before anything else, so a file of another kind gets one
 * sentence rather than a list of missing fields; then checks everything but the rows.
 */
export function parseEnvelope(value: unknown): z.output<typeof Envelope> {
  const format = isRecord(value) ? value.format : undefined;
  if (format !== documentFormat) {
    throw new InvalidError(
      `This is not a Tocsin workspace export: its "format" is ${JSON.stringify(format) ?? 'missing'}, not "${documentFormat}".`,
      [{ pointer: '/format', detail: `expected "${documentFormat}"` }],
      'not-a-workspace-export',
    );
  }
  const version = (value as Record<string, unknown>).format_version;
  if (version !== documentFormatVersion) {
    const newer = typeof version === 'number' && version > documentFormatVersion ? ' (it was written by a newer Tocsin: upgrade to import it)' : '';
    throw new InvalidError(
      `This workspace export has format_version ${JSON.stringify(version) ?? 'missing'}; this Tocsin reads version ${documentFormatVersion}${newer}.`,
      [{ pointer: '/format_version', detail: `expected ${documentFormatVersion}` }],
      'unsupported-format-version',
    );
  }
  const result = Envelope.safeParse(value);
  if (!result.success) throw invalidDocument(toInvalidError(result.error).issues);
  return result.data;
}

/**
 * Checks every row against the columns of the live schema (a column may be left out only where
 * the database has a default for it), then that no key repeats and every reference points at a
 * row or a person of the same document. Returns every issue found.
 */
export function checkRows(envelope: z.output<typeof Envelope>, columns: ReadonlyMap<string, Column[]>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Map<string, Set<unknown>>([['users', new Set()]]);
  for (const [index, member] of envelope.members.entries()) {
    if (ids.get('users')!.has(member.id)) issues.push({ pointer: `/members/${index}/id`, detail: `a second person with the id "${member.id}"` });
    ids.get('users')!.add(member.id);
    if ((member.role === null) !== (member.joined_at === null) || (member.role === null) !== (member.membership_version === null)) {
      issues.push({ pointer: `/members/${index}`, detail: 'role, joined_at and membership_version are all set (a member) or all null (a person rows refer to)' });
    }
  }
  const emails = new Set<string>();
  for (const [index, member] of envelope.members.entries()) {
    if (emails.has(member.email.toLowerCase())) issues.push({ pointer: `/members/${index}/email`, detail: `a second person with the e-mail "${member.email}"` });
    emails.add(member.email.toLowerCase());
  }
  for (const table of workspaceTables) {
    const schema = rowSchema(columns.get(table.name) ?? [], table.key);
    const rows = envelope.tables[table.name];
    const keys = new Set<string>();
    const tableIds = new Set<unknown>();
    for (const [index, row] of rows.entries()) {
      const pointer = `/tables/${table.name}/${index}`;
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        for (const issue of toInvalidError(parsed.error).issues) issues.push({ pointer: `${pointer}${issue.pointer === '/' ? '' : issue.pointer}`, detail: issue.detail });
      }
      const key = JSON.stringify(table.key.map((column) => row[column]));
      if (keys.has(key)) issues.push({ pointer, detail: `a second row with the key ${key}` });
      keys.add(key);
      // A row with a bad field still holds its id: rows referring to it are not reported too.
      tableIds.add(row.id);
    }
    ids.set(table.name, tableIds);
  }
  for (const table of workspaceTables) {
    const references = referencesOf(table);
    for (const [index, row] of envelope.tables[table.name].entries()) {
      for (const [column, target] of references) {
        const value = row[column];
        if (value === null || value === undefined || ids.get(target)?.has(value)) continue;
        const where = target === 'users' ? 'members' : `tables/${target}`;
        issues.push({ pointer: `/tables/${table.name}/${index}/${column}`, detail: `"${String(value)}" is not the id of any row of ${where} in the file` });
      }
    }
  }
  return issues;
}

function rowSchema(columns: readonly Column[], key: readonly string[]) {
  return z.strictObject(
    Object.fromEntries(
      columns.map((column) => {
        let schema: z.ZodType = valueSchema(column.type);
        if (column.isNullable) schema = schema.nullable();
        if (column.hasDefault && !key.includes(column.name)) schema = schema.optional();
        return [column.name, schema];
      }),
    ),
  );
}

function valueSchema(type: string): z.ZodType {
  switch (type) {
    case 'text':
      return z.string();
    case 'integer':
      return z.int32();
    case 'bigint':
      return z.int();
    case 'boolean':
      return z.boolean();
    case 'timestamp with time zone':
      return Instant;
    case 'date':
      return DateOnly;
    default:
      // jsonb, and any type a later migration brings: the database has the last word.
      return z.json();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
