import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { publishPendingPages } from '../../src/services/status-page/publish-pending.ts';
import { renderSite } from '../../src/status-page/site.ts';
import { siteFolder, targetsResolver } from '../../src/surfaces/worker/publisher.ts';

const minute = 60_000;

function everyFile(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((entry) => {
    const full = path.join(root, entry);
    return statSync(full).isDirectory() ? everyFile(full) : [full];
  });
}

describe('rumors → the public corrections log', () => {
  let h: Harness;
  let folder: string;
  before(async () => {
    h = await createHarness();
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris', url: 'https://status.acme.example' } });
    assert.equal(page.status, 201, JSON.stringify(page.body));
    folder = siteFolder(h.siteDir, { workspaceSlug: 'acme', pageSlug: 'status' });
  });
  after(async () => h?.close());

  async function open(name = 'Uploads fail') {
    const res = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name, impact: 'major', body: 'Uploads fail for some customers.', next_update_at: new Date(h.clock.now().getTime() + 60 * minute).toISOString() },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function rumor(incidentId: string, text: string, source = 'X, @someone, 15:55') {
    const res = await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'rumor', text, source } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  const corrections = (incidentId: string) => `/api/admin/incidents/${incidentId}/corrections`;
  const correct = (incidentId: string, body: unknown, token = h.tokens.comms_lead) => h.request('POST', corrections(incidentId), { token, body });
  const approve = (messageId: string, token = h.tokens.reviewer, body: unknown = {}) => h.request('POST', `/api/admin/messages/${messageId}/approvals`, { token, body });
  const publish = (messageId: string, token = h.tokens.comms_lead) => h.request('POST', `/api/admin/messages/${messageId}/publish`, { token });
  async function buildPages() {
    const outcomes = await publishPendingPages({ db: h.db, now: h.clock.now, fallbackUrl: 'http://localhost:3001', render: renderSite, targetsFor: targetsResolver(h.db, h.siteDir) });
    assert.ok(outcomes.every((outcome) => outcome.ok), JSON.stringify(outcomes.map((o) => o.targets)));
  }
  const read = (file: string) => readFileSync(path.join(folder, file), 'utf8');

  it('a correction approved by another person and published is on the incident page, in corrections.html and corrections.json, and refutes the rumor', async () => {
    const incidentId = await open();
    const source = 'zqx-rumor-source-forum-thread';
    const rumorId = await rumor(incidentId, 'zqx-team-wording: customers say their files were stolen', source);
    h.clock.advance(5 * minute);

    const created = await correct(incidentId, {
      rumor_id: rumorId,
      said: { en: 'Customer files were stolen', fr: 'Les fichiers des clients ont été volés' },
      truth: { en: 'No file was accessed: uploads fail, the files you stored are intact.', fr: 'Aucun fichier n’a été consulté : les envois échouent, les fichiers stockés sont intacts.' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const correction = created.body;
    assert.equal(correction.rumor_id, rumorId);
    assert.equal(correction.published_at, null);

    const message = (await h.request('GET', `/api/admin/messages/${correction.message_id}`)).body;
    assert.equal(message.stage, 'rumor_correction');
    const pageVariant = message.variants.find((v: any) => v.channel === 'status_page' && v.language === 'en');
    assert.equal(pageVariant.body, 'No file was accessed: uploads fail, the files you stored are intact.');
    assert.ok(message.variants.some((v: any) => v.channel === 'status_page' && v.language === 'fr'));

    const listed = (await h.request('GET', corrections(incidentId), { token: h.tokens.viewer })).body;
    assert.equal(listed.rumors[0].standing, 'correction_pending');
    assert.deepEqual(listed.log, []);
    assert.equal((await publish(correction.message_id)).status, 409, 'not approved: not published');

    const own = await approve(correction.message_id, h.tokens.comms_lead);
    assert.notEqual(own.body.review_state, 'approved', JSON.stringify(own.body));
    assert.equal((await publish(correction.message_id)).status, 409, 'four-eyes: the author\'s own approval does not publish it');
    const approved = await approve(correction.message_id);
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    assert.equal(approved.body.review_state, 'approved', JSON.stringify(approved.body.variants?.map((v: any) => v.findings)));

    const incidentBefore = (await h.request('GET', `/api/admin/incidents/${incidentId}`)).body;
    h.clock.advance(2 * minute);
    const published = await publish(correction.message_id);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.incident_update, null, 'a correction is an entry of the log, not an update of the timeline');

    const incidentAfter = (await h.request('GET', `/api/admin/incidents/${incidentId}`)).body;
    assert.equal(incidentAfter.updates.length, incidentBefore.updates.length);
    assert.equal(incidentAfter.next_update_at, incidentBefore.next_update_at, 'the promised next update still stands');

    const sheet = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`)).body;
    const refuted = sheet.rumors.find((r: any) => r.id === rumorId);
    assert.equal(refuted.state, 'refuted');
    assert.equal(refuted.correction, 'No file was accessed: uploads fail, the files you stored are intact.');

    const after = (await h.request('GET', corrections(incidentId))).body;
    assert.equal(after.rumors[0].standing, 'refuted');
    assert.equal(after.log.length, 1);
    assert.equal(after.log[0].published_at, h.clock.now().toISOString());

    await buildPages();
    const incidentPage = read(`incidents/${incidentId}.html`);
    assert.match(incidentPage, /<h2 id="corrections">Corrections<\/h2>/);
    assert.match(incidentPage, /Customer files were stolen/);
    assert.match(incidentPage, /No file was accessed: uploads fail, the files you stored are intact\./);
    const log = read('corrections.html');
    assert.match(log, /Customer files were stolen[\s\S]*No file was accessed/);
    assert.match(log, new RegExp(`href="incidents/${incidentId}.html">Uploads fail<`));
    assert.match(read('index.html'), /href="corrections.html">Corrections</, 'the navigation links the log');
    const json = JSON.parse(read('corrections.json'));
    assert.equal(json.corrections.length, 1);
    assert.deepEqual(
      { ...json.corrections[0], id: undefined },
      { id: undefined, incident: { id: incidentId, name: 'Uploads fail', shortlink: `https://status.acme.example/incidents/${incidentId}` }, said: 'Customer files were stolen', truth: 'No file was accessed: uploads fail, the files you stored are intact.', published_at: h.clock.now().toISOString() },
    );
    assert.match(read('history.atom'), /Correction/);

    const leaks = everyFile(folder).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return text.includes(source) || text.includes('zqx-team-wording');
    });
    assert.deepEqual(leaks, [], 'the rumor\'s source and the team\'s wording never reach the page');
  });

  it('only published corrections reach the page: a draft stays off it', async () => {
    const incidentId = await open('Login slow');
    const rumorId = await rumor(incidentId, 'Passwords leaked');
    const created = await correct(incidentId, { rumor_id: rumorId, said: 'zqx-draft-said', truth: { en: 'zqx-draft-truth' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token: h.tokens.incident_lead, body: { status: 'identified', body: 'A cache node is slow.' } });
    await buildPages();
    const leaks = everyFile(folder).filter((file) => /zqx-draft-(said|truth)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(leaks, []);
  });

  it('refuses a correction of a confirmed rumor, a second one while the first is pending, and one on an internal incident', async () => {
    const incidentId = await open('DNS errors');
    const confirmed = await rumor(incidentId, 'The outage comes from a DNS provider');
    await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts/entries/${confirmed}`, { token: h.tokens.comms_lead, body: { state: 'confirmed' } });
    const refused = await correct(incidentId, { rumor_id: confirmed, truth: { en: 'It does not.' } });
    assert.equal(refused.status, 409);
    assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
    assert.match(JSON.stringify(refused.body), /rumor-confirmed/);

    const open1 = await rumor(incidentId, 'All data lost');
    assert.equal((await correct(incidentId, { rumor_id: open1, truth: { en: 'No data was lost.' } })).status, 201);
    const twice = await correct(incidentId, { rumor_id: open1, truth: { en: 'Still no data lost.' } });
    assert.equal(twice.status, 409);
    assert.match(JSON.stringify(twice.body), /correction-pending/);

    const internal = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Quiet one', impact: 'minor' } });
    assert.equal(internal.status, 201, JSON.stringify(internal.body));
    const hidden = await rumor(internal.body.id, 'Something bad');
    const notPublic = await correct(internal.body.id, { rumor_id: hidden, truth: { en: 'Nothing bad.' } });
    assert.equal(notPublic.status, 409);
    assert.match(JSON.stringify(notPublic.body), /incident-not-public/);
    const listed = (await h.request('GET', corrections(internal.body.id))).body;
    assert.equal(listed.incident.is_public, false);
  });

  it('bad input gets every issue with its pointer and creates nothing; the wrong role and rumor are refused', async () => {
    const incidentId = await open('API errors');
    const rumorId = await rumor(incidentId, 'The API was hacked');
    const count = async () => Number((await h.db.db.selectFrom('corrections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const bad = await correct(incidentId, { rumor_id: rumorId, said: { fr: 'Piratée' }, truth: {}, channels: ['fax'] });
    assert.equal(bad.status, 400);
    const pointers = bad.body.errors.map((e: any) => e.pointer).sort();
    assert.ok(pointers.includes('/truth'), JSON.stringify(bad.body));
    assert.ok(pointers.includes('/channels/0'), JSON.stringify(bad.body));
    assert.equal(await count(), before);

    assert.equal((await correct(incidentId, { rumor_id: rumorId, truth: { en: 'It was not.' } }, h.tokens.viewer)).status, 403);
    assert.equal((await correct(incidentId, { rumor_id: rumorId, truth: { en: 'It was not.' } }, h.tokens.support)).status, 403);
    assert.equal((await h.request('GET', corrections(incidentId), { token: null })).status, 401);
    const otherIncident = await open('Other');
    assert.equal((await correct(otherIncident, { rumor_id: rumorId, truth: { en: 'It was not.' } })).status, 404, 'a rumor of another incident');
    assert.equal(await count(), before);
  });

  it('a rumor_correction message written without a rumor cannot be published: it has nothing to say was said', async () => {
    const incidentId = await open('Billing down');
    await rumor(incidentId, 'Cards were charged twice');
    const message = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, { token: h.tokens.comms_lead, body: { stage: 'rumor_correction', audiences: ['customers'], languages: ['en'], channels: ['status_page'] } });
    assert.equal(message.status, 201, JSON.stringify(message.body));
    const approved = await approve(message.body.id, h.tokens.reviewer, { override_reason: 'The placeholders are the point of this test: it must stop at the publish.' });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const refused = await publish(message.body.id);
    assert.equal(refused.status, 409);
    assert.match(JSON.stringify(refused.body), /correction-needs-rumor/);
    assert.equal((await h.request('GET', `/api/admin/messages/${message.body.id}`)).body.state, 'in_review', 'nothing was published');
  });

  it('a rumor confirmed after its correction was approved stops the publish', async () => {
    const incidentId = await open('Mail delayed');
    const rumorId = await rumor(incidentId, 'Mail is lost');
    const created = await correct(incidentId, { rumor_id: rumorId, truth: { en: 'Mail is delayed, not lost.' } });
    assert.equal((await approve(created.body.message_id)).status, 201);
    await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts/entries/${rumorId}`, { token: h.tokens.comms_lead, body: { state: 'confirmed' } });
    const refused = await publish(created.body.message_id);
    assert.equal(refused.status, 409);
    assert.match(JSON.stringify(refused.body), /rumor-confirmed/);
    const listed = (await h.request('GET', corrections(incidentId))).body;
    assert.equal(listed.rumors[0].corrections[0].published_at, null);
  });
});
