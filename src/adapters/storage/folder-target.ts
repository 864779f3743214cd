import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashOfFile, type SiteFile } from '../../domain/site-file.ts';
import { assertSitePath, publishOrder, publishRank, type Manifest, type PublishOutcome, type SiteTarget } from './site-target.ts';

const manifestName = '.tocsin-manifest.json';
/** The paths a publish is putting live, until its manifest is written. */
const pendingName = '.tocsin-pending.json';

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
      // Checked each time: another worker may have published since. No manifest: a new or wiped folder.
      const previous = await readManifest(root);
      if (previous.size === 0) await mkdir(root, { recursive: true });
      // What changes in the manifest: new hashes, and new file objects for the same hash.
      const updates = new Map<string, Published>();
      const changed: SiteFile[] = [];
      const generation = ++publishes;
      let kept = 0;
      for (const file of files) {
        const known = previous.get(file.path);
        if (known && known.seen !== generation) {
          known.seen = generation;
          kept++;
        }
        // The very file object published last time: its path was checked and its hash is known.
        if (known?.file === file) continue;
        assertSitePath(file.path);
        const hash = hashOfFile(file);
        updates.set(file.path, known?.hash === hash ? { ...known, file } : { hash, file, entry: manifestEntry(file.path, hash) });
        if (known?.hash !== hash) changed.push(file);
      }
      const removed = kept === previous.size ? [] : [...previous.keys()].filter((file) => previous.get(file)!.seen !== generation);
      const record = () => {
        for (const [file, published] of updates) previous.set(file, published);
        for (const file of removed) previous.delete(file);
      };
      if (changed.length === 0 && removed.length === 0) {
        record();
        return { written: 0, unchanged: files.length, deleted: 0 };
      }

      const stamp = `.tocsin-${process.pid}-${randomBytes(4).toString('hex')}`;
      const staged: Array<{ aside: string; final: string; rank: number }> = changed
        .sort((a, b) => publishOrder(a.path, b.path))
        .map((file) => ({ final: path.join(root, file.path), aside: `${path.join(root, file.path)}${stamp}`, rank: publishRank(file.path) }));
      const written = await Promise.allSettled(changed.map((file, index) => writeAside(staged[index]!.aside, file.body)));
      const failed = written.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) {
        await Promise.all(staged.map(({ aside }) => rm(aside, { force: true })));
        throw failed.reason;
      }
      // Before anything goes live, the paths about to change are noted beside the manifest: should
      // this publish die midway, the next one takes them as unknown and writes them again, even one
      // whose content went back to what the manifest still says (a status restored).
      const pending = path.join(root, pendingName);
      remembered.delete(root);
      await writeFile(pending, JSON.stringify([...staged.map(({ final }) => path.relative(root, final)), ...removed]));
      // Data before pages: each rank goes live whole before the next, its files together.
      for (let start = 0; start < staged.length; ) {
        let end = start + 1;
        while (end < staged.length && staged[end]!.rank === staged[start]!.rank) end++;
        await Promise.all(staged.slice(start, end).map(({ aside, final }) => rename(aside, final)));
        start = end;
      }
      await Promise.all(removed.map((file) => rm(path.join(root, file), { force: true })));
      // The manifest goes last, then the note of what was under way.
      record();
      const manifestAside = path.join(root, `${manifestName}${stamp}`);
      await writeFile(manifestAside, `{${[...previous.values()].map((published) => published.entry).join(',')}}`);
      await rename(manifestAside, path.join(root, manifestName));
      remembered.set(root, { identity: identityOf(await stat(path.join(root, manifestName))), published: previous });
      await rm(pending, { force: true });
      return { written: changed.length, unchanged: files.length - changed.length, deleted: removed.length };
    },
  };
}

/** Folders this process made or found: a folder removed since is made again when a write misses it. */
const folders = new Set<string>();

async function writeAside(file: string, body: SiteFile['body']): Promise<void> {
  const folder = path.dirname(file);
  if (folders.has(folder)) {
    try {
      return await writeFile(file, body);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await mkdir(folder, { recursive: true });
  if (folders.size >= 100_000) folders.clear();
  folders.add(folder);
  await writeFile(file, body);
}

interface Published {
  hash: string;
  /** The manifest's `"path":"hash"`, kept so that writing 5,000 entries is a join. */
  entry: string;
  /** The file object last published at that path, when this process published it. */
  file?: SiteFile;
  /** The last publish that found the path among its files (see `publishes`). */
  seen?: number;
}

/** Publishes made by this process, numbered: marks which known paths a publish still has. */
let publishes = 0;

const manifestEntry = (file: string, hash: string) => `${JSON.stringify(file)}:${JSON.stringify(hash)}`;

/**
 * The last manifest this process wrote or read per folder, with the file's identity then: a page of
 * 5,000 incidents has a manifest of 5,000 hashes, parsed again only when another process replaced it.
 */
const remembered = new Map<string, { identity: string; published: Map<string, Published> }>();

const identityOf = (stats: { ino: number; size: number; mtimeMs: number }) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`;

async function readManifest(root: string): Promise<Map<string, Published>> {
  const file = path.join(root, manifestName);
  try {
    const identity = identityOf(await stat(file));
    const known = remembered.get(root);
    if (known?.identity === identity) return known.published;
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    const published = new Map(Object.entries(manifest).map(([name, hash]) => [name, { hash, entry: manifestEntry(name, hash) } as Published]));
    for (const name of await pendingPaths(root)) published.delete(name);
    remembered.set(root, { identity, published });
    return published;
  } catch {
    const published = new Map<string, Published>();
    remembered.set(root, { identity: '', published });
    return published;
  }
}

/** What a publish that did not finish was putting live: none when the last one finished. */
async function pendingPaths(root: string): Promise<string[]> {
  try {
    const paths: unknown = JSON.parse(await readFile(path.join(root, pendingName), 'utf8'));
    return Array.isArray(paths) ? paths.filter((name): name is string => typeof name === 'string') : [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    // A note cut short: the caller takes the whole folder as unknown and writes everything again.
    throw new Error(`Cannot read ${pendingName}: the folder's state is unknown.`, { cause: error });
  }
}
