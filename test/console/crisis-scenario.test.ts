import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildConsole } from '../../scripts/build-console.js';
import { launchChromium } from '../helpers/browser.ts';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';
import { accessibilityViolations, artifacts, screenshot } from '../helpers/console.ts';
import { startTocsin, type TocsinProcess } from '../helpers/process.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

const password = 'the demo passphrase of the crisis scenario';
const claire = 'claire.dubois@demo.tocsin.test';
const sophie = 'sophie.bernard@demo.tocsin.test';

/** Polls `read` until `done` holds, or fails with what it last saw once the deadline passes. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && done(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last seen: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a poll, not a wait for a result
  }
}

/** Types the missing action at the end of the text, then applies each fix offered, one click each, until the version has nothing left to point out. */
async function fixEverything(page: Page, action: string): Promise<void> {
  const body = page.getByLabel('Text', { exact: true });
  await body.press('Control+End');
  await page.keyboard.type(` ${action}`);
  await page.waitForFunction(() => document.querySelectorAll('.finding[data-rule="missing-action"]').length === 0);
  for (const rule of ['minimizing-label', 'breach-minimized', 'key-message-missing', 'missing-next-update']) {
    await page.locator(`.finding[data-rule="${rule}"]`).getByRole('button', { name: /^Apply the fix/ }).click();
    await page.waitForFunction((id) => document.querySelectorAll(`.finding[data-rule="${id}"]`).length === 0, rule);
  }
  await page.getByText('Nothing to point out in this version.').waitFor();
  assert.equal(await page.locator('.lint-layer mark').count(), 0);
  await page.locator('.save-state', { hasText: /^All changes saved$/ }).waitFor();
}

/**
 * The whole crisis as a communicator lives it, against `tocsin start` as an operator runs it (the
 * console, the worker, the static status page on its own port) and a real SMTP server.
 */
describe('console: a data breach, from the first fact to the e-mails in the subscribers’ inboxes', () => {
  let sandbox: CliSandbox;
  let smtp: SmtpSink;
  let tocsin: TocsinProcess;
  let browser: Browser;
  let origin = '';
  let statusOrigin = '';

  before(async () => {
    await buildConsole();
    mkdirSync(artifacts, { recursive: true });
    sandbox = await createCliSandbox();
    smtp = await startSmtpSink();
    tocsin = startTocsin(['start'], { ...sandbox.env, PORT: '0', STATUS_PORT: '0', TOCSIN_ADMIN_PASSWORD: password, TOCSIN_SMTP_URL: smtp.url, TOCSIN_MAIL_FROM: 'Altostrat status <status@altostrat.example>' });
    const running = await tocsin.waitFor(/Tocsin is running at/, 60_000);
    origin = `http://127.0.0.1:${/:(\d+) /.exec(running)![1]}`;
    const statusLine = await tocsin.waitFor(/Status page \(static files, served apart\)/);
    statusOrigin = `http://127.0.0.1:${/localhost:(\d+)/.exec(statusLine)![1]}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await tocsin?.stop();
    await smtp?.close();
    await sandbox?.close();
  });

  /** The owner's session, for what an administrator sets up beforehand: the subscribers. */
  async function ownerApi() {
    const signIn = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.tocsin.test', password }) });
    assert.equal(signIn.status, 200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf_token: csrf } = await (await fetch(`${origin}/api/session/current`, { headers: { cookie } })).json();
    return async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${origin}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json();
      assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
  }

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    return page;
  }

  it('Claire opens it, writes and fixes the first message, Sophie approves, Claire publishes: page, inboxes and clocks follow', { timeout: 180_000 }, async () => {
    const api = await ownerApi();
    const { pages } = await api('GET', '/api/admin/pages');
    const bySlug = (slug: string) => pages.find((p: { slug: string }) => p.slug === slug);
    await api('POST', `/api/admin/pages/${bySlug('status').id}/subscribers`, { channel: 'email', address: 'nina@customer.example', language: 'en' });
    await api('POST', `/api/admin/pages/${bySlug('statut').id}/subscribers`, { channel: 'email', address: 'lucien@client.example', language: 'fr' });

    // Claire opens a data breach from its template.
    const page = await signIn(claire);
    await page.getByRole('link', { name: 'Open an incident' }).click();
    await page.getByRole('radio', { name: /^Personal data breach/ }).check();
    await page.getByLabel('Name', { exact: true }).fill('Customer console accounts exposed');
    await page.getByRole('checkbox', { name: 'Customer console' }).check();
    await screenshot(page, 'scenario-1-open');
    await page.getByRole('button', { name: 'Declare inside the crisis cell' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customer console accounts exposed' }).waitFor();
    const incidentId = page.url().split('/incidents/')[1]!;

    // The fact sheet: what is known, with its figure.
    const known = page.getByRole('region', { name: /^Known/ });
    await known.getByRole('button', { name: '+ Add a fact' }).click();
    await known.getByLabel('The fact', { exact: true }).fill('The e-mail addresses of 1,800 customers were copied.');
    await known.getByLabel('Who says so', { exact: true }).fill('Security team, 15:40');
    await known.getByLabel('People affected (optional)').fill('1800');
    await known.getByRole('button', { name: 'Add', exact: true }).click();
    await known.locator('li.entry', { hasText: 'The e-mail addresses of 1,800 customers were copied.' }).waitFor();
    await screenshot(page, 'scenario-2-factsheet');

    // The first message, to customers and the press, in French and English.
    await page.getByRole('button', { name: 'Write a message' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write a message' });
    await dialog.getByRole('checkbox', { name: 'Customers', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Press', exact: true }).check();
    await dialog.getByRole('button', { name: 'Start writing' }).click();
    await page.waitForURL(/\/messages\/[a-z0-9]+$/);
    const messageId = page.url().split('/messages/')[1]!;
    const composerUrl = page.url();
    await page.getByRole('tab', { name: /Customers · EN · E-mail/ }).waitFor();
    const tabs = (await page.getByRole('tab').allInnerTexts()).map((tab) => tab.replace(/\s+/g, ' ').trim());
    for (const expected of ['Customers · EN · E-mail', 'Customers · FR · E-mail', 'Customers · EN · Status page', 'Customers · FR · Status page', 'Press · EN · E-mail', 'Press · FR · E-mail']) {
      assert.ok(tabs.some((tab) => tab.includes(expected)), `${expected} in ${tabs.join(' | ')}`);
    }

    // A breach moves fast: she promises the next update in 40 minutes rather than the usual hour.
    const promised = new Date(Math.ceil((Date.now() + 40 * 60_000) / 60_000) * 60_000);
    const paris = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    await page.getByLabel('Promised for').fill(paris.format(promised).replace(' ', 'T'));
    await page.getByRole('button', { name: 'Promise this time' }).click();
    await eventually(() => api('GET', `/api/admin/messages/${messageId}`), (m: any) => m.next_update_at === promised.toISOString(), 'the promised next update is saved');
    // The promise rewrote "Next update at …" in the texts (new versions): she types once the console shows it,
    // as she would, rather than on top of the versions it replaced (a save conflict, by design).
    await page.waitForFunction(
      (iso) => document.querySelector('.next-update-now strong')?.textContent === new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)),
      promised.toISOString(),
    );

    // She writes the English e-mail in her own words; the linter underlines what would hurt.
    const body = page.getByLabel('Text', { exact: true });
    await page.getByRole('tab', { name: /Customers · EN · E-mail/ }).click();
    await body.fill('Hello,\n\nA small bug exposed the e-mail addresses of a small number of customers of the customer console. As a precaution, change your password and be wary of messages asking for your credentials.');
    await page.locator('.lint-layer mark.lint-warning', { hasText: 'small bug' }).waitFor();
    await page.locator('.lint-layer mark.lint-error', { hasText: 'a small number of' }).waitFor();
    for (const rule of ['missing-next-update', 'missing-action', 'key-message-missing']) await page.locator(`.finding[data-rule="${rule}"]`).waitFor();
    await screenshot(page, 'scenario-3-findings');
    assert.deepEqual(await accessibilityViolations(page), []);
    // She types what is missing, and fixes the rest in one click each, until nothing is left to point out.
    await fixEverything(page, 'We closed the access at once and our security team is investigating how it happened.');
    assert.match(await body.inputValue(), /^Hello,\n\nA bug exposed the e-mail addresses of 1,800 customers of the customer console\./);
    // The promise of the next update names its day too when it falls after midnight.
    assert.match(await body.inputValue(), /Next update at \d{1,2}(:\d\d)? [ap]m( on \d{1,2} [A-Z][a-z]+)?\.$/);

    // The French e-mail: the same, in French.
    await page.getByRole('tab', { name: /Customers · FR · E-mail/ }).click();
    await body.fill('Bonjour,\n\nUn petit bug a exposé les adresses e-mail de quelques clients de la console client. Par précaution, changez votre mot de passe et méfiez-vous des messages qui vous demandent vos identifiants.');
    await page.locator('.lint-layer mark.lint-error', { hasText: 'quelques' }).waitFor();
    await fixEverything(page, 'Nous avons fermé l’accès aussitôt et nos équipes de sécurité analysent ce qui s’est passé.');
    assert.match(await body.inputValue(), /^Bonjour,\n\nUn bug a exposé les adresses e-mail de 1\s800 clients de la console client\./);
    assert.match(await body.inputValue(), /Prochain point à \d{1,2} h( \d\d)?( le \d{1,2} [a-zéû]+)?\.$/);

    // The French status page was drafted with the fact as the sheet holds it, in English: she says it in French.
    await page.getByRole('tab', { name: /Customers · FR · Status page/ }).click();
    await body.fill((await body.inputValue()).replace('The e-mail addresses of 1,800 customers were copied.', 'Les adresses e-mail de 1 800 clients ont été copiées.'));
    await page.locator('.save-state', { hasText: /^All changes saved$/ }).waitFor();
    const written = await api('GET', `/api/admin/messages/${messageId}`);
    const english = written.variants.find((v: any) => v.audience === 'customers' && v.language === 'en' && v.channel === 'email');
    const french = written.variants.find((v: any) => v.audience === 'customers' && v.language === 'fr' && v.channel === 'email');
    assert.match(english.body, /^Hello,\n\nA bug exposed the e-mail addresses of 1,800 customers/);
    assert.match(french.body, /^Bonjour,\n\nUn bug a exposé/);
    assert.deepEqual(written.variants.flatMap((v: any) => v.findings.filter((f: any) => f.severity === 'error')), [], 'nothing left that blocks approval');

    // She asks for review.
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByRole('button', { name: 'Ask for review' }).click();
    await review.getByText('Waiting for review since').waitFor();
    await screenshot(page, 'scenario-4-review');

    // Sophie, legal, in her own browser, approves.
    const legal = await signIn(sophie);
    await legal.goto(composerUrl);
    const legalReview = legal.getByRole('region', { name: 'Review' });
    await legalReview.getByRole('button', { name: 'Approve this version' }).click();
    await legalReview.getByText('You approved this version.').waitFor();
    await legal.context().close();

    // Claire sees it approved (the review panel is not live: she reloads) and publishes everywhere.
    await page.reload();
    await review.getByText('Approved by Sophie Bernard').waitFor();
    const publish = page.getByRole('region', { name: 'Publish' });
    await publish.getByRole('button', { name: 'Publish everywhere' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish everywhere?' });
    const emailRow = confirm.getByRole('row', { name: /^E-mail/ });
    await emailRow.waitFor();
    assert.match(await emailRow.innerText(), /1 in English, 1 in French\s*2$/);
    assert.match(await confirm.getByRole('row', { name: /^Status page/ }).innerText(), /Updated at once, in English and French/);
    await confirm.getByText('2 recipients in all.').waitFor();
    await screenshot(page, 'scenario-5-confirm');
    await confirm.getByRole('button', { name: 'Publish now' }).click();

    // The worker of `tocsin start` sends it: the progress reaches 100 %.
    const delivery = page.getByRole('region', { name: 'Delivery' });
    await page.waitForFunction(() => document.querySelector('[data-percent]')?.getAttribute('data-percent') === '100', undefined, { timeout: 60_000 });
    await delivery.getByText('Delivered to 2 of 2 recipients').waitFor();
    assert.equal(await delivery.getByRole('progressbar', { name: 'E-mail' }).getAttribute('aria-valuenow'), '100');
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await screenshot(page, 'scenario-6-delivered');

    // Each subscriber got it, in their language, with the words Claire wrote.
    await smtp.until((mails) => ['nina@customer.example', 'lucien@client.example'].every((address) => mails.some((mail) => mail.to.includes(address))), 30_000);
    const inbox = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
    assert.equal(inbox('nina@customer.example').length, 1);
    assert.equal(inbox('lucien@client.example').length, 1);
    const [nina] = inbox('nina@customer.example');
    const [lucien] = inbox('lucien@client.example');
    assert.equal(nina!.rawHeaders.get('content-language'), 'en');
    assert.match(nina!.text, /A bug exposed the e-mail addresses of 1,800 customers/);
    assert.match(nina!.text, /our security team is investigating/);
    assert.equal(lucien!.rawHeaders.get('content-language'), 'fr');
    assert.match(lucien!.text, /Un bug a exposé les adresses e-mail de 1\s800 clients/);
    assert.match(lucien!.text, /nos équipes de sécurité analysent/);
    assert.doesNotMatch(lucien!.text, /A bug exposed/);

    // The static status page, on its own port, shows the incident once the worker published it: English at the root, French under /statut.
    for (const [prefix, words] of [['', /The e-mail addresses of 1,800 customers were copied\./], ['/statut', /Les adresses e-mail de 1\s800 clients ont été copiées\./]] as const) {
      const unresolved = await eventually(
        async () => (await fetch(`${statusOrigin}${prefix}/api/v2/incidents/unresolved.json`)).json(),
        (json: any) => json.incidents?.some((incident: any) => incident.name === 'Customer console accounts exposed'),
        `the status page ${prefix || '/'} shows the incident`,
      );
      const shown = unresolved.incidents.find((incident: any) => incident.name === 'Customer console accounts exposed');
      assert.match(shown.incident_updates[0].body, words);
      assert.match(await (await fetch(`${statusOrigin}${prefix}/`)).text(), /Customer console accounts exposed/);
    }

    // Back in the war room: the next-update countdown runs.
    await page.goto(`${origin}/incidents/${incidentId}`);
    const countdown = page.locator('article[data-clock="next_update"]').getByRole('timer');
    await countdown.waitFor();
    const first = await countdown.innerText();
    assert.match(first, /^(3\d|40):\d\d$/, 'under an hour, minutes and seconds to the promised 40 minutes');
    await page.waitForFunction((before) => {
      const text = document.querySelector('article[data-clock="next_update"] [role="timer"]')?.textContent;
      return !!text && text !== before;
    }, first, { timeout: 10_000 });
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'scenario-7-war-room');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('article[data-clock="next_update"]').getByRole('heading', { name: 'Prochain point public' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'scenario-7-war-room-fr');
    await page.context().close();
  });
});
