// bench/console: what the console costs a communicator on a laptop.
// 1. First-load weight of the app shell: index.html + the scripts and styles it loads before the
//    first screen, gzipped as the server sends them (target ≤ 250 KB).
// 2. Keystroke → lint underline in Debian's Chromium: the time from a key typed in the composer to
//    the findings drawn under the text (the composer marks `lint-underlined`), against the same
//    keystroke echoed by a bare textarea in the same page, same run (target p95 ≤ 100 ms).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../scripts/build-console.js';
import { consoleDir } from '../src/surfaces/console/serve-console.ts';
import { createHarness } from '../test/helpers/harness.ts';
import { startConsole } from '../test/helpers/console.ts';

const weightTargetKb = 250;
const p95TargetMs = 100;
const keystrokes = Number(process.env.BENCH_KEYSTROKES) || 120;

await buildConsole();
const index = readFileSync(path.join(consoleDir, 'index.html'), 'utf8');
const shellFiles = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;
let shellBytes = gz(Buffer.from(index));
for (const file of shellFiles) shellBytes += gz(readFileSync(path.join(consoleDir, file)));
const shellKb = shellBytes / 1024;
console.log(`weight: index.html + ${shellFiles.length} files = ${shellKb.toFixed(1)} KB gzipped (${shellFiles.join(', ')})`);

const h = await createHarness();
const run = await startConsole(h);
try {
  const incident = await h.request('POST', '/api/admin/incidents', { body: { name: 'Customer data exposed by a misconfigured export', impact: 'major', body: 'We are investigating.' } });
  const message = await h.request('POST', `/api/admin/incidents/${incident.body.id}/messages`, {
    token: h.tokens.comms_lead,
    body: { stage: 'update', audiences: ['customers'], languages: ['en'], channels: ['email'] },
  });
  if (message.status !== 201) throw new Error(`message: ${JSON.stringify(message.body)}`);
  const { page } = await run.signIn('comms_lead');
  await page.goto(`${run.origin}/incidents/${incident.body.id}/messages/${message.body.id}`);
  const body = page.locator('textarea').first();
  await body.waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { keyAt: number; delays: number[]; echoes: number[] };
    w.delays = [];
    w.echoes = [];
    document.addEventListener('keydown', () => (w.keyAt = performance.now()), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'lint-underlined' && w.keyAt) w.delays.push(entry.startTime - w.keyAt);
    }).observe({ entryTypes: ['mark'] });
    const bare = document.createElement('textarea');
    bare.id = 'bench-bare';
    bare.setAttribute('aria-label', 'bench');
    document.body.append(bare);
    bare.addEventListener('input', () => requestAnimationFrame(() => w.echoes.push(performance.now() - w.keyAt)));
  });
  const sentence = ' Unfortunately a minor glitch happened but all data is safe and we apologize for any inconvenience';
  await body.click();
  await page.keyboard.press('End');
  for (let i = 0; i < keystrokes; i++) {
    const before = await page.evaluate(() => (window as unknown as { delays: number[] }).delays.length);
    await page.keyboard.type(sentence[i % sentence.length]!);
    await page.waitForFunction((n) => (window as unknown as { delays: number[] }).delays.length > n, before, { timeout: 5_000 });
  }
  await page.locator('#bench-bare').click();
  for (let i = 0; i < keystrokes; i++) {
    const before = await page.evaluate(() => (window as unknown as { echoes: number[] }).echoes.length);
    await page.keyboard.type('x');
    await page.waitForFunction((n) => (window as unknown as { echoes: number[] }).echoes.length > n, before);
  }
  const { delays, echoes } = await page.evaluate(() => ({ delays: (window as unknown as { delays: number[] }).delays, echoes: (window as unknown as { echoes: number[] }).echoes }));
  const p = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * q) - 1)]!;
  const lintP95 = p(delays, 0.95);
  const echoP95 = p(echoes, 0.95);
  console.log(`typing: ${keystrokes} keystrokes; underline p50=${p(delays, 0.5).toFixed(1)} ms p95=${lintP95.toFixed(1)} ms; bare textarea p95=${echoP95.toFixed(1)} ms`);
  console.log(
    `console: ratio=${(lintP95 / p95TargetMs).toFixed(2)} target=1 underline_p95_ms=${lintP95.toFixed(1)} underline_p95_target_ms=${p95TargetMs} bare_p95_ms=${echoP95.toFixed(1)} over_bare=${(lintP95 / echoP95).toFixed(2)} shell_kb=${shellKb.toFixed(1)} shell_target_kb=${weightTargetKb} weight_ratio=${(shellKb / weightTargetKb).toFixed(2)} keystrokes=${keystrokes}`,
  );
} finally {
  await run.close();
  await h.close();
}
