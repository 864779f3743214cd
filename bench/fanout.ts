// bench/fanout: one published message to 100,000 e-mail subscribers (1,000,000 with --large, or
// --recipients N), through the real path: publish → deliveries → `tocsin worker` process(es) → SMTP,
// to a local sink in a process of its own (bench/support/smtp-count-sink.ts). The baseline is a bare
// nodemailer pool of the same size as Tocsin's (5 connections) pushing as many messages of the same
// content to the same sink, in the same run. Targets: every Tocsin run ≥ 0.8× the baseline's
// messages per second, each worker's peak RSS ≤ 300 MB (a PostgreSQL worker's; on PGlite the one
// process is the database too, reported as pglite_rss_mb), nobody twice, every delivery recorded sent.
// Each engine claims its default batch (TOCSIN_DELIVERY_BATCH), or --batch N for all. PGlite with 1 worker (2 are impossible: one process owns the folder); PostgreSQL with 1 and 2
// workers when DATABASE_URL is set, each run on a database of its own, dropped at the end.
// --engines pglite,postgres picks which (both by default): a 1,000,000-recipient run on PostgreSQL
// alone takes half an hour instead of over an hour.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/adapters/db/connect.ts';
import { migrate } from '../src/adapters/db/migrate.ts';
import { startQueue } from '../src/adapters/queue/queue.ts';
import { unsubscribeUrlPlaceholder, type MailContent } from '../src/adapters/mail/mail.ts';
import type { ClaimedDelivery } from '../src/services/delivery/claim.ts';
import { loadDeliveryContext, lookup } from '../src/services/delivery/delivery-context.ts';
import { subscriberLinks, subscriberMail } from '../src/services/delivery/compose.ts';
import { startTocsin, type TocsinProcess } from '../test/helpers/process.ts';
import { publishToSubscribers } from '../test/helpers/fan-out.ts';
import type { SinkStats } from './support/smtp-count-sink.ts';
import { defaultDeliveryBatch } from '../src/config.ts';

const { values: options } = parseArgs({ options: { large: { type: 'boolean', default: false }, recipients: { type: 'string' }, batch: { type: 'string' }, engines: { type: 'string', default: 'pglite,postgres' }, 'worker-heap-mb': { type: 'string', default: '256' } } });
const recipients = Number(options.recipients ?? (options.large ? 1_000_000 : 100_000));
/** A batch size for every run, or each engine's own default. */
const batch = options.batch === undefined ? undefined : Number(options.batch);
if (!Number.isInteger(recipients) || recipients < 1 || (batch !== undefined && (!Number.isInteger(batch) || batch < 1))) throw new Error('--recipients and --batch take a positive whole number.');
const engines = new Set(options.engines!.split(',').map((engine) => engine.trim()));
if (engines.size === 0 || [...engines].some((engine) => engine !== 'pglite' && engine !== 'postgres')) throw new Error('--engines takes pglite, postgres or both, comma-separated.');
if (!engines.has('pglite') && !process.env.DATABASE_URL) throw new Error('--engines postgres needs DATABASE_URL.');
/**
 * Each worker's V8 old-space limit, as the README tells operators to run it (`npm run worker`); 0
 * leaves V8's default, under which the garbage of a long fan-out takes a worker to ~320–360 MB.
 */
const workerHeapMb = Number(options['worker-heap-mb']);
if (!Number.isInteger(workerHeapMb) || workerHeapMb < 0) throw new Error('--worker-heap-mb takes a whole number of MB, 0 for V8\'s default.');
const batchOf = (engine: string) => batch ?? (engine === 'pglite' ? defaultDeliveryBatch.pglite : defaultDeliveryBatch.postgres);
/** Messages the baseline keeps under way: what Tocsin's dispatcher holds on PostgreSQL (2 batches in flight). */
const baselineConcurrency = batchOf('postgres') * 2;
/** No new message for this long: the run has stalled. */
const stallMs = 120_000;
const publicUrl = 'https://tocsin.fanout.example';
const statusUrl = 'http://localhost:3001';
const mailFrom = 'Status <status@fanout.example>';
const clock = () => performance.timeOrigin + performance.now();

// ---- The sink ---------------------------------------------------------------------------------

interface Sink {
  url: string;
  reset(): Promise<void>;
  stats(): Promise<SinkStats>;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const script = fileURLToPath(new URL('./support/smtp-count-sink.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [ready] = (await once(child, 'message')) as [{ type: 'ready'; port: number }];
  let queue = Promise.resolve<unknown>(undefined);
  // One request at a time: each answer is the next message of its type.
  const ask = <T>(type: string): Promise<T> => {
    const answer = queue.then(() => {
      const reply = new Promise<T>((resolve) => {
        const onMessage = (message: { type: string }) => {
          if (message.type !== type) return;
          child.off('message', onMessage);
          resolve(message as T);
        };
        child.on('message', onMessage);
      });
      child.send({ type });
      return reply;
    });
    queue = answer.catch(() => undefined);
    return answer;
  };
  return {
    url: `smtp://127.0.0.1:${ready.port}`,
    reset: () => ask<unknown>('reset').then(() => undefined),
    stats: () => ask<SinkStats>('stats'),
    async close() {
      child.disconnect();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** Resolves once the sink holds `count` distinct Message-IDs; rejects when it stalls or a worker exits. */
async function untilDelivered(sink: Sink, count: number, workers: TocsinProcess[] = []): Promise<SinkStats> {
  let seen = -1;
  let progressAt = Date.now();
  for (;;) {
    const stats = await sink.stats();
    if (stats.distinct >= count) return stats;
    if (stats.count !== seen) [seen, progressAt] = [stats.count, Date.now()];
    const exited = workers.find((worker) => worker.child.exitCode !== null);
    if (exited) throw new Error(`A worker exited with ${exited.child.exitCode} at ${stats.distinct}/${count}:\n${exited.output.join('\n')}`);
    if (Date.now() - progressAt > stallMs) throw new Error(`Stalled at ${stats.distinct}/${count} messages:\n${workers.flatMap((w) => w.output).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ---- Seeding and checking ---------------------------------------------------------------------

/**
 * The fixture of the tests (test/helpers/fan-out.ts): confirmed e-mail subscribers, every other one
 * French, and a first message in French and English approved then published — the publish, timed
 * alone, is the transaction that writes the N deliveries.
 */
async function seed(db: DatabaseHandle): Promise<{ messageId: string; publishMs: number; deliveries: number }> {
  const queue = await startQueue(db, { runsJobs: false });
  try {
    const fanOut = await publishToSubscribers(db, queue, { subscribers: recipients });
    return { messageId: fanOut.messageId, publishMs: fanOut.publishMs, deliveries: fanOut.deliveries.email ?? 0 };
  } finally {
    await queue.stop();
  }
}

/** What Tocsin sends the first French and the first English subscriber, for the baseline to send too. */
async function mailContents(db: DatabaseHandle, messageId: string): Promise<MailContent[]> {
  const rows = await db.db.selectFrom('deliveries').selectAll().where('message_id', '=', messageId).where('id', 'in', (eb) => eb.selectFrom('deliveries').select((e) => e.fn.min('id').as('id')).where('message_id', '=', messageId).groupBy('language')).execute();
  const deliveries: ClaimedDelivery[] = rows.map((row) => ({
    workspaceId: row.workspace_id, id: Number(row.id), kind: row.kind, channel: row.channel, messageId: row.message_id, variantId: row.variant_id, updateId: row.update_id,
    subscriberId: row.subscriber_id, endpointId: row.endpoint_id, address: row.address, language: row.language, payload: row.payload, attempts: 1,
  }));
  const context = await loadDeliveryContext(db, deliveries, { fallbackUrl: statusUrl, variantCache: new Map() });
  return deliveries.map((delivery) => {
    const variant = lookup(context.variants, delivery.workspaceId, delivery.variantId)!;
    const subscriber = lookup(context.subscribers, delivery.workspaceId, delivery.subscriberId)!;
    const mail = subscriberMail(variant, lookup(context.incidents, delivery.workspaceId, variant.incidentId), lookup(context.pages, delivery.workspaceId, subscriber.pageId)!);
    const unsubscribe = subscriberLinks(publicUrl, subscriber.manageToken).unsubscribe;
    return { ...mail, text: mail.text.replaceAll(unsubscribeUrlPlaceholder, unsubscribe), html: mail.html.replaceAll(unsubscribeUrlPlaceholder, unsubscribe) };
  });
}

/** Deliveries of the message by state: all of them 'sent' once the run is over. */
async function statesOf(db: DatabaseHandle, messageId: string): Promise<Record<string, number>> {
  const rows = await db.db.selectFrom('deliveries').select('state').select((eb) => eb.fn.countAll<number>().as('count')).where('message_id', '=', messageId).groupBy('state').execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}

// ---- Runs -------------------------------------------------------------------------------------

interface Run {
  name: string;
  engine: string;
  workers: number;
  publishMs: number | null;
  firstMs: number;
  lastMs: number;
  msgsPerS: number;
  rssMb: number[];
  duplicates: number;
  bytesPerMsg: number;
  states: Record<string, number>;
  exitCodes: (number | null)[];
  warnings: number;
}

function figures(stats: SinkStats, started: number) {
  return {
    firstMs: stats.first! - started,
    lastMs: stats.last! - started,
    msgsPerS: recipients / ((stats.last! - stats.first!) / 1000),
    duplicates: stats.count - stats.distinct,
    bytesPerMsg: stats.bytes / stats.count,
  };
}

async function runBaseline(sink: Sink, contents: MailContent[]): Promise<Run> {
  await sink.reset();
  const transport = nodemailer.createTransport({ pool: true, url: sink.url, maxConnections: 5 });
  const tag = randomBytes(4).toString('hex');
  let next = 0;
  let failed = 0;
  const started = clock();
  const lanes = Array.from({ length: Math.min(baselineConcurrency, recipients) }, async () => {
    while (next < recipients) {
      const n = ++next;
      const content = contents[n % contents.length]!;
      try {
        await transport.sendMail({ from: mailFrom, to: `reader-${n}@example.test`, subject: content.subject, text: content.text, html: content.html, messageId: `<bench-${n}.${tag}@fanout.example>` });
      } catch {
        failed++;
      }
    }
  });
  await Promise.all(lanes);
  const stats = await untilDelivered(sink, recipients - failed);
  transport.close();
  return { name: 'baseline', engine: 'nodemailer', workers: 0, publishMs: null, ...figures(stats, started), rssMb: [], states: { sent: recipients - failed, ...(failed ? { failed } : {}) }, exitCodes: [], warnings: 0 };
}

/** Peak resident set of a live process, in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

async function runWorkers(sink: Sink, { engine, workers, env, publishMs }: { engine: string; workers: number; env: Record<string, string>; publishMs: number }): Promise<Omit<Run, 'states'>> {
  await sink.reset();
  const siteDir = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-fanout-site-'));
  const workerEnv = {
    TOCSIN_DATA_DIR: siteDir,
    ...(workerHeapMb > 0 ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${workerHeapMb}`.trim() } : {}),
    ...env,
    TOCSIN_SMTP_URL: sink.url,
    TOCSIN_MAIL_FROM: mailFrom,
    TOCSIN_PUBLIC_URL: publicUrl,
    TOCSIN_STATUS_URL: statusUrl,
    ...(batch === undefined ? {} : { TOCSIN_DELIVERY_BATCH: String(batch) }),
    LOG_LEVEL: 'warn',
  };
  const started = clock();
  const processes = Array.from({ length: workers }, () => startTocsin(['worker'], workerEnv));
  try {
    const stats = await untilDelivered(sink, recipients, processes);
    const rssMb = await Promise.all(processes.map((worker) => peakRssMb(worker.child.pid!)));
    const exitCodes = await Promise.all(processes.map((worker) => worker.stop()));
    const warnings = processes.flatMap((worker) => worker.output);
    for (const line of warnings) process.stderr.write(`${engine} worker: ${line}\n`);
    // The sink's counts after the workers stopped: a message sent during the stop counts too.
    return { name: `${engine}_${workers}`, engine, workers, publishMs, ...figures({ ...(await sink.stats()), first: stats.first, last: stats.last }, started), rssMb, exitCodes, warnings: warnings.length };
  } finally {
    await Promise.all(processes.map((worker) => worker.stop()));
    await rm(siteDir, { recursive: true, force: true });
  }
}

/** A PGlite folder, migrated and seeded by this process, then closed: the worker opens it alone. */
async function seedPGlite(dataDir: string) {
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrate(db);
    const seeded = await seed(db);
    return { ...seeded, contents: await mailContents(db, seeded.messageId) };
  } finally {
    await db.close();
  }
}

/** The worker on the PGlite folder; the folder is read again once it stopped. */
async function pgliteRun(sink: Sink, folder: string, seeded: { messageId: string; publishMs: number }): Promise<Run> {
  const run = await runWorkers(sink, { engine: 'pglite', workers: 1, env: { DATABASE_URL: '', TOCSIN_DATA_DIR: folder }, publishMs: seeded.publishMs });
  const after = await openDatabase({ kind: 'pglite', dataDir: path.join(folder, 'pglite') });
  try {
    return { ...run, states: await statesOf(after, seeded.messageId) };
  } finally {
    await after.close();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A PostgreSQL run on a database of its own, created from DATABASE_URL and dropped at the end. */
async function postgresRun(sink: Sink, baseUrl: string, workers: number): Promise<Run> {
  const name = `tocsin_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  try {
    const url = withDatabase(baseUrl, name);
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
    try {
      await migrate(db);
      const seeded = await seed(db);
      baseline ??= await runBaseline(sink, await mailContents(db, seeded.messageId));
      const run = await runWorkers(sink, { engine: 'postgres', workers, env: { DATABASE_URL: url }, publishMs: seeded.publishMs });
      return { ...run, states: await statesOf(db, seeded.messageId) };
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

// ---- Main -------------------------------------------------------------------------------------

const sink = await startSink();
const folder = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-fanout-'));
const runs: Run[] = [];
// The baseline sends what Tocsin sends the first French and English subscribers, to the same sink:
// it runs once, after the first engine is seeded.
let baseline: Run | undefined;
try {
  if (engines.has('pglite')) {
    const seeded = await seedPGlite(path.join(folder, 'pglite'));
    baseline = await runBaseline(sink, seeded.contents);
    runs.push(await pgliteRun(sink, folder, seeded));
  }
  if (process.env.DATABASE_URL && engines.has('postgres')) {
    runs.push(await postgresRun(sink, process.env.DATABASE_URL, 1));
    runs.push(await postgresRun(sink, process.env.DATABASE_URL, 2));
  }
} finally {
  await sink.close();
  await rm(folder, { recursive: true, force: true });
}

const f = (value: number) => value.toFixed(0);
if (!baseline) throw new Error('No engine ran.');
const ratioOf = (run: Run) => run.msgsPerS / baseline!.msgsPerS;
const sentOk = (run: Run) => run.states.sent === recipients && Object.keys(run.states).length === 1;
console.log(
  `baseline: connections=5 concurrency=${baselineConcurrency} recipients=${recipients} time_to_first_ms=${f(baseline.firstMs)} time_to_last_ms=${f(baseline.lastMs)} ` +
    `msgs_per_s=${f(baseline.msgsPerS)} duplicates=${baseline.duplicates} bytes_per_msg=${f(baseline.bytesPerMsg)}`,
);
for (const run of runs) {
  console.log(
    `${run.engine}: workers=${run.workers} recipients=${recipients} batch=${batchOf(run.engine)} publish_ms=${f(run.publishMs!)} time_to_first_ms=${f(run.firstMs)} time_to_last_ms=${f(run.lastMs)} ` +
      `msgs_per_s=${f(run.msgsPerS)} ratio=${ratioOf(run).toFixed(2)} peak_rss_mb=${run.rssMb.map(f).join(',')} duplicates=${run.duplicates} ` +
      `sent=${run.states.sent ?? 0}${sentOk(run) ? '' : ` states=${JSON.stringify(run.states)}`} bytes_per_msg=${f(run.bytesPerMsg)} exit=${run.exitCodes.join(',')} log_lines=${run.warnings}`,
  );
}
if (engines.has('pglite')) console.log('pglite: workers=2 n/a (one process owns a PGlite folder)');
// The RSS target is a worker's: on PostgreSQL, the process that only sends. On PGlite the one
// process is also the database (its buffers and WASM heap), reported on its own.
const peakRss = (of: Run[]) => Math.max(0, ...of.flatMap((run) => run.rssMb));
const workerRuns = runs.some((run) => run.engine === 'postgres') ? runs.filter((run) => run.engine === 'postgres') : runs;
const worst = runs.reduce((a, b) => (ratioOf(a) <= ratioOf(b) ? a : b));
const headline = runs.map((run) => `${run.name}_msgs_per_s=${f(run.msgsPerS)}`).join(' ');
console.log(
  `fanout: ratio=${ratioOf(worst).toFixed(2)} target=0.8 rss_mb=${f(peakRss(workerRuns))} rss_target_mb=300 pglite_rss_mb=${f(peakRss(runs.filter((run) => run.engine === 'pglite')))} recipients=${recipients} worker_heap_mb=${workerHeapMb || 'default'} ` +
    `baseline_msgs_per_s=${f(baseline.msgsPerS)} ${headline} worst=${worst.name} pglite_2_workers=n/a ` +
    `publish_ms=${runs.map((run) => f(run.publishMs!)).join(',')} duplicates=${runs.reduce((sum, run) => sum + run.duplicates, 0)} sent_ok=${runs.every(sentOk)} batch=${runs.map((run) => batchOf(run.engine)).join(',')}`,
);
