import { sha256 } from '../secrets.ts';

/** What an approval covers of a variant: where it goes and what it says. */
export interface VariantContent {
  audience: string;
  language: string;
  channel: string;
  network: string | null;
  subject: string | null;
  body: string;
}

/**
 * The fingerprint an approval is bound to: the promised next update and every variant's
 * destination and text, in a canonical order. Any edit, added or removed variant changes it.
 */
export function contentHash(message: { nextUpdateAt: Date | null }, variants: readonly VariantContent[]): string {
  const rows = variants
    .map((v) => [v.audience, v.language, v.channel, v.network ?? null, v.subject ?? null, v.body])
    .map((row) => JSON.stringify(row))
    .sort();
  return sha256(JSON.stringify({ next_update_at: message.nextUpdateAt?.toISOString() ?? null, variants: rows }));
}
