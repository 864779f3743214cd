import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

const hour = 3_600_000;

describe('legal clocks through the admin API', () => {
  let h: Harness;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    // Tuesday 4 May 2027, 11:30 in Paris.
    h.clock.set('2027-05-04T09:30:00Z');
    const incident = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Customer records exposed', impact: 'major', body: 'We are investigating.', detected_at: '2027-05-04T08:00:00Z', deliver_notifications: false },
    });
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    incidentId = incident.body.id;
  });
  after(async () => h?.close());

  const clocks = (token = h.tokens.reviewer) => h.request('GET', `/api/admin/incidents/${incidentId}/regulatory`, { token });
  const stamps = (body: object, token = h.tokens.reviewer) => h.request('PATCH', `/api/admin/incidents/${incidentId}/regulatory`, { token, body });
  const file = (body: object) => h.request('POST', `/api/admin/incidents/${incidentId}/regulatory/submissions`, { token: h.tokens.reviewer, body });
  const deadline = (body: any, id: string) => body.deadlines.find((d: any) => d.id === id);

  it('every regime is off until someone in charge switches it on; support and viewers see none of it', async () => {
    const profile = await h.request('GET', '/api/admin/settings/regulatory', { token: h.tokens.reviewer });
    assert.equal(profile.status, 200);
    assert.deepEqual([profile.body.gdpr_roles, profile.body.nis2, profile.body.dora_financial_entity, profile.body.version], [[], null, false, 0]);
    assert.deepEqual((await clocks()).body.deadlines, []);
    for (const token of [h.tokens.support, h.tokens.viewer]) assert.equal((await clocks(token)).status, 403);
    assert.equal((await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.support, body: { dora_financial_entity: true } })).status, 403);
    assert.equal((await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { nis2: 'huge' } })).status, 400);

    const set = await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { gdpr_roles: ['controller'], nis2: 'essential', dora_financial_entity: true } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.headers.get('etag'), '"1"');
    const stale = await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { eprivacy_provider: true }, headers: { 'if-match': '"0"' } });
    assert.equal(stale.status, 412);
  });

  it('a personal data breach starts the GDPR clock at awareness: 72 h, with the rule, the form content, and who set it and why', async () => {
    const flagged = await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } });
    assert.equal(flagged.status, 200, JSON.stringify(flagged.body));
    const waiting = deadline((await clocks()).body, 'gdpr.authority');
    assert.equal(waiting.status, 'waiting', 'no awareness yet');

    assert.equal((await stamps({ aware_at_gdpr: '2027-05-04T09:00:00Z' })).status, 400, 'a change without its reason');
    assert.equal((await stamps({ risk: 'high', reason: 'first assessment' })).status, 400, 'a risk level without its rationale');
    assert.equal((await stamps({ aware_at_gdpr: '2027-05-05T09:00:00Z', reason: 'typo' })).status, 400, 'awareness in the future');

    const set = await stamps({ aware_at_gdpr: '2027-05-04T09:00:00Z', aware_basis: 'Logs confirm the export of the customer table.', risk: 'risk', risk_rationale: 'Names and e-mails, no payment data.', reason: 'Confirmed by the security team at 11:00' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const authority = deadline(set.body, 'gdpr.authority');
    assert.equal(authority.due_at, '2027-05-07T09:00:00.000Z');
    assert.equal(authority.status, 'running');
    assert.match(authority.rule, /GDPR Art\. 33\(1\)/);
    assert.ok(authority.content.some((item: any) => item.key === 'data_subjects_approx' && item.mandatory && item.label.fr));
    assert.equal(deadline(set.body, 'gdpr.data_subjects'), undefined, 'a risk that is not high: the authority only');

    const audit = (await h.request('GET', `/api/admin/audit?entity_id=${incidentId}`)).body.entries.find((e: any) => e.action === 'incident_regulatory.update');
    assert.equal(audit.actor_name, 'token reviewer token');
    assert.equal(audit.after.reason, 'Confirmed by the security team at 11:00');
  });

  it('a report filed after its deadline must say why it is late; then the deadline is closed as late', async () => {
    h.clock.set('2027-05-08T10:00:00Z');
    assert.equal(deadline((await clocks()).body, 'gdpr.authority').status, 'overdue');
    const refused = await file({ regime: 'gdpr', report: 'authority', submitted_at: '2027-05-08T09:45:00Z', authority_ref: 'CNIL-2027-0042' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.type, 'https://tocsin.dev/problems/late-reason-required');
    assert.equal((await file({ regime: 'gdpr', report: 'early_warning', submitted_at: '2027-05-08T09:45:00Z' })).status, 400, 'not a GDPR report');

    const filed = await file({ regime: 'gdpr', report: 'authority', submitted_at: '2027-05-08T09:45:00Z', authority_ref: 'CNIL-2027-0042', late_reason: 'The extent of the export took three days to establish.' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const closed = deadline(filed.body, 'gdpr.authority');
    assert.deepEqual([closed.status, closed.submitted_at], ['late', '2027-05-08T09:45:00.000Z']);
    assert.deepEqual(filed.body.submissions.map((s: any) => [s.report, s.authority_ref, s.recorded_by]), [['authority', 'CNIL-2027-0042', 'token reviewer token']]);
  });

  it('NIS2 runs from awareness of a significant incident and DORA from classification, moved off the weekend', async () => {
    // Classified major on Friday 7 May 2027 at 13:00 UTC (15:00 in Paris): DORA's 4 h fall on Friday 19:00 Paris,
    // but 24 h from detection (Tuesday) passed long before, so the late-classification rule gives 4 h after it.
    const set = await stamps({ aware_significant_at: '2027-05-04T10:00:00Z', classified_major_at: '2027-05-07T13:00:00Z', reason: 'Significant: 40,000 customers' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(deadline(set.body, 'nis2.early_warning').due_at, new Date(Date.parse('2027-05-04T10:00:00Z') + 24 * hour).toISOString());
    assert.equal(deadline(set.body, 'nis2.notification').due_at, '2027-05-07T10:00:00.000Z');
    const dora = deadline(set.body, 'dora.initial');
    assert.equal(dora.due_at, '2027-05-07T17:00:00.000Z');
    assert.equal(dora.tag, 'U', 'the late-classification rule is unconfirmed: a setting');

    // Filed on Friday 7 May at 18:30 Paris: the intermediate report's 72 h end on Monday 10 May at 18:30, a working day.
    const initial = await file({ regime: 'dora', report: 'initial', submitted_at: '2027-05-07T16:30:00Z' });
    const intermediate = deadline(initial.body, 'dora.intermediate');
    assert.equal(intermediate.due_at, '2027-05-10T16:30:00.000Z');
    assert.equal(intermediate.shifted_from, null);
  });

  it('the communication clocks are for everyone on the incident: a first message 90 minutes after detection was late, the next update is overdue', async () => {
    const res = await h.request('GET', `/api/admin/incidents/${incidentId}/clocks`, { token: h.tokens.viewer });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [first, next] = res.body.clocks;
    assert.deepEqual([first.id, first.due_at, first.status, first.met_at], ['first_message', '2027-05-04T09:00:00.000Z', 'late', '2027-05-04T09:30:00.000Z']);
    assert.deepEqual([next.id, next.due_at, next.status, next.promised], ['next_update', '2027-05-04T10:30:00.000Z', 'overdue', false]);
    assert.deepEqual(next.steps.map((s: any) => [s.step, s.at, s.to, s.queued]), [
      ['reminder', '2027-05-04T10:15:00.000Z', 'referent', 0],
      ['due', '2027-05-04T10:30:00.000Z', 'backup_and_lead', 0],
      ['escalation', '2027-05-04T10:45:00.000Z', 'executive', 0],
    ]);
    assert.equal((await h.request('GET', '/api/admin/incidents/nosuchincide/clocks')).status, 404);
  });

  it('impossible orders are refused with the field and why: awareness before the incident occurred, a classification before detection', async () => {
    await h.request('PATCH', `/api/admin/incidents/${incidentId}`, { token: h.tokens.incident_lead, body: { occurred_at: '2027-05-04T07:30:00Z' } });
    const beforeOccurrence = await stamps({ aware_at_gdpr: '2027-05-04T07:00:00Z', reason: 'corrected from the logs' });
    assert.equal(beforeOccurrence.status, 400);
    assert.deepEqual(beforeOccurrence.body.errors.map((e: any) => e.pointer), ['/aware_at_gdpr']);
    assert.match(beforeOccurrence.body.errors[0].detail, /before occurred_at/);
    const beforeDetection = await stamps({ classified_major_at: '2027-05-04T07:45:00Z', reason: 'back-dated' });
    assert.equal(beforeDetection.status, 400);
    assert.deepEqual(beforeDetection.body.errors.map((e: any) => e.pointer), ['/classified_major_at']);
    assert.equal((await clocks()).body.stamps.classified_major_at, '2027-05-07T13:00:00.000Z', 'nothing was changed');
  });
});
