import { ConflictError } from '../domain/errors.ts';
import type { Ctx } from './context.ts';

export interface IdempotentResult {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Records the key and runs the creation in one transaction: if the creation fails, the key is
 * released with it; a concurrent duplicate waits on the key's row and then gets the stored answer.
 */
export async function runIdempotent({ ctx, principal, key, requestHash, run }: {
  ctx: Ctx;
  principal: string;
  key: string;
  requestHash: string;
  run: (ctx: Ctx) => Promise<{ status: number; body: unknown }>;
}): Promise<IdempotentResult> {
  return ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .insertInto('idempotency_keys')
      .values({ workspace_id: ctx.workspaceId, principal, key, request_hash: requestHash, created_at: ctx.now() })
      .onConflict((oc) => oc.columns(['workspace_id', 'principal', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await tx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('workspace_id', '=', ctx.workspaceId)
        .where('principal', '=', principal)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.request_hash !== requestHash) {
        throw new ConflictError('idempotency-key-reused', 'This Idempotency-Key was already used for a different request; use a new key for a new request.');
      }
      return { status: stored.status ?? 201, body: stored.response, replayed: true };
    }
    const result = await run({ ...ctx, tx });
    await tx
      .updateTable('idempotency_keys')
      .set({ status: result.status, response: JSON.stringify(result.body) })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('principal', '=', principal)
      .where('key', '=', key)
      .execute();
    return { ...result, replayed: false };
  });
}
