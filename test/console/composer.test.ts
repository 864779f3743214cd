import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';
import { lintVariant } from '../../src/domain/message/lint-variant.ts';

/** Writing a message in the composer: versions, findings underlined as one types, fixes, previews, conflicts. */
describe('console: the composer', () => {
  let h: Harness;
  let run: ConsoleRun;
  let incidentId: string;
  let messageId: string;

  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    const component = await h.request('POST', '/api/admin/components', { body: { name: 'Customer accounts' } });
    const incident = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Customer data exposed', impact: 'critical', body: 'We are investigating an unauthorised access.', component_ids: [component.body.id] },
    });
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    incidentId = incident.body.id;
    const breach = await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } });
    assert.equal(breach.status, 200, JSON.stringify(breach.body));
    const known = await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, {
      token: h.tokens.comms_lead,
      body: { kind: 'known', text: 'The e-mail addresses of 120,000 customers were exposed.', source: 'Security team', figures: { affected_people: 120_000 } },
    });
    assert.equal(known.status, 201, JSON.stringify(known.body));
    const message = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, {
      token: h.tokens.comms_lead,
      body: { stage: 'first', audiences: ['customers'], languages: ['en'], channels: ['sms'] },
    });
    assert.equal(message.status, 201, JSON.stringify(message.body));
    messageId = message.body.id;
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  const composer = () => `${run.origin}/incidents/${incidentId}/messages/${messageId}`;
  const variantOf = async (language: string, channel: string) => {
    const message = await h.request('GET', `/api/admin/messages/${messageId}`);
    return message.body.variants.find((v: any) => v.language === language && v.channel === channel && v.audience === 'customers');
  };
  const saved = (page: Page) => page.locator('.save-state', { hasText: /^All changes saved$/ }).waitFor();
  const selectedTab = async (page: Page) => (await page.getByRole('tab', { selected: true }).innerText()).replace(/\s+/g, ' ');

  async function addVersion(page: Page, language: string, channel: string) {
    const before = await page.getByRole('tab').count();
    await page.getByRole('button', { name: 'Add a version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a version of this message' });
    await dialog.getByLabel('Language').selectOption({ label: language });
    await dialog.getByLabel('Where it goes').selectOption({ label: channel });
    await dialog.getByRole('button', { name: 'Add this version' }).click();
    await page.waitForFunction((count) => document.querySelectorAll('[role="tab"]').length === count, before + 1);
  }

  it('a communications lead adds versions, sees findings underlined with their reasons, fixes them in one click, and previews each channel', { timeout: 180_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(composer());
    await page.getByRole('heading', { level: 1, name: 'First message — Customer data exposed' }).waitFor();

    await addVersion(page, 'French', 'E-mail');
    await addVersion(page, 'English', 'E-mail');
    await addVersion(page, 'French', 'Status page');
    await addVersion(page, 'English', 'Status page');
    const tabs = (await page.getByRole('tab').allInnerTexts()).map((tab) => tab.replace(/\s+/g, ' ').trim());
    assert.equal(tabs.length, 5);
    assert.ok(tabs.some((tab) => /Customers · FR · Status page/.test(tab)), tabs.join(' | '));
    const stored = await h.request('GET', `/api/admin/messages/${messageId}`);
    assert.deepEqual(stored.body.variants.map((v: any) => `${v.language} ${v.channel}`).sort(), ['en email', 'en sms', 'en status_page', 'fr email', 'fr status_page']);

    await page.getByRole('tab', { name: /Customers · EN · E-mail/ }).click();
    await page.getByLabel('E-mail subject').fill('Your customer data: what happened');
    const body = page.getByLabel('Text', { exact: true });
    await body.fill('A small bug exposed the data of a small number of customers. We are experiencing technical difficulties');
    await body.press('End');
    await page.keyboard.type('.');

    // Each finding is underlined where it is, and listed with why and the fix.
    await page.locator('.lint-layer mark.lint-warning', { hasText: 'small bug' }).waitFor();
    await page.locator('.lint-layer mark.lint-error', { hasText: 'a small number of' }).waitFor();
    await page.locator('.lint-layer mark.lint-warning', { hasText: 'technical difficulties' }).waitFor();
    const minimizing = page.locator('.finding[data-rule="minimizing-label"]');
    assert.match(await minimizing.innerText(), /"small bug" plays down what affected customers go through/);
    await minimizing.getByText('Why?').click();
    assert.match(await minimizing.innerText(), /Labels that play the trouble down/);
    assert.match(await page.locator('.finding[data-rule="breach-minimized"]').innerText(), /To fix before approval/);
    assert.equal(await page.locator('.finding[data-rule="missing-next-update"]').count(), 1);
    assert.match((await page.locator('.lint-editor[data-lint-ms]').first().getAttribute('data-lint-ms')) ?? '', /^\d+(\.\d)?$/, 'the keystroke-to-underline time is exposed for the benchmark');
    await screenshot(page, 'composer-findings-en');
    assert.deepEqual(await accessibilityViolations(page), []);

    // One click applies the fix, and its finding is gone.
    await minimizing.getByRole('button', { name: /Apply the fix/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.finding[data-rule="minimizing-label"]').length === 0);
    assert.match(await body.inputValue(), /^A bug exposed the data/);
    // Alt+Enter applies the first fix left: the figure the fact sheet holds, then the next update.
    await page.keyboard.press('Alt+Enter');
    await page.waitForFunction(() => document.querySelectorAll('.finding[data-rule="breach-minimized"]').length === 0);
    assert.match(await body.inputValue(), /the data of 120,000 customers\./);
    await page.keyboard.press('Alt+Enter');
    await page.waitForFunction(() => document.querySelectorAll('.finding[data-rule="missing-next-update"]').length === 0);
    assert.match(await body.inputValue(), /Next update at [^.]+\.$/);
    assert.equal(await page.locator('.lint-layer mark.lint-error').count(), 0);

    // Saved as one writes: the server holds the text, and agrees there is nothing left to block approval.
    await saved(page);
    const email = await variantOf('en', 'email');
    assert.equal(email.body, (await body.inputValue()).trim());
    assert.equal(email.subject, 'Your customer data: what happened');
    assert.deepEqual(email.findings.filter((f: any) => f.severity === 'error'), []);

    // The e-mail preview shows the subject and the text as the subscriber gets them.
    assert.equal(await page.locator('.mail-subject').innerText(), 'Your customer data: what happened');
    assert.match(await page.locator('.mail-body').innerText(), /A bug exposed the data of 120,000 customers/);
    await screenshot(page, 'composer-preview-en');

    // Alt+→ goes to the next version (the SMS), whose preview counts its segments; Alt+← comes back.
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.includes('SMS'));
    assert.match(await selectedTab(page), /Customers · EN · Text message \(SMS\)/);
    assert.match(await page.locator('.sms-count').innerText(), /1 SMS · \d+ characters left in this SMS/);
    await page.getByLabel('Text', { exact: true }).fill('Acme: since 3 pm some customer data was exposed. Change your password. Next update at 4 pm. ’');
    assert.match(await page.locator('.sms-count').innerText(), /Special characters: only 70 per SMS/);
    assert.match(await page.locator('.sms-count').innerText(), /2 SMS joined into one message/);
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.includes('E-mail'));
    assert.match(await selectedTab(page), /Customers · EN · E-mail/);

    // Moving the next update rewrites "Next update at …" in the texts; the switch says whether subscribers are told.
    await page.getByLabel('Promised for').fill('2026-03-10T17:00');
    await page.getByRole('button', { name: 'Promise this time' }).click();
    await page.waitForFunction(() => /Next update at 5 pm\.$/.test((document.getElementById('version-body') as HTMLTextAreaElement | null)?.value ?? ''));
    assert.equal((await h.request('GET', `/api/admin/messages/${messageId}`)).body.next_update_at, '2026-03-10T16:00:00.000Z');
    await page.getByRole('switch', { name: 'Notify the subscribers when it is published' }).uncheck();
    await page.waitForFunction(async (id) => (await (await fetch(`/api/admin/messages/${id}`)).json()).notify_subscribers === false, messageId);

    // The status page version previews as the page shows it: status, text, next update.
    await page.getByRole('tab', { name: /Customers · EN · Status page/ }).click();
    await page.locator('.status-preview-next', { hasText: /^Next update by 5 pm$/ }).waitFor();
    assert.match(await page.locator('.status-preview-status').innerText(), /^Investigating/);

    // "?" lists the shortcuts.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    // (Located by its state: the shared Dialog gives every dialog the same title id.)
    const help = page.locator('dialog[open]');
    await help.waitFor();
    assert.equal(await help.getByRole('heading').innerText(), 'Keyboard shortcuts');
    assert.match(await help.innerText(), /Apply the first fix of this version/);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await saved(page);
    await context.close();
  });

  it('a concurrent edit shows the other person’s text beside one’s own, and keeping one’s own saves it', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(composer());
    await page.getByRole('tab', { name: /Customers · FR · E-mail/ }).click();
    const body = page.getByLabel('Text', { exact: true });
    await body.waitFor();
    const before = await variantOf('fr', 'email');
    const theirs = await h.request('PATCH', `/api/admin/messages/${messageId}/variants/${before.id}`, {
      token: h.tokens.incident_lead,
      headers: { 'if-match': `"${before.version}"` },
      body: { body: 'Texte écrit par Ines pendant ce temps. Prochain point à 16 h.' },
    });
    assert.equal(theirs.status, 200, JSON.stringify(theirs.body));

    await body.fill('Depuis 15 h, des données de clients ont été exposées. Nos équipes sont mobilisées. Prochain point à 16 h.');
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this version while you were writing.' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /Texte écrit par Ines pendant ce temps/);
    assert.match(await body.inputValue(), /^Depuis 15 h, des données de clients ont été exposées/, 'the person’s own text stays in the editor');
    assert.deepEqual(await accessibilityViolations(page), []);
    await notice.getByRole('button', { name: 'Keep my text' }).click();
    await notice.waitFor({ state: 'detached' });
    await saved(page);
    assert.match((await variantOf('fr', 'email')).body, /^Depuis 15 h, des données de clients ont été exposées/);
    await context.close();
  });

  it('speaks French around a French text, the findings in the text’s own words', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead', { language: 'fr' });
    await page.goto(composer());
    await page.getByRole('heading', { level: 1, name: 'Premier message — Customer data exposed' }).waitFor();
    await page.getByRole('tab', { name: /Clients · FR · E-mail/ }).click();
    const body = page.getByLabel('Texte', { exact: true });
    await body.fill('Un petit bug a exposé les données d’un petit nombre de clients. Nous rencontrons un problème technique.');
    await page.locator('.lint-layer mark.lint-error', { hasText: 'un petit nombre de' }).waitFor();
    assert.match(await page.locator('.finding[data-rule="minimizing-label"]').innerText(), /« petit bug » minimise ce que vivent les clients touchés/);
    assert.match(await page.locator('.findings').innerText(), /À corriger avant approbation/);
    await screenshot(page, 'composer-findings-fr');
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.locator('.finding[data-rule="breach-minimized"]').getByRole('button', { name: /Appliquer la correction/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.finding[data-rule="breach-minimized"]').length === 0);
    assert.match(await body.inputValue(), /120\s000 clients/);
    await page.locator('.save-state', { hasText: /^Toutes les modifications sont enregistrées$/ }).waitFor();
    await context.close();
  });

  it('a viewer reads the message and its findings but cannot change it', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('viewer');
    await page.goto(composer());
    await page.getByText('You can read this message; your role does not allow changing it.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add a version' }).count(), 0);
    assert.equal(await page.getByLabel('Text', { exact: true }).getAttribute('readonly'), '');
    assert.equal(await page.getByRole('button', { name: /Apply the fix/ }).count(), 0);
    await context.close();
  });

  it('the lint context lets the browser find exactly what the server finds, for every role that reads messages, and no one else', async () => {
    const message = (await h.request('GET', `/api/admin/messages/${messageId}`, { token: h.tokens.viewer })).body;
    const lint = await h.request('GET', `/api/admin/messages/${messageId}/lint-context`, { token: h.tokens.viewer });
    assert.equal(lint.status, 200, JSON.stringify(lint.body));
    assert.equal(lint.body.facts.personalDataBreach, true);
    assert.equal(lint.body.facts.figures.affectedPeople, 120_000);
    assert.equal(lint.body.time_zone, 'Europe/Paris');
    assert.equal(lint.body.now, h.clock.now().toISOString());
    const setting = { facts: lint.body.facts, glossary: lint.body.glossary, rules: lint.body.rules, timeZone: lint.body.time_zone };
    const siblings = message.variants.map((v: any) => ({ id: v.id, audience: v.audience, language: v.language, channel: v.channel, network: v.network, subject: v.subject, body: v.body }));
    for (const [i, variant] of message.variants.entries()) {
      const inBrowser = lintVariant(siblings[i], { stage: message.stage, siblings, setting, nextUpdateAt: new Date(message.next_update_at), now: new Date(lint.body.now) });
      assert.deepEqual(JSON.parse(JSON.stringify(inBrowser)), variant.findings, `${variant.language} ${variant.channel}`);
    }
    assert.equal((await h.request('GET', `/api/admin/messages/${messageId}/lint-context`, { token: null })).status, 401);
    const missing = await h.request('GET', '/api/admin/messages/nosuchmessage/lint-context');
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
  });
});
