import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { buildSnapshot } from '../../src/services/status-page/build-snapshot.ts';

const minute = 60_000;

describe('messages through the admin API', () => {
  let h: Harness;
  let pagesCreated = false;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  async function incident(body: Record<string, unknown> = {}) {
    const component = await h.request('POST', '/api/admin/components', { body: { name: `Card payments ${Math.random().toString(36).slice(2, 6)}` } });
    const res = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Card payments failing', impact: 'major', body: 'We are investigating.', component_ids: [component.body.id], ...body },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; component_ids: string[] };
  }
  /** What the fact sheet knows, written as the fact-sheet API would. */
  async function know(incidentId: string, text: string, language: 'fr' | 'en') {
    const at = h.clock.now();
    await h.db.db
      .insertInto('fact_entries')
      .values({ workspace_id: h.workspaceId, id: Math.random().toString(36).slice(2, 14).padEnd(12, '0'), incident_id: incidentId, kind: 'known', text, noted_at: at, language, author_type: 'system', author_name: 'test', created_at: at, updated_at: at })
      .execute();
  }
  async function knownIncident(body: Record<string, unknown> = {}) {
    const created = await incident(body);
    await know(created.id, 'Les paiements par carte sont refusés pour une partie de nos clients.', 'fr');
    await know(created.id, 'Card payments are declined for some of our customers.', 'en');
    return created;
  }
  async function draft(incidentId: string, body: Record<string, unknown> = {}, token = h.tokens.comms_lead) {
    const res = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, {
      token,
      body: { stage: 'first', audiences: ['customers'], languages: ['fr', 'en'], channels: ['status_page', 'email', 'sms'], ...body },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const approve = (messageId: string, body?: unknown, token = h.tokens.reviewer) => h.request('POST', `/api/admin/messages/${messageId}/approvals`, { token, body: body ?? {} });
  const publish = (messageId: string, token = h.tokens.comms_lead) => h.request('POST', `/api/admin/messages/${messageId}/publish`, { token });
  const variantOf = (message: any, language: string, channel: string, audience = 'customers') =>
    message.variants.find((v: any) => v.language === language && v.channel === channel && v.audience === audience);
  async function withFourEyes(fourEyes: boolean, run: () => Promise<void>) {
    await h.db.db
      .insertInto('comms_settings')
      .values({ workspace_id: h.workspaceId, audiences: JSON.stringify([{ id: 'customers', name: { fr: 'Clients', en: 'Customers' }, lay: true, readability_min: null }]), cadence: JSON.stringify({ critical: 30, major: 60, minor: 90, none: 90 }), four_eyes: fourEyes })
      .execute();
    try {
      await run();
    } finally {
      await h.db.db.deleteFrom('comms_settings').where('workspace_id', '=', h.workspaceId).execute();
    }
  }
  async function pages() {
    if (pagesCreated) return;
    for (const language of ['fr', 'en']) {
      const res = await h.request('POST', '/api/admin/pages', { body: { slug: `status-${language}`, name: `Status ${language}`, language, time_zone: 'Europe/Paris' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    pagesCreated = true;
  }
  /** A confirmed subscriber of a page, as the subscription flow leaves one. */
  async function subscriber(pageSlug: string, channel: 'email' | 'sms' | 'webhook', address: string, language: 'fr' | 'en', options: { state?: 'pending' | 'active'; components?: string[] } = {}) {
    const page = await h.db.db.selectFrom('status_pages').select('id').where('workspace_id', '=', h.workspaceId).where('slug', '=', pageSlug).executeTakeFirstOrThrow();
    const id = Math.random().toString(36).slice(2, 14).padEnd(12, '0');
    await h.db.db
      .insertInto('subscribers')
      .values({ workspace_id: h.workspaceId, id, page_id: page.id, channel, address, language, state: options.state ?? 'active', all_components: !options.components, manage_token: `token-${id}`, source: 'admin' })
      .execute();
    for (const component of options.components ?? []) await h.db.db.insertInto('subscriber_components').values({ workspace_id: h.workspaceId, subscriber_id: id, component_id: component }).execute();
    return id;
  }

  it('a message for 2 audiences × 2 languages × 3 channels has 12 variants written from the fact sheet', async () => {
    h.clock.set('2026-03-10T14:00:00Z');
    const { id } = await knownIncident();
    const message = await draft(id, { audiences: ['customers', 'partners'], languages: ['fr', 'en'], channels: ['status_page', 'email', 'sms'] });
    assert.equal(message.variants.length, 12);
    assert.equal(message.state, 'draft');
    assert.equal(message.review_state, 'draft');
    for (const variant of message.variants) {
      assert.ok(!variant.body.includes('{{') && !(variant.subject ?? '').includes('{{'), `${variant.channel} ${variant.language}: ${variant.body}`);
      assert.ok(!variant.body.includes('[à compléter') && !variant.body.includes('[to fill'), variant.body);
      assert.deepEqual(variant.findings.filter((f: any) => f.severity === 'error'), [], `${variant.audience} ${variant.channel} ${variant.language}`);
    }
    const fr = variantOf(message, 'fr', 'status_page');
    assert.match(fr.body, /^Depuis 15 h, nos clients rencontrent un incident sur Card payments/);
    assert.match(fr.body, /Les paiements par carte sont refusés pour une partie de nos clients\./);
    assert.match(fr.body, /Prochain point à 16 h\.$/);
    const en = variantOf(message, 'en', 'status_page');
    assert.match(en.body, /Card payments are declined for some of our customers\./);
    assert.match(en.body, /Next update at 4 pm\.$/);
    assert.ok(variantOf(message, 'fr', 'email').subject.startsWith('Incident en cours : '));
    assert.equal(variantOf(message, 'fr', 'sms').subject, null);
  });

  it('what the fact sheet does not know stays visibly marked, and the marker is an error finding', async () => {
    const { id } = await incident();
    const message = await draft(id, { languages: ['fr', 'en'], channels: ['status_page'] });
    const fr = variantOf(message, 'fr', 'status_page');
    const marker = '[à compléter : ce qui se passe]';
    assert.ok(fr.body.includes(marker), fr.body);
    const finding = fr.findings.find((f: any) => f.rule === 'unfilled-placeholder');
    assert.equal(finding.severity, 'error');
    assert.equal(fr.body.slice(finding.start, finding.end), marker);
    assert.ok(variantOf(message, 'en', 'status_page').body.includes('[to fill: what is happening]'));
    const closing = await draft(id, { stage: 'closing', languages: ['en'], channels: ['status_page'] });
    assert.ok(closing.variants[0].body.includes('[to fill: cause]'));
    assert.equal(closing.next_update_at, null);
  });

  it('a workspace template wins over the built-in one for its slot, an audience\'s own over one for any audience', async () => {
    const template = (id: string, audience: string | null, body: string) =>
      h.db.db.insertInto('message_templates').values({ workspace_id: h.workspaceId, id, stage: 'update', language: 'fr', channel: 'sms', audience, subject: null, body }).execute();
    await template('tplany000001', null, 'Acme : incident sur {{components}}, nos équipes sont mobilisées. Prochain point à {{next_update}}. {{advice}}');
    await template('tplpartner01', 'partners', 'Partenaires : {{components}} perturbé. Prochain point à {{next_update}}.');
    try {
      h.clock.set('2026-03-10T14:00:00Z');
      const { id } = await knownIncident();
      const message = await draft(id, { stage: 'update', audiences: ['customers', 'partners'], languages: ['fr'], channels: ['sms'] });
      assert.match(variantOf(message, 'fr', 'sms').body, /^Acme : incident sur Card payments \w+, nos équipes sont mobilisées\. Prochain point à 16 h\. \[à compléter : conseils aux personnes\]$/);
      assert.match(variantOf(message, 'fr', 'sms', 'partners').body, /^Partenaires : Card payments \w+ perturbé\. Prochain point à 16 h\.$/);
    } finally {
      await h.db.db.deleteFrom('message_templates').where('workspace_id', '=', h.workspaceId).execute();
    }
  });

  it('the default next update follows the cadence of the incident\'s impact', async () => {
    h.clock.set('2026-03-10T14:00:00Z');
    for (const [impact, minutes] of [['critical', 30], ['major', 60], ['minor', 90]] as const) {
      const { id } = await incident({ impact });
      const message = await draft(id, { channels: ['status_page'] });
      assert.equal(message.next_update_at, new Date(Date.parse('2026-03-10T14:00:00Z') + minutes * minute).toISOString(), impact);
    }
    const { id } = await incident();
    const resolved = await draft(id, { stage: 'resolved', channels: ['status_page'] });
    assert.equal(resolved.next_update_at, null, 'a resolved message promises no next update');
    const past = await h.request('POST', `/api/admin/incidents/${id}/messages`, { token: h.tokens.comms_lead, body: { stage: 'update', audiences: ['customers'], languages: ['en'], channels: ['sms'], next_update_at: '2026-03-10T13:00:00Z' } });
    assert.equal(past.status, 400);
    assert.equal(past.body.errors[0].pointer, '/next_update_at');
  });

  it('an edit after approval voids it: the message is back in review and the approval is history', async () => {
    const { id } = await knownIncident();
    const message = await draft(id);
    const approved = await approve(message.id);
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    assert.equal(approved.body.review_state, 'approved');
    const fr = variantOf(message, 'fr', 'status_page');
    const stale = await h.request('PATCH', `/api/admin/messages/${message.id}/variants/${fr.id}`, { token: h.tokens.comms_lead, headers: { 'if-match': '"7"' }, body: { body: 'x' } });
    assert.equal(stale.status, 412);
    const edited = await h.request('PATCH', `/api/admin/messages/${message.id}/variants/${fr.id}`, {
      token: h.tokens.comms_lead,
      headers: { 'if-match': `"${fr.version}"` },
      body: { body: `${fr.body.replace('Prochain point', 'Nous vous tiendrons informés. Prochain point')}` },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.headers.get('etag'), `"${fr.version + 1}"`);
    assert.equal(edited.body.approval_voided, true);
    assert.equal(edited.body.message.review_state, 'in_review');
    assert.notEqual(edited.body.message.content_hash, approved.body.content_hash);
    const fetched = await h.request('GET', `/api/admin/messages/${message.id}`, { token: h.tokens.viewer });
    assert.equal(fetched.body.review_state, 'in_review');
    assert.equal(fetched.body.reviews.find((r: any) => r.kind === 'approve').current, false);
    assert.equal((await publish(message.id)).status, 409, 'an approval of other content does not publish this one');
  });

  it('four-eyes: the author\'s own approval does not count, another reviewer\'s does', async () => {
    const { id } = await knownIncident();
    const message = await draft(id);
    const own = await approve(message.id, {}, h.tokens.comms_lead);
    assert.equal(own.status, 409);
    assert.equal(own.body.type, 'https://tocsin.dev/problems/four-eyes');
    assert.equal((await h.request('GET', `/api/admin/messages/${message.id}`)).body.review_state, 'draft');
    const other = await approve(message.id, {}, h.tokens.reviewer);
    assert.equal(other.body.review_state, 'approved');
  });

  it('four-eyes off: the author may approve their own message', async () => {
    await withFourEyes(false, async () => {
      const { id } = await knownIncident();
      const message = await draft(id);
      assert.equal(message.four_eyes, false);
      const own = await approve(message.id, {}, h.tokens.comms_lead);
      assert.equal(own.status, 201, JSON.stringify(own.body));
      assert.equal(own.body.review_state, 'approved');
    });
  });

  it('a later request for changes wins over an earlier approval of the same content', async () => {
    const { id } = await knownIncident();
    const message = await draft(id);
    await approve(message.id);
    const missing = await h.request('POST', `/api/admin/messages/${message.id}/change-requests`, { token: h.tokens.owner, body: {} });
    assert.equal(missing.status, 400, 'a request for changes says which');
    const changes = await h.request('POST', `/api/admin/messages/${message.id}/change-requests`, { token: h.tokens.owner, body: { comment: 'Say which regions are affected.', variant_id: message.variants[0].id } });
    assert.equal(changes.status, 201);
    assert.equal(changes.body.review_state, 'changes_requested');
    assert.equal((await publish(message.id)).status, 409);
  });

  it('an error finding blocks approval without a reason and passes with one, recorded', async () => {
    const { id } = await knownIncident();
    const message = await draft(id, { languages: ['fr'], channels: ['status_page'] });
    const variant = message.variants[0];
    const edited = await h.request('PATCH', `/api/admin/messages/${message.id}/variants/${variant.id}`, { token: h.tokens.comms_lead, body: { body: 'Les paiements par carte sont refusés pour nos clients. Nos équipes sont mobilisées.' } });
    assert.ok(edited.body.findings.some((f: any) => f.rule === 'missing-next-update' && f.severity === 'error'));
    const refused = await approve(message.id);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.type, 'https://tocsin.dev/problems/blocking-findings');
    assert.ok(refused.body.errors.some((e: any) => e.pointer === `/variants/${variant.id}/body` && e.detail.startsWith('missing-next-update')), JSON.stringify(refused.body));
    const shortReason = await approve(message.id, { override_reason: 'ok' });
    assert.equal(shortReason.status, 400);
    const overridden = await approve(message.id, { override_reason: 'The time is given in the SMS sent at the same moment.' });
    assert.equal(overridden.status, 201, JSON.stringify(overridden.body));
    assert.equal(overridden.body.review_state, 'approved');
    const review = overridden.body.reviews.find((r: any) => r.kind === 'approve');
    assert.equal(review.override_reason, 'The time is given in the SMS sent at the same moment.');
    assert.deepEqual(review.overridden_rules, ['missing-next-update']);
  });

  it('a fact sheet that moved after the approval stops the publish with the new finding, and loses nothing', async () => {
    const { id } = await incident();
    const message = await draft(id, { languages: ['en'], channels: ['status_page'] });
    const variant = message.variants[0];
    const text = 'Since 3 pm, about 1,000 customers cannot pay by card. Our teams are restoring the service. Next update at 4:30 pm.';
    const edited = await h.request('PATCH', `/api/admin/messages/${message.id}/variants/${variant.id}`, { token: h.tokens.comms_lead, body: { body: text } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const known = await h.request('POST', `/api/admin/incidents/${id}/facts/entries`, { token: h.tokens.incident_lead, body: { kind: 'known', text: 'About 1,000 card payments fail', source: 'payments team', figures: { affected_people: 1000 } } });
    assert.equal(known.status, 201, JSON.stringify(known.body));
    const approved = await approve(message.id);
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    assert.equal(approved.body.review_state, 'approved');
    // Meanwhile the payments team counts again.
    const recount = await h.request('POST', `/api/admin/incidents/${id}/facts/entries`, { token: h.tokens.incident_lead, body: { kind: 'known', text: 'About 120,000 card payments fail', source: 'payments team', figures: { affected_people: 120000 } } });
    assert.equal(recount.status, 201);
    const stopped = await publish(message.id);
    assert.equal(stopped.status, 409, JSON.stringify(stopped.body));
    assert.equal(stopped.body.type, 'https://tocsin.dev/problems/findings-since-approval');
    assert.ok(stopped.body.errors.some((e: any) => e.pointer === `/variants/${variant.id}/body` && e.detail.startsWith('contradiction')), JSON.stringify(stopped.body));
    // Nothing went out, nothing was lost: the message and its approval are as they were.
    const after = await h.request('GET', `/api/admin/messages/${message.id}`, { token: h.tokens.comms_lead });
    assert.equal(after.body.review_state, 'approved');
    assert.equal(after.body.variants[0].body, text);
    const sheet = await h.request('GET', `/api/admin/incidents/${id}/facts`);
    assert.equal(sheet.body.said.length, 0);
    // A reviewer who reads the new figure and lets it go anyway says why; then it publishes.
    const again = await approve(message.id, { override_reason: 'The 120,000 count is being checked; 1,000 is what we can confirm to customers.' });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    const published = await publish(message.id);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.review_state, 'published');
  });

  it('publish puts the French text on the French page and the English text on the English page, one delivery per subscriber in their language, all in the fact sheet', async () => {
    await pages();
    h.clock.set('2026-03-10T14:00:00Z');
    const { id, component_ids } = await knownIncident();
    const elsewhere = (await h.request('POST', '/api/admin/components', { body: { name: 'Mobile app' } })).body.id;
    await subscriber('status-fr', 'email', 'lea@example.test', 'fr', { components: [component_ids[0]!, elsewhere] });
    await subscriber('status-en', 'email', 'lea@example.test', 'fr', { components: [component_ids[0]!] });
    await subscriber('status-en', 'email', 'sam@example.test', 'en');
    await subscriber('status-en', 'email', 'other-component@example.test', 'en', { components: [elsewhere] });
    await subscriber('status-en', 'email', 'not-confirmed@example.test', 'en', { state: 'pending' });
    await subscriber('status-fr', 'email', 'bounced@example.test', 'fr');
    await h.db.db.insertInto('suppressions').values({ workspace_id: h.workspaceId, channel: 'email', address: 'bounced@example.test', reason: 'bounce' }).execute();
    await subscriber('status-fr', 'sms', '+33612345678', 'fr');
    await subscriber('status-en', 'webhook', 'https://hooks.example.test/status', 'en');
    const message = await draft(id);
    await h.request('POST', `/api/admin/messages/${message.id}/review-requests`, { token: h.tokens.comms_lead, body: { note: 'First message, please check.' } });
    assert.equal((await approve(message.id)).status, 201);
    h.clock.advance(5 * minute);
    const published = await publish(message.id);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const fr = variantOf(message, 'fr', 'status_page');
    const en = variantOf(message, 'en', 'status_page');
    assert.equal(published.body.state, 'published');
    assert.equal(published.body.review_state, 'published');
    assert.equal(published.body.emergency, false);
    assert.equal(published.body.published_by_name, 'token comms_lead token');
    assert.deepEqual(published.body.incident_update.bodies, { fr: fr.body, en: en.body });
    assert.equal(published.body.incident_update.body, en.body, 'the workspace\'s default language is the fallback');
    assert.equal(published.body.incident_update.message_id, message.id);
    assert.equal(published.body.incident_update.status, 'investigating');
    assert.equal(published.body.incident_update_id, published.body.incident_update.id);

    for (const page of (await h.request('GET', '/api/admin/pages')).body.pages) {
      const snapshot = await h.db.transaction((tx) => buildSnapshot({ db: tx, workspaceId: h.workspaceId, pageId: page.id, now: h.clock.now(), fallbackUrl: 'http://localhost:3001' }));
      const shown = snapshot.incidents.find((i) => i.id === id)!;
      assert.equal(shown.updates[0]!.body, page.language === 'fr' ? fr.body : en.body);
      assert.equal(shown.nextUpdateAt?.toISOString(), message.next_update_at);
    }

    const deliveries = await h.db.db.selectFrom('deliveries').selectAll().where('message_id', '=', message.id).orderBy('address').execute();
    const variantOfId = new Map(message.variants.map((v: any) => [v.id, `${v.channel}:${v.language}`]));
    assert.deepEqual(
      deliveries.map((d) => `${d.channel} ${d.address} ${variantOfId.get(d.variant_id!)}`),
      [
        'sms +33612345678 sms:fr',
        'webhook https://hooks.example.test/status status_page:en',
        'email lea@example.test email:fr',
        'email sam@example.test email:en',
      ].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)),
      'each subscriber once, in their language; the suppressed, the pending and those following other components get nothing',
    );
    assert.ok(deliveries.every((d) => d.state === 'pending' && d.kind === 'message'));
    assert.deepEqual(published.body.deliveries, { email: 2, sms: 1, webhook: 1 });
    const said = await h.db.db.selectFrom('fact_entries').selectAll().where('incident_id', '=', id).where('kind', '=', 'said').execute();
    assert.deepEqual(said.map((s) => s.variant_id).sort(), message.variants.map((v: any) => v.id).sort());
    const email = variantOf(message, 'fr', 'email');
    assert.equal(said.find((s) => s.variant_id === email.id)!.text, `${email.subject}\n\n${email.body}`);
    const promises = await h.db.db.selectFrom('fact_entries').selectAll().where('incident_id', '=', id).where('kind', '=', 'promised').execute();
    assert.equal(promises.length, 1);
    assert.equal(promises[0]!.state, 'pending');
    assert.equal(promises[0]!.promise_kind, 'next_update');
    assert.equal(promises[0]!.due_at?.toISOString(), message.next_update_at);
    assert.equal(promises[0]!.text, 'Next update at 4 pm');

    const again = await publish(message.id);
    assert.equal(again.status, 409);
    assert.equal(again.body.type, 'https://tocsin.dev/problems/message-already-published');
    assert.equal((await h.db.db.selectFrom('deliveries').select('id').where('message_id', '=', message.id).execute()).length, 4, 'nothing goes out twice');
    const edit = await h.request('PATCH', `/api/admin/messages/${message.id}/variants/${fr.id}`, { token: h.tokens.comms_lead, body: { body: 'Changed after the fact.' } });
    assert.equal(edit.status, 409, 'a published message no longer changes');
  });

  it('the next publish settles the previous promise: kept when on time, broken when late', async () => {
    h.clock.set('2026-03-10T14:00:00Z');
    const { id } = await knownIncident();
    const promiseStates = async () =>
      (await h.db.db.selectFrom('fact_entries').select(['state', 'due_at']).where('incident_id', '=', id).where('kind', '=', 'promised').orderBy('created_at').execute()).map((p) => p.state);
    const publishUpdate = async (stage: string) => {
      const message = await draft(id, { stage, channels: ['status_page'] });
      assert.equal((await approve(message.id)).status, 201);
      const res = await publish(message.id);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    await publishUpdate('first');
    assert.deepEqual(await promiseStates(), ['pending']);
    h.clock.advance(40 * minute);
    const onTime = await publishUpdate('identified');
    assert.deepEqual(onTime.settled_promises, { kept: 1, broken: 0 });
    assert.equal(onTime.incident_update.status, 'identified');
    assert.deepEqual(await promiseStates(), ['kept', 'pending']);
    h.clock.advance(75 * minute);
    const late = await publishUpdate('update');
    assert.deepEqual(late.settled_promises, { kept: 0, broken: 1 });
    assert.deepEqual(await promiseStates(), ['kept', 'broken', 'pending']);
    const resolved = await publishUpdate('resolved');
    assert.equal(resolved.incident_update.status, 'resolved');
    assert.equal(resolved.promise_id, null);
    assert.deepEqual(await promiseStates(), ['kept', 'broken', 'kept']);
  });

  it('a message without a status-page variant publishes to the other channels only', async () => {
    const { id } = await knownIncident();
    const message = await draft(id, { channels: ['email', 'sms'] });
    await approve(message.id);
    const published = await publish(message.id);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.incident_update, null);
    assert.deepEqual(published.body.deliveries, { email: 1, sms: 1 }, 'of the earlier test\'s subscribers, only those who follow every component: this incident is on a new one');
    const incident = await h.request('GET', `/api/admin/incidents/${id}`);
    assert.equal(incident.body.updates.length, 1, 'the status page shows nothing new');
  });

  it('a reviewer cannot publish, support cannot write, a viewer cannot approve', async () => {
    const { id } = await knownIncident();
    const denied = await h.request('POST', `/api/admin/incidents/${id}/messages`, { token: h.tokens.support, body: { stage: 'first', audiences: ['customers'], languages: ['fr'], channels: ['sms'] } });
    assert.equal(denied.status, 403);
    const message = await draft(id);
    assert.equal((await approve(message.id, {}, h.tokens.viewer)).status, 403);
    await approve(message.id);
    assert.equal((await publish(message.id, h.tokens.reviewer)).status, 403);
    assert.equal((await h.request('PATCH', `/api/admin/messages/${message.id}/variants/${message.variants[0].id}`, { token: h.tokens.support, body: { body: 'x' } })).status, 403);
    assert.equal((await h.request('POST', `/api/admin/messages/${message.id}/comments`, { token: h.tokens.support, body: { body: 'x' } })).status, 403);
    assert.equal((await h.request('POST', `/api/admin/messages/${message.id}/comments`, { token: h.tokens.incident_lead, body: { body: 'x' } })).status, 403, 'comments are the reviewers\' (an author edits)');
    const comment = await h.request('POST', `/api/admin/messages/${message.id}/comments`, { token: h.tokens.reviewer, body: { body: 'Fine by legal.', variant_id: message.variants[0].id } });
    assert.equal(comment.status, 201);
    assert.equal(comment.body.review_state, 'approved', 'a comment neither approves nor blocks');
    assert.equal((await h.request('GET', `/api/admin/messages/${message.id}`, { token: h.tokens.support })).status, 200, 'support reads the scripts');
  });

  it('emergency publish: the incident lead alone, with a reason, skips review and is flagged', async () => {
    const { id } = await knownIncident();
    const message = await draft(id, { channels: ['status_page', 'sms'] });
    const path = `/api/admin/messages/${message.id}/emergency-publish`;
    assert.equal((await h.request('POST', path, { token: h.tokens.comms_lead, body: { reason: 'The outage is spreading, no reviewer reachable.' } })).status, 403);
    const noReason = await h.request('POST', path, { token: h.tokens.incident_lead, body: {} });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].pointer, '/reason');
    assert.equal((await publish(message.id)).status, 409, 'not approved');
    const published = await h.request('POST', path, { token: h.tokens.incident_lead, body: { reason: 'The outage is spreading, no reviewer reachable.' } });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.emergency, true);
    assert.equal(published.body.emergency_reason, 'The outage is spreading, no reviewer reachable.');
    assert.equal(published.body.state, 'published');
    assert.ok(published.body.incident_update);
    const audit = await h.db.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'message').where('entity_id', '=', message.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['message.create', 'message.emergency_publish']);
    assert.equal((audit[1]!.after as any).emergency, true);
  });

  it('every change to a message is audited, and none of them marks the public pages stale on its own', async () => {
    await pages();
    const { id } = await knownIncident();
    const message = await draft(id, { channels: ['status_page'] });
    const variant = message.variants[0];
    await h.request('PATCH', `/api/admin/messages/${message.id}/variants/${variant.id}`, { token: h.tokens.comms_lead, body: { body: variant.body } });
    await h.request('POST', `/api/admin/messages/${message.id}/variants`, { token: h.tokens.comms_lead, body: { audience: 'customers', language: 'fr', channel: 'social', network: 'mastodon' } });
    const added = (await h.request('GET', `/api/admin/messages/${message.id}`)).body.variants.find((v: any) => v.channel === 'social');
    assert.equal(added.network, 'mastodon');
    assert.equal((await h.request('POST', `/api/admin/messages/${message.id}/variants`, { token: h.tokens.comms_lead, body: { audience: 'customers', language: 'fr', channel: 'social' } })).status, 409);
    assert.equal((await h.request('DELETE', `/api/admin/messages/${message.id}/variants/${added.id}`, { token: h.tokens.comms_lead })).status, 204);
    await h.request('POST', `/api/admin/messages/${message.id}/comments`, { token: h.tokens.comms_lead, body: { body: 'Ready.' } });
    const actions = (await h.db.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'message').where('entity_id', '=', message.id).orderBy('id').execute()).map((a) => a.action);
    assert.deepEqual(actions, ['message.create', 'message.edit_variant', 'message.add_variant', 'message.remove_variant', 'message.comment']);
    const journal = await h.db.db.selectFrom('public_changes').select('entity_type').where('entity_type', '=', 'message').execute();
    assert.deepEqual(journal, []);
  });

  it('moving the next update rewrites the announced time in every variant and voids the approval', async () => {
    h.clock.set('2026-03-10T14:00:00Z');
    const { id } = await knownIncident();
    const message = await draft(id, { channels: ['status_page', 'sms'] });
    const approved = (await approve(message.id)).body;
    assert.equal(approved.review_state, 'approved');
    const stale = await h.request('PATCH', `/api/admin/messages/${message.id}`, { token: h.tokens.comms_lead, headers: { 'if-match': `"${message.version}"` }, body: { next_update_at: '2026-03-10T15:30:00Z' } });
    assert.equal(stale.status, 412, 'the approval moved the message into review');
    const moved = await h.request('PATCH', `/api/admin/messages/${message.id}`, { token: h.tokens.comms_lead, headers: { 'if-match': `"${approved.version}"` }, body: { next_update_at: '2026-03-10T15:30:00Z' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.next_update_at, '2026-03-10T15:30:00.000Z');
    assert.match(variantOf(moved.body, 'fr', 'status_page').body, /Prochain point à 16 h 30\.$/);
    assert.match(variantOf(moved.body, 'en', 'sms').body, /Next update at 4:30 pm\.$/);
    assert.equal(moved.body.review_state, 'in_review');
    assert.ok(moved.body.variants.every((v: any) => v.editor.name === 'token comms_lead token'));
    const past = await h.request('PATCH', `/api/admin/messages/${message.id}`, { token: h.tokens.comms_lead, body: { next_update_at: '2026-03-10T13:00:00Z' } });
    assert.equal(past.status, 400);
  });

  it('the lint endpoint answers findings with their ranges, against the incident\'s facts', async () => {
    const { id } = await knownIncident();
    const text = 'Nous subissons une panne majeure.';
    const res = await h.request('POST', '/api/admin/lint', { token: h.tokens.viewer, body: { text, language: 'fr', stage: 'update', audience: 'customers', channel: 'status_page', incident_id: id, next_update_at: '2026-03-10T15:30:00Z' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const alarmist = res.body.findings.find((f: any) => f.rule === 'alarmist-label');
    assert.equal(text.slice(alarmist.start, alarmist.end), 'panne majeure');
    const next = res.body.findings.find((f: any) => f.rule === 'missing-next-update');
    assert.equal(next.severity, 'error');
    assert.equal(next.start, text.length);
    assert.equal(next.suggestion, ' Prochain point à 16 h 30.');
    const bad = await h.request('POST', '/api/admin/lint', { body: { text, language: 'de', stage: 'draft', audience: 'customers', channel: 'fax' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(bad.body.errors.map((e: any) => e.pointer).sort(), ['/channel', '/language', '/stage']);
    const unknown = await h.request('POST', '/api/admin/lint', { body: { text, language: 'fr', stage: 'update', audience: 'customers', channel: 'sms', incident_id: 'zzzzzzzzzzzz' } });
    assert.equal(unknown.status, 404);
  });

  it('the message endpoints are in the OpenAPI document with their permissions', async () => {
    const doc = (await h.request('GET', '/api/openapi.json', { token: null })).body;
    assert.equal(doc.paths['/api/admin/messages/{messageId}/publish'].post['x-tocsin-permission'], 'message.publish');
    assert.equal(doc.paths['/api/admin/messages/{messageId}/emergency-publish'].post['x-tocsin-permission'], 'message.publish_emergency');
    assert.equal(doc.paths['/api/admin/lint'].post['x-tocsin-permission'], 'incident.read');
    assert.ok(doc.paths['/api/admin/incidents/{id}/messages'].post.requestBody);
  });
});
