import type { Command } from 'commander';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../../services/context.ts';
import { importSubscribers, type ImportProgress, type ImportReport } from '../../services/subscriptions/import-subscribers.ts';
import { exportSubscribers } from '../../services/subscriptions/export-subscribers.ts';
import { listSubscribers } from '../../services/subscriptions/list-subscribers.ts';
import { UsageError } from './main.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

const channels = ['email', 'sms', 'webhook'] as const;
const states = ['pending', 'active', 'unsubscribed'] as const;

function oneOf<T extends string>(label: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`Unknown ${label} "${value}" (one of: ${allowed.join(', ')}).`);
    return value as T;
  };
}

export function registerSubscriberCommands(program: Command) {
  const subscribers = program.command('subscribers').description("A status page's subscribers: import, export, list");

  subscribers
    .command('import <file>')
    .description('Import subscribers from CSV ("-" reads standard input): a column email, phone or webhook_url, optional language and components; imported subscribers are active')
    .requiredOption('--page <slug>', 'the status page')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--rejects <file>', 'write the rejected rows (line, reason) to this CSV file instead of listing them')
    .action(async (file: string, options: { page: string; workspace?: string; rejects?: string }) => {
      const size = file === '-' ? undefined : await fileSize(file);
      const report = await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const pageId = await pageIdOf(ctx, options.page);
        const counter = { bytes: 0 };
        const progress = progressReporter(size, counter);
        const source = countBytes(file === '-' ? process.stdin : createReadStream(file), counter);
        const result = await importSubscribers({ ctx, pageId, source, onProgress: progress.update });
        progress.done();
        return result;
      });
      process.stdout.write(`Imported ${report.imported}, already there ${report.existing}, rejected ${report.rejected}, of ${report.rows} rows.\n`);
      await reportRejects(report, options.rejects);
    });

  subscribers
    .command('export')
    .description('Write the subscribers of a page as CSV (the columns import reads, then state, source and dates)')
    .requiredOption('--page <slug>', 'the status page')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--state <state>', `only this state (${states.join(', ')})`, oneOf('state', states))
    .option('--channel <channel>', `only this channel (${channels.join(', ')})`, oneOf('channel', channels))
    .action(async (options: { page: string; workspace?: string; out?: string; state?: (typeof states)[number]; channel?: (typeof channels)[number] }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const pageId = await pageIdOf(ctx, options.page);
        const chunks = await exportSubscribers({ ctx, pageId, input: { ...(options.state ? { state: options.state } : {}), ...(options.channel ? { channel: options.channel } : {}) } });
        if (options.out) return exportToFile(chunks, options.out);
        try {
          await writeAll(chunks, process.stdout);
        } catch (error) {
          // The reader left (`tocsin subscribers export | head`): stop writing, as other commands in a pipe do.
          if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        }
      });
    });

  subscribers
    .command('list')
    .description('List the subscribers of a page, newest first')
    .requiredOption('--page <slug>', 'the status page')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--state <state>', `only this state (${states.join(', ')})`, oneOf('state', states))
    .option('--channel <channel>', `only this channel (${channels.join(', ')})`, oneOf('channel', channels))
    .option('--search <text>', 'only addresses containing this text')
    .option('--json', 'print JSON')
    .action(async (options: { page: string; workspace?: string; state?: (typeof states)[number]; channel?: (typeof channels)[number]; search?: string; json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const pageId = await pageIdOf(ctx, options.page);
        const all = [];
        let cursor: string | undefined;
        do {
          const page = await listSubscribers({ ctx, pageId, input: { limit: 500, ...(cursor ? { cursor } : {}), ...(options.state ? { state: options.state } : {}), ...(options.channel ? { channel: options.channel } : {}), ...(options.search ? { search: options.search } : {}) } });
          all.push(...page.subscribers);
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
        if (options.json) return printJson({ subscribers: all });
        for (const s of all) process.stdout.write(`${s.id}  ${s.channel.padEnd(7)} ${s.state.padEnd(12)} ${s.language}  ${s.address}${s.suppressed ? `  (suppressed: ${s.suppressed})` : ''}\n`);
        process.stderr.write(`${all.length} subscriber(s)\n`);
      });
    });
}

async function pageIdOf(ctx: Ctx, slug: string): Promise<string> {
  const pages = await ctx.db.db.selectFrom('status_pages').select(['id', 'slug']).where('workspace_id', '=', ctx.workspaceId).orderBy('slug').execute();
  const page = pages.find((p) => p.slug === slug);
  if (!page) throw new UsageError(`No status page "${slug}" (there are: ${pages.map((p) => p.slug).join(', ') || 'none'}).`);
  return page.id;
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}

async function* countBytes(source: AsyncIterable<Buffer | string>, counter: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * On a terminal, a bar redrawn in place after each batch; in a log (not a terminal), a line each
 * time another tenth of the file is read. On standard error, so standard output stays the summary.
 */
function progressReporter(size: number | undefined, counter: { bytes: number }) {
  const isTty = process.stderr.isTTY === true;
  let lastTenth = 0;
  const percentOf = () => (size ? Math.min(100, Math.floor((counter.bytes / size) * 100)) : undefined);
  const counts = (p: ImportProgress) => `${p.rows} rows: ${p.imported} imported, ${p.existing} already there, ${p.rejected} rejected`;
  return {
    update(progress: ImportProgress) {
      const percent = percentOf();
      if (isTty) {
        const bar = percent === undefined ? '' : `[${'#'.repeat(Math.round(percent / 5)).padEnd(20, '.')}] ${String(percent).padStart(3)} % `;
        process.stderr.write(`\r${bar}${counts(progress)}\u001b[K`);
        return;
      }
      const tenth = percent === undefined ? lastTenth + 1 : Math.floor(percent / 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${percent === undefined ? '' : `${tenth * 10} % — `}${counts(progress)}\n`);
      }
    },
    done() {
      if (isTty) process.stderr.write('\n');
    },
  };
}

async function reportRejects(report: ImportReport, file: string | undefined): Promise<void> {
  if (report.rejected === 0) return;
  const more = report.rejected - report.errors.length;
  if (file) {
    await writeFile(file, stringify([['row', 'reason'], ...report.errors.map((e) => [e.row, e.reason])]));
    process.stderr.write(`The rejected rows are in ${file}${more > 0 ? ` (the first ${report.errors.length}; ${more} more were rejected)` : ''}.\n`);
    return;
  }
  for (const error of report.errors) process.stderr.write(`row ${error.row}: ${error.reason}\n`);
  if (more > 0) process.stderr.write(`… and ${more} more rejected row(s).\n`);
}

async function writeAll(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  let failure: Error | undefined;
  const onError = (error: Error) => (failure = error);
  out.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (failure) throw failure;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (failure) throw failure;
  } finally {
    out.off('error', onError);
  }
}

/** Writes beside the file and renames it at the end: the file is a whole export or untouched. */
async function exportToFile(chunks: AsyncIterable<string>, file: string): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial, { flags: 'wx' });
  try {
    await writeAll(chunks, out);
    out.end();
    await finished(out);
    await rename(partial, file);
    process.stderr.write(`Exported to ${file}.\n`);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
