import type { PublicSnapshot, SiteFile } from './snapshot.ts';
import { renderHtml } from './html/render-html.ts';
import { renderStatuspageApi } from './statuspage-v2.ts';
import { renderFeeds } from './feeds.ts';
import { renderBadge } from './badge.ts';
import { renderCorrectionsJson } from './corrections-json.ts';
import { createRenderMemo, noMemo, type RenderMemo, type SiteMemo } from './render-memo.ts';

/** Every file of one status page: HTML, Statuspage-compatible JSON, feeds and badges. */
export function renderSite(snapshot: PublicSnapshot, memo: RenderMemo = noMemo): SiteFile[] {
  return renderHtml(snapshot, memo).concat(renderStatuspageApi(snapshot), renderCorrectionsJson(snapshot), renderFeeds(snapshot, memo), renderBadge(snapshot));
}

/**
 * `renderSite` for a long-lived publisher: remembers each page's files between builds, so that a
 * build regenerates only the files whose inputs changed (see render-memo.ts).
 */
export function createSiteRenderer(): (snapshot: PublicSnapshot) => SiteFile[] {
  const memos = new Map<string, SiteMemo>();
  return (snapshot) => {
    let memo = memos.get(snapshot.page.id);
    if (!memo) memos.set(snapshot.page.id, (memo = createRenderMemo()));
    // A file generated anyway but the same as last time (style.css, badges, most JSON) keeps its
    // object and hash: the targets skip it without hashing it again.
    const files = renderSite(snapshot, memo);
    for (let index = 0; index < files.length; index++) {
      const file = files[index]!;
      if (!file.hash) files[index] = memo.file(file.path, [file.contentType, file.body], () => file);
    }
    memo.settle();
    return files;
  };
}
