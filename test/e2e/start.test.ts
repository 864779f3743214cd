import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';
import { startTocsin } from '../helpers/process.ts';

/** What `npm start` gives a newcomer: a running Tocsin, a demo to explore, a way to sign in. */
describe('tocsin start (npm start)', () => {
  let sandbox: CliSandbox;
  before(async () => {
    sandbox = await createCliSandbox();
  });
  after(async () => sandbox?.close());

  it('serves the demo workspace, prints the sign-in once, keeps secrets out of its logs and stops cleanly', async () => {
    const first = startTocsin(['start'], { ...sandbox.env, PORT: '0', STATUS_PORT: '0', LOG_LEVEL: 'info' });
    try {
      const running = await first.waitFor(/Tocsin is running at/, 60_000);
      const port = Number(/:(\d+) /.exec(running)![1]);
      const hint = await first.waitFor(/Sign in as/);
      const [, email, password] = /Sign in as (\S+) with the password (\S+) \(shown this once/.exec(hint)!;
      assert.equal(email, 'admin@demo.tocsin.test');

      const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      assert.equal(signIn.status, 200);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const open = await (await fetch(`http://127.0.0.1:${port}/api/admin/incidents?status=open`, { headers: { cookie } })).json();
      assert.equal(open.incidents.length, 1);
      assert.match(open.incidents[0].name, /Managed PostgreSQL/);
      // The console: an app built by `npm start`, with a word in both languages for browsers without JavaScript.
      const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
      const shell = await home.text();
      assert.match(shell, /<div id="app">/);
      assert.match(shell, /La console Tocsin a besoin de JavaScript/);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(shell)![1]!;
      const asset = await fetch(`http://127.0.0.1:${port}${script}`);
      assert.equal(asset.status, 200);
      assert.match(asset.headers.get('cache-control') ?? '', /immutable/);

      // The status page is static files on a server of its own, published by the worker.
      const statusLine = await first.waitFor(/Status page \(static files, served apart\)/);
      const statusPort = Number(/localhost:(\d+)/.exec(statusLine)![1]);
      await first.waitFor(/"page":"status".*status page published/, 60_000);
      const summary = await (await fetch(`http://127.0.0.1:${statusPort}/api/v2/summary.json`)).json();
      assert.equal(summary.incidents.length, 1);
      assert.match(summary.incidents[0].name, /Managed PostgreSQL/);
      assert.equal(summary.components.filter((c: any) => !c.group).length, 12);
      const statusHome = await fetch(`http://127.0.0.1:${statusPort}/`);
      assert.equal(statusHome.status, 200);
      assert.match(await statusHome.text(), /Managed PostgreSQL/);
      await first.waitFor(/"page":"statut".*status page published/, 60_000);
      assert.match(await (await fetch(`http://127.0.0.1:${statusPort}/statut/`)).text(), /lang="fr"/);

      assert.equal(await first.stop(), 0);
      const logs = first.output.filter((line) => line.startsWith('{')).join('\n');
      assert.ok(logs.includes('"path":"/api/session"'), 'requests are logged');
      assert.ok(!logs.includes(password!), 'the password never reaches the logs');
      assert.ok(!logs.includes(cookie.split('=')[1]!), 'the session never reaches the logs');
    } finally {
      await first.stop();
    }

    const second = startTocsin(['start'], { ...sandbox.env, PORT: '0' });
    try {
      const hint = await second.waitFor(/Sign in as/, 60_000);
      assert.match(hint, /password printed at the first start/);
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });
});
