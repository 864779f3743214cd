import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

const publicUrl = 'https://tocsin.example.test';
const pageOrigin = 'https://status.acme.example';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('subscriptions: a reader subscribes on the status page, an administrator manages them', () => {
  let h: Harness;
  let pageId: string;
  let frenchPageId: string;
  let components: { api: string; dns: string };

  before(async () => {
    h = await createHarness();
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris', url: pageOrigin } });
    assert.equal(page.status, 201, JSON.stringify(page.body));
    pageId = page.body.id;
    const french = await h.request('POST', '/api/admin/pages', { body: { slug: 'statut', name: 'État Acme', language: 'fr', time_zone: 'Europe/Paris' } });
    frenchPageId = french.body.id;
    await h.request('POST', '/api/admin/pages', { body: { slug: 'internal', name: 'Acme internal', language: 'en', time_zone: 'Europe/Paris', visibility: 'private' } });
    const api = await h.request('POST', '/api/admin/components', { body: { name: 'Public API' } });
    const dns = await h.request('POST', '/api/admin/components', { body: { name: 'DNS' } });
    components = { api: api.body.id, dns: dns.body.id };
  });
  after(async () => h?.close());
  // Each case starts in a fresh rate-limit window (they are hourly) and past every 10-minute resend window.
  beforeEach(() => {
    h.clock.advance(3_600_000);
  });

  const subscribeJson = (body: unknown, headers: Record<string, string> = {}, page = 'status') => h.request('POST', `/subscribe/acme/${page}`, { token: null, body, headers });
  const subscribeForm = (fields: Record<string, string>, page = 'status') => h.request('POST', `/subscribe/acme/${page}`, { token: null, rawBody: new URLSearchParams(fields).toString(), headers: form });
  const subscriber = (address: string) => h.db.db.selectFrom('subscribers').selectAll().where('address', '=', address).executeTakeFirstOrThrow();
  const deliveriesOf = (subscriberId: string) => h.db.db.selectFrom('deliveries').selectAll().where('subscriber_id', '=', subscriberId).orderBy('id').execute();
  const pathOf = (url: string) => url.slice(publicUrl.length);

  it('double opt-in: a new address is pending with one confirmation; opening the link confirms nothing, pressing its button does', async () => {
    const res = await subscribeJson({ address: '  Reader@Example.COM ' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const row = await subscriber('reader@example.com');
    assert.equal(row.state, 'pending');
    assert.equal(row.source, 'self');
    assert.equal(row.language, 'en');
    const [delivery, ...others] = await deliveriesOf(row.id);
    assert.equal(others.length, 0);
    assert.equal(delivery!.kind, 'confirmation');
    assert.equal(delivery!.channel, 'email');
    assert.equal(delivery!.address, 'reader@example.com');
    const link = `${publicUrl}/subscriptions/${row.manage_token}/confirm`;
    assert.ok(delivery!.payload!.text.includes(link), delivery!.payload!.text);
    assert.match(delivery!.payload!.subject!, /Acme Status/);

    const page = await h.request('GET', pathOf(link), { token: null });
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="en">/);
    assert.match(page.body, new RegExp(`<form method="post" action="/subscriptions/${row.manage_token.replace('.', '\\.')}/confirm">`));
    assert.equal((await subscriber('reader@example.com')).state, 'pending', 'a link scanner fetching the page confirms nothing');

    const confirmed = await h.request('POST', pathOf(link), { token: null, rawBody: '', headers: form });
    assert.equal(confirmed.status, 200);
    assert.match(confirmed.body, /You receive the updates of Acme Status/);
    const after = await subscriber('reader@example.com');
    assert.equal(after.state, 'active');
    assert.ok(after.confirmed_at, 'the confirmation time is kept');
  });

  it('the answer is the same for a new, an already active and a suppressed address; only what the address receives differs', async () => {
    await h.request('POST', `/api/admin/pages/${pageId}/subscribers`, { body: { channel: 'email', address: 'active@example.com' } });
    await h.request('POST', '/api/admin/suppressions', { body: { channel: 'email', address: 'bounced@example.com', reason: 'bounce' } });
    const answers = [];
    for (const address of ['new@example.com', 'active@example.com', 'bounced@example.com']) {
      const res = await subscribeJson({ address });
      answers.push({ status: res.status, body: res.body, cors: res.headers.get('access-control-allow-origin') });
    }
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    const [fresh, active, bounced] = await Promise.all(['new@example.com', 'active@example.com', 'bounced@example.com'].map(subscriber));
    assert.deepEqual((await deliveriesOf(fresh!.id)).map((d) => d.kind), ['confirmation']);
    const notices = await deliveriesOf(active!.id);
    assert.deepEqual(notices.map((d) => d.kind), ['notice'], 'an active address is told it is already subscribed');
    assert.ok(notices[0]!.payload!.text.includes(`${publicUrl}/subscriptions/${active!.manage_token}`), 'the notice links to the preferences');
    assert.equal(active!.state, 'active', 'a stranger typing the address changes nothing');
    assert.deepEqual(await deliveriesOf(bounced!.id), [], 'a suppressed address receives nothing');

    const htmlNew = await subscribeForm({ address: 'other@example.com' });
    const htmlBounced = await subscribeForm({ address: 'bounced@example.com' });
    assert.equal(htmlNew.status, htmlBounced.status);
    assert.equal(htmlNew.body.replace('other@example.com', 'X'), htmlBounced.body.replace('bounced@example.com', 'X'));
  });

  it('asking again within 10 minutes sends no second confirmation; after 10 minutes it does; an unsubscribed reader may subscribe again', async () => {
    await subscribeJson({ address: 'twice@example.com' });
    h.clock.advance(9 * 60_000);
    assert.equal((await subscribeJson({ address: 'twice@example.com' })).status, 202);
    const row = await subscriber('twice@example.com');
    assert.equal((await deliveriesOf(row.id)).length, 1);
    h.clock.advance(60_000);
    await subscribeJson({ address: 'twice@example.com' });
    assert.equal((await deliveriesOf(row.id)).length, 2);

    await h.request('POST', `/subscriptions/${row.manage_token}/unsubscribe`, { token: null, rawBody: '', headers: form });
    assert.equal((await subscriber('twice@example.com')).state, 'unsubscribed');
    h.clock.advance(11 * 60_000);
    await subscribeJson({ address: 'twice@example.com', language: 'fr' });
    const again = await subscriber('twice@example.com');
    assert.equal(again.state, 'pending');
    assert.equal(again.language, 'fr');
    const last = (await deliveriesOf(row.id)).at(-1)!;
    assert.equal(last.kind, 'confirmation');
    assert.match(last.payload!.subject!, /Confirmez votre abonnement/);
  });

  it('an invalid e-mail address is a 400 problem+json pointing at it; the form gets a page in the page\'s language', async () => {
    const res = await subscribeJson({ address: 'reader@@example' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(res.body.type, 'https://tocsin.dev/problems/email-invalid');
    assert.deepEqual(res.body.errors.map((e: any) => e.pointer), ['/address']);
    const noDomain = await subscribeJson({ address: 'reader@localhost' });
    assert.match(noDomain.body.detail, /not a domain name/);
    const page = await subscribeForm({ address: 'pas-une-adresse@' }, 'statut');
    assert.equal(page.status, 400);
    assert.match(page.body, /<html lang="fr">/);
    assert.match(page.body, /Cette adresse e-mail n’est pas valide/);
    const idn = await subscribeJson({ address: 'lecteur@Exämple.fr' });
    assert.equal(idn.status, 202, 'an internationalized domain is accepted');
    await subscriber('lecteur@xn--exmple-cua.fr');
    assert.equal((await h.db.db.selectFrom('subscribers').select('id').where('address', 'like', '%@%example').execute()).length, 0);
  });

  it('limits requests: 5 an hour for one address, 30 an hour for one client, then 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await subscribeJson({ address: 'flood@example.com' })).status, 202);
    const sixth = await subscribeJson({ address: 'flood@example.com' });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.headers.get('content-type'), 'application/problem+json');
    assert.ok(Number(sixth.headers.get('retry-after')) > 0, 'Retry-After is set');
    for (let i = 0; i < 24; i++) assert.equal((await subscribeJson({ address: `reader${i}@example.com` })).status, 202);
    const thirtyFirst = await subscribeJson({ address: 'someone-else@example.com' });
    assert.equal(thirtyFirst.status, 429);
    const page = await subscribeForm({ address: 'someone-else@example.com' });
    assert.equal(page.status, 429);
    assert.ok(page.headers.get('retry-after'), 'the page has Retry-After too');
    assert.match(page.body, /Too many requests/);
    const flood = await subscriber('flood@example.com');
    assert.equal((await deliveriesOf(flood.id)).length, 1, 'one inbox got one confirmation');
  });

  it('one-click unsubscribe (RFC 8058): a POST with List-Unsubscribe=One-Click and no cookie unsubscribes, and again answers 200', async () => {
    const added = await h.request('POST', `/api/admin/pages/${pageId}/subscribers`, { body: { channel: 'email', address: 'leaving@example.com' } });
    const row = await subscriber('leaving@example.com');
    for (let i = 0; i < 2; i++) {
      const res = await h.request('POST', `/subscriptions/${row.manage_token}/unsubscribe`, { token: null, rawBody: 'List-Unsubscribe=One-Click', headers: form });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('set-cookie'), null);
    }
    const after = await subscriber('leaving@example.com');
    assert.equal(after.state, 'unsubscribed');
    assert.ok(after.unsubscribed_at, 'the time of leaving is kept');
    const admin = await h.request('GET', `/api/admin/subscribers/${added.body.id}`, { token: h.tokens.support });
    assert.equal(admin.body.state, 'unsubscribed');
    const resubscribed = await h.request('POST', `/subscriptions/${row.manage_token}/resubscribe`, { token: null, rawBody: '', headers: form });
    assert.equal(resubscribed.status, 200);
    assert.equal((await subscriber('leaving@example.com')).state, 'active', 'the preferences page subscribes them again');
  });

  it('the preferences page: the reader picks French and one service; the page shows it in French', async () => {
    await h.request('POST', `/api/admin/pages/${pageId}/subscribers`, { body: { channel: 'email', address: 'picky@example.com' } });
    const row = await subscriber('picky@example.com');
    const page = await h.request('GET', `/subscriptions/${row.manage_token}`, { token: null });
    assert.equal(page.status, 200);
    assert.match(page.body, /<label for="component-[a-z0-9]+">Public API<\/label>/);
    assert.match(page.body, /<input type="radio" id="scope-all" name="scope" value="all" checked>/);
    const fields = new URLSearchParams([['language', 'fr'], ['scope', 'some'], ['components', components.dns]]);
    const saved = await h.request('POST', `/subscriptions/${row.manage_token}`, { token: null, rawBody: fields.toString(), headers: form });
    assert.equal(saved.status, 200);
    assert.match(saved.body, /<html lang="fr">/);
    assert.match(saved.body, /Vos choix sont enregistrés/);
    assert.match(saved.body, new RegExp(`id="component-${components.dns}" name="components" value="${components.dns}" checked`));
    const after = await subscriber('picky@example.com');
    assert.equal(after.language, 'fr');
    assert.equal(after.all_components, false);
    const admin = await h.request('GET', `/api/admin/subscribers/${after.id}`);
    assert.deepEqual(admin.body.component_ids, [components.dns]);
  });

  it('an unknown token opens a 404 page that reveals nothing, for every link', async () => {
    for (const [method, path] of [['GET', '/subscriptions/nope'], ['GET', `/subscriptions/${h.workspaceId}.${'A'.repeat(43)}/confirm`], ['POST', `/subscriptions/${h.workspaceId}.${'A'.repeat(43)}/unsubscribe`]] as const) {
      const res = await h.request(method, path, { token: null, headers: { 'accept-language': 'fr-FR' }, ...(method === 'POST' ? { rawBody: 'List-Unsubscribe=One-Click', headers: { ...form, 'accept-language': 'fr-FR' } } : {}) });
      assert.equal(res.status, 404, path);
      assert.match(res.body, /Ce lien ne fonctionne pas/);
    }
  });

  it('SMS: the code received confirms; a wrong code is refused; an expired code; five wrong codes void it', async () => {
    const codeOf = async (subscriberId: string) => /(\d{6})/.exec((await deliveriesOf(subscriberId)).at(-1)!.payload!.text)![1]!;
    const start = async (phone: string) => {
      const res = await subscribeJson({ address: phone }, {}, 'statut');
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.equal(res.body.code_url, `${publicUrl}/subscribe/acme/statut/sms-code`);
      return res.body.subscriber_id as string;
    };
    const sendCode = (subscriberId: string, code: string) => h.request('POST', '/subscribe/acme/statut/sms-code', { token: null, body: { subscriber_id: subscriberId, code } });

    const id = await start('06 12 34 56 78');
    const row = await h.db.db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.address, '+33612345678', 'a national number on a French page is French');
    assert.equal(row.state, 'pending');
    const code = await codeOf(id);
    assert.notEqual(row.confirm_code_hash, code, 'the code is stored as its hash');
    const wrong = await sendCode(id, code === '000000' ? '111111' : '000000');
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.type, 'https://tocsin.dev/problems/code-wrong');
    const right = await sendCode(id, code);
    assert.equal(right.status, 200, JSON.stringify(right.body));
    assert.equal(right.body.state, 'active');
    assert.equal((await h.db.db.selectFrom('subscribers').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, 'active');

    const late = await start('+33 6 98 76 54 32');
    h.clock.advance(16 * 60_000);
    const expired = await sendCode(late, await codeOf(late));
    assert.equal(expired.body.type, 'https://tocsin.dev/problems/code-expired');

    const guessed = await start('+33698765433');
    const realCode = await codeOf(guessed);
    const wrongCode = realCode === '999999' ? '888888' : '999999';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await sendCode(guessed, wrongCode)).body.type.replace('https://tocsin.dev/problems/', ''));
    assert.deepEqual(answers, ['code-wrong', 'code-wrong', 'code-wrong', 'code-wrong', 'code-attempts-exceeded']);
    assert.equal((await sendCode(guessed, realCode)).body.type, 'https://tocsin.dev/problems/code-attempts-exceeded', 'the right code comes too late');

    const national = await subscribeJson({ address: '06 12 34 56 78' });
    assert.equal(national.status, 400, 'an English page has no default country: numbers are international');
    assert.equal(national.body.type, 'https://tocsin.dev/problems/phone-invalid');

    const htmlForm = await subscribeForm({ address: '07 81 22 33 44' }, 'statut');
    assert.equal(htmlForm.status, 202);
    assert.match(htmlForm.body, /<html lang="fr">/);
    assert.match(htmlForm.body, /<form method="post" action="\/subscribe\/acme\/statut\/sms-code">/, 'posts to Tocsin itself (CSP form-action \'self\')');
    assert.match(htmlForm.body, /autocomplete="one-time-code"/);
    const hiddenId = /name="subscriber_id" value="([a-z0-9]{12})"/.exec(htmlForm.body)![1]!;
    const typed = new URLSearchParams({ subscriber_id: hiddenId, code: await codeOf(hiddenId) });
    const done = await h.request('POST', '/subscribe/acme/statut/sms-code', { token: null, rawBody: typed.toString(), headers: form });
    assert.equal(done.status, 200);
    assert.match(done.body, /Vous recevez les mises à jour de État Acme/);
    assert.match(done.body, /href="\/subscriptions\/[a-z0-9]{12}\.[\w-]{43}"/, 'with the link to their preferences');
  });

  it('CORS: the page\'s own origin may read the answers of the subscribe routes; no other origin, no other route', async () => {
    const preflight = await h.request('OPTIONS', '/subscribe/acme/status', { token: null, headers: { origin: pageOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), pageOrigin);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    const other = await h.request('OPTIONS', '/subscribe/acme/status', { token: null, headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const posted = await subscribeJson({ address: 'cors@example.com' }, { origin: pageOrigin });
    assert.equal(posted.headers.get('access-control-allow-origin'), pageOrigin);
    assert.match(posted.headers.get('vary') ?? '', /origin/i);
    const refused = await subscribeJson({ address: 'not-an-address' }, { origin: pageOrigin });
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('access-control-allow-origin'), pageOrigin, 'the page can read why it was refused');
    assert.equal((await subscribeJson({ address: 'x@example.com' }, { origin: 'https://evil.example' })).headers.get('access-control-allow-origin'), null);
    const admin = await h.request('GET', '/api/admin/components', { headers: { origin: pageOrigin } });
    assert.equal(admin.headers.get('access-control-allow-origin'), null);
  });

  it('a private page takes no subscription', async () => {
    const res = await subscribeJson({ address: 'insider@example.com' }, {}, 'internal');
    assert.equal(res.status, 404);
    assert.equal((await h.db.db.selectFrom('subscribers').select('id').where('address', '=', 'insider@example.com').execute()).length, 0);
  });

  it('a viewer cannot see subscribers; support reads them but cannot add, change or erase one', async () => {
    const path = `/api/admin/pages/${pageId}/subscribers`;
    assert.equal((await h.request('GET', path, { token: h.tokens.viewer })).status, 403);
    const list = await h.request('GET', `${path}?channel=email&state=active`, { token: h.tokens.support });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.ok(list.body.subscribers.length > 0, 'support sees subscribers');
    assert.ok(list.body.subscribers.every((s: any) => s.channel === 'email' && s.state === 'active'), 'the filters apply');
    assert.ok(list.body.subscribers.every((s: any) => !('manage_token' in s) && !('webhook_secret' in s)), 'no token nor secret is listed');
    const one = list.body.subscribers[0];
    assert.equal((await h.request('POST', path, { token: h.tokens.support, body: { channel: 'email', address: 'sneaky@example.com' } })).status, 403);
    assert.equal((await h.request('PATCH', `/api/admin/subscribers/${one.id}`, { token: h.tokens.support, body: { language: 'fr' } })).status, 403);
    assert.equal((await h.request('DELETE', `/api/admin/subscribers/${one.id}`, { token: h.tokens.support })).status, 403);
    assert.equal((await h.request('GET', `${path}/export`, { token: h.tokens.support })).status, 403, 'bulk export is for those who manage subscribers');
    assert.equal((await h.request('GET', `/api/admin/subscribers/${one.id}`, { token: h.tokens.support })).body.address, one.address);
  });

  it('lists in keyset pages and searches by part of the address; counts per channel and state', async () => {
    for (let i = 0; i < 5; i++) await h.request('POST', `/api/admin/pages/${frenchPageId}/subscribers`, { body: { channel: 'email', address: `page${i}@Keyset.example` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await h.request('GET', `/api/admin/pages/${frenchPageId}/subscribers?search=KEYSET&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: h.tokens.comms_lead });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(...res.body.subscribers.map((s: any) => s.address));
      cursor = res.body.next_cursor;
    } while (cursor);
    assert.deepEqual([...seen].sort(), ['page0@keyset.example', 'page1@keyset.example', 'page2@keyset.example', 'page3@keyset.example', 'page4@keyset.example']);
    const counts = await h.request('GET', `/api/admin/pages/${frenchPageId}/subscribers/counts`, { token: h.tokens.support });
    assert.equal(counts.body.by_channel.email.active, 5);
    const sum = Object.values(counts.body.by_channel as Record<string, Record<string, number>>).flatMap((states) => Object.values(states)).reduce((a, b) => a + b, 0);
    assert.equal(counts.body.total, sum);
  });

  it('an administrator adds a webhook subscriber: active at once, its signing secret shown in that answer only; http only for localhost', async () => {
    const path = `/api/admin/pages/${pageId}/subscribers`;
    const refused = await h.request('POST', path, { token: h.tokens.comms_lead, body: { channel: 'webhook', address: 'http://receiver.example/hook' } });
    assert.equal(refused.status, 400);
    assert.match(refused.body.detail, /https/);
    const added = await h.request('POST', path, { token: h.tokens.comms_lead, body: { channel: 'webhook', address: 'https://receiver.example/hook', component_ids: [components.api] } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.state, 'active');
    assert.equal(added.body.source, 'admin');
    assert.match(added.body.webhook_secret, /^whsec_/);
    assert.deepEqual(added.body.component_ids, [components.api]);
    const read = await h.request('GET', `/api/admin/subscribers/${added.body.id}`);
    assert.equal(JSON.stringify(read.body).includes(added.body.webhook_secret), false, 'the secret never appears again');
    const local = await h.request('POST', path, { token: h.tokens.comms_lead, body: { channel: 'webhook', address: 'http://127.0.0.1:8080/hook' } });
    assert.equal(local.status, 201);
    const twice = await h.request('POST', path, { token: h.tokens.comms_lead, body: { channel: 'webhook', address: 'https://receiver.example/hook' } });
    assert.equal(twice.status, 409);
    const audit = await h.db.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'subscriber').where('entity_id', '=', added.body.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['subscriber.add']);
    assert.equal(JSON.stringify(audit).includes('whsec_'), false);
  });

  it('an unsubscribed person is not subscribed again by an administrator; a pending one may be confirmed by hand', async () => {
    await subscribeJson({ address: 'byhand@example.com' });
    const pending = await subscriber('byhand@example.com');
    const confirmed = await h.request('PATCH', `/api/admin/subscribers/${pending.id}`, { token: h.tokens.comms_lead, body: { state: 'active' }, headers: { 'if-match': `"${pending.version}"` } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.state, 'active');
    await h.request('POST', `/subscriptions/${pending.manage_token}/unsubscribe`, { token: null, rawBody: '', headers: form });
    const again = await h.request('PATCH', `/api/admin/subscribers/${pending.id}`, { token: h.tokens.comms_lead, body: { state: 'active' } });
    assert.equal(again.status, 409);
  });

  it('GDPR erasure: the subscriber and what they follow go; their deliveries keep no address; the audit log never held it', async () => {
    await subscribeJson({ address: 'forget.me@example.com', components: [components.api] });
    const row = await subscriber('forget.me@example.com');
    await h.request('PATCH', `/api/admin/subscribers/${row.id}`, { body: { language: 'fr' } });
    assert.equal((await deliveriesOf(row.id)).length, 1);
    const erased = await h.request('DELETE', `/api/admin/subscribers/${row.id}`, { token: h.tokens.comms_lead });
    assert.equal(erased.status, 204);
    assert.equal((await h.db.db.selectFrom('subscribers').select('id').where('id', '=', row.id).execute()).length, 0);
    assert.equal((await h.db.db.selectFrom('subscriber_components').select('component_id').where('subscriber_id', '=', row.id).execute()).length, 0);
    const deliveries = await deliveriesOf(row.id);
    assert.equal(deliveries.length, 1, 'the delivery is kept for the counts');
    assert.equal(deliveries[0]!.address, '[erased]');
    assert.equal(deliveries[0]!.payload, null);
    assert.equal(deliveries[0]!.state, 'cancelled', 'what had not gone yet does not go');
    const everything = JSON.stringify(await h.db.db.selectFrom('audit_log').selectAll().execute());
    assert.equal(everything.includes('forget.me@example.com'), false);
    assert.equal((await h.request('GET', `/subscriptions/${row.manage_token}`, { token: null })).status, 404);
  });

  it('suppressions: added, listed, refused twice, removed; only those who manage subscribers may change them', async () => {
    assert.equal((await h.request('POST', '/api/admin/suppressions', { token: h.tokens.support, body: { channel: 'email', address: 'x@example.com' } })).status, 403);
    const added = await h.request('POST', '/api/admin/suppressions', { token: h.tokens.comms_lead, body: { channel: 'sms', address: '+33 6 00 00 00 01', detail: 'asked by phone' } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.address, '+33600000001');
    assert.equal(added.body.reason, 'manual');
    assert.equal((await h.request('POST', '/api/admin/suppressions', { body: { channel: 'sms', address: '+33600000001' } })).status, 409);
    const listed = await h.request('GET', '/api/admin/suppressions?channel=sms', { token: h.tokens.support });
    assert.deepEqual(listed.body.suppressions.map((s: any) => s.address), ['+33600000001']);
    assert.equal((await h.request('DELETE', '/api/admin/suppressions?channel=sms&address=%2B33600000001', { token: h.tokens.comms_lead })).status, 204);
    assert.equal((await h.request('DELETE', '/api/admin/suppressions?channel=sms&address=%2B33600000001')).status, 404);
  });

  it('imports a CSV larger than the API\'s 1 MB limit, answering a progress line per 1,000 rows then the report', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `bulk${i}@example.com,en,Public API;DNS,${'x'.repeat(400)}`);
    const csv = `email,language,components,note\n${rows.join('\n')}\n`;
    assert.ok(csv.length > 1_048_576, 'the file is over 1 MB');
    const res = await h.request('POST', `/api/admin/pages/${pageId}/subscribers/import`, { token: h.tokens.comms_lead, rawBody: csv, headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/x-ndjson/);
    const lines = (res.body as string).trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines.map((l) => l.type), ['progress', 'progress', 'progress', 'report']);
    assert.deepEqual(lines.map((l) => l.rows), [1_000, 2_000, 2_500, 2_500]);
    assert.deepEqual({ ...lines.at(-1), errors: undefined }, { type: 'report', rows: 2_500, imported: 2_500, existing: 0, rejected: 0, errors: undefined });
    const plain = await h.request('POST', `/api/admin/pages/${pageId}/subscribers/import`, { token: h.tokens.comms_lead, rawBody: 'email\nbulk1@example.com\nnot-an-address\n', headers: { 'content-type': 'text/csv' } });
    assert.equal(plain.status, 200);
    assert.deepEqual(plain.body, { rows: 2, imported: 0, existing: 1, rejected: 1, errors: [{ row: 3, reason: '"not-an-address" is not an e-mail address: it has no "@".' }] });
    const json = await h.request('POST', `/api/admin/pages/${pageId}/subscribers/import`, { token: h.tokens.comms_lead, body: { email: 'x' } });
    assert.equal(json.status, 400);
    assert.equal(json.body.type, 'https://tocsin.dev/problems/csv-expected');
    assert.equal((await h.request('POST', `/api/admin/pages/${pageId}/subscribers/import`, { token: h.tokens.support, rawBody: 'email\n', headers: { 'content-type': 'text/csv' } })).status, 403);
  });
});
