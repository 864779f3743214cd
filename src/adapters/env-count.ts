/**
 * A setting that counts something (a pool size, a rate): a whole number of at least 1, or absent.
 * A wrong value is added to `errors`, so that every mistake of a configuration is told at once.
 */
export function readCount(env: Record<string, string | undefined>, name: string, errors: string[]): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 1) return value;
  errors.push(`${name} must be a whole number of at least 1, not "${raw}".`);
  return undefined;
}
