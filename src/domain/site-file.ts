import { createHash } from 'node:crypto';

/** A file of a generated site: its path relative to the site's root folder, its type and its bytes. */
export interface SiteFile {
  path: string;
  contentType: string;
  body: string | Uint8Array;
  /** `contentHash(body)`, when the renderer already knows it (a file it did not generate again). */
  hash?: string;
}

/** The hash targets keep in their manifests to tell a changed file from an unchanged one. */
export function contentHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** A file's hash, computed only if the renderer did not give it. */
export function hashOfFile(file: SiteFile): string {
  return file.hash ?? contentHash(file.body);
}
