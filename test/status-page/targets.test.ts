import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { s3Target } from '../../src/adapters/storage/s3-target.ts';
import { gitTarget } from '../../src/adapters/storage/git-target.ts';
import { folderTarget, readFolderManifest } from '../../src/adapters/storage/folder-target.ts';
import { manifestOf } from '../../src/adapters/storage/site-target.ts';
import type { SiteFile } from '../../src/status-page/snapshot.ts';

const site = (version: string, extra: SiteFile[] = []): SiteFile[] => [
  { path: 'index.html', contentType: 'text/html; charset=utf-8', body: `<!doctype html><p>Version ${version}</p>` },
  { path: 'style.css', contentType: 'text/css; charset=utf-8', body: 'body{margin:0}' },
  { path: 'api/v2/status.json', contentType: 'application/json', body: JSON.stringify({ version }) },
  ...extra,
];

describe('a local folder target', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tocsin-folder-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes what changed, leaves the rest, removes what is gone and never leaves a file half-written', async () => {
    const target = folderTarget(root);
    assert.deepEqual(await target.publish(site('1', [{ path: 'incidents/a.html', contentType: 'text/html', body: 'A' }])), { written: 4, unchanged: 0, deleted: 0 });
    assert.deepEqual(await target.publish(site('2')), { written: 2, unchanged: 1, deleted: 1 });
    assert.equal(readFileSync(path.join(root, 'index.html'), 'utf8'), '<!doctype html><p>Version 2</p>');
    assert.ok(!existsSync(path.join(root, 'incidents/a.html')));
    assert.deepEqual(await target.publish(site('2')), { written: 0, unchanged: 3, deleted: 0 });
    const leftovers = execFileSync('find', [root, '-name', '*.tocsin-*-*']).toString().trim();
    assert.equal(leftovers, '', 'no staged file is left behind');
  });

  it('publishes the same file objects again as unchanged, and a folder removed behind its back comes back', async () => {
    const files = site('3', [{ path: 'incidents/b.html', contentType: 'text/html', body: 'B' }]);
    const target = folderTarget(root);
    await target.publish(files);
    assert.deepEqual(await target.publish(files), { written: 0, unchanged: 4, deleted: 0 });
    rmSync(path.join(root, 'incidents'), { recursive: true });
    const again = [...files.slice(0, 3), { path: 'incidents/b.html', contentType: 'text/html', body: 'B, again' }];
    assert.deepEqual(await target.publish(again), { written: 1, unchanged: 3, deleted: 0 });
    assert.equal(readFileSync(path.join(root, 'incidents/b.html'), 'utf8'), 'B, again');
    assert.deepEqual(await readFolderManifest(root), manifestOf(again));
    assert.deepEqual(await target.publish(again), { written: 0, unchanged: 4, deleted: 0 });
    // The same objects, one taken out of the middle and one added: only those two are touched.
    const fewer = [again[0]!, ...again.slice(2), { path: 'incidents/c.html', contentType: 'text/html', body: 'C' }];
    assert.deepEqual(await target.publish(fewer), { written: 1, unchanged: 3, deleted: 1 });
    assert.ok(!existsSync(path.join(root, again[1]!.path)));
    assert.deepEqual(await readFolderManifest(root), manifestOf(fewer));
    assert.deepEqual(await target.publish(fewer), { written: 0, unchanged: 4, deleted: 0 });
  });

  it('catches up after a publish that died midway, even a file whose content went back to what the manifest says', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tocsin-folder-midway-'));
    try {
      const target = folderTarget(folder);
      await target.publish(site('1'));
      // index.html cannot be replaced (a folder stands in its way): the JSON goes live, the page does not.
      rmSync(path.join(folder, 'index.html'));
      execFileSync('mkdir', ['-p', path.join(folder, 'index.html', 'in-the-way')]);
      await assert.rejects(target.publish(site('2')));
      assert.equal(readFileSync(path.join(folder, 'api/v2/status.json'), 'utf8'), '{"version":"2"}');
      rmSync(path.join(folder, 'index.html'), { recursive: true });
      // Back to version 1, which is what the manifest still says of status.json.
      await target.publish(site('1'));
      assert.equal(readFileSync(path.join(folder, 'api/v2/status.json'), 'utf8'), '{"version":"1"}');
      assert.equal(readFileSync(path.join(folder, 'index.html'), 'utf8'), '<!doctype html><p>Version 1</p>');
      assert.deepEqual(await readFolderManifest(folder), manifestOf(site('1')), 'the manifest on disk says what is live');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps its manifest as a base and a log, folds the log into the base once it outgrows it, and drops a line cut short', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tocsin-folder-log-'));
    const log = path.join(folder, '.tocsin-manifest.log');
    const many = (version: number): SiteFile[] => Array.from({ length: 400 }, (_, i) => ({ path: `incidents/i${i}.html`, contentType: 'text/html', body: `<p>Version ${version} of ${i}</p>` }));
    try {
      const target = folderTarget(folder);
      await target.publish(many(0));
      assert.ok(!existsSync(log), 'a first publish writes the base whole');
      let version = 1;
      await target.publish(many(version));
      assert.ok(existsSync(log), 'the next one appends to the log');
      const base = readFileSync(path.join(folder, '.tocsin-manifest.json'), 'utf8');
      while (existsSync(log)) {
        assert.ok(version < 100, 'the log is folded into the base at last');
        assert.equal(readFileSync(path.join(folder, '.tocsin-manifest.json'), 'utf8'), base);
        await target.publish(many(++version));
      }
      assert.deepEqual(JSON.parse(readFileSync(path.join(folder, '.tocsin-manifest.json'), 'utf8')), manifestOf(many(version)));
      await target.publish(many(++version));
      // A publish that died while appending: its line is cut short, and read as never written.
      appendFileSync(log, '{"pending":["incidents/i1.ht');
      assert.deepEqual(await readFolderManifest(folder), manifestOf(many(version)));
      assert.deepEqual(await target.publish(many(version)), { written: 0, unchanged: 400, deleted: 0 });
      assert.deepEqual(await target.publish(many(++version)), { written: 400, unchanged: 0, deleted: 0 });
      assert.deepEqual(await readFolderManifest(folder), manifestOf(many(version)));
      assert.equal(readFileSync(path.join(folder, 'incidents/i1.html'), 'utf8'), `<p>Version ${version} of 1</p>`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a path that would leave the folder', async () => {
    await assert.rejects(folderTarget(root).publish([{ path: '../escape.html', contentType: 'text/html', body: 'x' }]), /unsafe path/);
    assert.ok(!existsSync(path.join(root, '..', 'escape.html')));
  });
});

describe('an S3-compatible bucket target (a real S3 server process)', () => {
  let server: S3rver;
  let endpoint: string;
  const directory = mkdtempSync(path.join(tmpdir(), 'tocsin-s3-'));
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

  before(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'status-bucket', configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const client = () => new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  const read = async (key: string) => {
    const object = await client().send(new GetObjectCommand({ Bucket: 'status-bucket', Key: key }));
    return { body: await object.Body!.transformToString(), contentType: object.ContentType, cacheControl: object.CacheControl };
  };

  it('uploads the site with content types, then only what changed, and deletes what is gone', async () => {
    const target = s3Target({ bucket: 'status-bucket', prefix: 'acme', endpoint, credentials });
    assert.deepEqual(await target.publish(site('1', [{ path: 'incidents/a.html', contentType: 'text/html; charset=utf-8', body: 'A' }])), { written: 4, unchanged: 0, deleted: 0 });
    const status = await read('acme/api/v2/status.json');
    assert.equal(status.body, '{"version":"1"}');
    assert.equal(status.contentType, 'application/json');
    assert.match(status.cacheControl ?? '', /max-age=30/);
    assert.deepEqual(await target.publish(site('2')), { written: 2, unchanged: 1, deleted: 1 });
    const keys = (await client().send(new ListObjectsV2Command({ Bucket: 'status-bucket', Prefix: 'acme/' }))).Contents!.map((object) => object.Key).sort();
    assert.deepEqual(keys, ['acme/.tocsin-manifest.json', 'acme/api/v2/status.json', 'acme/index.html', 'acme/style.css']);
    assert.equal((await read('acme/index.html')).body, '<!doctype html><p>Version 2</p>');
  });

  it('fails clearly when the bucket is unreachable, and the next publish catches up', async () => {
    const unreachable = s3Target({ bucket: 'status-bucket', prefix: 'later', endpoint: 'http://127.0.0.1:9', credentials });
    await assert.rejects(unreachable.publish(site('1')));
    const target = s3Target({ bucket: 'status-bucket', prefix: 'later', endpoint, credentials });
    assert.deepEqual(await target.publish(site('1')), { written: 3, unchanged: 0, deleted: 0 });
  });
});

describe('a git remote target (a local bare repository, GitHub Pages style)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'tocsin-git-'));
  const remote = path.join(work, 'pages.git');
  before(() => {
    execFileSync('git', ['init', '--quiet', '--bare', remote]);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const show = (file: string) => execFileSync('git', ['--git-dir', remote, 'show', `gh-pages:${file}`]).toString();
  const commits = () => Number(execFileSync('git', ['--git-dir', remote, 'rev-list', '--count', 'gh-pages']).toString().trim());

  it('pushes one commit per change, none when nothing changed', async () => {
    const target = gitTarget({ remote, workDir: path.join(work, 'cache') });
    await target.publish(site('1'));
    assert.equal(show('index.html'), '<!doctype html><p>Version 1</p>');
    assert.equal(commits(), 1);
    assert.deepEqual(await target.publish(site('1')), { written: 0, unchanged: 3, deleted: 0 });
    assert.equal(commits(), 1);
    await target.publish(site('2'));
    assert.equal(show('api/v2/status.json'), '{"version":"2"}');
    assert.equal(commits(), 2);
  });

  it('catches up after someone else pushed to the branch', async () => {
    const other = path.join(work, 'other');
    execFileSync('git', ['clone', '--quiet', '--branch', 'gh-pages', remote, other]);
    writeFileSync(path.join(other, 'CNAME'), 'status.acme.example\n');
    execFileSync('git', ['-C', other, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '--quiet', '-am', 'x', '--allow-empty']);
    execFileSync('git', ['-C', other, 'add', 'CNAME']);
    execFileSync('git', ['-C', other, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '--quiet', '-m', 'Custom domain']);
    execFileSync('git', ['-C', other, 'push', '--quiet', 'origin', 'gh-pages']);
    const target = gitTarget({ remote, workDir: path.join(work, 'cache') });
    await target.publish(site('3'));
    assert.equal(show('index.html'), '<!doctype html><p>Version 3</p>');
  });

  it('fails clearly when the remote does not exist', async () => {
    const target = gitTarget({ remote: path.join(work, 'missing.git'), workDir: path.join(work, 'cache2') });
    await assert.rejects(target.publish(site('1')));
  });
});
