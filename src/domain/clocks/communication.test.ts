import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { communicationClocks, defaultEscalationPolicy, dueEscalationSteps, type CommunicationInput } from './communication.ts';

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
