// bench/api: incident updates created through Tocsin's admin API, against a bare framework route
// that writes the same row with one INSERT, in the same run on the same machine. Prints requests
// per second for both, their ratio (target ≥ 0.5), and the server's memory after 10,000 updates.
// Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const concurrency = 8;
const updates = Number(process.env.BENCH_UPDATES) || 10_000;
const bareRequests = Math.min(updates, 5_000);
const rounds = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Server {
  apiPort: number;
  barePort: number;
  token: string;
  incidentIds: string[];
  engine: string;
  stop(): Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const script = fileURLToPath(new URL('./support/api-server.ts', import.meta.url));
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    ...JSON.parse(line),
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Sends `total` POSTs with `concurrency` in flight; returns requests per second. */
async function load(total: number, request: (index: number) => Promise<Response>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const res = await request(index);
        if (res.status !== 201) throw new Error(`request ${index} answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

async function run(env: NodeJS.ProcessEnv) {
  const server = await startServer(env);
  try {
    const body = (index: number) => JSON.stringify({ status: 'identified', body: `Update ${index}: we have found the cause and are applying a fix. Next update in 30 minutes.` });
    const incident = (index: number) => server.incidentIds[index % server.incidentIds.length];
    const bare = (index: number) => fetch(`http://127.0.0.1:${server.barePort}/bare/incidents/${incident(index)}/updates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(index) });
    const api = (index: number) =>
      fetch(`http://127.0.0.1:${server.apiPort}/api/admin/incidents/${incident(index)}/updates`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` }, body: body(index) });
    await load(300, bare);
    await load(300, api);
    // Alternating rounds, so a busy moment of the machine weighs on both sides alike; medians.
    const bareRates: number[] = [];
    const apiRates: number[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRates.push(await load(Math.ceil(bareRequests / rounds), bare));
      apiRates.push(await load(Math.ceil(updates / rounds), api));
    }
    const bareRps = median(bareRates);
    const apiRps = median(apiRates);
    const memory = await (await fetch(`http://127.0.0.1:${server.barePort}/bare/memory`)).json();
    return { engine: server.engine, apiRps, bareRps, ratio: apiRps / bareRps, rssMb: memory.rss / 1_048_576, heapMb: memory.heapUsed / 1_048_576 };
  } finally {
    await server.stop();
  }
}

const results = [await run({ ...process.env, DATABASE_URL: '' })];
if (process.env.DATABASE_URL) results.push(await run(process.env));
const round = (value: number, digits = 0) => value.toFixed(digits);
for (const r of results) {
  console.log(`${r.engine}: api_updates_per_s=${round(r.apiRps)} bare_route_per_s=${round(r.bareRps)} ratio=${round(r.ratio, 2)} rss_mb_after_${updates}_updates=${round(r.rssMb)} heap_mb=${round(r.heapMb)}`);
}
const worst = results.reduce((a, b) => (a.ratio <= b.ratio ? a : b));
console.log(`api: ratio=${round(worst.ratio, 2)} target=0.5 engine=${worst.engine} ${results.map((r) => `${r.engine}_ratio=${round(r.ratio, 2)} ${r.engine}_rss_mb=${round(r.rssMb)}`).join(' ')} updates=${updates} concurrency=${concurrency}`);
