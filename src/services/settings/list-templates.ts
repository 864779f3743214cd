import type { Db } from '../../adapters/db/connect.ts';
import { authorize, type Ctx } from '../context.ts';
import { presentTemplate } from './internal.ts';

export type MessageTemplate = ReturnType<typeof presentTemplate>;

/** The workspace's own templates, by stage, language, channel and audience; every role may read them. */
export async function listTemplates({ ctx }: { ctx: Ctx }): Promise<MessageTemplate[]> {
  authorize(ctx, 'workspace.read');
  return loadTemplates(ctx.tx ?? ctx.db.db, ctx.workspaceId);
}

/** The same list for a verb that already holds a handle (a message being drafted picks its slot from it). */
export async function loadTemplates(db: Db, workspaceId: string): Promise<MessageTemplate[]> {
  const rows = await db
    .selectFrom('message_templates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('stage')
    .orderBy('language')
    .orderBy('channel')
    .orderBy('audience', (ob) => ob.nullsFirst())
    .orderBy('id')
    .execute();
  return rows.map(presentTemplate);
}
