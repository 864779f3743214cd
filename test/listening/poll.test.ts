import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startFakeMastodon, type FakeMastodon } from '../helpers/fake-mastodon.ts';
import { startHttpReceiver, type HttpReceiver } from '../helpers/http-receiver.ts';
import { createListeningSource, type CreateListeningSourceInput } from '../../src/services/listening/create-source.ts';
import { pollDueSources } from '../../src/services/listening/poll-sources.ts';
import { listMentions } from '../../src/services/listening/list-mentions.ts';
import { getListeningSource } from '../../src/services/listening/list-sources.ts';
import { startFeedServer, type FeedServer } from './feeds.ts';

const minute = 60_000;

describe('polling listening sources', () => {
  let h: Harness;
  const servers: Array<{ close(): Promise<void> }> = [];
  before(async () => {
    h = await createHarness();
  });
  after(async () => {
    for (const server of servers) await server.close();
    await h?.close();
  });

  async function feedServer(format: 'rss' | 'atom', ...args: Parameters<typeof startFeedServer> extends [unknown, ...infer R] ? R : never): Promise<FeedServer> {
    const server = await startFeedServer(format, ...args);
    servers.push(server.receiver);
    return server;
  }
  async function source(input: CreateListeningSourceInput) {
    return createListeningSource({ ctx: h.ctxAs('comms_lead'), input });
  }
  async function disableAll() {
    await h.db.db.updateTable('listening_sources').set({ enabled: false }).execute();
  }
  const poll = () => pollDueSources({ db: h.db, now: h.clock.now() });
  async function inbox(sourceId: string) {
    return (await listMentions({ ctx: h.ctxAs('support'), input: { source_id: sourceId } })).mentions;
  }
  const ago = (ms: number) => new Date(h.clock.now().getTime() - ms);

  it('keeps the feed items that contain a keyword, whatever their case or accents, and none of the others', async () => {
    await disableAll();
    const feed = await feedServer('rss', [
      { id: 'a1', title: 'Panne géante chez Acme Cloud', body: '<p>Les clients <b>privés</b> de service depuis ce matin.</p>', link: 'https://news.example.test/a1', author: 'Léa Martin', at: ago(30 * minute) },
      { id: 'a2', title: 'Le marché des datacenters progresse', body: 'Rien à voir.', link: 'https://news.example.test/a2', at: ago(20 * minute) },
      { id: 'a3', title: 'ACME CLOUD : les données des clients seraient perdues', link: 'https://news.example.test/a3', at: ago(10 * minute) },
      { id: 'a4', title: 'Un dépanneur rachète un concurrent', link: 'https://news.example.test/a4', at: ago(5 * minute) },
    ]);
    const created = await source({ name: 'Journal du Net', kind: 'feed', url: feed.url, keywords: ['acme cloud', 'panne'] });
    const summary = await poll();
    assert.equal(summary.polled, 1);
    assert.equal(summary.added, 2);
    const mentions = await inbox(created.id);
    assert.deepEqual(mentions.map((mention) => mention.url), ['https://news.example.test/a3', 'https://news.example.test/a1'], 'newest first; « dépanneur » is not « panne »');
    const [third, first] = mentions;
    assert.deepEqual(first!.keywords, ['acme cloud', 'panne']);
    assert.deepEqual(third!.keywords, ['acme cloud']);
    assert.equal(first!.text, 'Panne géante chez Acme Cloud\nLes clients privés de service depuis ce matin.', 'the HTML of the description is read as text');
    assert.equal(first!.author, 'Léa Martin');
    assert.equal(first!.published_at, ago(30 * minute).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
    assert.equal(first!.state, 'new');
    const polled = await getListeningSource({ ctx: h.ctxAs('support'), id: created.id });
    assert.equal(polled.format, 'rss');
    assert.equal(polled.last_error, null);
    assert.equal(polled.next_poll_at, new Date(h.clock.now().getTime() + 5 * minute).toISOString());
  });

  it('resumes a feed from its ETag: an unchanged feed adds nothing, a changed one adds only its new items', async () => {
    await disableAll();
    const feed = await feedServer('rss', [{ id: 'b1', title: 'Acme Cloud en panne', link: 'https://news.example.test/b1', at: ago(minute) }]);
    const created = await source({ name: 'Le Fil', kind: 'feed', url: feed.url, keywords: ['acme cloud'], poll_every_seconds: 120 });
    assert.equal((await poll()).added, 1);
    assert.equal((await poll()).polled, 0, 'not due again before its interval');
    h.clock.advance(2 * minute);
    const unchanged = await poll();
    assert.deepEqual([unchanged.polled, unchanged.added, unchanged.sources[0]!.outcome], [1, 0, 'not_modified']);
    assert.equal(feed.receiver.requests.at(-1)!.headers['if-none-match'], '"rev-1"');
    feed.publish({ id: 'b2', title: 'Acme Cloud : retour progressif', link: 'https://news.example.test/b2', at: h.clock.now() });
    h.clock.advance(2 * minute);
    const changed = await poll();
    assert.deepEqual([changed.sources[0]!.outcome, changed.added], ['items', 1]);
    assert.deepEqual((await inbox(created.id)).map((mention) => mention.url), ['https://news.example.test/b2', 'https://news.example.test/b1']);
    assert.equal(feed.receiver.requests.length, 3);
  });

  it('reads an Atom feed and resumes it from Last-Modified', async () => {
    await disableAll();
    const feed = await feedServer('atom', [{ id: 'urn:tw:1', title: 'Acme Cloud: customer data said to be lost', body: '<p>A <em>rumor</em> spreads.</p>', link: 'https://watch.example.test/1', author: 'Sam Reed', at: ago(minute) }]);
    const created = await source({ name: 'Tech Watch', kind: 'feed', url: feed.url, keywords: ['Acme Cloud'] });
    await poll();
    const [mention] = await inbox(created.id);
    assert.equal(mention!.external_id, 'urn:tw:1');
    assert.equal(mention!.author, 'Sam Reed');
    assert.equal(mention!.text, 'Acme Cloud: customer data said to be lost\nA rumor spreads.');
    assert.equal((await getListeningSource({ ctx: h.ctxAs('support'), id: created.id })).format, 'atom');
    h.clock.advance(5 * minute);
    assert.equal((await poll()).sources[0]!.outcome, 'not_modified');
    assert.match(feed.receiver.requests.at(-1)!.headers['if-modified-since'] ?? '', /GMT$/);
  });

  it('keeps one mention for the same article seen through two feeds', async () => {
    await disableAll();
    const article = { id: 'shared', title: 'Acme Cloud : incendie dans un datacenter ?', link: 'https://news.example.test/shared', at: ago(minute) };
    const one = await feedServer('rss', [article]);
    const two = await feedServer('atom', [{ ...article, id: 'urn:other:shared' }]);
    await source({ name: 'Feed one', kind: 'feed', url: one.url, keywords: ['incendie'] });
    await source({ name: 'Feed two', kind: 'feed', url: two.url, keywords: ['datacenter'] });
    const summary = await poll();
    assert.equal(summary.polled, 2);
    assert.equal(summary.added, 1);
    const rows = await h.db.db.selectFrom('mentions').select('id').where('url', '=', 'https://news.example.test/shared').execute();
    assert.equal(rows.length, 1);
  });

  it('reads a Mastodon hashtag timeline from min_id: the second poll asks only for what is newer', async () => {
    await disableAll();
    const mastodon: FakeMastodon = await startFakeMastodon();
    servers.push(mastodon.receiver);
    mastodon.say('alice', 'Chez #AcmeCloud plus rien ne marche, les données seraient perdues !', { createdAt: ago(3 * minute) });
    mastodon.say('bob', 'Beau temps sur #AcmeCloud aujourd’hui', { createdAt: ago(2 * minute) });
    mastodon.say('carol', 'Rien à voir avec la panne', { createdAt: ago(minute) });
    const created = await source({ name: '#AcmeCloud', kind: 'mastodon', url: mastodon.receiver.url, hashtag: '#AcmeCloud', keywords: ['données', 'panne', 'marche'] });
    const first = await poll();
    assert.equal(first.added, 1, 'carol did not use the hashtag, bob said none of the keywords');
    const [mention] = await inbox(created.id);
    assert.equal(mention!.author, '@alice');
    assert.equal(mention!.text, 'Chez #AcmeCloud plus rien ne marche, les données seraient perdues !', 'the status HTML read as text');
    assert.equal(mention!.url, mastodon.timeline[0]!.url);
    assert.deepEqual(mention!.keywords, ['données', 'marche']);
    const firstRequest = new URL(mastodon.receiver.requests[0]!.path, 'http://x');
    assert.equal(firstRequest.pathname, '/api/v1/timelines/tag/AcmeCloud');
    assert.equal(firstRequest.searchParams.get('min_id'), null);

    const later = mastodon.say('dave', 'La panne #AcmeCloud dure depuis 3 heures', { createdAt: h.clock.now() });
    h.clock.advance(5 * minute);
    const second = await poll();
    assert.equal(second.added, 1);
    assert.equal(new URL(mastodon.receiver.requests[1]!.path, 'http://x').searchParams.get('min_id'), mastodon.timeline[1]!.id, 'resumes after the newest status seen, matched or not');
    assert.deepEqual((await inbox(created.id)).map((item) => item.external_id), [later.id, mastodon.timeline[0]!.id]);
  });

  it('reads a backlog longer than a page over successive polls, skipping none', async () => {
    await disableAll();
    const mastodon = await startFakeMastodon();
    servers.push(mastodon.receiver);
    mastodon.say('early', 'Avant : #Incident panne ancienne', { createdAt: ago(minute) });
    const created = await source({ name: 'backlog', kind: 'mastodon', url: mastodon.receiver.url, hashtag: 'incident', keywords: ['panne'], poll_every_seconds: 60 });
    await poll();
    for (let n = 1; n <= 45; n++) mastodon.say(`user${n}`, `#Incident panne numéro ${n}`, { createdAt: h.clock.now() });
    h.clock.advance(minute);
    assert.equal((await poll()).added, 40, 'one page of 40');
    h.clock.advance(minute);
    assert.equal((await poll()).added, 5, 'then the rest');
    const all = (await listMentions({ ctx: h.ctxAs('support'), input: { source_id: created.id, limit: 200 } })).mentions;
    assert.equal(new Set(all.map((mention) => mention.text)).size, 46);
  });

  it('backs off on errors, honours Retry-After on a 429, and recovers', async () => {
    await disableAll();
    const healthy = await startFeedServer('rss', [{ id: 'c1', title: 'Acme Cloud panne', link: 'https://news.example.test/c1', at: ago(minute) }]);
    servers.push(healthy.receiver);
    const created = await source({ name: 'Flaky', kind: 'feed', url: healthy.url, keywords: ['panne'], poll_every_seconds: 60 });
    healthy.receiver.script({ status: 500, body: 'oops' }, { status: 500, body: 'oops' }, { status: 429, headers: { 'retry-after': '900' }, body: 'slow down' });
    const state = () => getListeningSource({ ctx: h.ctxAs('support'), id: created.id });

    assert.equal((await poll()).failed, 1);
    let now = h.clock.now().getTime();
    assert.deepEqual([(await state()).failures, (await state()).next_poll_at], [1, new Date(now + 2 * minute).toISOString()], 'first failure: twice the interval');
    assert.match((await state()).last_error!, /answered 500/);
    h.clock.advance(minute);
    assert.equal((await poll()).polled, 0, 'not polled during its backoff');
    h.clock.advance(minute);
    assert.equal((await poll()).failed, 1);
    now = h.clock.now().getTime();
    assert.equal((await state()).next_poll_at, new Date(now + 4 * minute).toISOString(), 'second failure: four times');
    h.clock.advance(4 * minute);
    await poll();
    now = h.clock.now().getTime();
    const limited = await state();
    assert.equal(limited.failures, 3);
    assert.match(limited.last_error!, /answered 429/);
    assert.equal(limited.next_poll_at, new Date(now + 15 * minute).toISOString(), 'Retry-After (15 min) is longer than the backoff (8 min)');
    assert.equal(limited.held_until, new Date(now + 15 * minute).toISOString());
    h.clock.advance(14 * minute);
    assert.equal((await poll()).polled, 0);
    h.clock.advance(minute);
    const recovered = await poll();
    assert.equal(recovered.added, 1);
    assert.deepEqual([(await state()).failures, (await state()).last_error, (await state()).held_until], [0, null, null]);
    assert.equal(healthy.receiver.requests.length, 4);
  });

  it('refuses a document past the size limit or that is not a feed, with the reason', async () => {
    await disableAll();
    const server: HttpReceiver = await startHttpReceiver((request) => (request.path === '/big' ? { status: 200, body: `<rss><channel>${'x'.repeat(5_000)}</channel></rss>` } : { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Not a feed</body></html>' }));
    servers.push(server);
    const big = await source({ name: 'Big', kind: 'feed', url: `${server.url}/big`, keywords: ['panne'] });
    const html = await source({ name: 'Html', kind: 'feed', url: `${server.url}/page`, keywords: ['panne'] });
    const summary = await pollDueSources({ db: h.db, now: h.clock.now(), read: { maxBytes: 1_000 } });
    assert.equal(summary.failed, 2);
    assert.match((await getListeningSource({ ctx: h.ctxAs('support'), id: big.id })).last_error!, /more than the 1000 bytes/);
    assert.match((await getListeningSource({ ctx: h.ctxAs('support'), id: html.id })).last_error!, /neither an RSS 2.0 .* nor an Atom 1.0/);
  });

  it('polls each source once when two workers poll at the same time, and again once a dead worker\'s lease runs out', async () => {
    await disableAll();
    const feed = await feedServer('rss', [{ id: 'd1', title: 'Acme Cloud panne', link: 'https://news.example.test/d1', at: ago(minute) }]);
    const created = await source({ name: 'Shared', kind: 'feed', url: feed.url, keywords: ['panne'] });
    const [one, two] = await Promise.all([poll(), poll()]);
    assert.equal(one.polled + two.polled, 1);
    assert.equal(feed.receiver.requests.length, 1);

    // A worker claimed it, then died before recording anything.
    h.clock.advance(5 * minute);
    await h.db.db.updateTable('listening_sources').set({ leased_until: new Date(h.clock.now().getTime() + 2 * minute) }).where('id', '=', created.id).execute();
    assert.equal((await poll()).polled, 0, 'held by the lease');
    h.clock.advance(2 * minute);
    assert.equal((await poll()).polled, 1, 'resumed once the lease ran out');
    assert.equal(feed.receiver.requests.length, 2);
  });
});
