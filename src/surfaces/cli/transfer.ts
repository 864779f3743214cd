import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { userInfo } from 'node:os';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Actor, Ctx } from '../../services/context.ts';
import { exportWorkspace } from '../../services/transfer/export-workspace.ts';
import { documentJsonWriter } from '../../services/transfer/document-writer.ts';
import { parseEnvelope } from '../../services/transfer/format.ts';
import { importWorkspace } from '../../services/transfer/import-workspace.ts';
import { UsageError } from './main.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

/** A progress line on standard error every this many rows of an export to a file. */
const progressEveryRows = 10_000;

export function registerTransferCommands(program: Command) {
  program
    .command('export')
    .description('Write a workspace as one JSON document (no passwords, sessions, API tokens or idempotency keys)')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--output <file>', 'write to this file (default: standard output)')
    .action(async (options: { workspace?: string; output?: string }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        if (options.output) return exportToFile(ctx, options.output);
        try {
          await writeExport(ctx, process.stdout);
        } catch (error) {
          // The reader left (`tocsin export | head`): stop writing, as other commands in a pipe do.
          if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        }
      });
    });

  program
    .command('import <file>')
    .description('Create a new workspace from an export ("-" reads standard input); new people get accounts without a password')
    .requiredOption('--slug <slug>', "the new workspace's slug")
    .option('--name <name>', 'its name (default: the exported one)')
    .action(async (file: string, options: { slug: string; name?: string }) => {
      const document = await readDocument(file);
      // What the file claims to be is checked before the database is opened.
      parseEnvelope(document);
      await withRuntime(async (runtime) => {
        const ctx = { actor: cliActor(), db: runtime.db, queue: runtime.queue, now: () => new Date() };
        const result = await importWorkspace({ ctx, input: { slug: options.slug, name: options.name }, document });
        printJson(result);
        if (result.users_created.length > 0) {
          process.stderr.write(`${result.users_created.length} new account(s) have no password yet: set one with TOCSIN_USER_PASSWORD=… tocsin user add <email> --name <name> --role <role> --workspace ${result.workspace.slug}\n`);
        }
      });
    });
}

/** Writes the export to `out` as it is read, waiting whenever `out` asks to (backpressure). */
async function writeExport(ctx: Ctx, out: Writable, onRows: (count: number) => void = () => {}): Promise<number> {
  let failure: Error | undefined;
  const onError = (error: Error) => (failure = error);
  out.on('error', onError);
  const writer = documentJsonWriter(async (text) => {
    if (failure) throw failure;
    if (!out.write(text)) await once(out, 'drain');
  });
  try {
    const { rows } = await exportWorkspace({
      ctx,
      write: (part) => {
        if (part.type === 'rows') onRows(part.rows.length);
        return writer(part);
      },
    });
    if (failure) throw failure;
    return rows;
  } finally {
    out.off('error', onError);
  }
}

/** Writes beside the file and renames it at the end: the file is a whole export or untouched. */
async function exportToFile(ctx: Ctx, file: string): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial, { flags: 'wx' });
  let written = 0;
  try {
    const rows = await writeExport(ctx, out, (count) => {
      const before = written;
      written += count;
      if (Math.floor(written / progressEveryRows) > Math.floor(before / progressEveryRows)) process.stderr.write(`exported ${written} rows…\n`);
    });
    out.end();
    await finished(out);
    await rename(partial, file);
    process.stderr.write(`exported ${rows} rows to ${file}\n`);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function readDocument(file: string): Promise<unknown> {
  const name = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${name}: ${readFailure(error)}.`);
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON: ${jsonFailure(error, text)}.`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function readFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** V8's reason without the excerpt of the file it quotes (which may span lines), and a line and column when it gives a position. */
function jsonFailure(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const reason = message
    .replace(/,? (\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/[\u0000-\u001f]/g, (char) => JSON.stringify(char).slice(1, -1));
  if (!position) return reason;
  const offset = Number(position[1]);
  const line = text.slice(0, offset).split('\n').length;
  const column = offset - text.lastIndexOf('\n', offset - 1);
  return `${reason} at line ${line}, column ${column}`;
}

/** The person at the terminal, named in the audit log as `cliCtx` names them. */
function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (a container's arbitrary uid): the name stays "unknown".
  }
  return { type: 'system', name: `cli (${user})` };
}
