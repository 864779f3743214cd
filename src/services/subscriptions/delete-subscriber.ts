import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { auditView, componentIdsOf, fetchSubscriber } from './internal.ts';

/** What an erased subscriber's past deliveries keep instead of the address. */
export const erasedAddress = '[erased]';

/**
 * Erases a subscriber (GDPR art. 17): the row and what it follows go; their past deliveries stay,
 * for the counts, without the address, content or provider answers, and what was still waiting to go is cancelled.
 */
export async function deleteSubscriber({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }): Promise<void> {
  authorize(ctx, 'subscribers.manage');
  await withTransaction(ctx, async (tx) => {
    const before = await fetchSubscriber(tx, ctx, id);
    checkVersion('subscriber', before.version, expectedVersion);
    const components = (await componentIdsOf(tx, ctx.workspaceId, [id])).get(id) ?? [];
    const now = ctx.now();
    await tx
      .updateTable('deliveries')
      .set((eb) => ({
        address: erasedAddress,
        payload: null,
        // A provider's error or answer may quote the address ("550 <ana@…>: no such user").
        last_error: null,
        response: null,
        state: eb.case().when('state', '=', 'pending').then('cancelled' as const).else(eb.ref('state')).end(),
        updated_at: now,
      }))
      .where('workspace_id', '=', ctx.workspaceId)
      .where('subscriber_id', '=', id)
      .execute();
    await tx.deleteFrom('subscribers').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'subscriber.delete', entityType: 'subscriber', entityId: id, before: auditView(before, components) });
  });
}
