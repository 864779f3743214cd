// Builds the console (a Preact app bundled by Vite) into dist/console, unless the build there
// already comes from the same sources. Run by `npm ci` (prepare), `npm start` and the tests.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const appDir = path.join(root, 'src/surfaces/console/app');
const outDir = path.join(root, 'dist/console');
const stampFile = path.join(outDir, '.sources');

function files(dir, out = []) {
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files(full, out);
    else if (!entry.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** One hash over every source file of the app and the versions of what bundles it. */
export function sourcesHash() {
  const hash = createHash('sha256');
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  for (const name of ['vite', 'preact', 'preact-iso', 'i18next', 'uplot']) hash.update(`${name}@${lock.packages[`node_modules/${name}`]?.version}\n`);
  for (const file of files(appDir)) hash.update(path.relative(appDir, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export async function buildConsole({ force = false } = {}) {
  const wanted = sourcesHash();
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return { built: false };
  let vite;
  try {
    vite = await import('vite');
  } catch {
    // An install without the dev dependencies keeps whatever build it has (the API works without one).
    console.warn(existsSync(outDir) ? 'console: vite is not installed; keeping the existing build' : 'console: vite is not installed; the console is not built (npm ci installs it)');
    return { built: false };
  }
  const started = performance.now();
  // Build aside, then add the new hashed assets and swap index.html last: a console already
  // serving (another test file, a running `tocsin start`) keeps finding the chunks it references.
  const aside = `${outDir}.building-${process.pid}-${Date.now()}`;
  try {
    await vite.build({ configFile: path.join(appDir, 'vite.config.ts'), build: { outDir: aside, emptyOutDir: true } });
    mkdirSync(path.join(outDir, 'assets'), { recursive: true });
    pruneOldAssets(path.join(outDir, 'assets'));
    for (const file of readdirSync(path.join(aside, 'assets'))) copyFileSync(path.join(aside, 'assets', file), path.join(outDir, 'assets', file));
    renameSync(path.join(aside, 'index.html'), path.join(outDir, 'index.html'));
    writeFileSync(`${stampFile}.${process.pid}`, wanted);
    renameSync(`${stampFile}.${process.pid}`, stampFile);
  } finally {
    rmSync(aside, { recursive: true, force: true });
  }
  console.log(`console: built into dist/console in ${Math.round(performance.now() - started)} ms`);
  return { built: true };
}

/** Hashed assets of builds older than a day: no open console still asks for them. */
function pruneOldAssets(dir) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const file of readdirSync(dir)) {
    const full = path.join(dir, file);
    if (statSync(full).mtimeMs < dayAgo) rmSync(full, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildConsole({ force: process.argv.includes('--force') });
}
