import { z } from 'zod';
import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { InvalidError } from '../../domain/errors.ts';
import { normalizeAddress } from './address.ts';

export const SuppressionChannel = z.enum(['email', 'sms']);

export function presentSuppression(row: Row<'suppressions'>) {
  return { channel: row.channel, address: row.address, reason: row.reason, detail: row.detail, created_at: row.created_at.toISOString() };
}

/** An address as suppressions store it; national phone numbers read in the workspace's language's country. */
export async function suppressedAddress(db: Db, workspaceId: string, channel: 'email' | 'sms', input: string, pointer: string): Promise<string> {
  const workspace = await db.selectFrom('workspaces').select('default_language').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const normalized = normalizeAddress(channel, input, workspace.default_language);
  if (!normalized.ok) throw new InvalidError(normalized.reason, [{ pointer, detail: normalized.reason }], channel === 'email' ? 'email-invalid' : 'phone-invalid');
  return normalized.address;
}
