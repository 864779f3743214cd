import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { folderTarget } from '../../src/adapters/storage/folder-target.ts';
import { statusPageApp } from '../../src/surfaces/static/status-server.ts';

describe('the static server of published pages (as nginx or a bucket serves them)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tocsin-static-'));
  const app = statusPageApp([
    { prefix: '', folder: path.join(root, 'status') },
    { prefix: '/statut', folder: path.join(root, 'statut') },
  ]);
  before(async () => {
    const files = (lang: string) => [
      { path: 'index.html', contentType: 'text/html', body: `<!doctype html><html lang="${lang}">` },
      { path: 'incidents/abcdefabcdef.html', contentType: 'text/html', body: `incident ${lang}` },
      { path: 'api/v2/summary.json', contentType: 'application/json', body: `{"lang":"${lang}"}` },
      { path: 'history.atom', contentType: 'application/atom+xml', body: '<feed/>' },
      { path: 'history.rss', contentType: 'application/rss+xml', body: '<rss/>' },
    ];
    await folderTarget(path.join(root, 'status')).publish(files('en'));
    await folderTarget(path.join(root, 'statut')).publish(files('fr'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('serves the Statuspage API at the origin root with CORS, to GET and HEAD, even behind a doubled slash', async () => {
    for (const url of ['/api/v2/summary.json', '//api/v2/summary.json']) {
      const res = await app.request(url, { headers: { origin: 'https://customer.example' } });
      assert.equal(res.status, 200, url);
      assert.equal(await res.text(), '{"lang":"en"}');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    }
    const head = await app.request('/api/v2/summary.json', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const preflight = await app.request('/api/v2/summary.json', { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  });

  it('sends the feeds as feeds, so that browsers and readers do not take them for downloads', async () => {
    for (const [url, type] of [['/history.atom', /^application\/atom\+xml/], ['/statut/history.rss', /^application\/rss\+xml/]] as const) {
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-type') ?? '', type, url);
    }
    assert.equal((await app.request('/missing.atom')).status, 404);
  });

  it('answers the permalink a client builds, /incidents/<id>, with its page', async () => {
    const res = await app.request('/incidents/abcdefabcdef');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'incident en');
  });

  it('serves a second page below its prefix and never the manifest', async () => {
    assert.equal(await (await app.request('/statut/')).text(), '<!doctype html><html lang="fr">');
    assert.equal(await (await app.request('/statut/api/v2/summary.json')).text(), '{"lang":"fr"}');
    assert.equal((await app.request('/.tocsin-manifest.json')).status, 404);
    assert.equal((await app.request('/statut/.tocsin-manifest.json')).status, 404);
    assert.equal((await app.request('/../../etc/passwd')).status, 404);
  });
});
