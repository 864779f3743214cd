import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SiteFile } from '../../domain/site-file.ts';
import { assertSitePath, hashOf, publishOrder, type Manifest, type PublishOutcome, type SiteTarget } from './site-target.ts';

const manifestName = '.tocsin-manifest.json';

/**
 * A local folder that a web server (or rsync) serves. Changed files are first written aside in full,
 * then swapped in by rename (atomic per file), data before pages, so a reader never gets a
 * half-written file; unchanged files are not touched; files no longer generated are removed last.
 * The manifest of hashes sits in the folder as a dotfile (configure the server to deny dotfiles).
 */
export function folderTarget(root: string): SiteTarget {
  return {
    description: `folder ${root}`,
    async publish(files: SiteFile[]): Promise<PublishOutcome> {
      await mkdir(root, { recursive: true });
      // Read each time, not remembered: another worker may have published since.
      const previous = await readManifest(root);
      const next: Manifest = {};
      const changed: SiteFile[] = [];
      for (const file of files) {
        assertSitePath(file.path);
        const hash = hashOf(file.body);
        next[file.path] = hash;
        if (previous[file.path] !== hash) changed.push(file);
      }
      const removed = Object.keys(previous).filter((file) => !(file in next));
      if (changed.length === 0 && removed.length === 0) {
        return { written: 0, unchanged: files.length, deleted: 0 };
      }

      const stamp = `.tocsin-${process.pid}-${randomBytes(4).toString('hex')}`;
      const staged: Array<{ aside: string; final: string }> = [];
      try {
        for (const file of changed.sort((a, b) => publishOrder(a.path, b.path))) {
          const final = path.join(root, file.path);
          const aside = `${final}${stamp}`;
          await mkdir(path.dirname(final), { recursive: true });
          await writeFile(aside, file.body);
          staged.push({ aside, final });
        }
      } catch (error) {
        await Promise.all(staged.map(({ aside }) => rm(aside, { force: true })));
        throw error;
      }
      for (const { aside, final } of staged) await rename(aside, final);
      for (const file of removed) await rm(path.join(root, file), { force: true });
      // The manifest goes last: a publish that died midway is caught up by the next one.
      await writeFile(path.join(root, `${manifestName}${stamp}`), JSON.stringify(next));
      await rename(path.join(root, `${manifestName}${stamp}`), path.join(root, manifestName));
      return { written: changed.length, unchanged: files.length - changed.length, deleted: removed.length };
    },
  };
}

async function readManifest(root: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(path.join(root, manifestName), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}
