import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every relative import of a file, resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => path.relative(root, path.resolve(path.dirname(file), match[1]!)));
}

const layerOf = (relative: string) => relative.split(path.sep)[0]!;

/** Which layers each layer may import: surfaces → services → domain, status-page, adapters; adapters → domain. */
const allowed: Record<string, string[]> = {
  domain: ['domain'],
  'status-page': ['domain', 'status-page'],
  adapters: ['domain', 'adapters'],
  services: ['domain', 'status-page', 'adapters', 'services'],
  surfaces: ['domain', 'status-page', 'adapters', 'services', 'surfaces', 'config.ts', 'logger.ts', 'main.ts'],
  'main.ts': ['domain', 'adapters', 'services', 'surfaces', 'config.ts', 'logger.ts'],
  'config.ts': ['adapters'],
  'logger.ts': [],
};

describe('the layers of the code', () => {
  const files = sourceFiles(root).map((file) => ({ file, relative: path.relative(root, file) }));

  it('imports point one way: surfaces → services → domain and adapters', () => {
    const wrong: string[] = [];
    for (const { file, relative } of files) {
      const from = layerOf(relative);
      for (const target of importsOf(file)) {
        if (!(allowed[from] ?? []).includes(layerOf(target))) wrong.push(`${relative} → ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('an area\'s internal.ts is used only inside its area', () => {
    const wrong: string[] = [];
    for (const { file, relative } of files) {
      for (const target of importsOf(file)) {
        if (path.basename(target) === 'internal.ts' && path.dirname(target) !== path.dirname(relative)) wrong.push(`${relative} → ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('the domain reads no clock and does no I/O', () => {
    const wrong: string[] = [];
    for (const { file, relative } of files.filter((f) => layerOf(f.relative) === 'domain')) {
      const text = readFileSync(file, 'utf8');
      if (/Date\.now\(\)|new Date\(\)/.test(text)) wrong.push(`${relative} reads the clock`);
      const io = /from 'node:(fs|net|http|https|child_process|dgram|dns|tls)'/.exec(text);
      if (io) wrong.push(`${relative} imports node:${io[1]}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('the console runs in the browser: it imports only itself and the pure domain, never node:', () => {
    const app = path.join(root, 'surfaces/console/app');
    const browserFiles = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) return walk(full);
        return /\.tsx?$/.test(entry) && !entry.endsWith('.test.ts') && entry !== 'vite.config.ts' ? [full] : [];
      });
    })(app);
    assert.ok(browserFiles.length > 10);
    const wrong: string[] = [];
    for (const file of browserFiles) {
      const relative = path.relative(root, file);
      for (const target of importsOf(file)) {
        if (layerOf(target) !== 'domain' && !target.startsWith(path.relative(root, app))) wrong.push(`${relative} → ${target}`);
      }
      if (/from 'node:/.test(readFileSync(file, 'utf8'))) wrong.push(`${relative} imports node:`);
    }
    assert.deepEqual(wrong, []);
  });
});
