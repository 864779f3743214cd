import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { DatabaseHandle } from './connect.ts';

const folder = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(folder)
    .filter((file) => /^\d{4}_[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file.slice(5, -4), sql: readFileSync(folder + file, 'utf8') }));
}

/** A fingerprint of every migration's text, so a cached test template is rebuilt when one changes. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const migration of listMigrations()) hash.update(`${migration.version}\n${migration.sql}\n`);
  return hash.digest('hex').slice(0, 16);
}

export interface MigrationResult {
  applied: Migration[];
  current: number;
}

/**
 * Applies, in order, every migration newer than the database. Forward-only; each migration runs in
 * its own transaction under an advisory lock, so N processes starting at once apply it once.
 */
export async function migrate(handle: DatabaseHandle): Promise<MigrationResult> {
  await handle.executeSql(`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  const applied: Migration[] = [];
  let current = 0;
  for (const migration of listMigrations()) {
    const script = `select pg_advisory_xact_lock(7746173);
do $$ begin
  if exists (select 1 from schema_migrations where version = ${migration.version}) then
    raise exception using errcode = 'TCSN0', message = 'already applied';
  end if;
end $$;
${migration.sql}
;
insert into schema_migrations (version, name) values (${migration.version}, '${migration.name}');`;
    try {
      await handle.runScript(script);
      applied.push(migration);
    } catch (error) {
      if ((error as { code?: string }).code !== 'TCSN0') {
        throw new Error(`Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    current = migration.version;
  }
  return { applied, current };
}
