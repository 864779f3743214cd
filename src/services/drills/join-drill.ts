import { ConflictError, TocsinError } from '../../domain/errors.ts';
import { newSecret } from '../../domain/ids.ts';
import { sha256 } from '../../domain/secrets.ts';
import { createToken } from '../access/create-token.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { drillOfSandbox, fetchDrill } from './internal.ts';

/** A drill session lasts the working day it is played in; a token handed to an API client too. */
const participationMs = 12 * 3_600_000;

export interface Entry {
  workspace: { id: string; slug: string; name: string };
  /** For a person: the session cookie value and its CSRF token. */
  session?: { cookie: string; csrfToken: string; maxAgeSeconds: number };
  /** For an API client: a token of the same role in the sandbox. */
  token?: string;
}

/**
 * Lets a member of the real workspace into the drill's sandbox with the same role: a session there
 * for a person (the console then works in the sandbox), a short-lived sandbox token for an API client.
 */
export async function joinDrill({ ctx, id, realNow }: { ctx: Ctx; id: string; realNow: Date }): Promise<Entry> {
  authorize(ctx, 'workspace.read');
  if (ctx.actor.type === 'system') throw new TocsinError('forbidden', 'drill-join-person', 'A drill is joined by a person or an API client.');
  const actor = ctx.actor;
  return withTransaction(ctx, async (tx) => {
    const drill = await fetchDrill(tx, ctx, id);
    if (drill.state === 'finished') throw new ConflictError('drill-finished', 'This drill is over: read its after-action report instead.');
    const sandbox = await tx.selectFrom('workspaces').select(['id', 'slug', 'name']).where('id', '=', drill.sandbox_workspace_id).executeTakeFirstOrThrow();
    const entry = actor.type === 'user'
      ? { session: await openSession(sandbox.id, actor.id, actor.role) }
      : { token: (await createToken({ ctx: { ...ctx, workspaceId: sandbox.id, actor: { type: 'system', name: `drill join by ${actor.name}` }, tx }, input: { name: `drill participant (${actor.name})`.slice(0, 200), role: actor.role, expires_at: new Date(realNow.getTime() + participationMs).toISOString() } })).token };
    await recordAudit(tx, ctx, { action: 'drill.join', entityType: 'drill', entityId: id, after: { actor: actor.name, role: actor.role } });
    return { workspace: sandbox, ...entry };

    async function openSession(workspaceId: string, userId: string, role: typeof actor.role) {
      // Someone who joined the real workspace after the drill was prepared plays with their role there.
      await tx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: userId, role }).onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing()).execute();
      const at = realNow;
      const secret = newSecret();
      const csrfToken = newSecret();
      await tx.insertInto('sessions').values({ workspace_id: workspaceId, id: sha256(secret), user_id: userId, csrf_token: csrfToken, created_at: at, expires_at: new Date(at.getTime() + participationMs) }).execute();
      return { cookie: `${workspaceId}.${secret}`, csrfToken, maxAgeSeconds: participationMs / 1000 };
    }
  });
}

/** From a sandbox session back to the real workspace: a session there for the same person. */
export async function leaveDrill({ ctx, realNow }: { ctx: Ctx; realNow: Date }): Promise<Entry> {
  authorize(ctx, 'workspace.read');
  const drill = await drillOfSandbox(ctx.db.db, ctx.workspaceId);
  if (!drill) throw new ConflictError('not-in-a-drill', 'This session is not in a drill’s sandbox.');
  if (ctx.actor.type !== 'user') throw new TocsinError('forbidden', 'drill-leave-person', 'Only a person’s session goes back to the real workspace; an API client uses its own token.');
  const userId = ctx.actor.id;
  return ctx.db.transaction(async (tx) => {
    const membership = await tx
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .select(['workspaces.id', 'workspaces.slug', 'workspaces.name'])
      .where('memberships.workspace_id', '=', drill.workspace_id)
      .where('memberships.user_id', '=', userId)
      .executeTakeFirst();
    if (!membership) throw new TocsinError('forbidden', 'not-a-member', 'You are no longer a member of the real workspace.');
    const secret = newSecret();
    const csrfToken = newSecret();
    const sessionDays = 14;
    await tx.insertInto('sessions').values({ workspace_id: membership.id, id: sha256(secret), user_id: userId, csrf_token: csrfToken, created_at: realNow, expires_at: new Date(realNow.getTime() + sessionDays * 86_400_000) }).execute();
    return { workspace: membership, session: { cookie: `${membership.id}.${secret}`, csrfToken, maxAgeSeconds: sessionDays * 86_400 } };
  });
}
