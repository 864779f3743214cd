import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashOfFile, type SiteFile } from '../../domain/site-file.ts';
import { assertSitePath, publishOrder, type Manifest, type PublishOutcome, type SiteTarget } from './site-target.ts';

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
      // Checked each time: another worker may have published since.
      const previous = await readManifest(root);
      const next: Manifest = {};
      const changed: SiteFile[] = [];
      for (const file of files) {
        assertSitePath(file.path);
        const hash = hashOfFile(file);
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
      await remember(root, next);
      return { written: changed.length, unchanged: files.length - changed.length, deleted: removed.length };
    },
  };
}

/**
 * The last manifest this process wrote or read per folder, with the file's identity then: a page of
 * 5,000 incidents has a manifest of 5,000 hashes, parsed again only when another process replaced it.
 */
const manifests = new Map<string, { identity: string; manifest: Manifest }>();

const identityOf = (stats: { ino: number; size: number; mtimeMs: number }) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`;

async function readManifest(root: string): Promise<Manifest> {
  const file = path.join(root, manifestName);
  try {
    const identity = identityOf(await stat(file));
    const known = manifests.get(root);
    if (known?.identity === identity) return known.manifest;
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    manifests.set(root, { identity, manifest });
    return manifest;
  } catch {
    return {};
  }
}

async function remember(root: string, manifest: Manifest): Promise<void> {
  manifests.set(root, { identity: identityOf(await stat(path.join(root, manifestName))), manifest });
}
