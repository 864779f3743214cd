import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';
import { startFeedServer, type FeedServer } from './feeds.ts';

// An operator checks the watched sources and polls them from the terminal.
describe('tocsin listening', () => {
  let cli: CliSandbox;
  let feed: FeedServer;
  before(async () => {
    cli = await createCliSandbox();
    feed = await startFeedServer('rss', [{ id: 'k1', title: 'Acme Cloud : panne géante', link: 'https://news.example.test/k1', at: new Date(Date.now() - 60_000) }]);
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud']);
    assert.equal(setup.code, 0, setup.stderr);
  });
  after(async () => {
    await feed?.receiver.close();
    await cli?.close();
  });

  it('lists no source, then polls a due feed and prints what it added', async () => {
    const empty = await cli.run(['listening', 'sources']);
    assert.equal(empty.code, 0, empty.stderr);
    assert.match(empty.stdout, /No source is watched yet/);
    const db = await cli.openDatabase();
    try {
      const workspace = await db.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
      const now = new Date();
      await db.db.insertInto('listening_sources').values({ workspace_id: workspace.id, id: 'feedfeedfeed', name: 'Le Fil', kind: 'feed', url: feed.url, hashtag: null, keywords: ['panne'], cursor: '{}', next_poll_at: now, created_at: now, updated_at: now }).execute();
    } finally {
      await db.close();
    }
    const polled = await cli.run(['listening', 'poll']);
    assert.equal(polled.code, 0, polled.stderr);
    assert.match(polled.stdout, /^Le Fil: 1 matched, 1 new$/m);
    assert.match(polled.stdout, /1 source polled, 0 failed, 1 new mention in the inbox\./);
    const again = await cli.run(['listening', 'poll']);
    assert.match(again.stdout, /0 sources polled/, 'not due again before its interval');
    const listed = await cli.run(['listening', 'sources']);
    assert.match(listed.stdout, /Le Fil \[feed\]/);
    assert.match(listed.stdout, /keywords: panne/);
    assert.match(listed.stdout, /1 new mention\b/);
  });
});
