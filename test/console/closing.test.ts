import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';

/** The closing message screen, as the communications lead leaves a card-payment outage behind. */
describe('console: the closing message', () => {
  let h: Harness;
  let run: ConsoleRun;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    h.clock.set('2026-03-10T14:00:00Z');
    const component = await h.request('POST', '/api/admin/components', { body: { name: 'Card payments' } });
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Card payments failing', impact: 'major', component_ids: [component.body.id], body: 'Card payments fail. Next update at 3:30 pm.', detected_at: '2026-03-10T13:20:00Z', next_update_at: '2026-03-10T14:30:00Z', deliver_notifications: false },
    });
    incidentId = opened.body.id;
    const entry = (body: object) => h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body });
    h.clock.set('2026-03-10T14:40:00Z');
    await entry({ kind: 'known', text: 'An update to our payment software contained an error, which caused the failures.', source: 'On-call' });
    await entry({ kind: 'known', text: 'We have added an automatic test before each update.', source: 'On-call' });
    await entry({ kind: 'promised', promise_kind: 'compensation', text: 'One month free for affected customers', due_at: '2026-03-12T09:00:00Z' });
    await entry({ kind: 'promised', promise_kind: 'other', text: 'A call with each key account' });
    h.clock.set('2026-03-10T14:45:00Z');
    await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token: h.tokens.incident_lead, body: { status: 'identified', body: 'We found the cause. Next update at 5 pm.', next_update_at: '2026-03-10T16:00:00Z', deliver_notifications: false } });
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('the communications lead settles the promises, reads the structured draft and creates the closing message', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    try {
      await page.goto(`${run.origin}/incidents/${incidentId}/closing`);
      await page.getByRole('heading', { level: 1, name: 'Closing message' }).waitFor();
      await page.getByRole('status').filter({ hasText: '2 promises keep the incident from closing publicly.' }).waitFor();

      await page.getByRole('group', { name: 'One month free for affected customers' }).getByRole('button', { name: 'Mark kept' }).click();
      await page.getByRole('status').filter({ hasText: '1 promise keeps the incident from closing publicly.' }).waitFor();

      await page.getByRole('group', { name: 'A call with each key account' }).getByRole('button', { name: 'Drop…' }).click();
      const drop = page.getByRole('form', { name: 'Drop the promise' });
      await drop.getByRole('button', { name: 'Drop the promise' }).click();
      await drop.getByRole('alert').filter({ hasText: 'say why the promise is dropped' }).waitFor();
      await drop.getByLabel('Why it is dropped').fill('Key accounts got a personal e-mail from their account manager instead.');
      await drop.getByRole('button', { name: 'Drop the promise' }).click();
      await page.getByRole('status').filter({ hasText: 'No promise holds the close back.' }).waitFor();

      const draft = page.getByRole('region', { name: 'Draft' });
      await draft.getByText('we detected the problem', { exact: false }).first().waitFor();
      await draft.getByText('An update to our payment software contained an error, which caused the failures.').first().waitFor();
      await draft.getByLabel('Where customers send questions and feedback').fill('support@acme.test');
      await draft.getByRole('button', { name: 'Save' }).click();
      await draft.getByText('Your questions and feedback are welcome: support@acme.test').waitFor();

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        assert.deepEqual(await accessibilityViolations(page), [], `${scheme} scheme`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await screenshot(page, 'closing');

      await page.getByRole('button', { name: 'Create the closing message' }).click();
      await page.waitForURL(new RegExp(`/incidents/${incidentId}/messages/\\w+$`));
      const messageId = page.url().split('/').at(-1)!;
      const message = await h.request('GET', `/api/admin/messages/${messageId}`, { token: h.tokens.viewer });
      assert.equal(message.body.stage, 'closing');
      assert.deepEqual(message.body.variants.map((v: any) => v.channel).sort(), ['email', 'status_page']);
      assert.match(message.body.variants.find((v: any) => v.channel === 'email').body, /Your questions and feedback are welcome: support@acme\.test/);
      const check = await h.request('GET', `/api/admin/incidents/${incidentId}/closing-check`, { token: h.tokens.viewer });
      assert.equal(check.body.can_close, true);
    } finally {
      await context.close();
    }
  });
});
