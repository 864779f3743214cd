import { authorize, withTransaction, type Ctx } from '../context.ts';
import { fetchIncidentRow } from './internal.ts';
import { loadMessages } from './message-view.ts';

/** An incident's messages, newest first, each as `getMessage` shows it. */
export async function listMessages({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'facts.read');
  return withTransaction(ctx, async (tx) => {
    await fetchIncidentRow(tx, ctx, incidentId);
    const rows = await tx
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return { messages: await loadMessages(tx, ctx, rows) };
  });
}
