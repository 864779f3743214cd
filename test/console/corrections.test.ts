import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';

/** The communications lead corrects a rumor from the console; the log shows what the public sees. */
describe('console: rumors and corrections', () => {
  let h: Harness;
  let run: ConsoleRun;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme status', language: 'en', time_zone: 'Europe/Paris' } });
    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Datacenter fire in SBG', impact: 'critical', body: 'A fire broke out in one building of our Strasbourg site.' } });
    incidentId = incident.body.id;
    const rumor = (text: string, source: string) => h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'rumor', text, source } });
    const seveso = await rumor('The site is a Seveso-classified plant', 'Local radio, 10:05');
    await rumor('Every backup was destroyed', 'Forum thread');
    const created = await h.request('POST', `/api/admin/incidents/${incidentId}/corrections`, {
      token: h.tokens.comms_lead,
      body: { rumor_id: seveso.body.id, said: { en: 'The site is a Seveso-classified plant', fr: 'Le site est classé Seveso' }, truth: { en: 'The site is not classified Seveso: it stores no hazardous substances.', fr: 'Le site n’est pas classé Seveso : il ne stocke aucune substance dangereuse.' } },
    });
    assert.equal((await h.request('POST', `/api/admin/messages/${created.body.message_id}/approvals`, { token: h.tokens.reviewer, body: {} })).status, 201);
    assert.equal((await h.request('POST', `/api/admin/messages/${created.body.message_id}/publish`, { token: h.tokens.comms_lead })).status, 200);
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('a communications lead sees where each rumor stands, drafts a correction and opens it in the composer', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    try {
      await page.goto(`${run.origin}/incidents/${incidentId}/corrections`);
      await page.getByRole('heading', { level: 1, name: /Rumors and corrections · Datacenter fire in SBG/ }).waitFor();
      const seveso = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'The site is a Seveso-classified plant' }) });
      await seveso.getByText('Refuted', { exact: true }).waitFor();
      const backups = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Every backup was destroyed' }) });
      await backups.getByText('Open', { exact: true }).waitFor();
      await backups.getByText('Seen: Forum thread').waitFor();
      assert.equal(await seveso.getByRole('button', { name: /Write a correction/ }).count(), 1, 'a refuted rumor may be corrected again');

      const log = page.getByRole('region', { name: 'The log as the public sees it' });
      await log.getByText('The site is not classified Seveso: it stores no hazardous substances.').waitFor();
      await log.getByRole('blockquote').filter({ hasText: 'The site is a Seveso-classified plant' }).waitFor();

      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        assert.deepEqual(await accessibilityViolations(page), [], colorScheme);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      await backups.getByRole('button', { name: 'Write a correction: Every backup was destroyed' }).click();
      const form = page.getByRole('form', { name: 'Correct: Every backup was destroyed' });
      assert.equal(await form.getByLabel('What was said (English)').inputValue(), 'Every backup was destroyed', 'what was said starts from the rumor');
      await form.getByRole('button', { name: 'Draft the correction' }).click();
      await form.getByRole('alert').filter({ hasText: /^say what is true, in French, English or both$/ }).first().waitFor();
      assert.equal(await form.getByLabel('What is true (English)').getAttribute('aria-invalid'), 'true');
      await form.getByLabel('What is true (English)').fill('Backups are kept in another site: none was lost.');
      assert.deepEqual(await accessibilityViolations(page), [], 'the form with its error');
      await screenshot(page, 'corrections');
      await form.getByRole('button', { name: 'Draft the correction' }).click();

      await page.getByRole('status').filter({ hasText: 'The correction is drafted' }).waitFor();
      await backups.getByText('Correction on its way', { exact: true }).waitFor();
      await page.getByRole('status').getByRole('link', { name: 'Open the correction in the composer' }).click();
      await page.waitForURL(/\/incidents\/[a-z0-9]+\/messages\/[a-z0-9]+$/);
      const listed = (await h.request('GET', `/api/admin/incidents/${incidentId}/corrections`)).body;
      const drafted = listed.rumors.find((r: any) => r.text === 'Every backup was destroyed').corrections[0];
      assert.ok(page.url().endsWith(`/messages/${drafted.message_id}`));
      assert.deepEqual(drafted.truth, { en: 'Backups are kept in another site: none was lost.' });
    } finally {
      await context.close();
    }
    const fr = await run.signIn('viewer', { language: 'fr' });
    try {
      await fr.page.goto(`${run.origin}/incidents/${incidentId}/corrections`);
      await fr.page.getByRole('heading', { level: 1, name: /Rumeurs et rectifications/ }).waitFor();
      await fr.page.getByRole('region', { name: 'Le journal tel que le public le voit' }).getByText('Le site n’est pas classé Seveso').waitFor();
      assert.equal(await fr.page.getByRole('button', { name: /Rédiger une rectification/ }).count(), 0, 'a viewer reads, does not write');
    } finally {
      await fr.context.close();
    }
  });
});
