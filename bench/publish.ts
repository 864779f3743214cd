// bench/publish: a page with 50 components, 5,000 past incidents and 90 days of history. Prints the
// full and the incremental build+publish time against a plain recursive copy of the same output
// (all of it; then only the files one update changed, median of 20), and the p99 time from an update to its
// page published, over 200 updates. Targets: incremental ≤ 3× the copy of the changed files, p99 ≤ 1 s.
// PGlite, and PostgreSQL too when DATABASE_URL is set.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { readdirSync, statSync } from 'node:fs';
import { openDatabase, type DatabaseHandle } from '../src/adapters/db/connect.ts';
import { migrate } from '../src/adapters/db/migrate.ts';
import { startQueue } from '../src/adapters/queue/queue.ts';
import { createLogger } from '../src/logger.ts';
import { newId } from '../src/domain/ids.ts';
import { createWorkspace } from '../src/services/workspace/create-workspace.ts';
import { createPage } from '../src/services/page/pages.ts';
import { createGroup } from '../src/services/component/create-group.ts';
import { createComponent } from '../src/services/component/create-component.ts';
import { openIncident } from '../src/services/incident/open-incident.ts';
import { addIncidentUpdate } from '../src/services/incident/add-incident-update.ts';
import { requestPublish } from '../src/services/status-page/request-publish.ts';
import { publishPendingPages, type PageOutcome } from '../src/services/status-page/publish-pending.ts';
import { createSiteRenderer } from '../src/status-page/site.ts';
import { siteFolder, startPublisher, targetsResolver } from '../src/surfaces/worker/publisher.ts';
import type { Ctx } from '../src/services/context.ts';

const day = 86_400_000;
const pastIncidents = Number(process.env.BENCH_INCIDENTS) || 5_000;
const latencyUpdates = Number(process.env.BENCH_UPDATES) || 200;

async function seed(db: DatabaseHandle, ctx: Ctx, now: Date) {
  await createPage({ ctx, input: { slug: 'status', name: 'Bench Status', language: 'en', time_zone: 'Europe/Paris', url: 'https://status.bench.example' } });
  const componentIds: string[] = [];
  for (let g = 0; g < 5; g++) {
    const group = await createGroup({ ctx, input: { name: `Region ${g + 1}` } });
    for (let c = 0; c < 10; c++) componentIds.push((await createComponent({ ctx, input: { name: `Service ${g + 1}.${c + 1}`, group_id: group.id } })).id);
  }
  // 90 days of history: a few degradations per component.
  const changes = [];
  for (const [index, componentId] of componentIds.entries()) {
    for (let k = 0; k < 6; k++) {
      const start = new Date(now.getTime() - ((index * 7 + k * 13) % 88 + 1) * day);
      changes.push({ workspace_id: ctx.workspaceId, component_id: componentId, status: 'degraded_performance' as const, previous_status: 'operational' as const, changed_at: start, incident_id: null, maintenance_id: null });
      changes.push({ workspace_id: ctx.workspaceId, component_id: componentId, status: 'operational' as const, previous_status: 'degraded_performance' as const, changed_at: new Date(start.getTime() + 40 * 60_000), incident_id: null, maintenance_id: null });
    }
  }
  await db.db.insertInto('component_status_changes').values(changes).execute();
  // Past incidents, written in bulk: three updates each, spread over five years.
  for (let batch = 0; batch < pastIncidents; batch += 500) {
    const incidents = [];
    const updates = [];
    const links = [];
    for (let i = batch; i < Math.min(pastIncidents, batch + 500); i++) {
      const id = newId();
      const at = new Date(now.getTime() - (1 + (i * 0.37) % 1800) * day);
      incidents.push({ workspace_id: ctx.workspaceId, id, name: `Past incident ${i}: elevated errors on service ${i % 50}`, status: 'resolved' as const, impact: 'minor' as const, occurred_at: at, detected_at: at, acknowledged_at: at, monitoring_at: null, resolved_at: new Date(at.getTime() + 3_600_000), referent_id: null, backup_referent_id: null, created_by: null, created_at: at, updated_at: at, public_at: at });
      links.push({ workspace_id: ctx.workspaceId, incident_id: id, component_id: componentIds[i % 50]! });
      for (const [k, status] of (['investigating', 'identified', 'resolved'] as const).entries()) {
        const t = new Date(at.getTime() + k * 1_800_000);
        updates.push({ workspace_id: ctx.workspaceId, id: newId(), incident_id: id, status, body: `Update ${k + 1} of incident ${i}: what happened, who is affected, what we do, and when we speak next.`, affected_components: null, author_type: 'system' as const, author_id: null, author_name: 'bench', created_at: t, published_at: t, display_at: t, updated_at: t });
      }
    }
    await db.db.insertInto('incidents').values(incidents).execute();
    await db.db.insertInto('incident_updates').values(updates).execute();
    await db.db.insertInto('incident_components').values(links).execute();
  }
  return componentIds;
}

/** Every file under `root`, with direct calls (bookkeeping: no garbage left to the measured code). */
function filesUnder(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(root, relative));
    else out.push(relative);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

async function run(url: string | undefined) {
  const db = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: null });
  await migrate(db);
  const queue = await startQueue(db, { runsJobs: false });
  const siteDir = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-publish-'));
  const copyDir = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-copy-'));
  try {
    const now = () => new Date();
    const workspace = await createWorkspace({ db, input: { slug: `bench-${newId()}`, name: 'Bench' }, now: now() });
    const ctx: Ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'bench' }, db, queue, now };
    const componentIds = await seed(db, ctx, now());
    const page = await db.db.selectFrom('status_pages').select(['id', 'slug']).where('workspace_id', '=', workspace.id).executeTakeFirstOrThrow();
    // As the worker's publisher does: it remembers each page's last build between publishes.
    const deps = { db, now, fallbackUrl: 'http://localhost:3001', render: createSiteRenderer(), memory: new Map(), targetsFor: targetsResolver(db, siteDir) };
    const folder = siteFolder(siteDir, { workspaceSlug: workspace.slug, pageSlug: page.slug });

    await requestPublish({ ctx, pageId: page.id });
    const [[full], fullMs] = await timed(() => publishPendingPages(deps, { pageId: page.id }));
    const files = filesUnder(folder);
    const [, copyAllMs] = await timed(() => cp(folder, path.join(copyDir, 'all'), { recursive: true }));

    const incident = await openIncident({ ctx, input: { name: 'Elevated latency in region 1', impact: 'major', body: 'Requests are slow. Next update in 30 minutes.', component_ids: [componentIds[0]!] } });
    await publishPendingPages(deps, { pageId: page.id });
    // One update, published, 20 times: the median publish against the median copy of the files it
    // changed (a single sample swings with the garbage collector and the disk).
    const incrementalRuns: number[] = [];
    const copyRuns: number[] = [];
    const phases: Array<PageOutcome['timings']> = [];
    let incremental: PageOutcome | undefined;
    let changed: string[] = [];
    for (let run = 0; run < 20; run++) {
      await addIncidentUpdate({ ctx, id: incident.id, input: { status: 'identified', body: `A saturated link is the cause; traffic is moving to another one (${run}). Next update in 30 minutes.` } });
      // Bookkeeping with direct calls: thousands of promises would leave the measured publish their garbage.
      const beforeMtimes = new Map(files.map((file) => [file, statSync(path.join(folder, file)).mtimeMs] as const));
      const [[outcome], ms] = await timed(() => publishPendingPages(deps, { pageId: page.id }));
      incremental = outcome;
      incrementalRuns.push(ms);
      phases.push(outcome!.timings);
      changed = [];
      for (const file of filesUnder(folder)) if (beforeMtimes.get(file) !== statSync(path.join(folder, file)).mtimeMs) changed.push(file);
      const [, copyMs] = await timed(async () => {
        for (const file of changed) await cp(path.join(folder, file), path.join(copyDir, `changed-${run}`, file), { recursive: true });
      });
      copyRuns.push(copyMs);
    }
    const incrementalMs = median(incrementalRuns);
    const copyChangedMs = median(copyRuns);

    const publisher = await startPublisher({ db, logger: createLogger('warn', new Writable({ write: (_c, _e, cb) => cb() })), siteDir, fallbackUrl: 'http://localhost:3001', sweepSeconds: 3600 });
    const latencies: number[] = [];
    // Index -1 warms the new publisher up: its first build reads and renders the page whole.
    for (let index = -1; index < latencyUpdates; index++) {
      const started = performance.now();
      await addIncidentUpdate({ ctx, id: incident.id, input: { status: 'identified', body: `Update ${index}: traffic is moving. Next update in 30 minutes.` } });
      const version = (await db.db.selectFrom('status_pages').select('content_version').where('id', '=', page.id).executeTakeFirstOrThrow()).content_version;
      for (;;) {
        const [outcome] = (await once(publisher.events, 'published')) as [PageOutcome];
        if (outcome.page.pageId === page.id && outcome.page.contentVersion >= version) break;
      }
      if (index >= 0) latencies.push(performance.now() - started);
    }
    await publisher.stop();
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]!;
    return {
      engine: db.kind,
      files: files.length,
      fullMs,
      copyAllMs,
      incrementalMs,
      readMs: median(phases.map((phase) => phase.readMs)),
      renderMs: median(phases.map((phase) => phase.renderMs)),
      writeMs: median(phases.map((phase) => phase.publishMs)),
      changed: changed.length,
      written: (incremental!.targets[0] as { written: number }).written,
      copyChangedMs,
      p99,
      p50: latencies[Math.floor(latencies.length / 2)]!,
      ok: full!.ok && incremental!.ok,
    };
  } finally {
    await queue.stop();
    await db.close();
    await rm(siteDir, { recursive: true, force: true });
    await rm(copyDir, { recursive: true, force: true });
  }
}

const results = [await run(undefined)];
if (process.env.DATABASE_URL) results.push(await run(process.env.DATABASE_URL));
const f = (ms: number) => ms.toFixed(0);
for (const r of results) {
  console.log(
    `${r.engine}: files=${r.files} full_ms=${f(r.fullMs)} copy_all_ms=${f(r.copyAllMs)} full_ratio=${(r.fullMs / r.copyAllMs).toFixed(1)} ` +
      `incremental_ms=${f(r.incrementalMs)} read_ms=${r.readMs.toFixed(1)} render_ms=${r.renderMs.toFixed(1)} write_ms=${r.writeMs.toFixed(1)} files_changed=${r.changed} copy_changed_ms=${r.copyChangedMs.toFixed(1)} incremental_ratio=${(r.incrementalMs / r.copyChangedMs).toFixed(1)} ` +
      `update_to_published_p50_ms=${f(r.p50)} p99_ms=${f(r.p99)} ok=${r.ok}`,
  );
}
const worst = results.reduce((a, b) => (a.incrementalMs / a.copyChangedMs >= b.incrementalMs / b.copyChangedMs ? a : b));
const maxP99 = Math.max(...results.map((r) => r.p99));
console.log(`publish: ratio=${(worst.incrementalMs / worst.copyChangedMs).toFixed(1)} target=3 p99_ms=${f(maxP99)} p99_target_ms=1000 engine=${worst.engine} incidents=${pastIncidents} components=50 updates=${latencyUpdates}`);
