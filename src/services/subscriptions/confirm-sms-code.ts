import { z } from 'zod';
import type { Language } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { sameHash, sha256 } from '../../domain/secrets.ts';
import { hitRateLimit } from '../access/rate-limit.ts';
import { parseInput } from '../schemas.ts';
import { maxCodeAttempts } from './internal.ts';
import { findSubscribablePage, type SelfServiceDeps } from './public-context.ts';
import { requestsPerClientHour } from './subscribe.ts';

export const ConfirmSmsCodeInput = z.strictObject({
  /** The `subscriber_id` the subscribe answer gave. */
  subscriber_id: z.string().max(64),
  code: z.string().trim().regex(/^\d{6}$/, 'the code is the 6 digits of the SMS'),
});
export type ConfirmSmsCodeInput = z.input<typeof ConfirmSmsCodeInput>;

export type SmsCodeOutcome =
  | { outcome: 'confirmed'; language: Language; token: string }
  | { outcome: 'wrong' | 'expired' | 'too-many-attempts'; language: Language };

/**
 * Checks the code an SMS subscriber typed. A number that has no code waiting (already active, or
 * suppressed) answers as a wrong code does, so the form tells nobody whether it was subscribed.
 * After `maxCodeAttempts` wrong codes the code is void; subscribing again sends a new one.
 */
export async function confirmSmsCode({ deps, workspaceSlug, pageSlug, input, clientAddress }: { deps: SelfServiceDeps; workspaceSlug: string; pageSlug: string; input: unknown; clientAddress: string }): Promise<SmsCodeOutcome> {
  const now = deps.now();
  await hitRateLimit(deps.db, `sms-code:client:${clientAddress}`, requestsPerClientHour, 3600, now);
  const page = await findSubscribablePage(deps.db, workspaceSlug, pageSlug);
  if (!page) throw new NotFoundError('status-page', `${workspaceSlug}/${pageSlug}`);
  const data = parseInput(ConfirmSmsCodeInput, input);
  return deps.db.transaction(async (tx) => {
    const row = await tx
      .selectFrom('subscribers')
      .selectAll()
      .where('workspace_id', '=', page.workspaceId)
      .where('page_id', '=', page.pageId)
      .where('id', '=', data.subscriber_id)
      .where('channel', '=', 'sms')
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { outcome: 'wrong', language: page.language };
    const { language } = row;
    if (row.confirm_attempts >= maxCodeAttempts) return { outcome: 'too-many-attempts', language };
    const pending = row.state === 'pending' && row.confirm_code_hash !== null && row.confirm_expires_at !== null;
    if (pending && row.confirm_expires_at! <= now) return { outcome: 'expired', language };
    const update = tx.updateTable('subscribers').where('workspace_id', '=', page.workspaceId).where('id', '=', row.id);
    if (!pending || !sameHash(row.confirm_code_hash!, sha256(data.code))) {
      const attempts = row.confirm_attempts + 1;
      await update.set({ confirm_attempts: attempts, updated_at: now }).execute();
      return { outcome: attempts >= maxCodeAttempts ? 'too-many-attempts' : 'wrong', language };
    }
    await update.set({ state: 'active', confirmed_at: now, confirm_code_hash: null, confirm_expires_at: null, confirm_attempts: 0, updated_at: now, version: row.version + 1 }).execute();
    return { outcome: 'confirmed', language, token: row.manage_token };
  });
}
