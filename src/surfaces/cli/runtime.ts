import { userInfo } from 'node:os';
import { readConfig } from '../../config.ts';
import { openRuntime, type Runtime } from '../../main.ts';
import type { Ctx } from '../../services/context.ts';
import { UsageError } from './main.ts';

/** Runs a command against the configured database, closing it whatever happens. */
export async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(readConfig(), { runsJobs: false });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/** The workspace a command acts on: the one named, or the only one there is. */
export async function resolveWorkspace(runtime: Runtime, slug: string | undefined): Promise<{ id: string; slug: string }> {
  let rows = await runtime.db.db.selectFrom('workspaces').select(['id', 'slug']).orderBy('slug').execute();
  if (slug) {
    const found = rows.find((row) => row.slug === slug);
    if (!found) throw new UsageError(`No workspace "${slug}" (there are: ${rows.map((row) => row.slug).join(', ') || 'none'}).`);
    return found;
  }
  // A drill's sandbox is a workspace too, but never the one meant by default.
  const sandboxes = new Set((await runtime.db.db.selectFrom('drills').select('sandbox_workspace_id').execute()).map((row) => row.sandbox_workspace_id));
  rows = rows.filter((row) => !sandboxes.has(row.id));
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0) throw new UsageError('There is no workspace yet: create one with "tocsin workspace create <slug> --name <name>" or start the demo with "npm start".');
  throw new UsageError(`Several workspaces exist (${rows.map((row) => row.slug).join(', ')}): name one with --workspace <slug>.`);
}

/** The CLI acts as the system on behalf of the person at the terminal, named in the audit log. */
export async function cliCtx(runtime: Runtime, workspaceSlug: string | undefined): Promise<Ctx> {
  const workspace = await resolveWorkspace(runtime, workspaceSlug);
  return {
    workspaceId: workspace.id,
    actor: { type: 'system', name: `cli (${safeUserName()})` },
    db: runtime.db,
    queue: runtime.queue,
    now: () => new Date(),
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
