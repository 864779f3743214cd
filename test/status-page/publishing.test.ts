import { after, before, describe, it } from 'node:test';
import { once } from 'node:events';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startPublisher, siteFolder, type Publisher } from '../../src/surfaces/worker/publisher.ts';
import type { PageOutcome } from '../../src/services/status-page/publish-pending.ts';
import { publishPendingPages } from '../../src/services/status-page/publish-pending.ts';
import { renderSite } from '../../src/status-page/site.ts';
import { targetsResolver } from '../../src/surfaces/worker/publisher.ts';

function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix)).flatMap((entry) => {
    const relative = path.join(prefix, entry);
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

describe('publishing a status page to its folder', () => {
  let h: Harness;
  let siteDir: string;
  let publisher: Publisher;
  let pageId: string;
  let folder: string;

  const outcomes: PageOutcome[] = [];
  /** The first outcome for the page at `version` or later: one already seen, or the next to come. */
  const publishedAtLeast = async (version: number): Promise<PageOutcome> => {
    for (;;) {
      const seen = outcomes.find((outcome) => outcome.page.pageId === pageId && outcome.page.contentVersion >= version);
      if (seen) return seen;
      await once(publisher.events, 'published');
    }
  };
  const contentVersion = async () => (await h.db.db.selectFrom('status_pages').select('content_version').where('id', '=', pageId).executeTakeFirstOrThrow()).content_version;

  before(async () => {
    h = await createHarness();
    siteDir = mkdtempSync(path.join(tmpdir(), 'tocsin-site-'));
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris', url: 'https://status.acme.example' } });
    pageId = page.body.id;
    folder = siteFolder(siteDir, { workspaceSlug: 'acme', pageSlug: 'status' });
    publisher = await startPublisher({ db: h.db, logger: h.logger, siteDir, fallbackUrl: 'http://localhost:3001', now: h.clock.now, sweepSeconds: 3600 });
    publisher.events.on('published', (outcome: PageOutcome) => outcomes.push(outcome));
  });
  after(async () => {
    await publisher?.stop();
    await h?.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  it('publishes a change made through the API without anyone asking: HTML and JSON agree', async () => {
    const created = await h.request('POST', '/api/admin/components', { body: { name: 'Object storage' } });
    await h.request('PATCH', `/api/admin/components/${created.body.id}`, { body: { status: 'major_outage' } });
    const outcome = await publishedAtLeast(await contentVersion());
    assert.equal(outcome.ok, true, JSON.stringify(outcome.targets));
    const summary = JSON.parse(readFileSync(path.join(folder, 'api/v2/summary.json'), 'utf8'));
    assert.equal(summary.components.find((c: any) => c.name === 'Object storage').status, 'major_outage');
    assert.match(readFileSync(path.join(folder, 'index.html'), 'utf8'), /Object storage/);
    const page = (await h.request('GET', `/api/admin/pages/${pageId}`)).body;
    assert.equal(page.published_version, page.content_version);
  });

  it('rewrites only what changed', async () => {
    const opened = await h.request('POST', '/api/admin/incidents', { body: { name: 'Slow uploads', impact: 'minor', body: 'Uploads are slow. Next update in 30 minutes.' } });
    const first = await publishedAtLeast(await contentVersion());
    const incidentPage = path.join(folder, 'incidents', `${opened.body.id}.html`);
    assert.ok(existsSync(incidentPage), 'the incident has its permalink page');
    const feedBefore = statSync(path.join(folder, 'history.atom')).mtimeMs;
    const unrelated = filesUnder(folder).find((file) => file.startsWith('components/') || file.startsWith('badge/'));
    const unrelatedBefore = unrelated ? statSync(path.join(folder, unrelated)).mtimeMs : 0;
    h.clock.advance(60_000);
    await h.request('POST', `/api/admin/incidents/${opened.body.id}/updates`, { body: { status: 'identified', body: 'A disk is failing; we are replacing it.' } });
    const second = await publishedAtLeast(await contentVersion());
    const outcome = second.targets[0] as { written: number; unchanged: number };
    assert.ok(outcome.written > 0 && outcome.written < first.files / 2, `wrote ${outcome.written} of ${second.files}`);
    assert.ok(outcome.unchanged > 0);
    assert.match(readFileSync(incidentPage, 'utf8'), /A disk is failing/);
    assert.notEqual(statSync(path.join(folder, 'history.atom')).mtimeMs, feedBefore, 'the feed carries the new update');
    if (unrelated) assert.equal(statSync(path.join(folder, unrelated)).mtimeMs, unrelatedBefore, `${unrelated} was rewritten`);
  });

  it('retries a failing target with backoff and catches up once it works again', async () => {
    const blocker = path.join(siteDir, 'blocked');
    writeFileSync(blocker, 'a file where a folder should be');
    const added = await h.request('POST', `/api/admin/pages/${pageId}/targets`, { body: { kind: 'folder', path: blocker } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const failed = await publishedAtLeast(await contentVersion());
    assert.equal(failed.ok, false);
    const page = (await h.request('GET', `/api/admin/pages/${pageId}`)).body;
    assert.match(page.last_publish_error, /blocked/);
    assert.ok(page.published_version < page.content_version);
    assert.ok(new Date(page.next_publish_at) > h.clock.now(), 'the retry waits for its backoff');

    rmSync(blocker);
    h.clock.advance(15 * 60_000);
    const caughtUp = await publisher.run();
    assert.ok(caughtUp.some((outcome) => outcome.ok && outcome.page.pageId === pageId));
    assert.ok(existsSync(path.join(blocker, 'api/v2/summary.json')));
    const after = (await h.request('GET', `/api/admin/pages/${pageId}`)).body;
    assert.equal(after.last_publish_error, null);
    assert.equal(after.published_version, after.content_version);
  });

  it('never builds one page in two publishers at once', async () => {
    await h.request('POST', `/api/admin/pages/${pageId}/publish`);
    const deps = { db: h.db, now: h.clock.now, fallbackUrl: 'http://localhost:3001', render: renderSite, targetsFor: targetsResolver(h.db, siteDir) };
    const [a, b] = await Promise.all([publishPendingPages(deps), publishPendingPages(deps)]);
    const builds = [...a, ...b].filter((outcome) => outcome.page.pageId === pageId);
    assert.ok(builds.length <= 1, `the page was built ${builds.length} times`);
  });
});
