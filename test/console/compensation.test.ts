import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';

/** A communications lead defines the gesture, sees who it reaches, exports them, announces it and marks it delivered. */
describe('console: compensation', () => {
  let h: Harness;
  let run: ConsoleRun;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    const mail = await h.request('POST', '/api/admin/components', { body: { name: 'Mail' } });
    await h.request('POST', '/api/admin/components', { body: { name: 'Web hosting' } });
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme status', language: 'en', time_zone: 'Europe/Paris' } });
    for (const [address, segments] of [['pro1@client.example', ['pro']], ['pro2@client.example', ['pro']], ['home@client.example', ['home']]] as const) {
      const res = await h.request('POST', `/api/admin/pages/${page.body.id}/subscribers`, { body: { channel: 'email', address, segments } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Mail down', impact: 'major', body: 'We are investigating.', component_ids: [mail.body.id] } });
    incidentId = incident.body.id;
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  it('defines a credit for the pro customers, exports them with progress, announces it and tracks the promise to delivery', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(`${run.origin}/incidents/${incidentId}/compensation`);
    await page.getByRole('heading', { level: 1, name: 'Compensation — Mail down' }).waitFor();
    await page.getByText('No gesture yet for this incident.').waitFor();
    await page.getByRole('status').filter({ hasText: '3 eligible customers (3 by e-mail, 0 by SMS)' }).waitFor();

    const form = page.getByRole('form', { name: 'Define a gesture' });
    await form.getByLabel('Gesture').selectOption({ label: 'Credit' });
    await form.getByLabel('Amount').fill('20');
    await form.getByLabel('Description (English)').fill('taken off your next invoice');
    await form.getByLabel('Description (French)').fill('déduit de votre prochaine facture');
    await form.getByRole('checkbox', { name: 'pro (2)' }).check();
    await page.getByRole('status').filter({ hasText: '2 eligible customers (2 by e-mail, 0 by SMS)' }).waitFor();
    await form.getByLabel('Delivered by').fill('2026-03-31T12:00');
    await form.getByRole('button', { name: 'Save the gesture' }).click();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /A credit of €20/ }) });
    await card.getByText('Draft', { exact: true }).waitFor();
    await card.getByText('Not announced yet').waitFor();

    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export the eligible customers (CSV)' }).click();
    await card.getByRole('status').filter({ hasText: '2 customers exported.' }).waitFor();
    assert.equal(await card.getByRole('progressbar', { name: 'Export progress' }).getAttribute('value'), '100');
    const file = await (await download).path();
    const rows = parse(readFileSync(file!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((row) => row.email), ['pro1@client.example', 'pro2@client.example']);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await accessibilityViolations(page), [], scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'compensation-en');

    await card.getByRole('button', { name: 'Announce' }).click();
    await page.waitForURL(/\/incidents\/[a-z0-9]+\/messages\/[a-z0-9]+$/);
    const messageId = page.url().split('/').pop()!;
    const approved = await h.request('POST', `/api/admin/messages/${messageId}/approvals`, { token: h.tokens.reviewer, body: {} });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const published = await h.request('POST', `/api/admin/messages/${messageId}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));

    await page.goto(`${run.origin}/incidents/${incidentId}/compensation`);
    const announced = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /A credit of €20/ }) });
    await announced.getByText('Announced', { exact: true }).waitFor();
    await announced.getByText('Pending', { exact: true }).waitFor();
    await announced.getByRole('link', { name: 'Open the announcement' }).waitFor();
    await announced.getByRole('button', { name: 'Mark delivered' }).click();
    await announced.getByText('Delivered', { exact: true }).waitFor();
    await announced.getByText('Kept', { exact: true }).waitFor();
    const sheet = await h.request('GET', `/api/admin/incidents/${incidentId}/facts`);
    assert.deepEqual(sheet.body.promised.filter((p: any) => p.promise_kind === 'compensation').map((p: any) => p.state), ['kept']);
    await context.close();
  });
});
