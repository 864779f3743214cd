import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  computeDeadlines, defaultRegulatorySettings, riskDecision,
  type Deadline, type DeadlineId, type RegulatoryProfile, type RegulatoryStamps, type RegulatorySubmission,
} from './regulatory.ts';

const settings = defaultRegulatorySettings([2026, 2027]);
const off: RegulatoryProfile = {
  gdprRoles: [], nis2: null, isDoraFinancialEntity: false, isEprivacyProvider: false,
  isFrOivOse: false, isFrTelecomOperator: false, isFrHealthEntity: false, settings,
};
const profile = (on: Partial<RegulatoryProfile>): RegulatoryProfile => ({ ...off, ...on });
const stamps = (set: Partial<RegulatoryStamps>): RegulatoryStamps => ({ isPersonalDataBreach: false, submissions: [], ...set });
const at = (iso: string) => new Date(iso);
const sent = (regime: RegulatorySubmission['regime'], report: RegulatorySubmission['report'], iso: string, more: Partial<RegulatorySubmission> = {}): RegulatorySubmission =>
  ({ regime, report, submittedAt: at(iso), ...more });
const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
const parisClock = (date: Date | null) => (date ? DateTime.fromJSDate(date, { zone: 'Europe/Paris' }).toFormat("ccc yyyy-MM-dd'T'HH:mm") : null);

function deadline(list: Deadline[], id: DeadlineId): Deadline {
  const found = list.find((d) => d.id === id);
  assert.ok(found, `${id} is among ${list.map((d) => d.id).join(', ') || 'no deadlines'}`);
  return found;
}
const ids = (list: Deadline[]) => list.map((d) => d.id);

describe('GDPR', () => {
  const controller = profile({ gdprRoles: ['controller'] });
  const breach = (set: Partial<RegulatoryStamps>) => stamps({ isPersonalDataBreach: true, ...set });

  it('a controller owes the authority a notification 72 h after becoming aware, quoting Art. 33(1)', () => {
    const list = computeDeadlines(controller, breach({ awareAtGdpr: at('2027-05-04T09:30:00Z'), risk: 'risk' }), at('2027-05-05T00:00:00Z'));
    const authority = deadline(list, 'gdpr.authority');
    assert.equal(iso(authority.dueAt), '2027-05-07T09:30:00.000Z');
    assert.deepEqual(authority.startsFrom, { stamp: 'awareAtGdpr', at: at('2027-05-04T09:30:00Z') });
    assert.equal(authority.recipient, 'Supervisory authority (CNIL)');
    assert.match(authority.rule, /GDPR Art\. 33\(1\).*72 h/);
    assert.equal(authority.tag, 'P');
    assert.equal(authority.undueDelay, false);
    assert.equal(authority.status, 'running');
    assert.deepEqual(ids(list), ['gdpr.authority'], 'a mere risk does not call for telling the data subjects');
  });

  it('a breach unlikely to result in a risk goes to the register only: no authority deadline', () => {
    const list = computeDeadlines(controller, breach({ awareAtGdpr: at('2027-05-04T09:30:00Z'), risk: 'unlikely' }), at('2027-05-05T00:00:00Z'));
    assert.deepEqual(list, []);
  });

  it('a risk not assessed yet keeps the authority clock running ("if in doubt, notify")', () => {
    const list = computeDeadlines(controller, breach({ awareAtGdpr: at('2027-05-04T09:30:00Z') }), at('2027-05-05T00:00:00Z'));
    assert.deepEqual(ids(list), ['gdpr.authority']);
  });

  it('a high risk adds the data subjects, without undue delay and no hours', () => {
    const list = computeDeadlines(controller, breach({ awareAtGdpr: at('2027-05-04T09:30:00Z'), risk: 'high' }), at('2027-05-05T00:00:00Z'));
    assert.deepEqual(ids(list), ['gdpr.authority', 'gdpr.data_subjects']);
    const subjects = deadline(list, 'gdpr.data_subjects');
    assert.equal(subjects.dueAt, null);
    assert.equal(subjects.undueDelay, true);
    assert.equal(subjects.status, 'running');
    assert.match(subjects.rule, /Art\. 34/);
  });

  it('the risk table of §2.2: the register always, the authority unless unlikely, the individuals only for a high risk', () => {
    assert.deepEqual(riskDecision('unlikely'), { shouldNotifyAuthority: false, shouldInformDataSubjects: false, shouldRecordInRegister: true });
    assert.deepEqual(riskDecision('risk'), { shouldNotifyAuthority: true, shouldInformDataSubjects: false, shouldRecordInRegister: true });
    assert.deepEqual(riskDecision('high'), { shouldNotifyAuthority: true, shouldInformDataSubjects: true, shouldRecordInRegister: true });
    assert.deepEqual(riskDecision(undefined), { shouldNotifyAuthority: true, shouldInformDataSubjects: false, shouldRecordInRegister: true });
  });

  it('a processor tells its controller without undue delay, whatever the risk, and is met once it has', () => {
    const processor = profile({ gdprRoles: ['processor'] });
    const waiting = computeDeadlines(processor, breach({ awareAtGdpr: at('2027-05-04T09:30:00Z'), risk: 'unlikely' }), at('2027-05-05T00:00:00Z'));
    assert.deepEqual(ids(waiting), ['gdpr.processor_to_controller']);
    assert.equal(waiting[0]!.status, 'running');
    assert.equal(waiting[0]!.undueDelay, true);
    const told = computeDeadlines(processor, breach({ awareAtGdpr: at('2027-05-04T09:30:00Z'), processorNotifiedControllerAt: at('2027-05-04T11:00:00Z') }), at('2027-05-05T00:00:00Z'));
    assert.equal(told[0]!.status, 'met');
    assert.equal(iso(told[0]!.submittedAt), '2027-05-04T11:00:00.000Z');
  });

  it('an incident that is not a personal data breach starts no GDPR clock', () => {
    const list = computeDeadlines(profile({ gdprRoles: ['controller', 'processor'] }), stamps({ awareAtGdpr: at('2027-05-04T09:30:00Z'), risk: 'high' }), at('2027-05-05T00:00:00Z'));
    assert.deepEqual(list, []);
  });
});

describe('NIS2', () => {
  const essential = profile({ nis2: 'essential' });
  const aware = at('2027-06-01T08:00:00Z');

  it('an early warning is due 24 h and the notification 72 h after awareness of the significant incident', () => {
    const list = computeDeadlines(essential, stamps({ awareSignificantAt: aware }), at('2027-06-01T09:00:00Z'));
    assert.equal(iso(deadline(list, 'nis2.early_warning').dueAt), '2027-06-02T08:00:00.000Z');
    assert.equal(iso(deadline(list, 'nis2.notification').dueAt), '2027-06-04T08:00:00.000Z');
    assert.equal(deadline(list, 'nis2.final').status, 'waiting', 'the final report counts from the notification\'s submission');
    assert.equal(deadline(list, 'nis2.recipients').undueDelay, true);
    assert.deepEqual(ids(list), ['nis2.early_warning', 'nis2.notification', 'nis2.final', 'nis2.recipients']);
  });

  it('a trust service provider notifies within 24 h', () => {
    const list = computeDeadlines(profile({ nis2: 'trust_service' }), stamps({ awareSignificantAt: aware }), at('2027-06-01T09:00:00Z'));
    const notification = deadline(list, 'nis2.notification');
    assert.equal(iso(notification.dueAt), '2027-06-02T08:00:00.000Z');
    assert.match(notification.rule, /trust service/);
  });

  const notified = sent('nis2', 'notification', '2027-06-03T15:00:00Z');

  it('handling concluded within the month: the final report is due 1 month after the notification, no progress report', () => {
    const list = computeDeadlines(essential, stamps({ awareSignificantAt: aware, handlingConcludedAt: at('2027-06-20T10:00:00Z'), submissions: [notified] }), at('2027-06-21T00:00:00Z'));
    const final = deadline(list, 'nis2.final');
    assert.equal(iso(final.dueAt), '2027-07-03T15:00:00.000Z');
    assert.deepEqual(final.startsFrom, { stamp: 'nis2.notification.submittedAt', at: at('2027-06-03T15:00:00Z') });
    assert.equal(list.some((d) => d.id === 'nis2.progress'), false);
  });

  it('still ongoing a month after the notification: a progress report is due then, the final waits for the end of handling', () => {
    const list = computeDeadlines(essential, stamps({ awareSignificantAt: aware, submissions: [notified] }), at('2027-06-21T00:00:00Z'));
    assert.equal(iso(deadline(list, 'nis2.progress').dueAt), '2027-07-03T15:00:00.000Z');
    const final = deadline(list, 'nis2.final');
    assert.equal(final.status, 'waiting');
    assert.equal(final.dueAt, null);
    assert.deepEqual(final.startsFrom, { stamp: 'handlingConcludedAt', at: null });
  });

  it('handling concluded after that month: the final report is due 1 month after handling ends', () => {
    const list = computeDeadlines(essential, stamps({ awareSignificantAt: aware, handlingConcludedAt: at('2027-07-10T09:00:00Z'), submissions: [notified] }), at('2027-07-11T00:00:00Z'));
    assert.equal(iso(deadline(list, 'nis2.progress').dueAt), '2027-07-03T15:00:00.000Z');
    assert.equal(iso(deadline(list, 'nis2.final').dueAt), '2027-08-10T09:00:00.000Z');
    assert.equal(deadline(list, 'nis2.final').tag, 'U', '"1 month" read as a calendar month is unconfirmed');
  });

  it('1 calendar month from 31 January ends on the last day of February', () => {
    const list = computeDeadlines(essential, stamps({
      awareSignificantAt: at('2027-01-29T09:00:00Z'), handlingConcludedAt: at('2027-02-10T09:00:00Z'), submissions: [sent('nis2', 'notification', '2027-01-31T09:00:00Z')],
    }), at('2027-02-11T00:00:00Z'));
    assert.equal(iso(deadline(list, 'nis2.final').dueAt), '2027-02-28T09:00:00.000Z');
  });

  it('a calendar month keeps the local clock time across the March change: 10:00 Paris stays 10:00 Paris', () => {
    const list = computeDeadlines(essential, stamps({
      awareSignificantAt: at('2027-03-13T09:00:00Z'), handlingConcludedAt: at('2027-03-20T09:00:00Z'), submissions: [sent('nis2', 'notification', '2027-03-15T09:00:00Z')],
    }), at('2027-03-21T00:00:00Z'));
    const final = deadline(list, 'nis2.final');
    assert.equal(iso(final.dueAt), '2027-04-15T08:00:00.000Z');
    assert.equal(parisClock(final.dueAt), 'Thu 2027-04-15T10:00');
  });
});

describe('DORA', () => {
  const dora = profile({ isDoraFinancialEntity: true });
  const detected = at('2027-06-01T06:00:00Z');

  it('the initial notification is due 4 h after classification when that comes before 24 h from awareness', () => {
    const list = computeDeadlines(dora, stamps({ detectedAt: detected, classifiedMajorAt: at('2027-06-01T10:00:00Z') }), at('2027-06-01T11:00:00Z'));
    const initial = deadline(list, 'dora.initial');
    assert.equal(iso(initial.dueAt), '2027-06-01T14:00:00.000Z');
    assert.deepEqual(initial.startsFrom, { stamp: 'classifiedMajorAt', at: at('2027-06-01T10:00:00Z') });
    assert.equal(initial.tag, 'P');
    assert.equal(initial.shiftedFrom, undefined);
  });

  it('the initial notification is due 24 h from awareness when classification comes less than 4 h before it', () => {
    const list = computeDeadlines(dora, stamps({ detectedAt: detected, classifiedMajorAt: at('2027-06-02T03:00:00Z') }), at('2027-06-02T04:00:00Z'));
    const initial = deadline(list, 'dora.initial');
    assert.equal(iso(initial.dueAt), '2027-06-02T06:00:00.000Z');
    assert.deepEqual(initial.startsFrom, { stamp: 'detectedAt', at: detected });
  });

  it('classified major after the first 24 h: due 4 h after classification [U], or already past when the setting is off', () => {
    const late = stamps({ detectedAt: detected, classifiedMajorAt: at('2027-06-02T09:00:00Z') });
    const initial = deadline(computeDeadlines(dora, late, at('2027-06-02T09:00:00Z')), 'dora.initial');
    assert.equal(iso(initial.dueAt), '2027-06-02T13:00:00.000Z');
    assert.equal(initial.tag, 'U');
    assert.match(initial.rule, /Art\. 5\(2\)/);
    const strict = profile({ isDoraFinancialEntity: true, settings: { ...settings, isDoraLateClassificationRuleOn: false } });
    const strictInitial = deadline(computeDeadlines(strict, late, at('2027-06-02T09:00:00Z')), 'dora.initial');
    assert.equal(iso(strictInitial.dueAt), '2027-06-02T06:00:00.000Z');
    assert.equal(strictInitial.status, 'overdue');
  });

  it('before classification as major nothing is due yet', () => {
    const list = computeDeadlines(dora, stamps({ detectedAt: detected }), at('2027-06-01T07:00:00Z'));
    assert.deepEqual(list.map((d) => [d.id, d.status, d.dueAt]), [
      ['dora.initial', 'waiting', null], ['dora.intermediate', 'waiting', null], ['dora.final', 'waiting', null], ['dora.clients', 'waiting', null],
    ]);
  });

  it('a deadline on Saturday 14:00 Paris moves to Monday 12:00 Paris, and stays put with the setting off', () => {
    const saturday = stamps({ detectedAt: at('2027-06-05T07:00:00Z'), classifiedMajorAt: at('2027-06-05T08:00:00Z') });
    const initial = deadline(computeDeadlines(dora, saturday, at('2027-06-05T09:00:00Z')), 'dora.initial');
    assert.equal(iso(initial.dueAt), '2027-06-07T10:00:00.000Z');
    assert.equal(parisClock(initial.dueAt), 'Mon 2027-06-07T12:00');
    assert.equal(iso(initial.shiftedFrom), '2027-06-05T12:00:00.000Z');
    assert.equal(parisClock(initial.shiftedFrom ?? null), 'Sat 2027-06-05T14:00');
    assert.equal(initial.tag, 'S');
    assert.match(initial.rule, /12:00 the next working day/);
    const unshifted = profile({ isDoraFinancialEntity: true, settings: { ...settings, isDoraWorkingDayShiftOn: false } });
    const kept = deadline(computeDeadlines(unshifted, saturday, at('2027-06-05T09:00:00Z')), 'dora.initial');
    assert.equal(iso(kept.dueAt), '2027-06-05T12:00:00.000Z');
    assert.equal(kept.shiftedFrom, undefined);
  });

  it('an intermediate report falling on 14 July moves to 12:00 on the 15th', () => {
    const list = computeDeadlines(dora, stamps({
      detectedAt: at('2027-07-11T06:00:00Z'), classifiedMajorAt: at('2027-07-11T07:00:00Z'), submissions: [sent('dora', 'initial', '2027-07-11T09:00:00Z')],
    }), at('2027-07-12T00:00:00Z'));
    assert.equal(deadline(list, 'dora.initial').status, 'met');
    const intermediate = deadline(list, 'dora.intermediate');
    assert.equal(iso(intermediate.shiftedFrom), '2027-07-14T09:00:00.000Z', '72 h after the initial notification\'s submission');
    assert.equal(iso(intermediate.dueAt), '2027-07-15T10:00:00.000Z');
    assert.deepEqual(intermediate.startsFrom, { stamp: 'dora.initial.submittedAt', at: at('2027-07-11T09:00:00Z') });
  });

  it('a deadline on Easter Monday 2027 (29 March) moves to Tuesday 12:00', () => {
    const list = computeDeadlines(dora, stamps({ detectedAt: at('2027-03-29T03:00:00Z'), classifiedMajorAt: at('2027-03-29T04:00:00Z') }), at('2027-03-29T05:00:00Z'));
    const initial = deadline(list, 'dora.initial');
    assert.equal(parisClock(initial.shiftedFrom ?? null), 'Mon 2027-03-29T10:00');
    assert.equal(iso(initial.dueAt), '2027-03-30T10:00:00.000Z');
  });

  it('the final report is due 1 month after the latest intermediate report, whatever order they are listed in', () => {
    const submissions = [sent('dora', 'initial', '2026-12-24T09:00:00Z'), sent('dora', 'intermediate', '2027-01-31T09:00:00Z'), sent('dora', 'intermediate', '2026-12-27T09:00:00Z')];
    const base = { detectedAt: at('2026-12-24T04:00:00Z'), classifiedMajorAt: at('2026-12-24T05:00:00Z') };
    for (const order of [submissions, [...submissions].reverse()]) {
      const final = deadline(computeDeadlines(dora, stamps({ ...base, submissions: order }), at('2027-02-01T00:00:00Z')), 'dora.final');
      assert.equal(iso(final.shiftedFrom), '2027-02-28T09:00:00.000Z', '31 January + 1 month = Sunday 28 February');
      assert.equal(iso(final.dueAt), '2027-03-01T11:00:00.000Z', 'Monday 1 March 12:00 Paris');
      assert.equal(final.tag, 'U');
    }
  });

  it('a final report due on New Year\'s Day skips the holiday and the weekend after it', () => {
    const list = computeDeadlines(dora, stamps({ submissions: [sent('dora', 'intermediate', '2026-12-01T09:00:00Z')] }), at('2026-12-02T00:00:00Z'));
    assert.equal(iso(deadline(list, 'dora.final').dueAt), '2027-01-04T11:00:00.000Z');
  });

  it('clients are told without undue delay once the incident is classified major', () => {
    const clients = deadline(computeDeadlines(dora, stamps({ detectedAt: detected, classifiedMajorAt: at('2027-06-01T10:00:00Z') }), at('2027-06-01T11:00:00Z')), 'dora.clients');
    assert.deepEqual([clients.undueDelay, clients.dueAt, clients.status, clients.recipient], [true, null, 'running', 'Clients']);
  });
});

describe('ePrivacy', () => {
  const telecom = profile({ isEprivacyProvider: true });
  const detected = at('2027-06-01T06:00:00Z');

  it('the initial notification is due 24 h after detection; the second 3 days after the initial deadline until it is filed', () => {
    const list = computeDeadlines(telecom, stamps({ isPersonalDataBreach: true, detectedAt: detected }), at('2027-06-01T07:00:00Z'));
    assert.equal(iso(deadline(list, 'eprivacy.initial').dueAt), '2027-06-02T06:00:00.000Z');
    const second = deadline(list, 'eprivacy.second');
    assert.equal(iso(second.dueAt), '2027-06-05T06:00:00.000Z');
    assert.equal(second.startsFrom.stamp, 'eprivacy.initial.dueAt');
  });

  it('once the initial notification is filed, the second is due 3 days after it; a complete one needs no second', () => {
    const filed = sent('eprivacy', 'initial', '2027-06-01T20:00:00Z');
    const list = computeDeadlines(telecom, stamps({ isPersonalDataBreach: true, detectedAt: detected, submissions: [filed] }), at('2027-06-02T00:00:00Z'));
    assert.equal(deadline(list, 'eprivacy.initial').status, 'met');
    const second = deadline(list, 'eprivacy.second');
    assert.equal(iso(second.dueAt), '2027-06-04T20:00:00.000Z');
    assert.deepEqual(second.startsFrom, { stamp: 'eprivacy.initial.submittedAt', at: at('2027-06-01T20:00:00Z') });
    const complete = computeDeadlines(telecom, stamps({ isPersonalDataBreach: true, detectedAt: detected, submissions: [{ ...filed, isComplete: true }] }), at('2027-06-02T00:00:00Z'));
    assert.deepEqual(ids(complete), ['eprivacy.initial']);
  });

  it('a late ePrivacy notification is late, without the GDPR/NIS2/DORA late-reason field', () => {
    const list = computeDeadlines(telecom, stamps({ isPersonalDataBreach: true, detectedAt: detected, submissions: [sent('eprivacy', 'initial', '2027-06-03T06:00:00Z')] }), at('2027-06-03T07:00:00Z'));
    const initial = deadline(list, 'eprivacy.initial');
    assert.equal(initial.status, 'late');
    assert.equal(initial.requiresLateReason, false);
  });
});

describe('across a daylight-saving change in Paris', () => {
  const controller = profile({ gdprRoles: ['controller'] });

  it('72 h from Friday 26 March 2027 10:00 is Monday 29 March 11:00: the clocks jump forward on the 28th', () => {
    const aware = at('2027-03-26T09:00:00Z');
    assert.equal(parisClock(aware), 'Fri 2027-03-26T10:00');
    const due = deadline(computeDeadlines(controller, stamps({ isPersonalDataBreach: true, awareAtGdpr: aware }), aware), 'gdpr.authority').dueAt!;
    assert.equal(iso(due), '2027-03-29T09:00:00.000Z');
    assert.equal(parisClock(due), 'Mon 2027-03-29T11:00');
    assert.equal(due.getTime() - aware.getTime(), 72 * 3_600_000);
  });

  it('72 h from Friday 29 October 2027 10:00 is Monday 1 November 09:00: the clocks go back on the 31st, and the holiday moves nothing outside DORA', () => {
    const aware = at('2027-10-29T08:00:00Z');
    assert.equal(parisClock(aware), 'Fri 2027-10-29T10:00');
    const authority = deadline(computeDeadlines(controller, stamps({ isPersonalDataBreach: true, awareAtGdpr: aware }), aware), 'gdpr.authority');
    assert.equal(iso(authority.dueAt), '2027-11-01T08:00:00.000Z');
    assert.equal(parisClock(authority.dueAt), 'Mon 2027-11-01T09:00');
    assert.equal(authority.shiftedFrom, undefined);
  });
});

describe('status', () => {
  const controller = profile({ gdprRoles: ['controller'] });
  const aware = at('2027-05-04T09:30:00Z');
  const due = '2027-05-07T09:30:00Z';
  const authority = (set: Partial<RegulatoryStamps>, now: string) =>
    deadline(computeDeadlines(controller, stamps({ isPersonalDataBreach: true, ...set }), at(now)), 'gdpr.authority');
  const filed = (...isos: string[]) => isos.map((when) => sent('gdpr', 'authority', when));

  const cases: Array<{ name: string; set: Partial<RegulatoryStamps>; now: string; status: Deadline['status']; requiresLateReason: boolean; submittedAt?: string }> = [
    { name: 'waiting before awareness', set: {}, now: '2027-05-05T00:00:00Z', status: 'waiting', requiresLateReason: false },
    { name: 'running before the deadline', set: { awareAtGdpr: aware }, now: '2027-05-07T09:29:00Z', status: 'running', requiresLateReason: false },
    { name: 'met when filed before it', set: { awareAtGdpr: aware, submissions: filed('2027-05-06T12:00:00Z') }, now: '2027-05-08T00:00:00Z', status: 'met', requiresLateReason: false, submittedAt: '2027-05-06T12:00:00.000Z' },
    { name: 'met when filed on the dot', set: { awareAtGdpr: aware, submissions: filed(due) }, now: '2027-05-08T00:00:00Z', status: 'met', requiresLateReason: false, submittedAt: '2027-05-07T09:30:00.000Z' },
    { name: 'late when filed after it', set: { awareAtGdpr: aware, submissions: filed('2027-05-07T09:31:00Z') }, now: '2027-05-08T00:00:00Z', status: 'late', requiresLateReason: true, submittedAt: '2027-05-07T09:31:00.000Z' },
    { name: 'overdue when past it and not filed', set: { awareAtGdpr: aware }, now: '2027-05-07T09:31:00Z', status: 'overdue', requiresLateReason: true },
    { name: 'met by the first filing, a follow-up after the deadline notwithstanding', set: { awareAtGdpr: aware, submissions: filed('2027-05-09T10:00:00Z', '2027-05-06T12:00:00Z') }, now: '2027-05-10T00:00:00Z', status: 'met', requiresLateReason: false, submittedAt: '2027-05-06T12:00:00.000Z' },
    { name: 'overdue when only another report was filed', set: { awareAtGdpr: aware, submissions: [sent('nis2', 'notification', '2027-05-05T00:00:00Z')] }, now: '2027-05-08T00:00:00Z', status: 'overdue', requiresLateReason: true },
  ];
  for (const { name, set, now, status, requiresLateReason, submittedAt } of cases) {
    it(`the authority notification is ${name}`, () => {
      const result = authority(set, now);
      assert.equal(result.status, status);
      assert.equal(result.requiresLateReason, requiresLateReason);
      assert.equal(iso(result.submittedAt), submittedAt ?? null);
      assert.equal(result.content.some((item) => item.key === 'late_reason'), requiresLateReason, 'the form asks for the reasons of the delay exactly when they are owed');
    });
  }
});

describe('the profile', () => {
  const everyStamp = stamps({
    isPersonalDataBreach: true, risk: 'high',
    occurredAt: at('2027-06-01T05:00:00Z'), detectedAt: at('2027-06-01T06:00:00Z'), awareAtGdpr: at('2027-06-01T07:00:00Z'),
    awareSignificantAt: at('2027-06-01T07:00:00Z'), classifiedMajorAt: at('2027-06-01T08:00:00Z'),
    submissions: [sent('nis2', 'notification', '2027-06-02T08:00:00Z'), sent('dora', 'initial', '2027-06-01T10:00:00Z'), sent('dora', 'intermediate', '2027-06-03T10:00:00Z')],
  });

  it('regimes switched off produce no deadlines, whatever the stamps say', () => {
    assert.deepEqual(computeDeadlines(off, everyStamp, at('2027-06-04T00:00:00Z')), []);
  });

  it('every regime on: each deadline once, each with its source rule and a labelled content list for the form', () => {
    const all = profile({ gdprRoles: ['controller', 'processor'], nis2: 'important', isDoraFinancialEntity: true, isEprivacyProvider: true, isFrOivOse: true, isFrTelecomOperator: true, isFrHealthEntity: true });
    const list = computeDeadlines(all, everyStamp, at('2027-06-04T00:00:00Z'));
    assert.deepEqual(ids(list), [
      'gdpr.authority', 'gdpr.processor_to_controller', 'gdpr.data_subjects',
      'nis2.early_warning', 'nis2.notification', 'nis2.progress', 'nis2.final', 'nis2.recipients',
      'dora.initial', 'dora.intermediate', 'dora.final', 'dora.clients',
      'eprivacy.initial', 'eprivacy.second', 'fr.anssi', 'fr.telecom', 'fr.health',
    ]);
    for (const d of list) {
      assert.ok(d.rule.trim().length > 20, `${d.id} quotes its rule`);
      assert.ok(d.recipient && d.reportName, `${d.id} names its report and recipient`);
      assert.ok(d.content.length > 0, `${d.id} lists its content`);
      assert.equal(new Set(d.content.map((item) => item.key)).size, d.content.length, `${d.id} content keys are unique`);
      for (const item of d.content) assert.ok(item.en && item.fr, `${d.id}.${item.key} is labelled in English and French`);
      assert.equal(d.undueDelay, d.dueAt === null && d.status !== 'waiting', `${d.id}: no due time means without undue delay`);
    }
    for (const id of ['fr.anssi', 'fr.telecom', 'fr.health'] as const) assert.equal(deadline(list, id).undueDelay, true, `${id} is "sans délai"`);
  });

  it('an unknown time zone is a setting mistake, not a silent UTC', () => {
    const wrong = profile({ gdprRoles: ['controller'], settings: { ...settings, timeZone: 'Europe/Pariss' } });
    assert.throws(() => computeDeadlines(wrong, everyStamp, at('2027-06-04T00:00:00Z')), RangeError);
  });
});
