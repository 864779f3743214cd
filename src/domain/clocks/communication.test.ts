import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { communicationClocks, defaultEscalationPolicy, dueEscalationSteps, nextDailyUpdate, type CommunicationInput } from './communication.ts';

const at = (time: string) => new Date(`2027-06-01T${time}:00Z`);
const input = (set: Partial<CommunicationInput>): CommunicationInput => ({
  detectedAt: at('10:00'), firstPublicAt: null, lastPublicAt: null, nextUpdateAt: null, isOpen: true, firstMessageMinutes: 60, cadenceMinutes: 60, now: at('10:30'), ...set,
});
const summary = (list: ReturnType<typeof communicationClocks>) => list.map((c) => [c.id, c.dueAt.toISOString().slice(11, 16), c.status]);

describe('communication clocks', () => {
  it('the first message is due an hour after detection: running, then overdue', () => {
    assert.deepEqual(summary(communicationClocks(input({}))), [['first_message', '11:00', 'running']]);
    assert.deepEqual(summary(communicationClocks(input({ now: at('11:01') }))), [['first_message', '11:00', 'overdue']]);
    assert.deepEqual(summary(communicationClocks(input({ firstMessageMinutes: 15, now: at('10:20') }))), [['first_message', '10:15', 'overdue']]);
  });

  it('an incident declared internally owes its first message until it is public; closed inside the cell, none', () => {
    assert.deepEqual(summary(communicationClocks(input({ now: at('12:00') }))), [['first_message', '11:00', 'overdue']]);
    assert.deepEqual(summary(communicationClocks(input({ isOpen: false, now: at('12:00') }))), []);
  });

  it('a first message in time is met, one after the hour late (Orange spoke 3 h 30 after the outage)', () => {
    assert.deepEqual(summary(communicationClocks(input({ firstPublicAt: at('10:40'), lastPublicAt: at('10:40'), nextUpdateAt: at('11:30'), now: at('10:45') }))), [
      ['first_message', '11:00', 'met'],
      ['next_update', '11:30', 'running'],
    ]);
    const late = communicationClocks(input({ firstPublicAt: at('13:30'), lastPublicAt: at('13:30'), now: at('13:31') }));
    assert.deepEqual(late[0]!.status, 'late');
    assert.deepEqual(late[0]!.metAt, at('13:30'));
  });

  it('the next update is the promised time, else the cadence after the newest update; none once the incident is closed', () => {
    const promised = communicationClocks(input({ firstPublicAt: at('10:10'), lastPublicAt: at('10:10'), nextUpdateAt: at('10:50'), now: at('10:51') }))[1]!;
    assert.deepEqual([promised.dueAt, promised.status, promised.isPromised], [at('10:50'), 'overdue', true]);
    const cadence = communicationClocks(input({ firstPublicAt: at('10:10'), lastPublicAt: at('10:20'), cadenceMinutes: 30, now: at('10:40') }))[1]!;
    assert.deepEqual([cadence.dueAt, cadence.status, cadence.isPromised], [at('10:50'), 'running', false]);
    assert.equal(communicationClocks(input({ firstPublicAt: at('10:10'), lastPublicAt: at('10:20'), isOpen: false })).length, 1);
  });
});

describe('the daily communiqué', () => {
  it('replaces the cadence when no time was promised: today at the hour when it is ahead, else tomorrow, in local time', () => {
    // 14:20 UTC is 16:20 in Paris (summer time): the 16:00 communiqué is tomorrow's.
    const daily = communicationClocks(input({ firstPublicAt: at('10:10'), lastPublicAt: at('14:20'), dailyUpdateTime: '16:00', timeZone: 'Europe/Paris', now: at('14:30') }))[1]!;
    assert.deepEqual([daily.dueAt.toISOString(), daily.isPromised], ['2027-06-02T14:00:00.000Z', false]);
    const today = communicationClocks(input({ firstPublicAt: at('10:10'), lastPublicAt: at('10:10'), dailyUpdateTime: '16:00', timeZone: 'Europe/Paris', now: at('10:30') }))[1]!;
    assert.equal(today.dueAt.toISOString(), '2027-06-01T14:00:00.000Z');
    const promised = communicationClocks(input({ firstPublicAt: at('10:10'), lastPublicAt: at('10:10'), nextUpdateAt: at('12:00'), dailyUpdateTime: '16:00', timeZone: 'Europe/Paris' }))[1]!;
    assert.equal(promised.dueAt.toISOString(), at('12:00').toISOString(), 'a promise made in public wins');
  });

  it('keeps its local hour across the change to winter time', () => {
    // Saturday 30 October 2027, 17:00 in Paris (UTC+2); the clocks go back on Sunday night.
    const first = nextDailyUpdate(new Date('2027-10-30T15:00:00Z'), '16:00', 'Europe/Paris');
    assert.equal(first.toISOString(), '2027-10-31T15:00:00.000Z', 'Sunday 16:00 is UTC+1');
    assert.equal(nextDailyUpdate(new Date('2027-10-30T13:59:00Z'), '16:00', 'Europe/Paris').toISOString(), '2027-10-30T14:00:00.000Z');
  });
});

describe('reminders and escalation', () => {
  const clock = (now: string, set: Partial<CommunicationInput> = {}) => communicationClocks(input({ firstPublicAt: at('10:10'), lastPublicAt: at('10:10'), nextUpdateAt: at('11:00'), now: at(now), ...set }))[1]!;
  const steps = (now: string, set: Partial<CommunicationInput> = {}) => dueEscalationSteps(clock(now, set), defaultEscalationPolicy, at(now)).map((s) => `${s.step}@${s.at.toISOString().slice(11, 16)}`);

  it('the referent at T−15, the backup and lead at T, an executive at T+15', () => {
    assert.deepEqual(steps('10:44'), []);
    assert.deepEqual(steps('10:45'), ['reminder@10:45']);
    assert.deepEqual(steps('11:00'), ['due@11:00']);
    assert.deepEqual(steps('11:16'), ['due@11:00', 'escalation@11:15']);
  });

  it('a met deadline sends nothing more, and a first message too', () => {
    const met = communicationClocks(input({ firstPublicAt: at('10:30'), lastPublicAt: at('10:30'), now: at('12:00') }))[0]!;
    assert.deepEqual(dueEscalationSteps(met, defaultEscalationPolicy, at('12:00')), []);
    const waiting = communicationClocks(input({ now: at('11:20') }))[0]!;
    assert.deepEqual(dueEscalationSteps(waiting, defaultEscalationPolicy, at('11:20')).map((s) => s.step), ['due', 'escalation']);
  });
});
