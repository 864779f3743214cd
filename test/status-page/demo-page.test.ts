import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { keepScreenshot, launchChromium } from '../helpers/browser.ts';
import { demoPages } from '../../src/services/demo/catalog.ts';
import { textFor } from '../../src/status-page/i18n.ts';
import { indicatorClass } from '../../src/status-page/html/index-page.ts';
import { rollups } from '../../src/status-page/html/rollup.ts';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';
import { startTocsin, type TocsinProcess } from '../helpers/process.ts';

/**
 * The real thing a newcomer sees: `tocsin start` (what `npm start` runs) seeds the demo workspace,
 * publishes its status pages and serves them as static files on a port of their own. Each public
 * page is opened in headless Chromium (Debian's, driven by playwright-core): axe-clean in light and
 * dark, on a desktop and a phone, screenshots kept; every link it reaches answers; the ongoing
 * incident shows; and it all reads with JavaScript off.
 */

const viewports = [
  { name: 'desktop', size: { width: 1280, height: 720 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;
const schemes = ['light', 'dark'] as const;
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const artifacts = path.resolve('test-artifacts/status-page');
/** How many URLs one page's crawl may request before the test calls the site runaway. */
const crawlCap = 300;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The demo's public pages as `tocsin start` mounts them: `status` at the root, the others below (see demoMounts in serve.ts). */
const publicPages = demoPages
  .filter((page) => page.visibility === 'public')
  .map((page) => ({ slug: page.slug, name: page.name, language: page.language, prefix: page.slug === 'status' ? '' : `/${page.slug}` }));
type DemoPage = (typeof publicPages)[number];

/** What a visitor's browser (or feed reader) must be told each kind of file is. */
const expectedTypes: Array<{ pattern: RegExp; type: RegExp }> = [
  { pattern: /(\.html|\/)$/, type: /^text\/html\b/ },
  { pattern: /\.css$/, type: /^text\/css\b/ },
  { pattern: /\.json$/, type: /^application\/json\b/ },
  { pattern: /\.atom$/, type: /^application\/atom\+xml\b/ },
  { pattern: /\.rss$/, type: /^application\/rss\+xml\b/ },
  { pattern: /\.svg$/, type: /^image\/svg\+xml\b/ },
  { pattern: /\.js$/, type: /^(text|application)\/javascript\b/ },
];

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!);

/** The attribute of a start tag, entities decoded; undefined when absent. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** The references a visitor can follow or the browser loads: a[href], link[href] (stylesheet, alternate feeds), and any src. */
function references(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name] of html.matchAll(/<(a|link|img|script|iframe|source)\b[^>]*>/gi)) {
    const lower = name!.toLowerCase();
    if (lower === 'a') {
      const href = attribute(tag, 'href');
      if (href !== undefined) found.push(href);
    } else if (lower === 'link') {
      const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attribute(tag, 'href');
      if (href !== undefined && (rel.includes('stylesheet') || rel.includes('alternate') || rel.includes('icon'))) found.push(href);
    } else {
      const src = attribute(tag, 'src');
      if (src !== undefined) found.push(src);
    }
  }
  return found;
}

const idsOf = (html: string) => new Set([...html.matchAll(/\sid\s*=\s*"([^"]*)"/gi)].map((match) => decodeEntities(match[1]!)));

/** Polls a real condition until it holds or the deadline passes (no sleep standing in for an event). */
async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function assertPng(file: string): void {
  const bytes = readFileSync(file);
  assert.ok(bytes.length > pngSignature.length, `${file} is empty`);
  assert.ok(bytes.subarray(0, pngSignature.length).equals(pngSignature), `${file} is not a PNG`);
}

describe('the demo status page served by `tocsin start`, in headless Chromium', () => {
  let sandbox: CliSandbox | undefined;
  let tocsin: TocsinProcess | undefined;
  let browser: Browser | undefined;
  let origin: string;
  const pageUrl = (page: DemoPage, file = 'index.html') => `${origin}${page.prefix}/${file}`;

  before(async () => {
    sandbox = await createCliSandbox();
    tocsin = startTocsin(['start'], { ...sandbox.env, PORT: '0', STATUS_PORT: '0', LOG_LEVEL: 'info' });
    const statusLine = await tocsin.waitFor(/Status page \(static files, served apart\)/, 90_000);
    const statusPort = Number(/localhost:(\d+)/.exec(statusLine)![1]);
    origin = `http://127.0.0.1:${statusPort}`;
    for (const page of publicPages) {
      if (page.prefix) assert.ok(statusLine.includes(`:${statusPort}${page.prefix}/`), `the start-up message names ${page.prefix}/: ${statusLine}`);
      await tocsin.waitFor(new RegExp(`"page":"${page.slug}".*status page published`), 90_000);
      await until(`${pageUrl(page)} answers 200`, async () => (await fetch(pageUrl(page))).status === 200);
    }
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  }, { timeout: 180_000 });

  after(async () => {
    // Each step on its own, so one failing does not leave the others undone.
    let code: number | null | undefined;
    try {
      await browser?.close();
    } finally {
      try {
        code = await tocsin?.stop();
      } finally {
        await sandbox?.close();
      }
    }
    if (tocsin) assert.equal(code, 0, `tocsin start exited with ${code}; output:\n${tocsin.output.slice(-40).join('\n')}`);
  });

  /** A page in a context of its own, recording what the console and the network complain about. */
  async function open(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      // The browser's own /favicon.ico request is not the page's.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, url);
    return { page, problems };
  }

  it('covers every public page of the demo, in each of its languages', () => {
    assert.deepEqual([...new Set(publicPages.map((page) => page.language))].sort(), ['en', 'fr']);
  });

  it('has no serious or critical accessibility violation (WCAG 2.2 AA) on desktop and phone, light and dark; screenshots kept', { timeout: 180_000 }, async () => {
    // axe-core is itself a script, so it runs with JavaScript on; the page carries none, so the DOM is the one readers without JavaScript get.
    const found: string[] = [];
    for (const viewport of viewports) {
      for (const colorScheme of schemes) {
        const context = await browser!.newContext({ viewport: viewport.size, colorScheme });
        try {
          for (const demo of publicPages) {
            const url = pageUrl(demo);
            const { page, problems } = await open(context, url);
            const where = `${demo.language} ${url} ${viewport.name} ${colorScheme}`;
            assert.equal(await page.locator('html').getAttribute('lang'), demo.language, where);
            assert.deepEqual(problems, [], where);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= viewport.size.width, `${where}: scrolls sideways (${width}px wide)`);

            const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
            for (const violation of result.violations) {
              if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
              found.push(
                `${where}: ${violation.id} [${violation.impact}] ${violation.help} (${violation.helpUrl}), ${violation.nodes.length} element(s)` +
                  violation.nodes.slice(0, 3).map((node) => `\n    ${node.target.join(' ')}\n      ${node.html.slice(0, 160)}\n      ${(node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`).join(''),
              );
            }

            const file = path.join(artifacts, `demo-${demo.language}-index-${viewport.name}-${colorScheme}.png`);
            await keepScreenshot(page, file, { fullPage: true });
            assertPng(file);
            await page.close();
          }
        } finally {
          await context.close();
        }
      }
    }
    assert.ok(found.length === 0, `${found.length} serious or critical axe violation(s):\n${found.join('\n')}`);
  });

  it('every link reachable from index.html answers 200 with a sensible content type, every #fragment exists, and the API names the page', { timeout: 60_000 }, async (t) => {
    const broken: string[] = [];
    for (const demo of publicPages) {
      // Within the page's folder: the root page's folder is the origin minus the other pages' folders.
      const others = publicPages.filter((page) => page !== demo && page.prefix).map((page) => `${page.prefix}/`);
      const inFolder = (url: URL) => url.origin === origin && url.pathname.startsWith(`${demo.prefix}/`) && !others.some((other) => url.pathname.startsWith(other));
      const bodies = new Map<string, Promise<{ status: number; type: string; text: string }>>();
      const get = (url: string) => {
        let body = bodies.get(url);
        if (!body) {
          body = fetch(url, { redirect: 'manual' }).then(async (response) => ({ status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }));
          bodies.set(url, body);
        }
        return body;
      };
      const fragments: Array<{ from: string; file: string; id: string }> = [];
      const seen = new Set<string>();
      const queue = [pageUrl(demo)];
      while (queue.length > 0) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        assert.ok(seen.size <= crawlCap, `${demo.language}: more than ${crawlCap} URLs reached from ${pageUrl(demo)}; the crawl or the site runs away`);
        const { status, type, text } = await get(url);
        if (status !== 200) {
          broken.push(`${status} ${url}`);
          continue;
        }
        const expected = expectedTypes.find((candidate) => candidate.pattern.test(new URL(url).pathname));
        if (!expected) broken.push(`${url}: no content type expected for this kind of file (${type})`);
        else if (!expected.type.test(type)) broken.push(`${url}: served as "${type}", expected ${expected.type}`);
        if (!/^text\/html\b/.test(type)) continue;
        for (const reference of references(text)) {
          const target = new URL(reference, url);
          if (target.protocol !== 'http:' && target.protocol !== 'https:') continue;
          if (target.origin !== origin) continue;
          const file = `${target.origin}${target.pathname}`;
          if (target.hash) fragments.push({ from: url, file, id: decodeURIComponent(target.hash.slice(1)) });
          if (inFolder(target)) queue.push(file);
          else if (!seen.has(file)) {
            // Same origin, outside the page's folder: it must answer, but is not crawled further.
            seen.add(file);
            const outside = await get(file);
            if (outside.status !== 200) broken.push(`${outside.status} ${file} (linked from ${url})`);
          }
        }
      }
      for (const { from, file, id } of fragments) {
        const target = await get(file);
        if (target.status === 200 && !idsOf(target.text).has(id)) broken.push(`${from} → #${id}: no such id in ${file}`);
      }

      const reached = [...seen].map((url) => new URL(url).pathname.slice(demo.prefix.length + 1));
      t.diagnostic(`${demo.language} ${pageUrl(demo)}: ${seen.size} URLs requested, ${fragments.length} fragment links checked`);
      for (const expected of ['index.html', 'style.css', 'history.html', 'maintenances.html', 'history.atom', 'history.rss']) {
        assert.ok(reached.includes(expected), `${demo.language}: ${expected} is not reachable from index.html (reached: ${reached.join(', ')})`);
      }
      assert.ok(reached.filter((file) => file.startsWith('incidents/')).length >= 5, `${demo.language}: the demo's five incidents are not all reachable (reached: ${reached.join(', ')})`);

      const summaryResponse = await fetch(pageUrl(demo, 'api/v2/summary.json'));
      assert.equal(summaryResponse.status, 200);
      assert.match(summaryResponse.headers.get('content-type') ?? '', /^application\/json\b/);
      const summary = JSON.parse(await summaryResponse.text());
      assert.equal(summary.page.name, demo.name);
      assert.equal(summary.page.time_zone, 'Europe/Paris');
      assert.ok(Array.isArray(summary.components) && summary.components.length > 0, 'summary.json lists the components');
    }
    assert.ok(broken.length === 0, `${broken.length} broken link(s) or resource(s):\n${broken.join('\n')}`);
  });

  it('shows the ongoing incident and the banner status.json states, with JavaScript on and off', { timeout: 60_000 }, async () => {
    for (const demo of publicPages) {
      const t = textFor(demo.language);
      const status = await (await fetch(pageUrl(demo, 'api/v2/status.json'))).json();
      const summary = await (await fetch(pageUrl(demo, 'api/v2/summary.json'))).json();
      const rollup = Object.values(rollups).find((candidate) => candidate.description === status.status.description);
      assert.ok(rollup, `status.json states "${status.status.description}", which the page has no wording for`);
      assert.equal(rollup.indicator, status.status.indicator);
      // The demo has one incident going on: the managed databases in PAR-2 are slow.
      assert.equal(summary.incidents.length, 1, `${demo.language}: one ongoing incident in summary.json`);
      const incident = summary.incidents[0];
      assert.match(incident.name, /Managed PostgreSQL/);
      const latest = [...incident.incident_updates].sort((a: any, b: any) => Date.parse(b.display_at) - Date.parse(a.display_at))[0];
      // Each page shows the update in its own language, the promise of the next one in its words.
      const promised = demo.language === 'fr' ? /Prochain point dans 30 minutes/ : /Next update within 30 minutes/;
      assert.match(latest.body, promised);
      const byId = new Map<string, any>(summary.components.map((component: any) => [component.id, component]));
      const affects = incident.components.map((component: any) => `${component.name} (${t.componentStatus[byId.get(component.id).status as keyof typeof t.componentStatus]})`);
      const componentNames = summary.components.filter((component: any) => !component.group).map((component: any) => component.name);

      for (const isScriptEnabled of [true, false]) {
        const where = `${demo.language} ${pageUrl(demo)} (JavaScript ${isScriptEnabled ? 'on' : 'off'})`;
        const context = await browser!.newContext({ javaScriptEnabled: isScriptEnabled, viewport: viewports[0].size });
        try {
          const { page, problems } = await open(context, pageUrl(demo));
          assert.equal(await page.locator('script').count(), 0, `${where}: the page carries a script`);

          const banner = page.locator('main .banner');
          assert.ok(await banner.isVisible(), `${where}: the banner shows`);
          assert.equal((await banner.locator('h1').textContent())?.trim(), t.rollup[rollup.key], `${where}: the banner says what status.json states (${status.status.description})`);
          assert.ok((await banner.getAttribute('class'))!.split(/\s+/).includes(indicatorClass[rollup.indicator]), `${where}: the banner's color is the indicator's (${rollup.indicator})`);

          const open_ = page.locator('section[aria-labelledby="open"]');
          assert.equal((await open_.locator('h2').textContent())?.trim(), t.ongoingIncidents, where);
          const card = open_.locator('article.card');
          assert.equal(await card.count(), 1, `${where}: one ongoing incident`);
          assert.ok(await card.isVisible(), `${where}: the ongoing incident shows`);
          const title = card.locator('h3 a');
          assert.equal((await title.textContent())?.trim(), incident.name, where);
          assert.equal(await title.getAttribute('href'), `incidents/${incident.id}.html`, where);
          const cardText = (await card.innerText()).replace(/\s+/g, ' ');
          for (const affected of affects) assert.ok(cardText.includes(affected), `${where}: the card says "${affected}"; it reads: ${cardText}`);
          // The newest update comes first, with its promise of the next update.
          const first = card.locator('ol.tl > li').first();
          assert.ok(await first.isVisible(), where);
          assert.match((await first.locator('.ub').innerText()).replace(/\s+/g, ' '), promised, `${where}: the newest update and its promise show first`);
          // The promised time of the next update stands out, in the page's words (with its day after midnight).
          const promise = card.locator('p.promise');
          assert.ok(await promise.isVisible(), `${where}: the next-update promise shows`);
          assert.match((await promise.innerText()).trim(), demo.language === 'fr' ? /^Prochain point (à \d\d:\d\d|le \d{1,2}(er)? [a-zéû]+ à \d\d:\d\d)$/ : /^Next update by ([A-Z][a-z]{2} \d{1,2} at )?\d{1,2}:\d\d [AP]M$/, where);

          const names = (await page.locator('section[aria-labelledby="services"] .cn').allTextContents()).map((name) => name.trim());
          assert.deepEqual(names, componentNames, `${where}: every component is listed, in order`);
          const statuses = await page.locator('section[aria-labelledby="services"] .ch .st').allTextContents();
          assert.equal(statuses.length, componentNames.length, `${where}: every component shows its status in words`);
          assert.ok(await page.locator('section[aria-labelledby="services"]').isVisible(), `${where}: the component list shows`);
          assert.deepEqual(problems, [], where);
        } finally {
          await context.close();
        }
      }
    }
  });
});
