import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { createLogger } from '../../src/logger.ts';
import { startQueue, type Queue } from '../../src/adapters/queue/queue.ts';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { createApp } from '../../src/surfaces/api/app.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { createToken } from '../../src/services/access/create-token.ts';
import { roles, type Role } from '../../src/domain/access/roles.ts';
import type { Ctx } from '../../src/services/context.ts';
import { openTestDatabase } from './db.ts';

/** A clock tests move by hand: services read `now()` from it, nothing sleeps. */
export class TestClock {
  #now: Date;
  constructor(start = new Date('2026-03-10T14:00:00Z')) {
    this.#now = start;
  }
  now = (): Date => new Date(this.#now);
  advance(ms: number): Date {
    this.#now = new Date(this.#now.getTime() + ms);
    return this.now();
  }
  set(at: Date | string): void {
    this.#now = new Date(at);
  }
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Harness {
  db: DatabaseHandle;
  queue: Queue;
  clock: TestClock;
  logger: Logger;
  app: ReturnType<typeof createApp>;
  /** A temporary folder for published pages, removed on close. */
  siteDir: string;
  workspaceId: string;
  /** An API token per role in the workspace. */
  tokens: Record<Role, string>;
  /** A service context acting as the system in the workspace. */
  systemCtx(): Ctx;
  ctxAs(role: Role): Ctx;
  request<T = any>(method: string, path: string, options?: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });

/** A migrated database, a workspace with one member and one token per role, and the real app. */
export async function createHarness(options: { slug?: string } = {}): Promise<Harness> {
  const db = await openTestDatabase();
  const queue = await startQueue(db, { runsJobs: false });
  const clock = new TestClock();
  const logger = createLogger('warn', silent);
  const workspace = await createWorkspace({ db, input: { slug: options.slug ?? 'acme', name: 'Acme Cloud', time_zone: 'Europe/Paris' }, now: clock.now() });
  const systemCtx = (): Ctx => ({ workspaceId: workspace.id, actor: { type: 'system', name: 'test' }, db, queue, now: clock.now });
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of roles) {
    const user = await addUser({ ctx: systemCtx(), input: { email: `${role}@acme.test`, name: `${role} person`, role } });
    userIds[role] = user.id;
    tokens[role] = (await createToken({ ctx: systemCtx(), input: { name: `${role} token`, role } })).token;
  }
  const siteDir = mkdtempSync(path.join(tmpdir(), 'tocsin-harness-site-'));
  const app = createApp({ db, queue, logger, now: clock.now, secureCookies: false, siteDir, publicUrl: 'https://tocsin.example.test', isReady: () => true });
  return {
    db,
    queue,
    clock,
    logger,
    app,
    siteDir,
    workspaceId: workspace.id,
    tokens,
    systemCtx,
    ctxAs: (role) => ({ ...systemCtx(), actor: { type: 'user', id: userIds[role], name: `${role} person`, role } }),
    async request(method, path, { token = tokens.owner, body, rawBody, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
      if (body !== undefined || rawBody !== undefined) {
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
        init.body = rawBody ?? JSON.stringify(body);
      }
      const response = await app.request(path, init);
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (HTML docs, empty 204): keep the text.
      }
      return { status: response.status, headers: response.headers, body: parsed as any };
    },
    async close() {
      await queue.stop();
      await db.close();
      rmSync(siteDir, { recursive: true, force: true });
    },
  };
}
