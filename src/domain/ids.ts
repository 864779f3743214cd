import { randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A 12-character lowercase id, the shape Statuspage clients expect (`kctbh9vrtdwd`). */
export function newId(): string {
  const bytes = randomBytes(12);
  let id = '';
  // 256 % 36 = 4: the bias is under 2 % and ids need uniqueness, not uniform letters.
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}

/** A secret for tokens and sessions: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
