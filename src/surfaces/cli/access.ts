import type { Command } from 'commander';
import { roles } from '../../domain/access/roles.ts';
import { addUser } from '../../services/access/add-user.ts';
import { createToken } from '../../services/access/create-token.ts';
import { createWorkspace } from '../../services/workspace/create-workspace.ts';
import { UsageError } from './main.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

function roleOption(value: string): string {
  if (!(roles as readonly string[]).includes(value)) throw new UsageError(`Unknown role "${value}" (one of: ${roles.join(', ')}).`);
  return value;
}

export function registerAccessCommands(program: Command) {
  const workspace = program.command('workspace').description('Workspaces (organizations)');
  workspace
    .command('create <slug>')
    .description('Create a workspace')
    .requiredOption('--name <name>', 'its display name')
    .option('--time-zone <tz>', 'IANA time zone', 'UTC')
    .option('--language <fr|en>', 'default language', 'en')
    .action(async (slug: string, options: { name: string; timeZone: string; language: string }) => {
      await withRuntime(async (runtime) => {
        const created = await createWorkspace({ db: runtime.db, input: { slug, name: options.name, time_zone: options.timeZone, default_language: options.language as 'fr' }, now: new Date() });
        printJson(created);
      });
    });
  workspace
    .command('list')
    .description('List workspaces')
    .action(async () => {
      await withRuntime(async (runtime) => printJson(await runtime.db.db.selectFrom('workspaces').select(['id', 'slug', 'name']).orderBy('slug').execute()));
    });

  const user = program.command('user').description('People and their roles');
  user
    .command('add <email>')
    .description('Add a person to a workspace (or change their role); the password is read from TOCSIN_USER_PASSWORD')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`, roleOption)
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--locale <fr|en>', 'language of their console', 'en')
    .action(async (email: string, options: { name: string; role: string; workspace?: string; locale: string }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        // The password comes from the environment, never the command line (it would sit in shell history).
        const password = process.env.TOCSIN_USER_PASSWORD || undefined;
        printJson(await addUser({ ctx, input: { email, name: options.name, role: options.role as 'viewer', password, locale: options.locale as 'en' } }));
      });
    });

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('Create an API token scoped to a role; it is printed once')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`, roleOption)
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--expires-at <iso>', 'expiry instant, e.g. 2027-01-01T00:00:00Z')
    .action(async (options: { name: string; role: string; workspace?: string; expiresAt?: string }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        printJson(await createToken({ ctx, input: { name: options.name, role: options.role as 'viewer', expires_at: options.expiresAt } }));
      });
    });
}
