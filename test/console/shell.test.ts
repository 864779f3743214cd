import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, startConsole, screenshot, type ConsoleRun } from '../helpers/console.ts';

/** Signing in, finding one's way, and the language a person reads in, in a real browser. */
describe('console: sign-in, navigation and language', () => {
  let h: Harness;
  let run: ConsoleRun;
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    await h.request('POST', '/api/admin/incidents', { body: { name: 'Payments API unreachable', impact: 'major', body: 'We are investigating failed payments.' } });
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('refuses a wrong password with a message, then signs in and lists the ongoing incident', { timeout: 60_000 }, async () => {
    const context = await run.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${run.origin}/incidents`);
    await page.getByLabel('E-mail address').fill('comms_lead.web@acme.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /password/i);
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();

    const { page: signedIn, context: second } = await run.signIn('comms_lead');
    await signedIn.getByRole('link', { name: 'Payments API unreachable' }).waitFor();
    assert.equal(await signedIn.getByRole('heading', { level: 1 }).innerText(), 'Incidents');
    // A communications lead sees what they work with, not the owner's administration.
    assert.equal(await signedIn.getByRole('link', { name: 'People and access' }).count(), 0);
    assert.equal(await signedIn.getByRole('link', { name: 'Subscribers' }).count(), 1);
    // Every place in sight, grouped by when a communicator goes there.
    const nav = signedIn.getByRole('navigation', { name: 'Main' });
    assert.deepEqual(await nav.getByRole('list', { name: 'During the crisis' }).getByRole('link').allInnerTexts(), ['Incidents', 'Listening']);
    assert.deepEqual(await nav.getByRole('list', { name: 'Before and after' }).getByRole('link').allInnerTexts(), ['Reports', 'Drills', 'Crisis plan']);
    await screenshot(signedIn, 'incidents-en');
    assert.deepEqual(await accessibilityViolations(signedIn), []);
    await second.close();
  });

  it('speaks French when asked, remembers it after a reload, and opens in the browser’s language', { timeout: 60_000 }, async () => {
    const { page, context } = await run.signIn('owner');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.getByRole('link', { name: 'Personnes et accès' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.reload();
    await page.getByRole('link', { name: 'Personnes et accès' }).waitFor();
    assert.match(await page.getByText(/Connecté·e/).innerText(), /Olivia Owner \(propriétaire\)/);
    await screenshot(page, 'incidents-fr');
    await context.close();

    const french = await run.signIn('viewer', { language: 'fr' });
    await french.page.getByRole('link', { name: 'Payments API unreachable' }).waitFor();
    assert.equal(await french.page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await french.page.getByRole('link', { name: 'Déclarer un incident' }).count(), 0, 'a viewer cannot open an incident');
    await french.context.close();
  });

  it('serves the app for any console address and keeps API errors as problem+json', async () => {
    const page = await fetch(`${run.origin}/incidents/some-id`, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="app">/);
    const api = await fetch(`${run.origin}/api/admin/nothing-here`, { headers: { accept: 'text/html' } });
    assert.equal(api.status, 401);
    assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
  });
});
