import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, personName, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';
import { dailyWorst, reorder, troubledDays } from '../../src/surfaces/console/app/screens/components/model.ts';
import { changedFields, describe as describeEntry, type AuditEntry, type Vocabulary } from '../../src/surfaces/console/app/screens/audit/describe.ts';

/** The console's back office, used as an owner, a communications lead and a support agent would. */
describe('console: services, subscribers, people, activity log and settings', () => {
  let h: Harness;
  let run: ConsoleRun;
  let pageId: string;
  let paymentsId: string;
  let folder: string;
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    folder = mkdtempSync(path.join(tmpdir(), 'tocsin-back-office-'));
    // Services with a past: created 80 days ago, two short troubles since, then today.
    const today = h.clock.now();
    const daysAgo = (days: number, hours = 0) => h.clock.set(new Date(today.getTime() - days * 86_400_000 + hours * 3_600_000));
    daysAgo(80);
    const group = await h.request('POST', '/api/admin/component-groups', { body: { name: 'Payments' } });
    const payments = await h.request('POST', '/api/admin/components', { body: { name: 'Card payments', group_id: group.body.id } });
    paymentsId = payments.body.id;
    const transfers = await h.request('POST', '/api/admin/components', { body: { name: 'Bank transfers', group_id: group.body.id } });
    const website = await h.request('POST', '/api/admin/components', { body: { name: 'Customer website', description: 'www.acme.example and the customer area' } });
    daysAgo(41);
    await h.request('PATCH', `/api/admin/components/${transfers.body.id}`, { body: { status: 'degraded_performance' } });
    daysAgo(41, 3);
    await h.request('PATCH', `/api/admin/components/${transfers.body.id}`, { body: { status: 'operational' } });
    daysAgo(12);
    await h.request('PATCH', `/api/admin/components/${website.body.id}`, { body: { status: 'major_outage' } });
    daysAgo(12, 2);
    await h.request('PATCH', `/api/admin/components/${website.body.id}`, { body: { status: 'operational' } });
    h.clock.set(today);
    const page = await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme status', language: 'en', time_zone: 'Europe/Paris' } });
    pageId = page.body.id;
    await h.request('POST', `/api/admin/pages/${pageId}/subscribers`, { body: { channel: 'email', address: 'martin.dupont@client.example' } });
  });
  after(async () => {
    await run?.close();
    await h?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('an owner sets a service to partial outage in two clicks and sees it, with its history', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('owner');
    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    await page.getByRole('img', { name: /Last 90 days of Card payments/ }).waitFor();
    await page.getByRole('button', { name: 'Change the status of Card payments' }).click();
    await page.getByRole('group', { name: 'New status for Card payments' }).getByRole('button', { name: 'Partly unavailable' }).click();
    await page.getByRole('status').filter({ hasText: 'Card payments is now: Partly unavailable.' }).waitFor();
    const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Card payments' }) });
    await row.getByText('Partly unavailable', { exact: true }).waitFor();
    await page.getByRole('img', { name: 'Last 90 days of Card payments: trouble on 1 day' }).waitFor();
    const stored = await h.request('GET', `/api/admin/components/${paymentsId}`);
    assert.equal(stored.body.status, 'partial_outage');

    await page.getByRole('button', { name: 'Add a service' }).click();
    const dialog = page.getByRole('dialog', { name: 'New service' });
    await dialog.getByLabel('Name').fill('Mobile app');
    await dialog.getByLabel('Group').selectOption({ label: 'Payments' });
    await dialog.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('heading', { name: 'Mobile app' }).waitFor();
    await page.getByRole('button', { name: 'Move Mobile app up' }).click();
    const payments = page.getByRole('region', { name: 'Payments' });
    await page.waitForFunction(() => [...document.querySelectorAll('.service-group h3')].map((h) => h.textContent).join('|').startsWith('Card payments|Mobile app|Bank transfers'));
    assert.deepEqual(await payments.getByRole('heading', { level: 3 }).allInnerTexts(), ['Card payments', 'Mobile app', 'Bank transfers']);
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'components-en');
    await context.close();
  });

  it('imports a CSV of subscribers with progress to the end and the rejected row with its reason', { timeout: 90_000 }, async () => {
    const file = path.join(folder, 'subscribers.csv');
    writeFileSync(file, 'email,language\nalice@client.example,fr\nnot-an-address,en\nbob@client.example,en\n');
    const { page, context } = await run.signIn('owner');
    await page.getByRole('link', { name: 'Subscribers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscribers' }).waitFor();
    await page.getByText('1 subscriber in all').waitFor();
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Confirm the people agreed to be told first.').waitFor();
    await page.getByLabel(/I confirm these people agreed/).check();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Finished: 3 rows read').waitFor();
    assert.equal(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value'), '100');
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await rejected.waitFor();
    assert.match(await rejected.innerText(), /3\s+"not-an-address" is not an e-mail address/);
    await page.getByText('3 subscribers in all').waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'subscribers-import-en');
    await context.close();
  });

  it('an owner creates an API token and sees its secret once, and changes a member’s role', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('owner');
    await page.getByRole('link', { name: 'People and access' }).click();
    await page.getByRole('heading', { level: 1, name: 'People and access' }).waitFor();

    const form = page.getByRole('form', { name: 'Create the token' });
    await form.getByLabel('What it is for').fill('Monitoring');
    await form.getByLabel('Role').selectOption('incident_lead');
    await form.getByRole('button', { name: 'Create the token' }).click();
    const shown = page.getByRole('region', { name: 'The token Monitoring was created' });
    await shown.waitFor();
    const secret = await shown.getByLabel('Secret').inputValue();
    assert.match(secret, /^tsn_/);
    const used = await fetch(`${run.origin}/api/admin/components`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(used.status, 200, 'the token shown works');
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'Monitoring' }).getByText('Active').waitFor();
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Monitoring' }).waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is never shown again');

    await page.getByLabel(`Role of ${personName('reviewer')}`, { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: `Change the role of ${personName('reviewer')}` }).click();
    await page.getByRole('status').filter({ hasText: `${personName('reviewer')} is now Viewer.` }).waitFor();
    const members = await h.request('GET', '/api/admin/members');
    assert.equal(members.body.members.find((m: { email: string }) => m.email === 'reviewer.web@acme.test').role, 'viewer');

    // With the other owner made a viewer, Olivia is the last owner: the server's reason is shown.
    await h.request('POST', '/api/admin/members', { body: { email: 'owner@acme.test', name: 'owner person', role: 'viewer' } });
    await page.getByRole('button', { name: `Remove ${personName('owner')}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${personName('owner')}?` });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'A workspace keeps at least one owner: make someone else owner first.' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await h.request('POST', '/api/admin/members', { body: { email: 'owner@acme.test', name: 'owner person', role: 'owner' } });
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'people-en');
    await context.close();
  });

  it('finds the role change in the activity log, by who, what and when, in words', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('owner');
    await page.getByRole('link', { name: 'Activity log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activity log' }).waitFor();
    await page.getByText(/Olivia Owner created the API token “Monitoring”\./).waitFor();
    await page.getByLabel('Who').selectOption({ label: personName('owner') });
    await page.getByLabel('What').selectOption({ label: 'Changed someone’s role' });
    await page.getByLabel('From').fill('2026-03-10');
    await page.getByRole('button', { name: 'Show' }).click();
    const entry = page.getByRole('listitem').filter({ hasText: `Olivia Owner changed the role of “${personName('reviewer')}”: reviewer → viewer.` });
    await entry.waitFor();
    assert.equal(await page.getByRole('listitem').filter({ hasText: 'created the API token' }).count(), 0, 'only the role changes are listed');
    await entry.getByText('Details').click();
    assert.match(await entry.getByRole('table').innerText(), /role\s+reviewer\s+viewer/);
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'audit-en');

    await page.getByLabel('To (included)').fill('2026-03-09');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Nothing matches these filters.').waitFor();
    await context.close();
  });

  it('a communications lead changes a cadence and adds a glossary term, in French, with the server’s field errors', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead', { language: 'fr' });
    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('tab', { name: 'Rythme et relecture', selected: true }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Espace' }).count(), 0, 'the workspace itself is for owners');

    await page.getByLabel('Impact majeur').fill('2');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const invalid = page.getByLabel('Impact majeur');
    await page.locator('#cadence-major-error').waitFor();
    assert.equal(await invalid.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#cadence-major-error').innerText(), /5/);
    await invalid.fill('45');
    await page.getByLabel('Impact critique').fill('20');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
    const settings = await h.request('GET', '/api/admin/settings/communication');
    assert.deepEqual([settings.body.cadence.critical, settings.body.cadence.major], [20, 45]);
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'settings-fr');

    await page.getByRole('tab', { name: 'Glossaire' }).click();
    await page.getByLabel('Mot à éviter').fill('DNS');
    await page.getByLabel('Mots simples à la place').fill('l’annuaire d’Internet');
    await page.getByLabel('Clients', { exact: true }).check();
    await page.getByRole('button', { name: 'Ajouter le mot' }).click();
    await page.getByRole('row').filter({ hasText: 'l’annuaire d’Internet' }).waitFor();
    const glossary = await h.request('GET', '/api/admin/settings/glossary');
    assert.deepEqual(glossary.body.terms.map((term: { term: string; plain: string; language: string; audiences: string[] }) => [term.term, term.plain, term.language, term.audiences]), [['DNS', 'l’annuaire d’Internet', 'fr', ['customers']]]);
    await page.getByLabel('Mot à éviter').fill('dns');
    await page.getByLabel('Mots simples à la place').fill('autre chose');
    await page.getByRole('button', { name: 'Ajouter le mot' }).click();
    await page.getByRole('alert').filter({ hasText: 'Le glossaire a déjà ce mot dans cette langue' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'settings-glossary-fr');
    await context.close();
  });

  it('a support person looks a subscriber up, and sees no settings, people or activity log', { timeout: 90_000 }, async () => {
    const { page, context } = await run.signIn('support');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Subscribers' }).waitFor();
    for (const hidden of ['Settings', 'People and access', 'Activity log']) assert.equal(await nav.getByRole('link', { name: hidden }).count(), 0, `${hidden} is hidden`);
    assert.equal(await nav.getByRole('list', { name: 'Workspace' }).count(), 0, 'a group with nothing for this role does not show');
    await nav.getByRole('link', { name: 'Subscribers' }).click();
    await page.getByLabel('E-mail, phone number or address').fill('martin');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: 'martin.dupont@client.example' }).waitFor();
    // Martin is in the whole list too: the search has answered once the others are gone.
    await page.getByRole('row').filter({ hasText: 'alice@client.example' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('row').filter({ hasText: 'alice@client.example' }).count(), 0);
    for (const absent of ['Remove', 'Import', 'Export (CSV)']) assert.equal(await page.getByRole('button', { name: absent }).or(page.getByRole('link', { name: absent })).count(), 0, `no ${absent}`);
    assert.deepEqual(await accessibilityViolations(page), []);

    await page.goto(`${run.origin}/settings`);
    await page.getByText('Your role does not give access to this page.', { exact: false }).waitFor();
    await nav.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { name: 'Card payments' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Change the status of/ }).count(), 0, 'support does not set statuses');
    await context.close();
  });

  it('every settings tab and the workspace’s own read cleanly for an owner, light and dark, and on a tablet', { timeout: 120_000 }, async () => {
    await h.request('POST', '/api/admin/settings/templates', { body: { stage: 'first', language: 'en', channel: 'email', audience: 'customers', subject: '{{incident_name}}', body: 'Since {{started_time}}, {{what}}. {{action}} Next update at {{next_update}}.' } });
    await h.request('POST', '/api/admin/settings/channels', { body: { name: 'Crisis cell room', kind: 'slack', purpose: 'alerts', audience: 'employees', target: 'https://hooks.slack.com/services/T000/B000/XXXXXXXX' } });
    const { page, context } = await run.signIn('owner');
    await page.getByRole('link', { name: 'Settings' }).click();
    const tabs = ['Rhythm and review', 'Audiences', 'Glossary', 'Message templates', 'Team channels', 'Legal regimes', 'Workspace'];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const name of tabs) {
        await page.getByRole('tab', { name }).click();
        await page.getByRole('tabpanel').getByRole('button').first().waitFor();
        assert.deepEqual(await accessibilityViolations(page), [], `${name} (${scheme})`);
        if (scheme === 'light') await screenshot(page, `settings-${name.toLowerCase().replaceAll(' ', '-')}-en`);
      }
    }
    await page.getByRole('tab', { name: 'Workspace' }).click();
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#ws-zone-error').waitFor();
    assert.match(await page.locator('#ws-zone-error').innerText(), /time zone/);
    await page.getByLabel('Time zone').fill('Europe/Brussels');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    assert.equal((await h.request('GET', '/api/admin/workspace')).body.time_zone, 'Europe/Brussels');
    await h.request('PATCH', '/api/admin/workspace', { body: { time_zone: 'Europe/Paris' } });

    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { name: 'Card payments' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'services (dark)');
    await context.close();

    const tablet = await run.signIn('comms_lead', { viewport: { width: 768, height: 1024 } });
    await tablet.page.getByRole('link', { name: 'Subscribers' }).click();
    await tablet.page.getByRole('heading', { name: 'Import a list' }).waitFor();
    assert.deepEqual(await accessibilityViolations(tablet.page), []);
    await screenshot(tablet.page, 'subscribers-tablet-en');
    await tablet.context.close();
  });

  it('the activity log filters by person and period through the API too', async () => {
    const owner = await h.request('GET', '/api/admin/members');
    const olivia = owner.body.members.find((m: { name: string }) => m.name === personName('owner'));
    const mine = await h.request('GET', `/api/admin/audit?actor_id=${olivia.id}&limit=500`);
    assert.ok(mine.body.entries.length > 0);
    assert.ok(mine.body.entries.every((entry: { actor_id: string }) => entry.actor_id === olivia.id));
    const before = await h.request('GET', `/api/admin/audit?to=${encodeURIComponent('2026-01-01T00:00:00Z')}&limit=500`);
    assert.ok(before.body.entries.length > 0, 'the services were set up in December');
    assert.ok(before.body.entries.every((entry: { at: string }) => entry.at < '2026-01-01'));
    const bad = await h.request('GET', '/api/admin/audit?from=yesterday');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].pointer, '/from');
  });
});

describe('console back office: the rules behind the screens', () => {
  const now = new Date(2026, 2, 10, 15, 0);
  const at = (daysBack: number, hour: number) => new Date(2026, 2, 10 - daysBack, hour).toISOString();

  it('a day shows the worst status it saw, and nothing before the service existed', () => {
    const days = dailyWorst(
      [
        { status: 'operational', previous_status: null, changed_at: at(5, 9) },
        { status: 'major_outage', previous_status: 'operational', changed_at: at(2, 23) },
        { status: 'degraded_performance', previous_status: 'major_outage', changed_at: at(1, 1) },
        { status: 'operational', previous_status: 'degraded_performance', changed_at: at(1, 2) },
      ],
      'operational',
      now,
    );
    assert.equal(days.length, 90);
    assert.deepEqual(days.slice(-7).map((day) => day.worst), [null, 'operational', 'operational', 'operational', 'major_outage', 'major_outage', 'operational']);
    assert.equal(troubledDays(days), 2);
  });

  it('a service older than the window starts it in the status its first change left', () => {
    const days = dailyWorst([{ status: 'operational', previous_status: 'under_maintenance', changed_at: at(0, 10) }], 'operational', now);
    assert.ok(days.slice(0, -1).every((day) => day.worst === 'under_maintenance'));
    assert.equal(days.at(-1)!.worst, 'under_maintenance', 'maintenance this morning still marks today');
    assert.deepEqual(dailyWorst([], 'partial_outage', now).map((day) => day.worst).filter((worst) => worst !== 'partial_outage'), []);
  });

  it('moving an item swaps two places, and renumbers a list whose places were shared', () => {
    const items = [{ id: 'a', position: 3 }, { id: 'b', position: 7 }, { id: 'c', position: 9 }];
    assert.deepEqual(reorder(items, 2, -1).map(({ item, position }) => [item.id, position]), [['c', 7], ['b', 9]]);
    const shared = [{ id: 'a', position: 1 }, { id: 'b', position: 1 }];
    assert.deepEqual(reorder(shared, 0, 1).map(({ item, position }) => [item.id, position]), [['a', 2]]);
  });

  it('an activity entry reads as a sentence, with the change it made', () => {
    const words: Vocabulary = {
      t: ((key: string, values: Record<string, string> = {}) => ({ sentence: `${values.who} ${values.phrase}.`, quoted: ` “${values.name}”`, roleChange: `: ${values.before} → ${values.after}`, roleDetail: ` as ${values.role}`, statusDetail: `: ${values.status}`, system: 'Tocsin' })[key] ?? key) as Vocabulary['t'],
      phrase: ((key: string, values: Record<string, string> = {}) => `${key}${values.name ?? ''}${values.detail ?? ''}`) as Vocabulary['phrase'],
      role: (role) => role.toUpperCase(),
      status: (status) => status,
    };
    const entry = (fields: Partial<AuditEntry>): AuditEntry => ({ id: 1, at: now.toISOString(), actor_type: 'user', actor_id: 'u1', actor_name: 'Olivia', action: 'member.update', entity_type: 'member', entity_id: 'u2', before: null, after: null, ...fields });
    const roleChange = entry({ before: { role: 'reviewer' }, after: { id: 'u2', name: 'Léa', role: 'viewer', email: 'lea@acme.test' } });
    assert.equal(describeEntry(roleChange, new Map(), words), 'Olivia member_update “Léa”: REVIEWER → VIEWER.');
    assert.deepEqual(changedFields(roleChange), [{ field: 'role', before: 'reviewer', after: 'viewer' }], 'fields a partial record did not hold did not change');
    const removed = entry({ action: 'member.remove', before: { role: 'viewer' } });
    assert.equal(describeEntry(removed, new Map([['u2', 'Léa']]), words), 'Olivia member_remove “Léa”.', 'a name the record lacks comes from the people list');
    assert.equal(describeEntry(entry({ action: 'mystery.thing', actor_type: 'system' }), new Map(), words), 'Tocsin unknown.');
    assert.deepEqual(changedFields(entry({ action: 'component.create', after: { name: 'API', status: 'operational', version: 1 } })).map((row) => row.field), ['name', 'status']);
  });
});
