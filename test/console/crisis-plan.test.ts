import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';

/** The crisis plan screen, used in peacetime by a communications lead who also reviews. */
describe('console: the crisis plan', () => {
  let h: Harness;
  let run: ConsoleRun;
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    const template = await h.request('POST', '/api/admin/settings/templates', { token: h.tokens.comms_lead, body: { stage: 'first', language: 'en', channel: 'status_page', body: 'We are aware of a problem with {{components}}. Next update at {{next_update}}.' } });
    assert.equal(template.status, 201, JSON.stringify(template.body));
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('shows readiness and what is missing; filling a role, approving a template and ticking a check raise the score', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.getByRole('navigation').getByRole('link', { name: 'Crisis plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Crisis plan' }).waitFor();
    const gauge = page.getByRole('img', { name: /^Readiness score: \d+ out of 100$/ });
    await gauge.waitFor();
    const scoreOf = async () => Number(/(\d+) out of/.exec((await gauge.getAttribute('aria-label'))!)![1]);
    const initial = await scoreOf();
    const missing = page.getByRole('list').filter({ hasText: 'No one holds the role “Crisis lead”' });
    assert.equal(await missing.getByRole('listitem').first().textContent(), 'No one holds the role “Crisis lead”Fix', 'the crisis lead comes first');
    assert.equal(await missing.getByRole('link', { name: 'Fix: No one holds the role “Crisis lead”' }).getAttribute('href'), '#role-crisis_lead');

    await page.getByRole('button', { name: 'Edit — Crisis lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'Who holds “Crisis lead”' });
    await dialog.getByLabel('Person 1').selectOption({ label: 'Ines Lead' });
    await dialog.getByLabel('Phone', { exact: true }).first().fill('+33 6 12 34 56 78');
    await dialog.getByLabel('Person 2').selectOption({ label: 'Camille Comms' });
    await dialog.getByLabel('Phone', { exact: true }).nth(1).fill('not a phone');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('a phone number such as +33 6 12 34 56 78', { exact: true }).waitFor();
    await dialog.getByLabel('Phone', { exact: true }).nth(1).fill('+33 6 98 76 54 32');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Crisis lead/ }) });
    await row.getByText('Ines Lead').waitFor();
    await row.getByText('Camille Comms').waitFor();
    await page.getByText('No one holds the role “Crisis lead”').waitFor({ state: 'detached' });
    const filled = await scoreOf();
    assert.ok(filled > initial, `${filled} > ${initial}`);

    await page.getByRole('button', { name: /^Approve — Outage, first message, en status_page$/ }).click();
    await page.getByRole('button', { name: /^Approve — Partial SaaS outage, first message/ }).waitFor({ state: 'detached' });
    assert.equal(await page.getByText(/^Pre-approved by Camille Comms/).count(), 3, 'one template, ready for the three scenarios that open with a first message');
    await page.getByText('No pre-approved first message for the scenario “Outage”').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Mark ready — Press contact list' }).click();
    await page.locator('#check-press_list').getByText(/^Ticked by Camille Comms/).waitFor();
    await page.getByText('No press contact list').waitFor({ state: 'detached' });
    assert.ok((await scoreOf()) > filled);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await accessibilityViolations(page), [], `${scheme} scheme`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'crisis-plan');
    await context.close();
  });
});
