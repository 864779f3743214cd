import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startFakeMastodon, type FakeMastodon } from '../helpers/fake-mastodon.ts';
import { startFeedServer, type FeedServer } from './feeds.ts';

const minute = 60_000;
const sources = '/api/admin/listening/sources';
const mentions = '/api/admin/listening/mentions';

describe('the listening inbox through the admin API', () => {
  let h: Harness;
  let mastodon: FakeMastodon;
  let feed: FeedServer;
  before(async () => {
    h = await createHarness();
    mastodon = await startFakeMastodon();
    feed = await startFeedServer('rss', []);
  });
  after(async () => {
    await mastodon?.receiver.close();
    await feed?.receiver.close();
    await h?.close();
  });

  async function addSource(body: Record<string, unknown>) {
    const res = await h.request('POST', sources, { token: h.tokens.comms_lead, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function pollNow(id: string) {
    const res = await h.request('POST', `${sources}/${id}/poll`, { token: h.tokens.comms_lead });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }
  async function inbox(query = '') {
    const res = await h.request('GET', `${mentions}${query}`, { token: h.tokens.support });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }
  async function openIncident() {
    const res = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Datacenter fire', impact: 'major', body: 'We are investigating.' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function sourceCount() {
    return Number((await h.db.db.selectFrom('listening_sources').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  }

  it('refuses a source with every mistake pointed at, and creates nothing', async () => {
    const res = await h.request('POST', sources, { token: h.tokens.comms_lead, body: { name: '', kind: 'feed', url: 'ftp://news.example.test/feed', hashtag: 'acme', keywords: [], poll_every_seconds: 10 } });
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const pointers = res.body.errors.map((error: { pointer: string }) => error.pointer).sort();
    assert.deepEqual(pointers, ['/hashtag', '/keywords', '/name', '/poll_every_seconds', '/url']);
    const feedWithHashtag = await h.request('POST', sources, { token: h.tokens.comms_lead, body: { name: 'Feed', kind: 'feed', url: feed.url, hashtag: 'acme', keywords: ['acme'] } });
    assert.equal(feedWithHashtag.status, 400);
    assert.deepEqual(feedWithHashtag.body.errors.map((error: { pointer: string }) => error.pointer), ['/hashtag']);
    assert.equal(await sourceCount(), 0);
  });

  it('lets support read the inbox but not change it, and keeps viewers out', async () => {
    assert.equal((await h.request('POST', sources, { token: h.tokens.support, body: { name: 'x', kind: 'feed', url: feed.url, keywords: ['acme'] } })).status, 403);
    assert.equal((await h.request('POST', sources, { token: h.tokens.incident_lead, body: { name: 'x', kind: 'feed', url: feed.url, keywords: ['acme'] } })).status, 403);
    assert.equal((await h.request('GET', mentions, { token: h.tokens.viewer })).status, 403);
    assert.equal((await h.request('GET', sources, { token: h.tokens.support })).status, 200);
    assert.equal((await h.request('GET', sources, { token: null })).status, 401);
    assert.equal(await sourceCount(), 0);
  });

  it('polls a Mastodon hashtag by hand, once a minute at most, and lists what matched in the inbox', async () => {
    mastodon.say('rumeurs_tech', 'Incendie chez #AcmeCloud : toutes les données clients seraient perdues, aucune sauvegarde !', { createdAt: new Date(h.clock.now().getTime() - 2 * minute) });
    mastodon.say('fan', 'Bravo à l’équipe #AcmeCloud', { createdAt: new Date(h.clock.now().getTime() - minute) });
    const source = await addSource({ name: 'Mastodon #AcmeCloud', kind: 'mastodon', url: mastodon.receiver.url, hashtag: '#AcmeCloud', keywords: ['données', 'incendie'] });
    assert.equal(source.hashtag, 'AcmeCloud');
    assert.equal(source.next_poll_at, h.clock.now().toISOString(), 'due at the next tick');
    const { poll, source: after } = await pollNow(source.id);
    assert.deepEqual([poll.outcome, poll.matched, poll.added], ['items', 1, 1]);
    assert.equal(after.new_mentions, 0, 'the count is the list\'s; the poll answer carries the source as polled');
    const again = await h.request('POST', `${sources}/${source.id}/poll`, { token: h.tokens.comms_lead });
    assert.equal(again.status, 429);
    assert.match(again.body.type, /polled-recently$/);
    assert.match(again.body.detail, /less than a minute ago/);
    const listed = await inbox();
    assert.equal(listed.mentions.length, 1);
    assert.deepEqual(listed.counts, { new: 1, dismissed: 0, rumor: 0 });
    const [mention] = listed.mentions;
    assert.equal(mention.author, '@rumeurs_tech');
    assert.deepEqual(mention.keywords, ['données', 'incendie']);
    assert.deepEqual(mention.source, { id: source.id, name: 'Mastodon #AcmeCloud' });
    const [listedSource] = (await h.request('GET', sources, { token: h.tokens.support })).body.sources;
    assert.equal(listedSource.new_mentions, 1);
    assert.equal((await h.request('GET', `${mentions}?state=maybe`, { token: h.tokens.support })).status, 400);
  });

  it('turns a mention into an open rumor on the incident\'s fact sheet, naming who said it and where', async () => {
    const incidentId = await openIncident();
    const [mention] = (await inbox()).mentions;
    const forbidden = await h.request('POST', `${mentions}/${mention.id}/rumor`, { token: h.tokens.support, body: { incident_id: incidentId } });
    assert.equal(forbidden.status, 403);
    const missing = await h.request('POST', `${mentions}/${mention.id}/rumor`, { token: h.tokens.comms_lead, body: { incident_id: 'nosuchincide' } });
    assert.equal(missing.status, 404);
    assert.equal((await inbox()).mentions.length, 1, 'a refused rumor leaves the mention in the inbox');

    const res = await h.request('POST', `${mentions}/${mention.id}/rumor`, { token: h.tokens.comms_lead, body: { incident_id: incidentId } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.mention.state, 'rumor');
    assert.equal(res.body.mention.rumor_entry_id, res.body.entry.id);
    const sheet = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer })).body;
    const [rumor] = sheet.rumors;
    assert.equal(rumor.text, mention.text);
    assert.equal(rumor.state, 'open');
    assert.equal(rumor.source, `@rumeurs_tech — ${mention.url}`);
    assert.equal(rumor.noted_at, mention.published_at);
    assert.deepEqual((await inbox()).counts, { new: 0, dismissed: 0, rumor: 1 });
    assert.equal((await inbox('?state=rumor')).mentions[0].incident_id, incidentId);

    const twice = await h.request('POST', `${mentions}/${mention.id}/rumor`, { token: h.tokens.comms_lead, body: { incident_id: incidentId } });
    assert.equal(twice.status, 409);
    assert.equal((await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer })).body.rumors.length, 1, 'one rumor, not two');
  });

  it('dismisses a mention once, and keeps the decided ones when their source is deleted', async () => {
    feed.publish({ id: 'f1', title: 'Acme Cloud : un incendie ?', link: 'https://news.example.test/f1', at: new Date(h.clock.now().getTime() - minute) });
    feed.publish({ id: 'f2', title: 'Acme Cloud : la panne continue', link: 'https://news.example.test/f2', at: h.clock.now() });
    const source = await addSource({ name: 'Le Fil', kind: 'feed', url: feed.url, keywords: ['acme cloud'] });
    await pollNow(source.id);
    const waiting = (await inbox(`?source_id=${source.id}`)).mentions;
    assert.equal(waiting.length, 2);
    const dismissed = await h.request('POST', `${mentions}/${waiting[1].id}/dismiss`, { token: h.tokens.comms_lead });
    assert.equal(dismissed.status, 200);
    assert.deepEqual([dismissed.body.state, dismissed.body.decided_by], ['dismissed', 'token comms_lead token']);
    assert.equal((await h.request('POST', `${mentions}/${waiting[1].id}/dismiss`, { token: h.tokens.comms_lead })).status, 409);
    assert.equal((await h.request('POST', `${mentions}/${waiting[0].id}/dismiss`, { token: h.tokens.support })).status, 403);

    const stale = await h.request('PATCH', `${sources}/${source.id}`, { token: h.tokens.comms_lead, body: { keywords: ['panne'] }, headers: { 'if-match': '"99"' } });
    assert.equal(stale.status, 412);
    const edited = await h.request('PATCH', `${sources}/${source.id}`, { token: h.tokens.comms_lead, body: { enabled: false }, headers: { 'if-match': `"${source.version}"` } });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.enabled, false);

    assert.equal((await h.request('DELETE', `${sources}/${source.id}`, { token: h.tokens.comms_lead })).status, 204);
    assert.equal((await inbox(`?source_id=${source.id}`)).mentions.length, 0, 'its undecided mention went with it');
    const kept = (await inbox('?state=dismissed')).mentions;
    assert.deepEqual(kept.map((mention: { id: string }) => mention.id), [waiting[1].id]);
    assert.equal(kept[0].source, null);
    assert.equal(kept[0].source_name, 'Le Fil');
    assert.equal((await h.request('GET', `${sources}/${source.id}`, { token: h.tokens.support })).status, 404);
  });
});
