import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { buildSnapshot } from '../../src/services/status-page/build-snapshot.ts';
import { renderHtml } from '../../src/status-page/html/render-html.ts';
import { startPublisher, siteFolder } from '../../src/surfaces/worker/publisher.ts';

const publicUrl = 'https://tocsin.example.test';

describe('the status page\'s "Get updates" form', () => {
  let h: Harness;
  const pages: Record<'status' | 'statut' | 'internal', string> = { status: '', statut: '', internal: '' };
  before(async () => {
    h = await createHarness();
    for (const [slug, language, visibility] of [['status', 'en', 'public'], ['statut', 'fr', 'public'], ['internal', 'en', 'private']] as const) {
      const res = await h.request('POST', '/api/admin/pages', { body: { slug, name: `Acme ${slug}`, language, time_zone: 'Europe/Paris', visibility } });
      pages[slug] = res.body.id;
    }
  });
  after(async () => h?.close());

  const indexOf = async (pageId: string, withPublicUrl = true) => {
    const snapshot = await buildSnapshot({ db: h.db.db, workspaceId: h.workspaceId, pageId, now: h.clock.now(), fallbackUrl: 'https://status.acme.example', ...(withPublicUrl ? { publicUrl } : {}) });
    return String(renderHtml(snapshot).find((file) => file.path === 'index.html')!.body);
  };
  const formOf = (index: string) => /<form class="sub"[\s\S]*?<\/form>/.exec(index)?.[0];

  it('a public page offers the form, labelled, posting to Tocsin for its workspace and page, in the page\'s language', async () => {
    const form = formOf(await indexOf(pages.status));
    assert.ok(form, 'the public page has the form');
    assert.match(form, new RegExp(`action="${publicUrl}/subscribe/acme/status"`));
    assert.match(form, /method="post"/);
    assert.match(form, /<label for="sub-address">E-mail address or mobile number<\/label>\s*<input id="sub-address" name="address"/);
    assert.match(form, /<label for="sub-language">Language<\/label><select id="sub-language" name="language"><option value="en" selected>English<\/option><option value="fr" lang="fr">Français<\/option><\/select>/);
    const french = formOf(await indexOf(pages.statut))!;
    assert.match(french, /action="https:\/\/tocsin\.example\.test\/subscribe\/acme\/statut"/);
    assert.match(french, /<option value="fr" selected>Français<\/option>/);
    assert.match(french, /M’abonner/);
  });

  it('a private page, or a build that does not know Tocsin\'s public address, has no form', async () => {
    assert.equal(formOf(await indexOf(pages.internal)), undefined);
    assert.equal(formOf(await indexOf(pages.status, false)), undefined);
  });

  it('what the form sends is what Tocsin\'s subscribe route reads: the reader gets "check your inbox" in their language', async () => {
    const form = formOf(await indexOf(pages.statut))!;
    const action = /action="([^"]+)"/.exec(form)![1]!;
    const fields = new URLSearchParams({ address: 'lectrice@example.fr', language: 'fr' });
    const res = await h.request('POST', action.slice(publicUrl.length), { token: null, rawBody: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 202);
    assert.match(res.body, /<html lang="fr">/);
    assert.match(res.body, /Consultez votre messagerie/);
  });

  it('the worker\'s publisher puts the form on the published page when it is given Tocsin\'s public address', async () => {
    const siteDir = mkdtempSync(path.join(tmpdir(), 'tocsin-site-'));
    const publisher = await startPublisher({ db: h.db, logger: h.logger, siteDir, fallbackUrl: 'https://status.acme.example', publicUrl, now: h.clock.now, sweepSeconds: 3600 });
    try {
      await h.request('POST', `/api/admin/pages/${pages.status}/publish`);
      // run() joins the run under way, if any, and runs again for what it has not seen.
      await publisher.run();
      const index = readFileSync(path.join(siteFolder(siteDir, { workspaceSlug: 'acme', pageSlug: 'status' }), 'index.html'), 'utf8');
      assert.match(formOf(index) ?? '', new RegExp(`action="${publicUrl}/subscribe/acme/status"`));
    } finally {
      await publisher.stop();
      rmSync(siteDir, { recursive: true, force: true });
    }
  });
});
