import { currentLanguage } from './i18n.ts';

/** One field the server refused, as RFC 9457 problem+json names it (`errors[].pointer`). */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** A refusal from the API, with what a person needs to fix it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail || title);
  }

  /** The part after `/problems/`: `message-not-approved`, `stale-version`… */
  get reason(): string {
    return this.type.split('/').pop() ?? '';
  }

  /** The problem with one field, if the server named it. */
  at(pointer: string): string | undefined {
    return this.errors.find((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`))?.detail;
  }
}

export interface RequestOptions {
  body?: unknown;
  /** The version read, for a conflict-safe save: the server answers 412 if it moved since. */
  ifMatch?: string | number;
  /** Makes a creating POST safe to send twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let serverOffsetMs = 0;

/** Now on the server's clock (every answer carries it): deadlines and countdowns are the server's. */
export function serverNow(): number {
  return Date.now() + serverOffsetMs;
}
const signedOutListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is over (401), wherever it happens. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<{ data: T; etag: string | null; status: number }> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${String(options.ifMatch).replace(/^"|"$/g, '')}"`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const serverTime = response.headers.get('x-server-time');
  if (serverTime) serverOffsetMs = Date.parse(serverTime) - Date.now();
  if (response.status === 401 && !path.startsWith('/api/session')) for (const listener of signedOutListeners) listener();
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = (data ?? {}) as { type?: string; title?: string; detail?: string; errors?: FieldProblem[] };
    throw new ApiError(response.status, problem.type ?? 'about:blank', problem.title ?? response.statusText, problem.detail ?? text.slice(0, 300), problem.errors ?? []);
  }
  return { data: data as T, etag: response.headers.get('etag'), status: response.status };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options).then((r) => r.data),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body: body ?? {} }).then((r) => r.data),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }).then((r) => r.data),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }).then((r) => r.data),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options).then((r) => r.data),
};

/** A fresh key for one creating action (a double click sends it once). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Server-sent events from an admin route, with the session cookie. The browser reconnects on its
 * own after a drop; `onEvent` gets each event's name and parsed data.
 */
export function subscribe(path: string, onEvent: (name: string, data: unknown) => void, names: string[]): () => void {
  const source = new EventSource(path, { withCredentials: true });
  for (const name of names) source.addEventListener(name, (event) => onEvent(name, safeJson((event as MessageEvent<string>).data)));
  return () => source.close();
}
