import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashOfFile, type SiteFile } from '../../domain/site-file.ts';
import { assertSitePath, publishOrder, publishRank, type Manifest, type PublishOutcome, type SiteTarget } from './site-target.ts';

const manifestName = '.tocsin-manifest.json';

/**
 * File-system calls as promises: on the thread pool, or made at once on the calling thread. A publish
 * of one update changes a dozen small files, and a thread-pool round trip per call (open, write,
 * close, rename: some fifty) costs several times the calls themselves, which are copies into the
 * page cache; a full publish of thousands of files goes through the pool, in parallel.
 */
interface FileCalls {
  writeFile(file: string, body: string | Uint8Array): Promise<void>;
  appendFile(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string): Promise<void>;
  mkdir(folder: string): Promise<unknown>;
}

const pooled: FileCalls = { writeFile, appendFile, rename, rm: (file) => rm(file, { force: true }), mkdir: (folder) => mkdir(folder, { recursive: true }) };
const direct: FileCalls = {
  writeFile: async (file, body) => writeFileSync(file, body),
  appendFile: async (file, text) => appendFileSync(file, text),
  rename: async (from, to) => renameSync(from, to),
  rm: async (file) => rmSync(file, { force: true }),
  mkdir: async (folder) => mkdirSync(folder, { recursive: true }),
};

/** Up to this many changed files and bytes, a publish makes its calls directly (a few milliseconds of them at most). */
const directFiles = 64;
const directBytes = 2 * 1024 * 1024;
/**
 * The manifest is a base of every path's hash and a log appended to by each publish: a page of
 * 5,000 incidents has a base of 300 KB, and a publish of one update adds a line of a dozen hashes
 * instead of writing it again. Before its first rename a publish appends the paths it is about to
 * put live (`pending`); after the last, their hashes (`set`) and the paths it removed: should it die
 * in between, the next one reads those paths as unknown and writes them again, even one whose
 * content went back to what the manifest said (a status restored). When the log outgrows the base,
 * the base is written again whole and the log starts over.
 */
const logName = '.tocsin-manifest.log';
/** The log may grow to the base's size, and to this at least, before the base is written again. */
const minLogBytes = 256 * 1024;

interface LogLine {
  pending?: string[];
  set?: Manifest;
  removed?: string[];
}

/**
 * A local folder that a web server (or rsync) serves. Changed files are first written aside in full,
 * then swapped in by rename (atomic per file), data before pages, so a reader never gets a
 * half-written file; unchanged files are not touched; files no longer generated are removed last.
 * The manifest of hashes sits in the folder as dotfiles (configure the server to deny dotfiles).
 */
export function folderTarget(root: string): SiteTarget {
  return {
    description: `folder ${root}`,
    async publish(files: SiteFile[]): Promise<PublishOutcome> {
      // Checked each time: another worker may have published since. No manifest: a new or wiped folder.
      const manifest = await readManifest(root);
      const previous = manifest.published;
      if (previous.size === 0) await mkdir(root, { recursive: true });
      // What changes in the manifest: new hashes, and new file objects for the same hash.
      const updates = new Map<string, Published>();
      const changed: SiteFile[] = [];
      const generation = ++publishes;
      let kept = 0;
      // Most files are the very objects this process published last time, in the same order: a
      // comparison tells them, without looking their paths up.
      const last = manifest.lastFiles ?? [];
      let lastIndex: Map<string, number> | undefined;
      let at = 0;
      for (const file of files) {
        if (last[at] === file) {
          at++;
          kept++;
          continue;
        }
        const known = previous.get(file.path);
        if (last[at]?.path === file.path) at++;
        else if (known && last.length > 0) {
          // Files added or removed before this one: the walk goes on after it.
          lastIndex ??= new Map(last.map((published, index) => [published.path, index]));
          at = (lastIndex.get(file.path) ?? at - 1) + 1;
        }
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
      const present = kept === previous.size ? undefined : new Set(files.map((file) => file.path));
      const removed = present ? [...previous.keys()].filter((file) => !present.has(file)) : [];
      const record = () => {
        for (const [file, published] of updates) previous.set(file, published);
        for (const file of removed) previous.delete(file);
      };
      if (changed.length === 0 && removed.length === 0) {
        record();
        manifest.lastFiles = files;
        return { written: 0, unchanged: files.length, deleted: 0 };
      }

      const io = changed.length <= directFiles && changed.reduce((bytes, file) => bytes + file.body.length, 0) <= directBytes ? direct : pooled;
      const stamp = `.tocsin-${process.pid}-${randomBytes(4).toString('hex')}`;
      const staged: Array<{ aside: string; final: string; rank: number }> = changed
        .sort((a, b) => publishOrder(a.path, b.path))
        .map((file) => ({ final: path.join(root, file.path), aside: `${path.join(root, file.path)}${stamp}`, rank: publishRank(file.path) }));
      const written = await Promise.allSettled(changed.map((file, index) => writeAside(io, staged[index]!.aside, file.body)));
      const failed = written.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) {
        await Promise.all(staged.map(({ aside }) => io.rm(aside)));
        throw failed.reason;
      }
      // Before anything goes live, the paths about to change go into the log (see `logName`).
      const log = path.join(root, logName);
      remembered.delete(root);
      const pending = `${JSON.stringify({ pending: [...changed.map((file) => file.path), ...removed] } satisfies LogLine)}\n`;
      await io.appendFile(log, pending);
      // Data before pages: each rank goes live whole before the next, its files together.
      for (let start = 0; start < staged.length; ) {
        let end = start + 1;
        while (end < staged.length && staged[end]!.rank === staged[start]!.rank) end++;
        await Promise.all(staged.slice(start, end).map(({ aside, final }) => io.rename(aside, final)));
        start = end;
      }
      await Promise.all(removed.map((file) => io.rm(path.join(root, file))));
      // Then their hashes, or the base again whole when the log has grown past it.
      record();
      const done = `{"set":{${changed.map((file) => previous.get(file.path)!.entry).join(',')}},"removed":${JSON.stringify(removed)}}\n`;
      const logBytes = manifest.logBytes + pending.length + done.length;
      if (logBytes <= Math.max(minLogBytes, manifest.baseBytes)) {
        await io.appendFile(log, done);
        remembered.set(root, { ...manifest, identity: `${manifest.baseIdentity}|${identityOf(statSync(log))}`, logBytes, lastFiles: files });
      } else {
        const base = `{${[...previous.values()].map((published) => published.entry).join(',')}}`;
        const baseAside = path.join(root, `${manifestName}${stamp}`);
        await io.writeFile(baseAside, base);
        await io.rename(baseAside, path.join(root, manifestName));
        // Replaying the old log on the new base gives the new base again: dying here loses nothing.
        await io.rm(log);
        const baseIdentity = identityOf(statSync(path.join(root, manifestName)));
        remembered.set(root, { identity: `${baseIdentity}|none`, baseIdentity, published: previous, baseBytes: base.length, logBytes: 0, lastFiles: files });
      }
      return { written: changed.length, unchanged: files.length - changed.length, deleted: removed.length };
    },
  };
}

/** Folders this process made or found: a folder removed since is made again when a write misses it. */
const folders = new Set<string>();

async function writeAside(io: FileCalls, file: string, body: SiteFile['body']): Promise<void> {
  const folder = path.dirname(file);
  if (folders.has(folder)) {
    try {
      return await io.writeFile(file, body);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await io.mkdir(folder);
  if (folders.size >= 100_000) folders.clear();
  folders.add(folder);
  await io.writeFile(file, body);
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

/** A folder's manifest as this process last wrote or read it, with the files' identities then. */
interface KnownManifest {
  /** The base's and the log's: another process that published since changed one of them. */
  identity: string;
  baseIdentity: string;
  published: Map<string, Published>;
  baseBytes: number;
  logBytes: number;
  /** The files this process published there last, in their order. */
  lastFiles?: SiteFile[];
}

/**
 * The last manifest this process wrote or read per folder: a page of 5,000 incidents has a manifest
 * of 5,000 hashes, read again only when another process changed it.
 */
const remembered = new Map<string, KnownManifest>();

const identityOf = (stats: { ino: number; size: number; mtimeMs: number }) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`;

async function readManifest(root: string): Promise<KnownManifest> {
  const base = path.join(root, manifestName);
  const log = path.join(root, logName);
  try {
    // Two calls, made directly: a thread-pool round trip would cost more than they do.
    const baseIdentity = identityOf(statSync(base));
    let logStats = statSync(log, { throwIfNoEntry: false });
    const known = remembered.get(root);
    if (known?.identity === `${baseIdentity}|${logStats ? identityOf(logStats) : 'none'}`) return known;
    const text = await readFile(base, 'utf8');
    const manifest = JSON.parse(text) as Manifest;
    const published = new Map(Object.entries(manifest).map(([name, hash]) => [name, { hash, entry: manifestEntry(name, hash) } as Published]));
    let logText = logStats ? await readFile(log, 'utf8') : '';
    // A publish that died while appending leaves its last line cut short: a `pending` line cut
    // short means nothing went live after it, and a `set` line has its `pending` line before it.
    // The cut line goes, so that the next line starts on a line of its own.
    const whole = logText.lastIndexOf('\n') + 1;
    if (whole < logText.length) {
      logText = logText.slice(0, whole);
      truncateSync(log, Buffer.byteLength(logText));
      logStats = statSync(log);
    }
    replay(published, logText);
    const identity = `${baseIdentity}|${logStats ? identityOf(logStats) : 'none'}`;
    const read = { identity, baseIdentity, published, baseBytes: text.length, logBytes: logText.length };
    remembered.set(root, read);
    return read;
  } catch {
    // No base, or an unreadable one or log: every file is unknown, written again, and the base with them.
    const read = { identity: '', baseIdentity: '', published: new Map<string, Published>(), baseBytes: 0, logBytes: Number.POSITIVE_INFINITY };
    remembered.set(root, read);
    return read;
  }
}

/** Applies the log's lines in order; an unreadable one makes the whole folder unknown (see `readManifest`). */
function replay(published: Map<string, Published>, log: string): void {
  for (const text of log.split('\n')) {
    if (text.length === 0) continue;
    const line = JSON.parse(text) as LogLine;
    for (const name of line.pending ?? []) published.delete(name);
    for (const [name, hash] of Object.entries(line.set ?? {})) published.set(name, { hash, entry: manifestEntry(name, hash) });
    for (const name of line.removed ?? []) published.delete(name);
  }
}

/** The manifest a folder holds on disk, its log applied: path → hash of what is live. */
export async function readFolderManifest(root: string): Promise<Manifest> {
  remembered.delete(root);
  const { published } = await readManifest(root);
  return Object.fromEntries([...published].map(([name, { hash }]) => [name, hash]));
}
