import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, personName, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { startHttpReceiver, type HttpReceiver } from '../helpers/http-receiver.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { createChatSender } from '../../src/adapters/chat/chat.ts';
import { createLogger } from '../../src/logger.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';

const hour = 3_600_000;

/** Review, approval by a second person, publishing everywhere and live delivery progress, in real browsers. */
describe('console: review, publish everywhere, delivery progress', () => {
  let h: Harness;
  let run: ConsoleRun;
  let smtp: SmtpSink;
  let room: HttpReceiver;
  let incidentId: string;

  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    smtp = await startSmtpSink();
    room = await startHttpReceiver();
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme status', language: 'en', time_zone: 'Europe/Paris' } });
    for (const [address, language] of [['sam@example.test', 'en'], ['lea@example.test', 'fr']]) {
      const added = await h.request('POST', `/api/admin/pages/${page.body.id}/subscribers`, { token: h.tokens.comms_lead, body: { channel: 'email', address, language } });
      assert.equal(added.status, 201, JSON.stringify(added.body));
    }
    const channel = await h.request('POST', '/api/admin/settings/channels', {
      token: h.tokens.comms_lead,
      body: { name: '#customer-care', kind: 'slack', purpose: 'chat', audience: 'customers', target: `${room.url}/hooks/T000/B000/XXXX` },
    });
    assert.equal(channel.status, 201, JSON.stringify(channel.body));
    // The incident opens quietly: the message is the news.
    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Card payments failing', impact: 'major', body: 'We are investigating.', deliver_notifications: false } });
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    incidentId = incident.body.id;
  });
  after(async () => {
    await run?.close();
    await room?.close();
    await smtp?.close();
    await h?.close();
  });

  /** An API call made by the person signed in on the page, with their session: they are its author. */
  async function asPerson(page: Page, method: string, path: string, body?: unknown): Promise<any> {
    const res = await page.evaluate(
      async ({ method, path, body }) => {
        const session = await (await fetch('/api/session/current')).json();
        const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: response.status, body: await response.json() };
      },
      { method, path, body },
    );
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  /** Sends what is due once, as `tocsin worker` would: e-mail to the SMTP sink, chat to the room's receiver. */
  async function runWorkerOnce() {
    const mail = createMailer({ url: smtp.url, from: 'Acme status <status@acme.example>' });
    const logger = createLogger('warn', new Writable({ write: (_chunk, _encoding, callback) => callback() }));
    const worker = await startDispatcher({ db: h.db, logger, senders: { mail, mailDomain: 'acme.example', chat: createChatSender() }, publicUrl: 'https://tocsin.acme.example', fallbackUrl: 'https://status.acme.example', now: h.clock.now, sweepMs: hour });
    await worker.run();
    await worker.stop();
    await mail.close();
  }
  const composerUrl = (messageId: string) => `${run.origin}/incidents/${incidentId}/messages/${messageId}`;
  const approveButton = (page: Page) => page.getByRole('region', { name: 'Review' }).getByRole('button', { name: /^Approve/ });

  it('the author asks for review, legal approves from a second browser, a change shows what moved, the author publishes and follows delivery to 100 %', { timeout: 240_000 }, async () => {
    const author = await run.signIn('comms_lead');
    const message = await asPerson(author.page, 'POST', `/api/admin/incidents/${incidentId}/messages`, { stage: 'first', audiences: ['customers'], languages: ['fr', 'en'], channels: ['status_page', 'email', 'chat'] });
    await author.page.goto(composerUrl(message.id));
    const review = author.page.getByRole('region', { name: 'Review' });
    await review.getByRole('button', { name: 'Ask for review' }).click();
    await review.getByText(`Waiting for review since`).waitFor();
    assert.match(await review.getByText(/Waiting for review since/).innerText(), new RegExp(`asked by ${personName('comms_lead')}`));
    // Four eyes: the author may review, but not approve what they wrote, and is told why.
    assert.equal(await approveButton(author.page).isDisabled(), true);
    assert.match(await author.page.locator(`#${await approveButton(author.page).getAttribute('aria-describedby')}`).innerText(), /You wrote part of this message/);

    const legal = await run.signIn('reviewer');
    await legal.page.goto(composerUrl(message.id));
    const legalReview = legal.page.getByRole('region', { name: 'Review' });
    await legalReview.getByRole('button', { name: 'Approve as it is' }).click();
    await legalReview.getByText('Write why it may go out as it is (at least 10 characters).').waitFor();
    await legalReview.getByLabel('Why it may go out as it is').fill('The slots left to fill are completed by the incident lead before anything else goes out.');
    await legalReview.getByRole('button', { name: 'Approve as it is' }).click();
    await legalReview.getByText('You approved this version.').waitFor();

    await author.page.reload();
    await review.getByText(`Approved by ${personName('reviewer')}`).waitFor();
    const publish = author.page.getByRole('region', { name: 'Publish' });
    assert.equal(await publish.getByRole('button', { name: 'Publish everywhere' }).isEnabled(), true);

    // The author changes the English e-mail after the approval: the review shows what changed, word by word.
    const email = message.variants.find((v: any) => v.language === 'en' && v.channel === 'email');
    await asPerson(author.page, 'PATCH', `/api/admin/messages/${message.id}/variants/${email.id}`, { body: `${email.body}\n\nWe apologise to everyone affected.` });
    await author.page.reload();
    const changes = review.getByRole('region', { name: `What changed since ${personName('reviewer')} approved it` });
    await changes.waitFor();
    assert.equal(await changes.getByRole('heading', { level: 4 }).count(), 1, 'only the version that changed is shown');
    assert.match(await changes.locator('ins').innerText(), /We apologise to everyone affected\./);
    assert.equal(await changes.locator('del').count(), 0);
    assert.equal(await publish.getByRole('button', { name: 'Publish everywhere' }).isDisabled(), true, 'the change voided the approval');
    assert.match(await publish.innerText(), /This version needs an approval first/);
    await screenshot(author.page, 'review-en');
    assert.deepEqual(await accessibilityViolations(author.page), []);

    await legal.page.reload();
    await legalReview.getByRole('region', { name: /What changed since/ }).waitFor();
    await legalReview.getByLabel('Why it may go out as it is').fill('Same slots as before; the apology is welcome.');
    await legalReview.getByRole('button', { name: 'Approve as it is' }).click();
    await legalReview.getByText('You approved this version.').waitFor();
    assert.deepEqual(await accessibilityViolations(legal.page), []);
    await legal.context.close();

    await author.page.reload();
    await review.getByText(`Approved by ${personName('reviewer')}`).waitFor();
    await publish.getByRole('button', { name: 'Publish everywhere' }).click();
    const confirm = author.page.getByRole('dialog', { name: 'Publish everywhere?' });
    // The audiences' names arrive with the workspace's settings, a moment after the counts.
    const emailRow = confirm.getByRole('row', { name: /^E-mail.*\(Customers\)/ });
    await emailRow.waitFor();
    assert.match(await emailRow.innerText(), /Subscribers of the status page \(Customers\)\s*1 in English, 1 in French\s*2/);
    assert.match(await confirm.getByRole('row', { name: /^Team chat/ }).innerText(), /#customer-care[\s\S]*1$/);
    assert.match(await confirm.getByRole('row', { name: /^Status page/ }).innerText(), /Updated at once, in English and French/);
    await confirm.getByText('3 recipients in all.').waitFor();
    assert.match(await confirm.innerText(), /Next update promised\s*by \d\d:\d\d/);
    await screenshot(author.page, 'publish-confirm-en');
    assert.deepEqual(await accessibilityViolations(author.page), []);
    await confirm.getByRole('button', { name: 'Publish now' }).click();

    // Live progress from the server's stream: everything waits until a worker sends it.
    const delivery = author.page.getByRole('region', { name: 'Delivery' });
    await delivery.getByText('Delivered to 0 of 3 recipients').waitFor();
    await author.page.waitForFunction(() => Number(document.querySelector('[data-samples]')?.getAttribute('data-samples')) >= 2);
    room.script({ status: 400, body: 'invalid_payload' });
    await runWorkerOnce();
    await author.page.waitForFunction(() => document.querySelector('[data-percent]')?.getAttribute('data-percent') === '100');
    assert.equal(await delivery.getByRole('progressbar', { name: 'E-mail' }).getAttribute('aria-valuenow'), '100');
    const dead = delivery.getByRole('region', { name: 'Could not be delivered' });
    const refused = dead.getByRole('row', { name: /Team chat/ });
    await refused.waitFor();
    assert.match(await refused.innerText(), /Refused[\s\S]*invalid_payload/);
    assert.deepEqual(smtp.received.map((mail) => mail.rawHeaders.get('content-language')).sort(), ['en', 'fr'], 'each subscriber in their language');

    // The room is fixed: trying again delivers the last one, and the stream picks up again.
    await dead.getByRole('button', { name: /^Try again/ }).click();
    await delivery.getByText('1 delivery sent back to the queue.').waitFor();
    await runWorkerOnce();
    await delivery.getByText('Delivered to 3 of 3 recipients').waitFor();
    await delivery.getByText('All deliveries are done.', { exact: true }).first().waitFor();
    assert.equal(await delivery.getByRole('progressbar', { name: 'Team chat' }).getAttribute('aria-valuenow'), '100');
    assert.equal(room.requests.length, 2, 'the room got the message again when asked, once');
    assert.equal(smtp.received.length, 2, 'nobody got the e-mail twice');
    await screenshot(author.page, 'delivery-progress-en');
    assert.deepEqual(await accessibilityViolations(author.page), []);

    await author.page.getByRole('button', { name: 'Français' }).click();
    const livraison = author.page.getByRole('region', { name: 'Envois' });
    await livraison.getByText('Reçu par 3 destinataires sur 3').waitFor();
    await livraison.getByRole('progressbar', { name: 'E-mail' }).waitFor();
    await screenshot(author.page, 'delivery-progress-fr');
    assert.deepEqual(await accessibilityViolations(author.page), []);
    await author.context.close();
  });

  it('an incident lead publishes without review by giving a reason, clearly marked; others do not see that path', { timeout: 120_000 }, async () => {
    const message = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, { token: h.tokens.comms_lead, body: { stage: 'update', audiences: ['customers'], languages: ['en'], channels: ['status_page'] } });
    assert.equal(message.status, 201, JSON.stringify(message.body));
    await h.request('PATCH', `/api/admin/messages/${message.body.id}`, { token: h.tokens.comms_lead, body: { notify_subscribers: false } });
    const comms = await run.signIn('comms_lead');
    await comms.page.goto(composerUrl(message.body.id));
    const publish = comms.page.getByRole('region', { name: 'Publish' });
    await publish.getByText('This version needs an approval first.').waitFor();
    assert.equal(await publish.getByRole('button', { name: 'Publish everywhere' }).isDisabled(), true);
    assert.equal(await publish.getByRole('button', { name: /without review/ }).count(), 0, 'only incident leads may skip review');
    await comms.context.close();

    // On a tablet, in the dark.
    const lead = await run.signIn('incident_lead', { viewport: { width: 768, height: 1024 } });
    await lead.page.emulateMedia({ colorScheme: 'dark' });
    await lead.page.goto(composerUrl(message.body.id));
    const leadPublish = lead.page.getByRole('region', { name: 'Publish' });
    await leadPublish.getByRole('button', { name: 'Publish without review…' }).click();
    const dialog = lead.page.getByRole('dialog', { name: 'Publish without review?' });
    await dialog.getByRole('button', { name: 'Publish without review' }).click();
    await dialog.getByText('Write why it cannot wait (at least 10 characters).').waitFor();
    assert.deepEqual(await accessibilityViolations(lead.page), []);
    await screenshot(lead.page, 'publish-emergency-tablet-dark');
    await dialog.getByLabel('Why it cannot wait for review').fill('Payments are down for everyone and legal cannot be reached.');
    await dialog.getByRole('button', { name: 'Publish without review' }).click();
    await leadPublish.getByText('Published without review. Reason: Payments are down for everyone and legal cannot be reached.').waitFor();
    await leadPublish.getByText('Nothing to deliver: only the status page changed.').waitFor();
    assert.deepEqual(await accessibilityViolations(lead.page), []);
    await lead.context.close();
  });

  it('refuses in plain words when the promised next update passed while the confirmation was open', { timeout: 120_000 }, async () => {
    const message = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, { token: h.tokens.comms_lead, body: { stage: 'update', audiences: ['customers'], languages: ['en'], channels: ['status_page'] } });
    await h.request('PATCH', `/api/admin/messages/${message.body.id}`, { token: h.tokens.comms_lead, body: { notify_subscribers: false } });
    const approved = await h.request('POST', `/api/admin/messages/${message.body.id}/approvals`, { token: h.tokens.reviewer, body: { override_reason: 'Checked with the incident lead by phone.' } });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(composerUrl(message.body.id));
    await page.getByRole('region', { name: 'Publish' }).getByRole('button', { name: 'Publish everywhere' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish everywhere?' });
    await confirm.getByText('Nobody receives it by e-mail, text message or chat: only the status page changes.').waitFor();
    await confirm.getByText(/Subscribers are not notified/).waitFor();
    h.clock.advance(3 * hour);
    await confirm.getByRole('button', { name: 'Publish now' }).click();
    const refusal = confirm.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Not published\. The next update time the message announces has passed/);
    const still = await h.request('GET', `/api/admin/messages/${message.body.id}`);
    assert.equal(still.body.state, 'in_review', 'nothing went out');
    await context.close();
  });
});
