import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import { ConflictError } from '../../domain/errors.ts';
import { Language, Name, TimeZone, parseInput } from '../schemas.ts';

export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2 to 63 characters');

export const CreateWorkspaceInput = z.strictObject({
  slug: Slug,
  name: Name,
  time_zone: TimeZone.default('UTC'),
  default_language: Language.default('en'),
});

export function presentWorkspace(row: { id: string; slug: string; name: string; time_zone: string; default_language: string; created_at: Date; updated_at: Date; version: number }) {
  return { ...row, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() };
}

/** Creates a workspace (an organization). Run by the CLI and the demo, before anyone can sign in to it. */
export async function createWorkspace({ db, input, now }: { db: DatabaseHandle; input: z.input<typeof CreateWorkspaceInput>; now: Date }) {
  const data = parseInput(CreateWorkspaceInput, input);
  const existing = await db.db.selectFrom('workspaces').select('id').where('slug', '=', data.slug).executeTakeFirst();
  if (existing) throw new ConflictError('workspace-slug-taken', `A workspace with the slug "${data.slug}" already exists.`);
  const row = await db.db
    .insertInto('workspaces')
    .values({ id: newId(), ...data, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentWorkspace(row);
}
