// Runs every *.test.ts under src/ and test/ with node's test runner (Node 20 does not expand globs).
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildConsole } from './build-console.js';

function find(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === 'node_modules') continue;
    if (statSync(full).isDirectory()) find(full, out);
    else if (entry.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = [...find('src'), ...find('test')].filter((file) => filters.length === 0 || filters.some((f) => file.includes(f))).sort();
// The browser tests and `tocsin start` serve the console's build: make it match the sources first.
await buildConsole();
console.log(`Running ${files.length} test files on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
