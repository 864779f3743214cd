/** A file of a generated site: its path relative to the site's root folder, its type and its bytes. */
export interface SiteFile {
  path: string;
  contentType: string;
  body: string | Uint8Array;
}
