import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import type { Row } from '../../adapters/db/schema.ts';
import { authorize, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { componentIdsOf, fetchPage } from './internal.ts';

export const ExportSubscribersInput = z.strictObject({
  channel: z.enum(['email', 'sms', 'webhook']).optional(),
  state: z.enum(['pending', 'active', 'unsubscribed']).optional(),
});
export type ExportSubscribersInput = z.input<typeof ExportSubscribersInput>;

/** The columns `importSubscribers` reads, then what an export adds; `state` keeps the unsubscribed out of a re-import. */
export const exportColumns = ['email', 'phone', 'webhook_url', 'language', 'components', 'state', 'source', 'created_at', 'confirmed_at'] as const;

/** Rows read per query while exporting. */
const exportPageRows = 1_000;

/**
 * A page's subscribers as CSV, produced as it is read: keyset pages on id, one query each, so the
 * memory used does not grow with the list. Bulk personal data: it needs subscribers.manage.
 */
export async function exportSubscribers({ ctx, pageId, input = {} }: { ctx: Ctx; pageId: string; input?: ExportSubscribersInput }): Promise<AsyncIterable<string>> {
  authorize(ctx, 'subscribers.manage');
  const filter = parseInput(ExportSubscribersInput, input);
  const db = ctx.tx ?? ctx.db.db;
  await fetchPage(db, ctx, pageId);
  return (async function* () {
    yield stringify([[...exportColumns]]);
    let after = '';
    for (;;) {
      let query = db.selectFrom('subscribers').selectAll().where('workspace_id', '=', ctx.workspaceId).where('page_id', '=', pageId).where('id', '>', after);
      if (filter.channel) query = query.where('channel', '=', filter.channel);
      if (filter.state) query = query.where('state', '=', filter.state);
      const rows = await query.orderBy('id').limit(exportPageRows).execute();
      if (rows.length === 0) return;
      const components = await componentIdsOf(db, ctx.workspaceId, rows.map((row) => row.id));
      yield stringify(rows.map((row) => csvRow(row, row.all_components ? [] : (components.get(row.id) ?? []))));
      after = rows.at(-1)!.id;
    }
  })();
}

function csvRow(row: Row<'subscribers'>, componentIds: string[]): string[] {
  return [
    row.channel === 'email' ? row.address : '',
    row.channel === 'sms' ? row.address : '',
    row.channel === 'webhook' ? row.address : '',
    row.language,
    componentIds.join(';'),
    row.state,
    row.source,
    row.created_at.toISOString(),
    row.confirmed_at?.toISOString() ?? '',
  ];
}
