import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';

/** After the crisis: the communications lead reads the report, switches to the public one, writes a lesson, then looks at the figures. */
describe('console: the post-crisis report and the workspace figures', () => {
  let h: Harness;
  let run: ConsoleRun;
  let incidentId: string;
  const secretFact = 'FACTMARKER the B12 storage array failed';
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    h.clock.set('2026-03-10T14:00:00Z');
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Card payments failing', impact: 'major', body: 'Card payments fail. Next update at 3:30 pm.', detected_at: '2026-03-10T13:20:00Z', next_update_at: '2026-03-10T14:30:00Z', deliver_notifications: false },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    incidentId = opened.body.id;
    h.clock.set('2026-03-10T14:45:00Z');
    assert.equal((await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token: h.tokens.incident_lead, body: { status: 'identified', body: 'A storage array is the cause.', deliver_notifications: false } })).status, 201);
    assert.equal((await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'known', text: secretFact, source: 'On call' } })).status, 201);
    h.clock.set('2026-03-10T15:30:00Z');
    assert.equal((await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token: h.tokens.incident_lead, body: { status: 'resolved', body: 'Card payments work again.', deliver_notifications: false } })).status, 201);
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('reads the internal report, switches to the public one, saves a public lesson that shows in it, and reads the monthly figures', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    try {
      await page.goto(`${run.origin}/incidents/${incidentId}/report`);
      const report = page.getByRole('region', { name: 'The report' });
      await report.getByRole('heading', { level: 1, name: 'Post-crisis report (internal): Card payments failing' }).waitFor();
      await report.getByText('First public message 40 min after detection, within the 60 min deadline.').waitFor();
      await report.getByRole('img', { name: /Timeline of public updates and silences/ }).waitFor();
      assert.equal(await report.getByText(secretFact, { exact: false }).count() > 0, true, 'the internal report holds the fact sheet');
      assert.deepEqual(await accessibilityViolations(page), []);

      await page.getByRole('radio', { name: 'Public (customers, press)' }).check();
      await report.getByRole('heading', { level: 1, name: 'Incident report: Card payments failing' }).waitFor();
      assert.equal(await report.getByText(secretFact, { exact: false }).count(), 0, 'the public report holds no fact-sheet entry');
      const pdf = page.getByRole('link', { name: 'Download — PDF' });
      assert.equal(await pdf.getAttribute('href'), `/api/admin/incidents/${incidentId}/report?version=public&language=en&format=pdf`);

      await page.getByRole('button', { name: 'Add a lesson' }).click();
      await page.getByRole('textbox', { name: 'Lesson 1' }).fill('Say the first word within half an hour.');
      await page.getByRole('group', { name: 'Lessons' }).getByRole('checkbox', { name: 'Public' }).check();
      await page.getByRole('button', { name: 'Save lessons and actions' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved. The report shows them.' }).waitFor();
      await report.getByText('Say the first word within half an hour.').waitFor();

      await page.getByRole('radio', { name: 'French' }).check();
      await report.getByRole('heading', { level: 1, name: 'Rapport d’incident : Card payments failing' }).waitFor();
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.deepEqual(await accessibilityViolations(page), []);
      await page.emulateMedia({ colorScheme: 'light' });
      await screenshot(page, 'post-crisis-report');

      await page.getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { level: 1, name: 'Figures across incidents' }).waitFor();
      await page.getByLabel('From', { exact: true }).fill('2026-02');
      await page.getByLabel('To', { exact: true }).fill('2026-03');
      await page.getByRole('button', { name: 'Show' }).click();
      // The plot names only the months asked for, so once it shows, the table below is the new range's, not the default one's.
      await page.getByRole('img', { name: /Time to first public message \(minutes\)\. Median: 2026-02 —, 2026-03 40/ }).waitFor();
      const table = page.getByRole('table', { name: 'The figures, month by month' });
      const march = table.getByRole('row', { name: /^2026-03/ });
      await march.waitFor();
      assert.deepEqual(await march.getByRole('cell').allInnerTexts(), ['1', '40 min', '40 min', '0 %', '—']);
      assert.deepEqual(await accessibilityViolations(page), []);
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.deepEqual(await accessibilityViolations(page), []);
      await screenshot(page, 'workspace-figures');
    } finally {
      await context.close();
    }
  });
});
