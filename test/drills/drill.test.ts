import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { createPage } from '../../src/services/page/pages.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { advanceRunningDrills } from '../../src/services/drills/advance-drill.ts';
import { sendDueReminders } from '../../src/services/clocks/send-reminders.ts';
import { findScenario } from '../../src/domain/drills/scenarios.ts';

const second = 1_000;
const realCustomer = 'real.customer@example.test';

describe('a drill played from start to report on the accelerated clock', () => {
  let h: Harness;
  let smtp: SmtpSink;
  let pageId: string;
  before(async () => {
    h = await createHarness();
    smtp = await startSmtpSink();
    const page = await createPage({ ctx: h.systemCtx(), input: { slug: 'status', name: 'Acme status', language: 'en', time_zone: 'Europe/Paris' } });
    pageId = page.id;
    await h.request('POST', '/api/admin/components', { body: { name: 'Billing' } });
    const target = await h.request('POST', `/api/admin/pages/${pageId}/targets`, { body: { kind: 'folder', path: path.join(h.siteDir, 'real-public-site') } });
    assert.equal(target.status, 201, JSON.stringify(target.body));
    // A real, confirmed subscriber of the real page: the sandbox copies them, so the drill's fan-out is real.
    await sql`insert into subscribers (workspace_id, id, page_id, channel, address, language, state, manage_token, source, confirmed_at)
      values (${h.workspaceId}, 'sreal0000001', ${pageId}, 'email', ${realCustomer}, 'en', 'active', 'real-token-1', 'admin', now())`.execute(h.db.db);
  });
  after(async () => {
    await smtp?.close();
    await h?.close();
  });

  const realCounts = async () => {
    const count = async (table: 'incidents' | 'incident_updates' | 'messages' | 'deliveries' | 'fact_entries') =>
      Number((await h.db.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('workspace_id', '=', h.workspaceId).executeTakeFirstOrThrow()).n);
    const page = await h.db.db.selectFrom('status_pages').select(['content_version', 'published_version']).where('workspace_id', '=', h.workspaceId).where('id', '=', pageId).executeTakeFirstOrThrow();
    const audit = await h.db.db.selectFrom('audit_log').select(['action']).where('workspace_id', '=', h.workspaceId).orderBy('id').execute();
    return { incidents: await count('incidents'), updates: await count('incident_updates'), messages: await count('messages'), deliveries: await count('deliveries'), facts: await count('fact_entries'), page, audit: audit.map((a) => a.action) };
  };

  it('refuses a drill to a role without drill.run, and an unknown scenario with a pointer', async () => {
    const viewer = await h.request('POST', '/api/admin/drills', { token: h.tokens.viewer, body: { scenario: 'saas-partial-outage' } });
    assert.equal(viewer.status, 403);
    const unknown = await h.request('POST', '/api/admin/drills', { token: h.tokens.comms_lead, body: { scenario: 'alien-invasion', speed: 60 } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.errors[0].pointer, '/scenario');
    const tooFast = await h.request('POST', '/api/admin/drills', { token: h.tokens.comms_lead, body: { scenario: 'saas-partial-outage', speed: 5000 } });
    assert.equal(tooFast.status, 400);
    assert.equal(tooFast.body.errors[0].pointer, '/speed');
    assert.equal((await h.request('GET', '/api/admin/drills')).body.drills.length, 0, 'nothing was created');
  });

  it('plays the SaaS outage: injects at drill time, a first message in 20 drill minutes, a promise kept and one broken, every send caught, then the score and the report', async () => {
    const before = await realCounts();
    const scenario = findScenario('saas-partial-outage')!;
    const scenarios = await h.request('GET', '/api/admin/drill-scenarios', { token: h.tokens.viewer });
    assert.equal(scenarios.body.scenarios.length, 5);

    const created = await h.request('POST', '/api/admin/drills', { token: h.tokens.comms_lead, body: { scenario: scenario.key, speed: 60 } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const drillId: string = created.body.id;
    assert.equal(created.body.state, 'prepared');
    assert.equal((await h.request('POST', `/api/admin/drills/${drillId}/start`, { token: h.tokens.viewer })).status, 403);

    const startedAt = h.clock.now();
    const started = await h.request('POST', `/api/admin/drills/${drillId}/start`, { token: h.tokens.comms_lead });
    assert.equal(started.status, 200);
    assert.equal(started.body.state, 'running');
    assert.deepEqual(started.body.injects.map((i: { key: string }) => i.key), ['alert-errors'], 'minute 0: the first alert');
    assert.equal((await h.request('POST', `/api/admin/drills/${drillId}/start`, { token: h.tokens.comms_lead })).status, 409);

    // 20 real seconds at ×60 are 20 drill minutes; two workers sweeping at once deliver each inject once.
    h.clock.advance(20 * second);
    const sweeps = await Promise.all([advanceRunningDrills({ db: h.db, queue: h.queue, now: h.clock.now }), advanceRunningDrills({ db: h.db, queue: h.queue, now: h.clock.now })]);
    assert.equal(sweeps[0] + sweeps[1], 1, 'the accountant\'s e-mail (minute 15) arrives once');
    const at20 = await h.request('GET', `/api/admin/drills/${drillId}`, { token: h.tokens.viewer });
    assert.equal(at20.body.drill_minutes, 20);
    assert.deepEqual(at20.body.injects.map((i: { key: string }) => i.key), ['alert-errors', 'customer-accountant']);

    // Participants join: each gets the sandbox with their own role.
    const lead = await h.request('POST', `/api/admin/drills/${drillId}/join`, { token: h.tokens.comms_lead });
    const reviewer = await h.request('POST', `/api/admin/drills/${drillId}/join`, { token: h.tokens.reviewer });
    assert.equal(lead.status, 200);
    assert.equal(lead.body.workspace.slug, created.body.sandbox.slug);
    const asLead = { token: lead.body.token as string };
    assert.equal((await h.request('POST', '/api/admin/drills', { ...asLead, body: { scenario: scenario.key } })).status, 409, 'no drill inside a drill');
    const sessionInSandbox = await h.request('GET', '/api/session/current', asLead);
    assert.equal(sessionInSandbox.body.drill.id, drillId, 'the console learns it is in a drill');
    assert.equal(sessionInSandbox.body.drill.real_workspace.id, h.workspaceId);
    assert.equal((await h.request('GET', '/api/session/current')).body.drill, null);
    const asReviewer = { token: reviewer.body.token as string };

    const incidents = await h.request('GET', '/api/admin/incidents', asLead);
    assert.equal(incidents.status, 200);
    assert.equal(incidents.headers.get('x-server-time'), new Date(startedAt.getTime() + 20 * 60_000).toISOString(), 'the sandbox answers in drill time');
    assert.notEqual((await h.request('GET', '/api/admin/incidents')).headers.get('x-server-time'), incidents.headers.get('x-server-time'), 'the real workspace stays on real time');
    const [incident] = incidents.body.incidents;
    assert.equal(incident.name, scenario.incidentName.en);
    const facts = await h.request('GET', `/api/admin/incidents/${incident.id}/facts`, asLead);
    assert.ok(facts.body.known.some((f: { text: string }) => f.text === scenario.injects[0]!.text.en), 'the alert is a known fact on the sandbox\'s sheet');

    const drillNow = () => new Date(startedAt.getTime() + (h.clock.now().getTime() - startedAt.getTime()) * 60);
    const publishMessage = async (stage: string, nextUpdateInDrillMinutes: number) => {
      const draft = await h.request('POST', `/api/admin/incidents/${incident.id}/messages`, {
        ...asLead, body: { stage, audiences: ['customers'], languages: ['en'], channels: ['status_page', 'email'], next_update_at: new Date(drillNow().getTime() + nextUpdateInDrillMinutes * 60_000).toISOString() },
      });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const approval = await h.request('POST', `/api/admin/messages/${draft.body.id}/approvals`, { ...asReviewer, body: { override_reason: 'Drill: the template is sent as it is.' } });
      assert.equal(approval.status, 201, JSON.stringify(approval.body));
      const published = await h.request('POST', `/api/admin/messages/${draft.body.id}/publish`, asLead);
      assert.equal(published.status, 200, JSON.stringify(published.body));
      // What the linter says of the message as it goes out is what the score counts.
      const atPublish = await h.request('GET', `/api/admin/messages/${draft.body.id}`, asLead);
      for (const finding of atPublish.body.variants.flatMap((v: { findings: Array<{ rule: string; severity: string }> }) => v.findings)) {
        if (finding.rule === 'contradiction') left.contradictions++;
        else if (finding.severity === 'error') left.errors++;
        else if (finding.severity === 'warning') left.warnings++;
      }
      return draft.body.id as string;
    };
    const left = { errors: 0, warnings: 0, contradictions: 0 };
    await publishMessage('first', 60);

    // Drill minute 75: the update promised for minute 80 goes out on time, promising minute 135.
    h.clock.advance(55 * second);
    await advanceRunningDrills({ db: h.db, queue: h.queue, now: h.clock.now });
    await publishMessage('update', 60);
    // Drill minute 150: nothing since; the reminder sweep runs on drill time and its e-mails go to the sink too.
    h.clock.advance(75 * second);
    await advanceRunningDrills({ db: h.db, queue: h.queue, now: h.clock.now });
    const reminders = await sendDueReminders({ db: h.db, now: h.clock.now() });
    assert.ok(reminders.alerts > 0, 'the broken promise raised the sandbox\'s clock alerts');

    // The real dispatcher runs with an SMTP transport: the sandbox's fan-out to the real customer never reaches it.
    const mail = createMailer({ url: smtp.url, from: 'Status <status@acme.example>' });
    const dispatcher = await startDispatcher({ db: h.db, logger: h.logger, senders: { mail, mailDomain: 'acme.example' }, publicUrl: 'https://tocsin.example.test', fallbackUrl: 'https://status.example.test', now: h.clock.now, sweepMs: 3_600_000 });
    await dispatcher.run();
    await dispatcher.stop();
    await mail.close();
    assert.equal(smtp.received.length, 0, 'nothing reached an SMTP server');
    const sink = await h.db.db.selectFrom('drill_sink').selectAll().where('workspace_id', '=', created.body.sandbox.workspace_id).execute();
    const toCustomer = sink.filter((row) => row.recipient === realCustomer && row.kind === 'message');
    assert.equal(toCustomer.length, 2, 'both messages to the real customer\'s address were caught');
    assert.ok(sink.some((row) => row.kind === 'notice'), 'the reminders were caught too');
    const pendingInSandbox = await h.db.db.selectFrom('deliveries').select('state').where('workspace_id', '=', created.body.sandbox.workspace_id).where('state', '!=', 'sent').execute();
    assert.deepEqual(pendingInSandbox, [], 'every sandbox delivery is accounted for by the sink');
    const sandboxPages = await h.request('GET', '/api/admin/pages', asLead);
    assert.equal(sandboxPages.body.pages.length, 1);
    assert.equal(sandboxPages.body.pages[0].url, null, 'the sandbox page has no public address');
    const sandboxTargets = await h.db.db.selectFrom('publish_targets').select('id').where('workspace_id', '=', created.body.sandbox.workspace_id).execute();
    assert.deepEqual(sandboxTargets, [], 'the sandbox publishes to its own folder only, never to the real page\'s targets');

    const finished = await h.request('POST', `/api/admin/drills/${drillId}/finish`, { token: h.tokens.comms_lead });
    assert.equal(finished.status, 200, JSON.stringify(finished.body));
    assert.equal(finished.body.state, 'finished');
    assert.equal(finished.body.drill_minutes, 150);
    const points = Object.fromEntries(finished.body.score.criteria.map((c: { id: string; points: number }) => [c.id, c.points]));
    const expected = {
      first_message: 30, // 20 drill minutes against a 60-minute target
      cadence: 10, // 1 of 2 promised updates kept
      findings: Math.max(0, 20 - 5 * left.errors - 2 * left.warnings),
      contradictions: Math.max(0, 15 - 5 * left.contradictions),
      regulatory: 15, // no form owed
    };
    assert.deepEqual(points, expected);
    assert.equal(finished.body.score.total, Object.values(expected).reduce((a, b) => a + b, 0));
    assert.equal(finished.body.sink_count, sink.length);
    assert.equal((await h.request('POST', '/api/admin/incidents', { ...asLead, body: { name: 'After the end', impact: 'minor' } })).status, 409, 'a finished drill\'s sandbox takes no more changes');

    const report = await h.request('GET', `/api/admin/drills/${drillId}/report?format=md&lang=en`, { token: h.tokens.viewer });
    assert.equal(report.status, 200);
    const md = report.body as string;
    assert.match(md, /# After-action report — SaaS partial outage/);
    assert.match(md, /First public message after 20 min \(target: 60 min\)/);
    assert.match(md, /1 of 2 promised updates kept \(50%\)/);
    assert.match(md, new RegExp(`\\*\\*${finished.body.score.total}/100\\*\\*`));
    assert.match(md, /\| 15 \| Scenario \| \*\*Customer e-mail\*\* — Accounting firm/);
    assert.match(md, /\| 20 \| Cell \| \*\*Message published\*\*/);
    assert.match(md, /\| 75 \| Cell \| \*\*Message published\*\*/);
    assert.match(md, /Cadence kept\*\*: .*promised time/);
    const french = await h.request('GET', `/api/admin/drills/${drillId}/report?format=html&lang=fr`, { token: h.tokens.viewer });
    assert.match(french.body as string, /<h1>Rapport après exercice/);
    assert.match(french.body as string, /Premier message public après 20 min/);
    const pdf = await h.app.request(`/api/admin/drills/${drillId}/report?format=pdf`, { headers: { authorization: `Bearer ${h.tokens.viewer}` } });
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');

    // The real workspace: no incident, update, message, fact or delivery; its page unchanged; only the drill's own audit.
    const afterwards = await realCounts();
    assert.deepEqual({ ...afterwards, audit: undefined }, { ...before, audit: undefined });
    assert.deepEqual(afterwards.audit.slice(before.audit.length).sort(), ['drill.create', 'drill.finish', 'drill.join', 'drill.join', 'drill.start']);
  });
});
