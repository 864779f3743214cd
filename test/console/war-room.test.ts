import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, startConsole, screenshot, type ConsoleRun } from '../helpers/console.ts';

/** A section of the fact sheet, by the start of its heading ("Known 2"). */
const section = (page: Page, title: string) => page.getByRole('region', { name: new RegExp(`^${title}`) });
const entry = (scope: Locator, text: string) => scope.locator('li.entry', { hasText: text });

async function addEntry(page: Page, sectionTitle: string, button: string, fields: Record<string, string>) {
  const scope = section(page, sectionTitle);
  await scope.getByRole('button', { name: button }).click();
  for (const [label, value] of Object.entries(fields)) await scope.getByLabel(label, { exact: true }).fill(value);
  await scope.getByRole('button', { name: 'Add', exact: true }).click();
  await entry(scope, Object.values(fields)[0]!).waitFor();
}

/** Opening an incident from a template and running its war room, by several people at once, in a real browser. */
describe('console: opening an incident and its war room', () => {
  let h: Harness;
  let run: ConsoleRun;
  let incidentId = '';
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    for (const name of ['Customer portal', 'Payments API']) assert.equal((await h.request('POST', '/api/admin/components', { body: { name } })).status, 201);
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('a communications lead opens a data breach from its template: inside the crisis cell, flagged, with its key messages', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.getByRole('link', { name: 'Open an incident' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open an incident' }).waitFor();
    await page.getByRole('radio', { name: /^Personal data breach/ }).check();
    const name = page.getByLabel('Name', { exact: true });
    assert.equal(await name.inputValue(), 'Personal data breach', 'the template suggests a name');
    await name.fill('Customer records exposed');
    await page.getByRole('checkbox', { name: 'Customer portal' }).check();
    await page.getByText('Our data protection officer answers your questions.').waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'open-incident-en');

    await page.getByRole('button', { name: 'Declare inside the crisis cell' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customer records exposed' }).waitFor();
    incidentId = page.url().split('/incidents/')[1]!;
    await page.getByText('Inside the crisis cell — not public yet').waitFor();
    assert.equal(await page.getByLabel('Personal data is concerned (data breach)').isChecked(), true);
    const keyMessages = section(page, 'Key messages');
    await keyMessages.getByText('Our data protection officer answers your questions.').waitFor();
    await keyMessages.getByText('Notre délégué à la protection des données répond à vos questions.').waitFor();
    assert.match(await page.locator('.incident-facts').innerText(), /Customer portal/);
    assert.match(await page.locator('.incident-facts').innerText(), /Camille Comms/, 'the person who opened it is its referent');

    // The server agrees: nothing public, the sheet flagged.
    const incident = await h.request('GET', `/api/admin/incidents/${incidentId}`);
    assert.equal(incident.body.visibility, 'internal');
    assert.equal(incident.body.updates.length, 0);
    assert.equal((await h.request('GET', `/api/admin/incidents/${incidentId}/facts`)).body.personal_data_breach, true);
    await context.close();
  });

  it('fills the fact sheet: a known fact, a lead confirmed into a fact, a rumor refuted, a mistaken entry withdrawn with its reason', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(`${run.origin}/incidents/${incidentId}`);
    await addEntry(page, 'Known', '+ Add a fact', { 'The fact': 'Customer names and e-mail addresses were copied.', 'Who says so': 'Security team, 15:40' });
    await addEntry(page, 'Not confirmed yet', '+ Add a lead to check', { 'The lead to check': 'Passwords were not copied.', 'Who says so': 'Database team' });
    await entry(section(page, 'Not confirmed yet'), 'Passwords were not copied.').getByRole('button', { name: 'Confirm: it is a fact' }).click();
    await entry(section(page, 'Known'), 'Passwords were not copied.').getByText(/confirmed by Camille Comms/).waitFor();
    await section(page, 'Not confirmed yet').getByText('No lead being checked.').waitFor();
    await addEntry(page, 'Rumors', '+ Add a rumor', { 'What is being said': 'All bank details were stolen.', 'Where it was seen': 'A forum thread' });

    const rumor = entry(section(page, 'Rumors'), 'All bank details were stolen.');
    await rumor.getByRole('button', { name: 'Refute' }).click();
    await rumor.getByLabel('The correction we published').fill('No bank details are stored on the exposed server.');
    await rumor.getByRole('button', { name: 'Refute' }).click();
    await rumor.getByText('Correction: No bank details are stored on the exposed server.').waitFor();
    await addEntry(page, 'Known', '+ Add a fact', { 'The fact': 'About 300 customers are affected.', 'Who says so': 'Support' });
    const mistaken = entry(section(page, 'Known'), 'About 300 customers are affected.');
    await mistaken.getByRole('button', { name: 'Withdraw' }).click();
    await mistaken.getByLabel('Why it no longer stands').fill('Entered from an old ticket');
    await mistaken.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByText('Withdrawn (1)').click();
    await page.locator('details.withdrawn').getByText(/Reason: Entered from an old ticket/).waitFor();

    const sheet = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`)).body;
    assert.deepEqual(sheet.known.map((e: { text: string }) => e.text).sort(), ['Customer names and e-mail addresses were copied.', 'Passwords were not copied.']);
    assert.equal(sheet.unconfirmed.length, 0);
    assert.deepEqual(sheet.rumors.map((e: { text: string; state: string }) => [e.text, e.state]), [['All bank details were stolen.', 'refuted']]);
    assert.deepEqual(sheet.withdrawn.map((e: { text: string; withdrawn: { reason: string } }) => [e.text, e.withdrawn.reason]), [['About 300 customers are affected.', 'Entered from an old ticket']]);
    await context.close();
  });

  it('two people at once: a fact added by one appears for the other; a second save on the same entry is refused, shown, then re-applied', { timeout: 120_000 }, async () => {
    const lead = await run.signIn('incident_lead');
    const comms = await run.signIn('comms_lead');
    for (const { page } of [lead, comms]) {
      await page.goto(`${run.origin}/incidents/${incidentId}`);
      await section(page, 'Known').getByText('Customer names and e-mail addresses were copied.').waitFor();
    }

    await addEntry(lead.page, 'Known', '+ Add a fact', { 'The fact': 'The exposed server was closed at 16:05.', 'Who says so': 'Ines, infrastructure' });
    await section(comms.page, 'Known').getByText('The exposed server was closed at 16:05.').waitFor({ timeout: 15_000 });

    const original = 'Customer names and e-mail addresses were copied.';
    const editors = [];
    for (const { page } of [lead, comms]) {
      await entry(section(page, 'Known'), original).getByRole('button', { name: 'Edit' }).click();
      editors.push(section(page, 'Known').getByRole('form', { name: /^Edit:/ }));
    }
    const [leadEditor, commsEditor] = editors as [Locator, Locator];
    await leadEditor.getByLabel('The fact').fill('Names and e-mail addresses of 1,200 customers were copied.');
    await commsEditor.getByLabel('The fact').fill('Names and e-mail addresses of about 1,200 customers were copied; no payment data.');
    await leadEditor.getByRole('button', { name: 'Save', exact: true }).click();
    await section(lead.page, 'Known').getByText('Names and e-mail addresses of 1,200 customers were copied.').waitFor();

    await commsEditor.getByRole('button', { name: 'Save', exact: true }).click();
    const refusal = commsEditor.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Not saved: Ines Lead changed this entry/);
    assert.equal(await commsEditor.locator('.their-version blockquote').innerText(), 'Names and e-mail addresses of 1,200 customers were copied.', 'the other version is shown');
    assert.equal(await commsEditor.getByLabel('The fact').inputValue(), 'Names and e-mail addresses of about 1,200 customers were copied; no payment data.', 'the person’s own text is kept');
    assert.deepEqual(await accessibilityViolations(comms.page), []);

    await commsEditor.getByRole('button', { name: 'Save my version' }).click();
    const final = 'Names and e-mail addresses of about 1,200 customers were copied; no payment data.';
    for (const { page } of [comms, lead]) await entry(section(page, 'Known'), final).getByRole('button', { name: 'Edit' }).waitFor({ timeout: 15_000 });
    const known = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`)).body.known.map((e: { text: string }) => e.text);
    assert.ok(known.includes(final));
    assert.ok(!known.some((text: string) => text.includes('of 1,200 customers were copied.')), 'the re-applied text replaced the other one, knowingly');
    await lead.context.close();
    await comms.context.close();
  });

  it('the war room reads well in English and in French, with nothing serious for accessibility', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(`${run.origin}/incidents/${incidentId}`);
    await section(page, 'Known').getByText('The exposed server was closed at 16:05.').waitFor();
    await page.getByRole('heading', { name: 'Messages', exact: true }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'war-room-en');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: /^Ce que l’on sait/ }).waitFor();
    await page.getByText('Dans la cellule de crise — pas encore public').waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'war-room-fr');
    await page.getByRole('button', { name: 'English' }).click();

    // On a tablet, in dark mode: the clocks come first, then the sheet; still nothing serious for axe.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('heading', { name: /^Known/ }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'war-room-tablet-dark');
    await context.close();
  });

  it('“Write a message” drafts one for the chosen audiences and opens the composer; a viewer can read but not write', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(`${run.origin}/incidents/${incidentId}`);
    await page.getByRole('button', { name: 'Write a message' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write a message' });
    assert.equal(await dialog.getByLabel('What kind of message').inputValue(), 'first', 'nothing is public yet: the first message');
    await dialog.getByRole('checkbox', { name: 'Press', exact: true }).check();
    assert.deepEqual(await accessibilityViolations(page), []);
    await dialog.getByRole('button', { name: 'Start writing' }).click();
    await page.waitForURL(/\/incidents\/[a-z0-9]+\/messages\/[a-z0-9]+$/);
    const messageId = page.url().split('/messages/')[1]!;
    const message = (await h.request('GET', `/api/admin/messages/${messageId}`)).body;
    assert.equal(message.stage, 'first');
    assert.deepEqual([...new Set(message.variants.map((v: { audience: string }) => v.audience))].sort(), ['customers', 'press']);
    await context.close();

    const viewer = await run.signIn('viewer');
    await viewer.page.goto(`${run.origin}/incidents/${incidentId}`);
    await viewer.page.getByRole('link', { name: 'First message' }).waitFor();
    assert.equal(await viewer.page.getByRole('button', { name: 'Write a message' }).count(), 0);
    assert.equal(await viewer.page.getByRole('button', { name: /Add a fact/ }).count(), 0);
    assert.equal(await viewer.page.getByRole('button', { name: 'Edit', exact: true }).count(), 0);
    await viewer.context.close();
  });

  it('an incident lead names the backup and adds a service from the header; a first public update appears live; a maintenance is planned from its card', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('incident_lead');
    await page.goto(`${run.origin}/incidents/${incidentId}`);
    await page.getByRole('button', { name: 'Edit the incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the incident' });
    await dialog.getByLabel('Backup').selectOption({ label: 'Ines Lead' });
    await dialog.getByRole('checkbox', { name: 'Payments API' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('.incident-facts').getByText('Customer portal, Payments API').waitFor();
    assert.match(await page.locator('.incident-facts').innerText(), /Backup\s+Ines Lead/);

    // A first public update made elsewhere (the API here) shows up in the open war room by itself.
    const update = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { body: { status: 'identified', body: 'The access was closed.', bodies: { fr: 'L’accès a été fermé.', en: 'The access was closed; we are informing the people concerned.' } } });
    assert.equal(update.status, 201);
    await page.getByRole('region', { name: 'What the public has read' }).getByText('The access was closed; we are informing the people concerned.').waitFor({ timeout: 15_000 });
    await page.getByText(/^Public since/).waitFor();
    assert.equal(await page.getByText('Inside the crisis cell — not public yet').count(), 0);

    await page.goto(`${run.origin}/incidents/new`);
    await page.getByRole('radio', { name: /^Maintenance/ }).check();
    await page.getByLabel('Announcement').fill('We upgrade the payment servers; payments may fail for a few minutes.');
    await page.getByRole('checkbox', { name: 'Payments API' }).check();
    await page.getByRole('button', { name: 'Plan the maintenance' }).click();
    await page.getByRole('status').getByText(/is planned and announced/).waitFor();
    const maintenances = (await h.request('GET', '/api/admin/maintenances')).body.maintenances;
    assert.deepEqual(maintenances.map((m: { name: string; status: string }) => [m.name, m.status]), [['Scheduled maintenance', 'scheduled']]);
    await context.close();
  });
});
