import { InvalidError } from '../domain/errors.ts';

/**
 * Keyset cursors: the sort key of a page's last row, as base64url JSON, opaque to callers. A cursor
 * this API did not give out is refused with `cursor-malformed`.
 */
export function encodeCursor(key: readonly (string | Date)[]): string {
  return Buffer.from(JSON.stringify(key.map((value) => (value instanceof Date ? value.toISOString() : value)))).toString('base64url');
}

/** The key a cursor carries, when it has `size` strings and `accepts` them. */
export function decodeCursor(cursor: string, size: number, accepts: (key: string[]) => boolean = () => true): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === size && key.every((value) => typeof value === 'string') && accepts(key)) return key;
  } catch {
    // Not base64url JSON: refused below like any other foreign cursor.
  }
  throw new InvalidError('This cursor was not given by this API; pass the next_cursor of the previous page.', [{ pointer: '/cursor', detail: 'unknown cursor' }], 'cursor-malformed');
}

/** The usual key: a time, then an id to break ties. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeCursor(cursor, 2, ([time]) => !Number.isNaN(Date.parse(time!)));
  return { at: new Date(at!), id: id! };
}
