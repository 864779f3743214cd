import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { InvalidError } from '../../domain/errors.ts';
import type { Ctx } from '../../services/context.ts';
import { runIdempotent } from '../../services/idempotency.ts';
import type { AppEnv } from './env.ts';

/** The version an `If-Match` header names (`"3"` or `W/"3"`), or undefined when absent or `*`. */
export function expectedVersion(c: Context<AppEnv>): number | undefined {
  const header = c.req.header('if-match');
  if (!header || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) {
    throw new InvalidError('The If-Match header must be the ETag you received, such as "3".', [{ pointer: '/headers/if-match', detail: 'expected "<version>"' }], 'if-match-malformed');
  }
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** Answers a versioned resource with its ETag, so the next edit can send it back in If-Match. */
export function versioned<T extends { version: number }>(c: Context<AppEnv>, body: T, status: 200 | 201 = 200) {
  c.header('ETag', etag(body.version));
  return c.json(body, status);
}

/**
 * Runs a creating POST at most once per `Idempotency-Key`: a retry with the same key and body gets
 * the first answer again; the key reused for another body is refused.
 */
export async function idempotent(c: Context<AppEnv>, ctx: Ctx, create: (ctx: Ctx) => Promise<object>) {
  const key = c.req.header('idempotency-key');
  if (key === undefined) {
    const body = (await create(ctx)) as { version?: number };
    if (typeof body.version === 'number') c.header('ETag', etag(body.version));
    return c.json(body, 201);
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new InvalidError('The Idempotency-Key header must be 1 to 255 visible ASCII characters.', [{ pointer: '/headers/idempotency-key', detail: 'invalid' }], 'idempotency-key-malformed');
  }
  const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`).digest('hex');
  const principal = `${ctx.actor.type}:${ctx.actor.type === 'system' ? '' : ctx.actor.id}`;
  const result = await runIdempotent({ ctx, principal, key, requestHash, run: async (inner) => ({ status: 201, body: await create(inner) }) });
  if (result.replayed) c.header('Idempotent-Replayed', 'true');
  const body = result.body as { version?: number };
  if (body && typeof body.version === 'number') c.header('ETag', etag(body.version));
  return c.json(body, result.status as 201);
}

export const IdParam = z.object({ id: z.string().max(64) });

export function jsonBody<S extends z.ZodType>(schema: S) {
  return { body: { content: { 'application/json': { schema } }, required: true } } as const;
}

export const problemResponses = {
  400: { description: 'Invalid input (problem+json, with `errors[]` pointing at each field)' },
  401: { description: 'Not signed in' },
  403: { description: 'The role may not do this' },
} as const;

export function ok<S extends z.ZodType>(schema: S, description: string) {
  return { content: { 'application/json': { schema } }, description } as const;
}
