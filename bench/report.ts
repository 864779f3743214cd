// bench:report — the post-crisis report of an incident with 500 public updates (and as many promised
// next updates) and 100,000 deliveries, built through the service (reads, measures, Markdown, HTML
// with its SVG plots), against rendering the same Markdown alone with markdown-it. Seeded by bulk
// SQL. PGlite in a temporary folder by default; with DATABASE_URL, a PostgreSQL database of its own,
// dropped at the end. Target: ratio ≤ 20 (the report does the reads; the baseline only the render).
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import MarkdownIt from 'markdown-it';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/adapters/db/connect.ts';
import { migrate } from '../src/adapters/db/migrate.ts';
import { startQueue } from '../src/adapters/queue/queue.ts';
import type { Ctx } from '../src/services/context.ts';
import { openIncident } from '../src/services/incident/open-incident.ts';
import { buildIncidentReport } from '../src/services/reports/incident-report.ts';
import { createWorkspace } from '../src/services/workspace/create-workspace.ts';

const updates = 500;
const deliveries = 100_000;
const target = 20;
const runs = 5;

async function openTarget(): Promise<{ db: DatabaseHandle; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    const folder = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-report-'));
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(folder, 'pglite') });
    return { db, cleanup: async () => { await db.close(); await rm(folder, { recursive: true, force: true }); } };
  }
  const name = `tocsin_bench_report_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  await admin(`create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: own.toString(), poolSize: 4 });
  return { db, cleanup: async () => { await db.close(); await admin(`drop database ${name}`); } };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const { db, cleanup } = await openTarget();
try {
  await migrate(db);
  const queue = await startQueue(db, { runsJobs: false });
  const start = new Date('2026-03-10T08:00:00Z');
  let now = start;
  const workspace = await createWorkspace({ db, input: { slug: 'bench', name: 'Bench Cloud', time_zone: 'Europe/Paris' }, now });
  const ctx: Ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'bench' }, db, queue, now: () => now };
  const incident = await openIncident({ ctx, input: { name: 'Long outage', impact: 'critical', body: 'We are investigating.', detected_at: '2026-03-10T07:40:00Z', deliver_notifications: false } });
  // One update every 10 minutes for ~3.5 days; each promised the next, every seventh one late.
  await sql`
    insert into incident_updates (workspace_id, id, incident_id, status, body, deliver_notifications, author_type, author_name, created_at, published_at, display_at, updated_at)
    select ${workspace.id}, 'u' || lpad(n::text, 11, '0'), ${incident.id}, case when n < ${updates - 1} then 'identified' else 'resolved' end,
      'Update ' || n || ': the **storage** cluster is being rebuilt, ' || (n * 3) || ' % restored. Next update in 10 minutes.', false, 'system', 'bench',
      ${start}::timestamptz + n * interval '10 minutes', ${start}::timestamptz + n * interval '10 minutes', ${start}::timestamptz + n * interval '10 minutes', now()
    from generate_series(1, ${updates - 1}::int) as n`.execute(db.db);
  await sql`
    insert into fact_entries (workspace_id, id, incident_id, kind, text, noted_at, promise_kind, due_at, state, author_type, author_name)
    select ${workspace.id}, 'p' || lpad(n::text, 11, '0'), ${incident.id}, 'promised', 'Next update', ${start}::timestamptz + n * interval '10 minutes',
      'next_update', ${start}::timestamptz + (n + 1) * interval '10 minutes', case when n % 7 = 0 then 'broken' else 'kept' end, 'system', 'bench'
    from generate_series(0, ${updates - 1}::int) as n`.execute(db.db);
  await sql`
    insert into deliveries (workspace_id, dedupe_key, kind, update_id, channel, address, language, state, attempts, sent_at, last_error)
    select ${workspace.id}, 'bench:' || n, 'update', 'u' || lpad((1 + n % ${updates - 1})::text, 11, '0'),
      (array['email', 'sms', 'webhook'])[1 + n % 3], 'reader-' || (n % 40000) || '@example.test', case when n % 2 = 0 then 'fr' else 'en' end,
      case when n % 97 = 0 then 'failed' when n % 89 = 0 then 'dead' else 'sent' end, 1,
      case when n % 97 = 0 or n % 89 = 0 then null else ${start}::timestamptz + (n % ${updates - 1}) * interval '10 minutes' + (n % 600) * interval '1 second' end,
      case when n % 97 = 0 then '550 no such user' else null end
    from generate_series(1, ${deliveries}::int) as n`.execute(db.db);
  now = new Date(start.getTime() + (updates + 1) * 600_000);
  await sql`analyze`.execute(db.db);

  const build = () => buildIncidentReport({ ctx, incidentId: incident.id, version: 'internal', language: 'fr' });
  const report = await build();
  const reportMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await build();
    reportMs.push(performance.now() - started);
  }
  const markdown = new MarkdownIt({ html: false });
  markdown.render(report.markdown);
  const markdownMs: number[] = [];
  for (let i = 0; i < runs * 4; i++) {
    const started = performance.now();
    markdown.render(report.markdown);
    markdownMs.push(performance.now() - started);
  }
  const reportMedian = median(reportMs);
  const markdownMedian = median(markdownMs);
  const ratio = reportMedian / markdownMedian;
  await queue.stop();
  const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  console.log(`report: ratio=${ratio.toFixed(1)} target=${target} report_ms=${reportMedian.toFixed(1)} markdown_ms=${markdownMedian.toFixed(1)} updates=${updates} deliveries=${deliveries} engine=${engine} markdown_kb=${Math.round(report.markdown.length / 1024)}${ratio <= target ? '' : ' over_target=1'}`);
} finally {
  await cleanup();
}
