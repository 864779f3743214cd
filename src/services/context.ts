import type { DatabaseHandle, Tx } from '../adapters/db/connect.ts';
import type { ActorType, NewRow } from '../adapters/db/schema.ts';
import type { Queue } from '../adapters/queue/queue.ts';
import { can, type Permission, type Role } from '../domain/access/roles.ts';
import { ForbiddenError, StaleVersionError } from '../domain/errors.ts';
import { affectsPublicPages, markPagesStale, type PublicChange } from './status-page/mark-pages-stale.ts';

export type Actor =
  | { type: 'user'; id: string; name: string; role: Role }
  | { type: 'token'; id: string; name: string; role: Role }
  | { type: 'system'; name: string };

/** What every verb receives: who acts, in which workspace, with which resources and clock. */
export interface Ctx {
  workspaceId: string;
  actor: Actor;
  db: DatabaseHandle;
  queue: Queue;
  now: () => Date;
  requestId?: string;
  /** Set when the verb runs inside a caller's transaction. */
  tx?: Tx;
}

/** The system acts for schedules (maintenance windows) and imports; it may do anything. */
export function authorize(ctx: Ctx, permission: Permission): void {
  if (ctx.actor.type === 'system') return;
  if (!can(ctx.actor.role, permission)) throw new ForbiddenError(permission, ctx.actor.role);
}

export function withTransaction<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.tx ? fn(ctx.tx) : ctx.db.transaction(fn);
}

export function actorColumns(actor: Actor): { author_type: ActorType; author_id: string | null; author_name: string } {
  return { author_type: actor.type, author_id: actor.type === 'system' ? null : actor.id, author_name: actor.name };
}

/** An `If-Match` version that no longer matches the row fails the edit with 412; none skips the check. */
export function checkVersion(entity: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw new StaleVersionError(entity, expected, current);
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The entity this one is a part of (an incident for one of its updates): what public pages re-read. */
  partOf?: PublicChange;
}

/** Appends to the audit log in the caller's transaction: the change and its record commit together. */
export async function recordAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.insertInto('audit_log').values(auditRow(ctx, entry)).execute();
  // Every change is audited, so this is where the public pages learn they are out of date.
  if (affectsPublicPages(entry.entityType)) await markPagesStale(tx, ctx, entry.partOf ?? { entityType: entry.entityType, entityId: entry.entityId });
}

/** The audit row for an entry, for a verb that writes it within a larger statement. */
export function auditRow(ctx: Ctx, entry: AuditEntry): NewRow<'audit_log'> {
  return {
    workspace_id: ctx.workspaceId,
    at: ctx.now(),
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.type === 'system' ? null : ctx.actor.id,
    actor_name: ctx.actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(redactSecrets(entry.before)),
    after: entry.after === undefined ? null : JSON.stringify(redactSecrets(entry.after)),
    request_id: ctx.requestId ?? null,
  };
}

const secretKeys = new Set(['password', 'password_hash', 'secret_hash', 'secret', 'token', 'csrf_token']);

function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([key]) => !secretKeys.has(key)).map(([key, inner]) => [key, redactSecrets(inner)]),
    );
  }
  return value;
}
