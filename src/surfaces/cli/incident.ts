import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { componentStatuses } from '../../domain/component/status.ts';
import { impacts, incidentStatuses } from '../../domain/incident/lifecycle.ts';
import type { Ctx } from '../../services/context.ts';
import { openIncident } from '../../services/incident/open-incident.ts';
import { addIncidentUpdate } from '../../services/incident/add-incident-update.ts';
import { resolveIncident } from '../../services/incident/resolve-incident.ts';
import { listIncidents } from '../../services/incident/list-incidents.ts';
import { UsageError } from './main.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

function oneOf<T extends string>(label: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`Unknown ${label} "${value}" (one of: ${allowed.join(', ')}).`);
    return value as T;
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The message text from --body, or from --body-file (a path, or - for standard input). */
function readBody(options: { body?: string; bodyFile?: string }, required: boolean): string | undefined {
  if (options.body !== undefined && options.bodyFile !== undefined) throw new UsageError('Give the text with --body or --body-file, not both.');
  if (options.bodyFile !== undefined) {
    try {
      return readFileSync(options.bodyFile === '-' ? 0 : options.bodyFile, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${options.bodyFile}: ${(error as Error).message}.`);
    }
  }
  if (required && options.body === undefined) throw new UsageError('The message text is missing: give --body "…" or --body-file FILE.');
  return options.body;
}

/** A component named by id or by its exact name (any case). */
async function componentId(ctx: Ctx, nameOrId: string): Promise<string> {
  const rows = await ctx.db.db.selectFrom('components').select(['id', 'name']).where('workspace_id', '=', ctx.workspaceId).execute();
  const found = rows.find((row) => row.id === nameOrId) ?? rows.find((row) => row.name.toLowerCase() === nameOrId.toLowerCase());
  if (!found) throw new UsageError(`No component "${nameOrId}" (there are: ${rows.map((row) => row.name).join(', ') || 'none'}).`);
  return found.id;
}

/** A person named by user id or e-mail, who must be a member of the workspace. */
async function memberId(ctx: Ctx, emailOrId: string): Promise<string> {
  const row = await ctx.db.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.workspace_id', '=', ctx.workspaceId)
    .where((eb) => eb.or([eb('users.id', '=', emailOrId), eb('users.email', '=', emailOrId.toLowerCase())]))
    .executeTakeFirst();
  if (!row) throw new UsageError(`No member "${emailOrId}" in this workspace (add them with "tocsin user add").`);
  return row.id;
}

function summary(incident: { id: string; name: string; impact: string; status: string }): string {
  return `${incident.id}  ${incident.status.padEnd(13)} ${incident.impact.padEnd(8)} ${incident.name}`;
}

export function registerIncidentCommands(program: Command) {
  const incident = program.command('incident').description('Incidents and their updates');

  incident
    .command('open')
    .description('Open an incident with its first public update, or declare it internally (--internal) until its first update or message')
    .requiredOption('--name <title>', 'what is happening, in the customers\' words')
    .requiredOption('--impact <impact>', `one of: ${impacts.join(', ')}`, oneOf('impact', impacts))
    .option('--body <text>', 'the first update')
    .option('--body-file <file>', 'read the first update from a file (- for standard input)')
    .option('--internal', 'declare it inside the crisis cell: no update, on no status page, no notification, components unchanged')
    .option('--status <status>', 'investigating (default), identified, monitoring or resolved (internal: investigating or identified)')
    .option('--component <name-or-id>', 'an affected component (repeatable)', collect)
    .option('--component-status <status>', `status to set on them (default: from the impact): ${componentStatuses.join(', ')}`, oneOf('component status', componentStatuses))
    .option('--referent <email-or-id>', 'the person who centralizes information and decides the next message')
    .option('--backup <email-or-id>', 'the referent\'s backup')
    .option('--detected-at <iso>', 'when the problem was detected (default: unknown)')
    .option('--no-notify', 'do not notify subscribers of this update')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--json', 'print the incident as JSON')
    .action(async (options) => {
      if (options.internal && (options.body !== undefined || options.bodyFile !== undefined)) throw new UsageError('An incident declared --internal has no public text yet: drop --body/--body-file, or drop --internal.');
      if (!options.internal && options.body === undefined && options.bodyFile === undefined) {
        throw new UsageError('The message text is missing: give --body "…" or --body-file FILE, or --internal to declare the incident inside the crisis cell first.');
      }
      const body = options.internal ? undefined : readBody(options, true);
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const created = await openIncident({
          ctx,
          input: {
            name: options.name,
            impact: options.impact,
            status: options.status,
            body,
            component_ids: await Promise.all((options.component ?? []).map((c: string) => componentId(ctx, c))),
            component_status: options.componentStatus,
            referent_id: options.referent ? await memberId(ctx, options.referent) : undefined,
            backup_referent_id: options.backup ? await memberId(ctx, options.backup) : undefined,
            detected_at: options.detectedAt,
            deliver_notifications: options.notify,
          },
        });
        if (options.json) printJson(created);
        else if (created.visibility === 'internal') process.stdout.write(`Declared internally ${summary(created)}\nNothing is public: the first update (tocsin incident update ${created.id}) or published message makes it public.\n`);
        else process.stdout.write(`Opened ${summary(created)}\n`);
      });
    });

  incident
    .command('update <id>')
    .description('Add an update to an incident\'s timeline')
    .requiredOption('--status <status>', `one of: ${incidentStatuses.join(', ')}`, oneOf('status', incidentStatuses))
    .option('--body <text>', 'the update')
    .option('--body-file <file>', 'read the update from a file (- for standard input)')
    .option('--component <name-or-id=status>', 'set a component\'s status, e.g. "DNS=operational" (repeatable)', collect)
    .option('--no-notify', 'do not notify subscribers of this update')
    .option('--next-update <time>', 'the time promised for the next update, ISO 8601 (e.g. 2027-06-01T16:30+02:00)')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, options) => {
      const body = readBody(options, true)!;
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const components = [];
        for (const pair of options.component ?? []) {
          const separator = (pair as string).lastIndexOf('=');
          if (separator < 1) throw new UsageError(`--component takes name=status, not "${pair}".`);
          const status = oneOf('component status', componentStatuses)(pair.slice(separator + 1));
          components.push({ component_id: await componentId(ctx, pair.slice(0, separator)), status });
        }
        const result = await addIncidentUpdate({ ctx, id, input: { status: options.status, body, components: components.length > 0 ? components : undefined, deliver_notifications: options.notify, next_update_at: options.nextUpdate } });
        if (options.json) printJson(result);
        else process.stdout.write(`Updated ${summary(result)}\n`);
      });
    });

  incident
    .command('resolve <id>')
    .description('Resolve an incident; its components go back to operational')
    .option('--body <text>', 'the closing update (default: a one-line notice in the workspace language)')
    .option('--body-file <file>', 'read it from a file (- for standard input)')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, options) => {
      const body = readBody(options, false);
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const result = await resolveIncident({ ctx, id, input: { body } });
        if (options.json) printJson(result);
        else process.stdout.write(`Resolved ${summary(result)}\n`);
      });
    });

  incident
    .command('list')
    .description('List incidents, newest first')
    .option('--status <which>', 'open, resolved or all', oneOf('filter', ['open', 'resolved', 'all'] as const), 'all')
    .option('--limit <n>', 'how many (1–100)', '25')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--json', 'print the page as JSON')
    .action(async (options) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError(`--limit takes a whole number from 1 to 100, not "${options.limit}".`);
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const page = await listIncidents({ ctx, input: { status: options.status, limit } });
        if (options.json) return printJson(page);
        if (page.incidents.length === 0) return void process.stdout.write('No incident.\n');
        for (const item of page.incidents) process.stdout.write(`${summary(item)}\n`);
      });
    });
}
