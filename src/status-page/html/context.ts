import { DateTime } from 'luxon';
import { textFor, type PageText } from '../i18n.ts';
import type { PublicComponent, PublicSnapshot } from '../snapshot.ts';
import { computeUptime, type UptimeReport } from '../uptime.ts';
import { renderMarkdown } from '../markdown.ts';
import { html, trusted, type Html } from './escape.ts';
import { rollUp, type Rollup } from './rollup.ts';
import { noMemo, type RenderMemo } from '../render-memo.ts';
import { correctedIncidents } from './corrections-page.ts';

/** What every page renderer needs, computed once per site. */
export interface SiteContext {
  snapshot: PublicSnapshot;
  t: PageText;
  rollup: Rollup;
  uptime: UptimeReport;
  componentsById: Map<string, PublicComponent>;
  /** `generatedAt` in the page's time zone. */
  now: DateTime;
  /** An instant in the page's time zone and language. */
  local(at: Date): DateTime;
  /** `<time datetime="ISO">text</time>`, the ISO with the page zone's offset at that instant. */
  time(at: DateTime, text: string): Html;
  /** An update body through the Markdown sanitizer, once per distinct body (see `bodies`). */
  body(markdown: string): Html;
  /** Files whose inputs did not change since the last build are kept, not generated again. */
  memo: RenderMemo;
  /** What every page's frame reads of the page's settings: an input of every memoized page. */
  frameKey: string;
  /** Whether any incident has a published correction: the navigation then links the corrections log. */
  hasCorrections: boolean;
}

/**
 * Instants in a zone and locale, kept between builds: luxon works out the zone's offset for each new
 * DateTime, and an open incident's timeline shows the same instants at every publish. A DateTime
 * never changes, so sharing one is safe.
 */
const instants = new Map<string, DateTime>();

function localInstant(at: Date, zone: string, locale: string): DateTime {
  const key = `${zone}|${locale}|${at.getTime()}`;
  let instant = instants.get(key);
  if (!instant) {
    if (instants.size >= 50_000) instants.clear();
    instants.set(key, (instant = DateTime.fromJSDate(at, { zone }).setLocale(locale)));
  }
  return instant;
}

/** Sanitized bodies by their Markdown, kept between builds: an open incident's timeline is rendered at each publish. */
const bodies = new Map<string, Html>();

export function siteContext(snapshot: PublicSnapshot, memo: RenderMemo = noMemo): SiteContext {
  const zone = snapshot.page.timeZone;
  const t = textFor(snapshot.page.language);
  const local = (at: Date) => localInstant(at, zone, t.locale);
  const now = local(snapshot.generatedAt);
  if (!now.isValid) throw new Error(`Unknown time zone "${zone}" for page ${snapshot.page.id}.`);
  const { name, language, visibility } = snapshot.page;
  const hasCorrections = correctedIncidents(snapshot.incidents).length > 0;
  return {
    snapshot,
    memo,
    frameKey: JSON.stringify([name, language, zone, visibility, ...(hasCorrections ? ['corrections'] : [])]),
    hasCorrections,
    t,
    rollup: rollUp(snapshot),
    uptime: computeUptime({ ...snapshot, timeZone: zone }),
    componentsById: new Map(snapshot.components.map((component) => [component.id, component])),
    now,
    local,
    time: (at, text) => html`<time datetime="${at.toISO({ suppressMilliseconds: true }) ?? ''}">${text}</time>`,
    body: (markdown) => {
      let rendered = bodies.get(markdown);
      if (!rendered) {
        if (bodies.size >= 10_000) bodies.clear();
        bodies.set(markdown, (rendered = trusted(renderMarkdown(markdown))));
      }
      return rendered;
    },
  };
}

/** An id as a file or fragment name; ids are generated ([a-z0-9]), anything else is refused. */
export function safeId(id: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`Refusing to use "${id}" in a file name or link.`);
  return id;
}
