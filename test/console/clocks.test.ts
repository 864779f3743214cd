import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sendDueReminders } from '../../src/services/clocks/send-reminders.ts';
import { axisTicks, stackOffsets, timeRange, type Timeline } from '../../src/surfaces/console/app/screens/war-room/timeline-scale.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';

const minute = 60_000;

/**
 * The war room's clocks and timeline in a real browser, on the harness's test clock: the console
 * reads the server's time from each answer, so moving the clock and reloading moves the countdown.
 */
describe('console: clocks always in sight, and the incident as a picture', () => {
  let h: Harness;
  let run: ConsoleRun;
  const start = new Date('2026-03-10T14:00:00Z');
  const at = (minutes: number) => new Date(start.getTime() + minutes * minute).toISOString();

  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    // The workspace is a GDPR controller: a breach starts the 72 h clock.
    assert.equal((await h.request('PATCH', '/api/admin/settings/regulatory', { body: { gdpr_roles: ['controller'] } })).status, 200);
  });
  after(async () => {
    await run?.close();
    await h?.close();
  });

  async function openIncident(body: Record<string, unknown>): Promise<string> {
    const opened = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { impact: 'major', deliver_notifications: false, ...body } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    return opened.body.id;
  }

  async function flagBreach(id: string, awareAt: string): Promise<void> {
    const sheet = await h.request('GET', `/api/admin/incidents/${id}/facts`, { token: h.tokens.comms_lead });
    const flagged = await h.request('PATCH', `/api/admin/incidents/${id}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true }, headers: { 'if-match': `"${sheet.body.version}"` } });
    assert.equal(flagged.status, 200, JSON.stringify(flagged.body));
    const stamped = await h.request('PATCH', `/api/admin/incidents/${id}/regulatory`, { token: h.tokens.reviewer, body: { aware_at_gdpr: awareAt, reason: 'Les journaux montrent un export de la table clients' } });
    assert.equal(stamped.status, 200, JSON.stringify(stamped.body));
  }

  const nextUpdateCard = (page: Page) => page.locator('article[data-clock="next_update"]');
  async function waitForTone(page: Page, clock: string, tone: string): Promise<void> {
    await page.locator(`article[data-clock="${clock}"][data-tone="${tone}"]`).waitFor();
  }

  it('counts down to the promised update, turns amber at the reminder and red when late, and postpones it in public', { timeout: 120_000 }, async () => {
    h.clock.set(start);
    const id = await openIncident({ name: 'Payments failing at checkout', body: 'We are investigating failed card payments.', next_update_at: at(20) });
    await flagBreach(id, at(0));
    const { page, context } = await run.signIn('comms_lead');
    await page.goto(`${run.origin}/incidents/${id}`);
    await waitForTone(page, 'next_update', 'calm');
    const card = nextUpdateCard(page);
    assert.match(await card.getByRole('timer').innerText(), /^(19|20):\d\d$/, 'under an hour the countdown reads mm:ss');
    assert.match(await card.innerText(), /On track/);
    assert.match(await card.innerText(), /Promised in public for/);
    assert.equal((await page.locator('.clocks-panel [role="status"]').first().innerText()).trim(), '', 'nothing is announced while the clock runs calmly');

    // 14 minutes left: the referent's reminder (15 min before) has gone out.
    h.clock.set(at(6));
    await sendDueReminders({ db: h.db, now: h.clock.now() });
    await page.reload();
    await waitForTone(page, 'next_update', 'soon');
    assert.match(await nextUpdateCard(page).innerText(), /Due soon/);
    assert.match(await page.locator('.clocks-panel [role="status"]').first().innerText(), /Next public update: due soon/);

    // Twelve minutes past the promised time, and the sweep has raised its reminders and escalations.
    h.clock.set(at(32));
    await sendDueReminders({ db: h.db, now: h.clock.now() });
    await page.reload();
    await waitForTone(page, 'next_update', 'late');
    assert.match(await nextUpdateCard(page).getByRole('timer').innerText(), /^late by 12 min$/);
    assert.match(await nextUpdateCard(page).innerText(), /\bLate\b/);
    assert.match(await page.locator('.clocks-panel [role="status"]').first().innerText(), /Next public update is late/);
    const alerts = page.locator('.clock-alert');
    await alerts.first().waitFor();
    assert.ok((await alerts.count()) >= 2, 'the reminder and the deadline step are waiting to be taken in hand');
    assert.match(await page.locator('.clock-steps').innerText(), /reached at/);
    await screenshot(page, 'clocks-en');
    assert.deepEqual(await accessibilityViolations(page), []);

    const before = await alerts.count();
    await alerts.first().getByRole('button', { name: /I’m on it/ }).click();
    await page.waitForFunction((count) => document.querySelectorAll('.clock-alert').length === count - 1, before);

    await nextUpdateCard(page).getByRole('button', { name: 'Postpone…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Postpone the next update' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /moved in public/);
    // A reason is required: the server's refusal is shown beside the field.
    await dialog.getByRole('button', { name: 'Move the next update' }).click();
    await dialog.locator('#postpone-reason-error').waitFor();
    await dialog.getByLabel('Why it moves').fill('Waiting for the card processor’s diagnosis');
    const newTime = await dialog.getByLabel('New time of the next update').inputValue();
    await dialog.getByRole('button', { name: 'Move the next update' }).click();
    const done = page.locator('.clocks-panel .notice-ok');
    await done.waitFor();
    await waitForTone(page, 'next_update', 'calm');

    const incident = await h.request('GET', `/api/admin/incidents/${id}`, { token: h.tokens.viewer });
    const promised = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(incident.body.next_update_at));
    assert.ok(newTime.endsWith(promised), `the time chosen in the dialog (${newTime}) is the one promised now (${promised})`);
    assert.ok(Date.parse(incident.body.next_update_at) > Date.parse(at(32)), 'the new time is later than now');
    assert.match(await done.innerText(), new RegExp(`The next update is now due at ${promised}\\. Published on the status page: “The next update, announced for .+, is moved to .+\\.”`));
    assert.match(await nextUpdateCard(page).innerText(), new RegExp(`Promised in public for ${promised}`));
    assert.equal(incident.body.updates.length, 2, 'the postponement is a public update');
    assert.match(incident.body.updates[0].bodies.en, /is moved to/);
    assert.match(incident.body.updates[0].bodies.fr, /est reporté à/);
    await context.close();
  });

  it('shows the first-message deadline inside the crisis cell and a breach’s GDPR 72 h clock with its rule and due time', { timeout: 90_000 }, async () => {
    h.clock.set(start);
    const id = await openIncident({ name: 'Customer records exported', detected_at: at(-10) });
    await flagBreach(id, at(0));
    h.clock.set(at(5));

    // Legal reads it on a tablet.
    const { page, context } = await run.signIn('reviewer', { viewport: { width: 768, height: 1024 } });
    await page.goto(`${run.origin}/incidents/${id}`);
    await waitForTone(page, 'first_message', 'calm');
    const first = page.locator('article[data-clock="first_message"]');
    assert.match(await first.innerText(), /still inside the crisis cell/);
    assert.match(await first.getByRole('timer').innerText(), /^(44|45):\d\d$/, 'an hour from detection, 15 minutes gone');
    assert.equal(await page.locator('article[data-clock="next_update"]').count(), 0, 'nothing was promised before the first message');

    const gdpr = page.locator('.legal-item[data-deadline="gdpr.authority"]');
    await gdpr.waitFor();
    const text = await gdpr.innerText();
    assert.match(text, /Personal data breach notification/);
    assert.match(text, /within 72 hours of becoming aware/);
    // Aware at 15:00 Paris time on Tuesday: due Friday at 15:00.
    assert.match(text, /Due Friday,? 13 March 2026 at 15:00/);
    assert.match(text, /2 d 23 h left/);
    assert.match(text, /Running/);
    await gdpr.getByText('The rule and what the report must contain').click();
    assert.match(await gdpr.locator('blockquote').innerText(), /GDPR Art\. 33\(1\)/);
    assert.match(await gdpr.innerText(), /Likely consequences \(required\)/);
    await screenshot(page, 'clocks-tablet-en');
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();

    const support = await run.signIn('support');
    await support.page.goto(`${run.origin}/incidents/${id}`);
    await waitForTone(support.page, 'first_message', 'calm');
    assert.equal(await support.page.locator('.legal').count(), 0, 'support does not see the legal clocks');
    await support.context.close();
  });

  it('draws the timeline: updates as markers, a broken promise, a late silence in red, and the same events as a list', { timeout: 120_000 }, async () => {
    h.clock.set(start);
    const id = await openIncident({ name: 'Login outage', body: 'Sign-in fails for some customers. Next update at 14:30.', next_update_at: at(30), detected_at: at(-20), occurred_at: at(-35) });
    h.clock.set(at(10));
    const fact = await h.request('POST', `/api/admin/incidents/${id}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'known', text: 'About 12 % of sign-ins fail since 13:25 UTC', source: 'Monitoring' } });
    assert.equal(fact.status, 201, JSON.stringify(fact.body));
    await h.request('POST', `/api/admin/incidents/${id}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'rumor', text: 'Passwords were leaked', source: 'Social media' } });
    // The promise of 14:30 is broken: the next word comes at 14:55.
    h.clock.set(at(55));
    const second = await h.request('POST', `/api/admin/incidents/${id}/updates`, { token: h.tokens.comms_lead, body: { status: 'identified', body: 'The cause is identified: a faulty certificate. Next update at 15:25.', next_update_at: at(85), deliver_notifications: false } });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    await flagBreach(id, at(40));
    h.clock.set(at(70));

    const { page, context } = await run.signIn('comms_lead');
    await page.goto(`${run.origin}/incidents/${id}`);
    const plot = page.locator('svg.tl-plot');
    await plot.waitFor();
    assert.equal(await plot.locator('[data-kind="update"]').count(), 2, 'both public updates are on the picture');
    assert.equal(await plot.locator('[data-kind="promise_broken"]').count(), 1);
    assert.equal(await plot.locator('.tl-due[data-due="broken"]').count(), 1, 'the broken promise’s due time is marked');
    const late = plot.locator('.tl-gap[data-late="true"]');
    assert.equal(await late.count(), 1, 'the silence the broken promise fell in is late');
    assert.match((await late.getAttribute('aria-label')) ?? '', /Silence of 55 min: a promised time passed without a word/);
    assert.match((await late.locator('text').textContent()) ?? '', /55 min — late/);
    assert.equal(await plot.locator('.tl-gap[data-late="false"]').count(), 2, 'the silence after the updates are not late (one ongoing)');
    assert.equal(await plot.locator('.tl-now').count(), 1);

    // Keyboard: each marker is focusable and says what it is.
    const markers = plot.locator('.tl-marker');
    const first = markers.first();
    await first.focus();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-kind')), await first.getAttribute('data-kind'));
    assert.equal(await page.locator('.tl-detail').innerText(), await first.getAttribute('aria-label'));

    // The list alternative holds the same events as the picture.
    await page.getByText(/The same \d+ events as a list/).click();
    const rows = page.locator('.tl-list tbody tr');
    assert.equal(await rows.count(), await markers.count());
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-kind')}|${tr.querySelectorAll('td')[2]?.textContent}`));
    const drawn = await markers.evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-kind')}|${(g.getAttribute('aria-label') ?? '').split(' — ').slice(1).join(' — ')}`));
    assert.deepEqual([...drawn].sort(), [...listed].sort());
    assert.ok(listed.some((row) => row.startsWith('rumor|Rumor: Passwords were leaked')));
    assert.match(await page.locator('.tl-silences li[data-late="true"]').innerText(), /55 min — late/);
    assert.match(await page.locator('.tl-summary').innerText(), /First public message 20 min after detection/);
    // The legal deadline, three days ahead, is pinned at the right edge rather than squeezing the picture.
    const deadline = plot.locator('[data-kind="regulatory"]');
    assert.match((await deadline.getAttribute('aria-label')) ?? '', /^later: .+ — Deadline: Personal data breach notification/);
    await screenshot(page, 'timeline-en');
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'timeline-dark-en');
    assert.deepEqual(await accessibilityViolations(page), [], 'readable in dark mode too');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Chronologie' }).waitFor();
    assert.match((await plot.locator('.tl-gap[data-late="true"] text').textContent()) ?? '', /55 min — en retard/);
    assert.match(await page.locator('.tl-list tbody').innerText(), /Rumeur : Passwords were leaked/);
    await screenshot(page, 'timeline-fr');
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();
  });
});

/** The arithmetic behind the picture: pure, so checked without a browser. */
describe('console: the timeline picture’s scale', () => {
  it('puts the axis ticks on round times of the reader’s clock, no more than fit', () => {
    const from = Date.parse('2026-03-10T13:47:12Z');
    const to = Date.parse('2026-03-10T16:02:00Z');
    const { ticks, step } = axisTicks(from, to, 8);
    assert.equal(step, 30 * minute);
    assert.ok(ticks.length >= 4 && ticks.length <= 8, `${ticks.length} ticks`);
    for (const tick of ticks) {
      assert.ok(tick >= from && tick <= to);
      assert.equal(new Date(tick).getMinutes() % 30, 0);
      assert.equal(new Date(tick).getSeconds(), 0);
    }
  });

  it('stacks marks that would overlap and leaves the others on the row’s line', () => {
    assert.deepEqual(stackOffsets([10, 12, 14, 100], 18, [0, -16, 16]), [0, -16, 16, 0]);
    assert.deepEqual(stackOffsets([100, 10], 18, [0, -16, 16]), [0, 0], 'the order given is kept');
  });

  it('takes in a promise due soon but pins a deadline days ahead at the edge', () => {
    const event = (at: string, lane: 'said' | 'regulatory') => ({ at, kind: lane === 'said' ? 'update' : 'regulatory', lane, label: { fr: '', en: '' }, ref: { type: 'update', id: at } });
    const timeline: Timeline = {
      incident: { occurred_at: null, detected_at: null, opened_at: '2026-03-10T14:00:00.000Z', public_at: '2026-03-10T14:00:00.000Z', resolved_at: null },
      events: [event('2026-03-10T14:00:00.000Z', 'said'), event('2026-03-13T14:00:00.000Z', 'regulatory')],
      gaps: [],
      promises: [{ id: 'p', promise_kind: 'next_update', text: '', made_at: '2026-03-10T14:00:00.000Z', due_at: '2026-03-10T16:20:00.000Z', kept_at: null, state: 'pending' }],
      now: '2026-03-10T16:00:00.000Z',
    };
    const { start, end } = timeRange(timeline, Date.parse(timeline.now));
    assert.ok(start < Date.parse('2026-03-10T14:00:00Z'));
    assert.ok(end > Date.parse('2026-03-10T16:20:00Z'), 'the promised time is on the picture');
    assert.ok(end < Date.parse('2026-03-10T17:00:00Z'), 'the deadline three days ahead does not stretch it');
  });
});
