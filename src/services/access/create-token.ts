import { z } from 'zod';
import { roles } from '../../domain/access/roles.ts';
import { newId, newSecret } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Instant, Name, parseInput, toDate } from '../schemas.ts';
import { sha256 } from '../../domain/secrets.ts';

export const CreateTokenInput = z.strictObject({ name: Name, role: z.enum(roles), expires_at: Instant.nullable().optional() });

export function presentToken(row: { id: string; name: string; role: string; created_at: Date; expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at?.toISOString() ?? null,
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

/** Creates an API token scoped to a role. The token is shown once; only its hash is stored. */
export async function createToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateTokenInput> }) {
  authorize(ctx, 'token.manage');
  const data = parseInput(CreateTokenInput, input);
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    const secret = newSecret();
    const row = await tx
      .insertInto('api_tokens')
      .values({
        workspace_id: ctx.workspaceId,
        id,
        name: data.name,
        role: data.role,
        secret_hash: sha256(secret),
        created_by: ctx.actor.type === 'user' ? ctx.actor.id : null,
        created_at: ctx.now(),
        expires_at: toDate(data.expires_at) ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const token = presentToken(row);
    await recordAudit(tx, ctx, { action: 'token.create', entityType: 'token', entityId: id, after: token });
    return { ...token, token: `tsn_${ctx.workspaceId}_${id}_${secret}` };
  });
}

export async function listTokens({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'token.manage');
  const rows = await ctx.db.db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('created_at').execute();
  return rows.map(presentToken);
}
