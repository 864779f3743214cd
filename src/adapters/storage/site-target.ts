import { hashOfFile, type SiteFile } from '../../domain/site-file.ts';

/** What one publish did to a target. */
export interface PublishOutcome {
  written: number;
  unchanged: number;
  deleted: number;
}

/** Where a status page's files go: a folder, a bucket, a git remote. */
export interface SiteTarget {
  /** For logs and the console: `folder /srv/status`, `s3 bucket/prefix`, … (never a credential). */
  readonly description: string;
  /** Brings the target to exactly `files`: changed files written, unchanged ones left, others removed. */
  publish(files: SiteFile[]): Promise<PublishOutcome>;
}

/** The manifest every target keeps beside the site: path → content hash. */
export type Manifest = Record<string, string>;

export function manifestOf(files: SiteFile[]): Manifest {
  const manifest: Manifest = {};
  for (const file of files) manifest[file.path] = hashOfFile(file);
  return manifest;
}

/** Refuses a path that would leave the site's folder or hide in a dot-folder. */
export function assertSitePath(path: string): void {
  // Every segment non-empty and not starting with a dot: no '', '.', '..', dotfile, leading '/'.
  if (!/^[^/.][^/]*(?:\/[^/.][^/]*)*$/.test(path)) {
    throw new Error(`Refusing to publish the unsafe path "${path}".`);
  }
}

/** When a changed file goes live: data and assets first, the pages that link to them last. */
export function publishRank(path: string): number {
  return path === 'index.html' ? 3 : path.endsWith('.html') ? 2 : path.startsWith('api/') ? 1 : 0;
}

/** Order in which changed files go live: by `publishRank`, then by path. */
export function publishOrder(a: string, b: string): number {
  return publishRank(a) - publishRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
