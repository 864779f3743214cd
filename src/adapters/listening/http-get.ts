import { httpUrlOf, retryAfterMsOf } from '../http/post-json.ts';

export interface GetOptions {
  headers?: Record<string, string>;
  /** (Default: 10 000) */
  timeoutMs?: number;
  /** A body past this is refused rather than read on. (Default: 2 MiB) */
  maxBytes?: number;
  now?: Date;
}

export type GetResult =
  | { ok: true; status: number; headers: Headers; body: string }
  | { ok: false; error: string; status?: number; retryAfterMs?: number };

const defaultTimeoutMs = 10_000;
const defaultMaxBytes = 2 * 1_048_576;

/** One GET of a listened source: bounded in time and size, never throws for what the server did. */
export async function getBounded(url: string, options: GetOptions = {}): Promise<GetResult> {
  const target = httpUrlOf(url);
  if (typeof target === 'string') return { ok: false, error: target };
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const headers = new Headers({ 'user-agent': 'Tocsin/1 (listening)' });
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(target, { headers, signal, redirect: 'follow' });
  } catch (error) {
    return { ok: false, error: describe(error, target, timeoutMs) };
  }
  if (response.status === 304) return { ok: true, status: 304, headers: response.headers, body: '' };
  if (response.status < 200 || response.status >= 300) {
    await response.body?.cancel();
    const retryAfterMs = response.status === 429 || response.status === 503 ? retryAfterMsOf(response.headers.get('retry-after'), options.now ?? new Date()) : undefined;
    return { ok: false, status: response.status, error: `${target.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, status: response.status, error: `${target.host} sent ${declared} bytes, more than the ${maxBytes} read from a source.` };
  }
  try {
    const body = await readAtMost(response, maxBytes);
    if (body === undefined) return { ok: false, status: response.status, error: `${target.host} sent more than the ${maxBytes} bytes read from a source.` };
    return { ok: true, status: response.status, headers: response.headers, body };
  } catch (error) {
    return { ok: false, error: describe(error, target, timeoutMs) };
  }
}

async function readAtMost(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown, target: URL, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `${target.host} did not answer within ${timeoutMs / 1_000} s.`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `${target.host} could not be reached${cause?.code ? ` (${cause.code})` : cause?.message ? ` (${cause.message})` : ''}.`;
}
