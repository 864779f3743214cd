import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { keepScreenshot, launchChromium } from '../helpers/browser.ts';
import { renderSite } from '../../src/status-page/site.ts';
import type { PublicSnapshot, SiteFile } from '../../src/status-page/snapshot.ts';
import { sampleSnapshot } from '../fixtures/snapshot.ts';

const languages = ['en', 'fr'] as const;
const pages = [
  { name: 'index', path: 'index.html' },
  { name: 'incident', path: 'incidents/incopen00001.html' },
  { name: 'history', path: 'history.html' },
  { name: 'maintenances', path: 'maintenances.html' },
];
const viewports = [
  { name: 'desktop', size: { width: 1280, height: 720 } },
  { name: 'phone', size: { width: 390, height: 844 } },
];
const schemes = ['light', 'dark'] as const;
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const artifacts = path.resolve('test-artifacts/status-page');

// What a static host would send: the page must work under a strict policy, no inline script or style.
const policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'";
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.atom': 'application/atom+xml', '.rss': 'application/rss+xml', '.svg': 'image/svg+xml' };

/** A customer's page embedding the widget both ways: the script with its fallback link, and the iframe. */
const hostPage = (language: string) => `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>Host</title></head>
<body><main><p>Status: <a id="fallback" href="index.html" data-tocsin-status>Service status</a></p><iframe title="Status" src="widget.html" width="360" height="90"></iframe></main>
<script src="widget.js" async></script></body></html>`;

/** The sample with 120 past incidents: a history in three pages, to check the pager. */
function longHistory(): PublicSnapshot {
  const base = sampleSnapshot();
  const template = base.incidents[1]!;
  const past = Array.from({ length: 120 }, (_, n) => {
    const startedAt = new Date(base.generatedAt.getTime() - (n + 1) * 30 * 3_600_000);
    return { ...template, id: `inclong${String(n).padStart(5, '0')}`, name: `${template.name} (${n + 1})`, startedAt, createdAt: startedAt, resolvedAt: new Date(startedAt.getTime() + 3_600_000) };
  });
  return { ...base, incidents: [...base.incidents, ...past] };
}

function writeSite(folder: string, files: SiteFile[]): void {
  for (const file of files) {
    const target = path.join(folder, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
}

function serve(folder: string): Promise<Server> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.join(folder, path.normalize(pathname));
    if (!file.startsWith(folder + path.sep)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': policy });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the static status page in a browser', () => {
  let folder: string;
  let server: Server;
  let browser: Browser;
  let origin: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tocsin-site-'));
    for (const language of languages) {
      const snapshot = sampleSnapshot({ language });
      // The whole site (JSON API and feeds included), so that every link and the widget's fetch resolve.
      writeSite(path.join(folder, language), renderSite(snapshot));
      writeFileSync(path.join(folder, language, 'host.html'), hostPage(language));
    }
    const long = longHistory();
    writeSite(path.join(folder, 'long'), renderSite(long));
    server = await serve(folder);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** Opens a page and records what the console and the network complain about. */
  async function open(url: string, options: BrowserContextOptions): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // A failed load is reported below with its URL (the browser's own /favicon.ico request is not ours).
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, url);
    return { page, problems, close: () => context.close() };
  }

  it('every page reads with JavaScript off and on: no script, no refused resource, screenshots in both themes and sizes', { timeout: 180_000 }, async () => {
    for (const language of languages) {
      for (const { name, path: pagePath } of pages) {
        const url = `${origin}/${language}/${pagePath}`;
        for (const isScriptEnabled of [false, true]) {
          const { page, problems, close } = await open(url, { javaScriptEnabled: isScriptEnabled, viewport: viewports[0]!.size });
          assert.equal(await page.locator('script').count(), 0, `${url} has a script`);
          assert.equal(await page.locator('html').getAttribute('lang'), language);
          assert.ok(await page.locator('h1').first().isVisible(), `${url} shows its heading`);
          assert.ok(await page.locator('link[rel=stylesheet]').evaluate((link) => (link as HTMLLinkElement).sheet !== null), `${url} loads style.css`);
          assert.deepEqual(problems, [], url);
          await close();
        }
        for (const viewport of viewports) {
          for (const colorScheme of schemes) {
            const { page, close } = await open(url, { javaScriptEnabled: false, viewport: viewport.size, colorScheme });
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= viewport.size.width, `${url} scrolls sideways on ${viewport.name} (${width}px)`);
            await keepScreenshot(page, path.join(artifacts, `${language}-${name}-${viewport.name}-${colorScheme}.png`), { fullPage: true });
            await close();
          }
        }
      }
    }
  });

  it('has no serious or critical accessibility violation (WCAG 2.2 AA), light and dark', { timeout: 120_000 }, async () => {
    // axe-core is itself a script: it runs with JavaScript on; the pages carry no script, so the DOM is the one readers without JavaScript get.
    const found: string[] = [];
    for (const language of languages) {
      for (const { path: pagePath } of pages) {
        for (const colorScheme of schemes) {
          for (const viewport of viewports) {
            const url = `${origin}/${language}/${pagePath}`;
            const { page, close } = await open(url, { viewport: viewport.size, colorScheme });
            const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
            for (const violation of result.violations) {
              if (violation.impact === 'serious' || violation.impact === 'critical') {
                found.push(`${url} ${colorScheme} ${viewport.name}: ${violation.id} (${violation.nodes.length}) ${violation.nodes.slice(0, 2).map((node) => node.target.join(' ')).join(' | ')}`);
              }
            }
            await close();
          }
        }
      }
    }
    for (const pagePath of ['history/2.html', 'history/3.html']) {
      const url = `${origin}/long/${pagePath}`;
      for (const viewport of viewports) {
        const { page, close } = await open(url, { viewport: viewport.size });
        assert.ok(await page.locator('nav.pager [aria-current="page"]').isVisible(), `${url} shows where it is`);
        const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
        for (const violation of result.violations) {
          if (violation.impact === 'serious' || violation.impact === 'critical') found.push(`${url} ${viewport.name}: ${violation.id}`);
        }
        if (pagePath === 'history/2.html') await keepScreenshot(page, path.join(artifacts, `en-history-page-2-${viewport.name}-light.png`), { fullPage: true });
        await close();
      }
    }
    assert.deepEqual(found, []);
  });

  it('every internal link and asset of every generated page answers 200, and every #fragment exists', { timeout: 60_000 }, async () => {
    const broken: string[] = [];
    for (const language of [...languages, 'long']) {
      const seen = new Set<string>();
      const documents = new Map<string, string>();
      const queue = [`${origin}/${language}/index.html`];
      const fetchText = async (url: string) => {
        if (!documents.has(url)) {
          const response = await fetch(url);
          if (response.status !== 200) broken.push(`${response.status} ${url}`);
          documents.set(url, response.status === 200 ? await response.text() : '');
        }
        return documents.get(url)!;
      };
      while (queue.length > 0) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        const text = await fetchText(url);
        if (!url.endsWith('.html')) continue;
        for (const match of text.matchAll(/(?:href|src)="([^"]+)"/g)) {
          const target = new URL(match[1]!.replaceAll('&amp;', '&'), url);
          if (target.origin !== origin) continue;
          const [file, fragment] = [target.href.split('#')[0]!, target.hash.slice(1)];
          if (fragment && !(await fetchText(file)).includes(`id="${fragment}"`)) broken.push(`${url} → #${fragment} missing in ${file}`);
          queue.push(file);
        }
      }
      assert.ok(seen.size >= 8, `only ${seen.size} files reached from ${language}/index.html`);
    }
    assert.deepEqual(broken, []);
  });

  it('the widget script writes the status into the fallback link; without JavaScript the link stays as written', { timeout: 30_000 }, async () => {
    for (const language of languages) {
      const words = language === 'en' ? 'Some services are unavailable' : 'Certains services sont indisponibles';
      const on = await open(`${origin}/${language}/host.html`, { viewport: { width: 640, height: 240 } });
      await on.page.locator('#fallback', { hasText: words }).waitFor();
      assert.equal(await on.page.locator('#fallback').getAttribute('href'), 'index.html');
      assert.equal(await on.page.frameLocator('iframe').locator('a.st').textContent(), words);
      assert.deepEqual(on.problems, []);
      await keepScreenshot(on.page, path.join(artifacts, `${language}-widget.png`));
      await on.close();

      const off = await open(`${origin}/${language}/host.html`, { javaScriptEnabled: false });
      assert.equal(await off.page.locator('#fallback').textContent(), 'Service status');
      await off.close();
    }
  });
});
