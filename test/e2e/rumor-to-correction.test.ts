import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startFakeMastodon, type FakeMastodon } from '../helpers/fake-mastodon.ts';
import { pollDueSources } from '../../src/services/listening/poll-sources.ts';
import { publishPendingPages } from '../../src/services/status-page/publish-pending.ts';
import { renderSite } from '../../src/status-page/site.ts';
import { siteFolder, targetsResolver } from '../../src/surfaces/worker/publisher.ts';

const minute = 60_000;

/** Doctrine §7: what circulates is heard, recorded, corrected after a second person approves, and the correction is public. */
describe('from a rumor on Mastodon to a published correction', () => {
  let h: Harness;
  let mastodon: FakeMastodon;
  let folder: string;
  before(async () => {
    h = await createHarness();
    mastodon = await startFakeMastodon();
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris', url: 'https://status.acme.example' } });
    assert.equal(page.status, 201, JSON.stringify(page.body));
    folder = siteFolder(h.siteDir, { workspaceSlug: 'acme', pageSlug: 'status' });
  });
  after(async () => {
    await mastodon?.receiver.close();
    await h?.close();
  });

  it('a post heard on the local Mastodon instance ends in the status page\'s corrections log', async () => {
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Uploads fail', impact: 'major', body: 'Uploads fail for some customers.', next_update_at: new Date(h.clock.now().getTime() + 60 * minute).toISOString() },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const incidentId = opened.body.id as string;
    const source = await h.request('POST', '/api/admin/listening/sources', { token: h.tokens.comms_lead, body: { name: 'Mastodon #AcmeCloud', kind: 'mastodon', url: mastodon.receiver.url, hashtag: 'AcmeCloud', keywords: ['stolen', 'hacked'] } });
    assert.equal(source.status, 201, JSON.stringify(source.body));

    const post = mastodon.say('zqxrumorauthor', 'BREAKING: #AcmeCloud was hacked, customer files stolen!', { createdAt: h.clock.now() });
    h.clock.advance(minute);
    const polled = await pollDueSources({ db: h.db, now: h.clock.now() });
    assert.equal(polled.added, 1);

    const inbox = await h.request('GET', '/api/admin/listening/mentions', { token: h.tokens.comms_lead });
    const [mention] = inbox.body.mentions;
    assert.equal(mention.url, post.url);
    assert.deepEqual(mention.keywords, ['stolen', 'hacked']);
    const recorded = await h.request('POST', `/api/admin/listening/mentions/${mention.id}/rumor`, { token: h.tokens.comms_lead, body: { incident_id: incidentId, text: 'Acme Cloud was hacked and customer files were stolen' } });
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const rumorId = recorded.body.entry.id as string;

    h.clock.advance(5 * minute);
    const created = await h.request('POST', `/api/admin/incidents/${incidentId}/corrections`, {
      token: h.tokens.comms_lead,
      body: {
        rumor_id: rumorId,
        said: { en: 'Acme Cloud was hacked and customer files were stolen', fr: 'Acme Cloud a été piraté et des fichiers clients volés' },
        truth: { en: 'Nobody broke in: uploads fail because of a faulty storage node, and the files you stored are intact.', fr: 'Personne n’est entré : les envois échouent à cause d’un nœud de stockage défaillant, et les fichiers stockés sont intacts.' },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const messageId = created.body.message_id as string;
    const approved = await h.request('POST', `/api/admin/messages/${messageId}/approvals`, { token: h.tokens.reviewer, body: {} });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    assert.equal(approved.body.review_state, 'approved', JSON.stringify(approved.body.variants?.map((variant: { findings: unknown }) => variant.findings)));
    const published = await h.request('POST', `/api/admin/messages/${messageId}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));

    const outcomes = await publishPendingPages({ db: h.db, now: h.clock.now, fallbackUrl: 'http://localhost:3001', render: renderSite, targetsFor: targetsResolver(h.db, h.siteDir) });
    assert.ok(outcomes.every((outcome) => outcome.ok), JSON.stringify(outcomes));
    const log = readFileSync(path.join(folder, 'corrections.html'), 'utf8');
    assert.match(log, /Acme Cloud was hacked and customer files were stolen[\s\S]*Nobody broke in: uploads fail because of a faulty storage node/);
    assert.doesNotMatch(log, /zqxrumorauthor/, 'who spread it is the team\'s to know, not the page\'s');
    const sheet = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer })).body;
    assert.equal(sheet.rumors[0].state, 'refuted');
    assert.equal((await h.request('GET', '/api/admin/listening/mentions?state=rumor', { token: h.tokens.support })).body.mentions[0].rumor_entry_id, rumorId);
  });
});
