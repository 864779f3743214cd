import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';

/** A communications lead runs a drill from the console: starts it, joins the sandbox, comes back, finishes it. */
describe('console: drills', () => {
  let h: Harness;
  let run: ConsoleRun;
  before(async () => {
    h = await createHarness();
    await h.request('POST', '/api/admin/components', { body: { name: 'Mobile network' } });
    run = await startConsole(h);
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('starts a drill, joins its sandbox under the drill banner, comes back and reads the score; no accessibility violation', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.getByRole('link', { name: 'Drills' }).click();
    await page.getByRole('heading', { level: 1, name: 'Drills' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Datacenter fire with data loss' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);

    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'National mobile network outage' });
    await page.getByLabel('Speed').selectOption('60');
    await page.getByRole('button', { name: 'Prepare the sandbox and start' }).click();
    await page.getByRole('heading', { level: 1, name: 'National mobile network outage' }).waitFor();
    await page.getByText('Running', { exact: true }).waitFor();
    await page.getByText('0 messages caught by the drill sink').waitFor();
    await page.getByText('Mass registration failures on the core network').waitFor();

    await page.getByRole('button', { name: 'Join the drill' }).click();
    const banner = page.getByRole('complementary', { name: 'Drill' });
    await banner.getByText(/DRILL — National mobile network outage — drill time \d\d:\d\d \(×60\) — nothing leaves Tocsin/).waitFor();
    // The sandbox has the scenario's incident, declared inside the cell; the real workspace has none.
    await page.getByRole('link', { name: 'Calls, texts and mobile internet unavailable' }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await accessibilityViolations(page), [], scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'drill-banner');

    await banner.getByRole('button', { name: 'Back to the real workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'National mobile network outage' }).waitFor();
    assert.equal(await page.getByRole('complementary', { name: 'Drill' }).count(), 0, 'no banner in the real workspace');
    const real = await h.request('GET', '/api/admin/incidents');
    assert.equal(real.body.incidents.length, 0);

    await page.getByRole('button', { name: 'Finish and score' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Finish and score' }).click();
    await page.getByRole('heading', { level: 2, name: 'Score' }).waitFor();
    await page.getByText('15/100').waitFor();
    await page.getByRole('row', { name: /Time to first message 0\/30 No public message \(target: 30 min\)/ }).waitFor();
    await page.getByRole('link', { name: 'Open (HTML)' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'drills');
    await context.close();
  });
});
