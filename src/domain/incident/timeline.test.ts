import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, type TimelineInput } from './timeline.ts';

// 10 March 2026, Paris (UTC+1): detected 15:00, public 15:40, updates at 16:30 and 17:45.
const t = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);
const customers = { id: 'customers', name: { fr: 'Clients', en: 'Customers' } };

function scenario(overrides: Partial<TimelineInput> = {}): TimelineInput {
  return {
    incident: { id: 'inc000000001', occurredAt: t('13:50'), detectedAt: t('14:00'), openedAt: t('14:05'), resolvedAt: null, status: 'identified' },
    updates: [
      { id: 'upd000000001', status: 'investigating', at: t('14:40'), messageId: 'msg000000001' },
      { id: 'upd000000002', status: 'identified', at: t('15:30'), messageId: null },
      { id: 'upd000000003', status: 'identified', at: t('16:45'), messageId: null },
    ],
    messages: [{ id: 'msg000000001', stage: 'first', publishedAt: t('14:40'), audiences: [customers], channels: ['status_page', 'email'] }],
    facts: [
      { id: 'fct000000001', kind: 'known', text: 'Les paiements par carte échouent.', notedAt: t('14:10'), confirmedAt: null, state: null },
      { id: 'fct000000002', kind: 'known', text: 'Un disque de stockage est en cause.', notedAt: t('15:20'), confirmedAt: t('15:20'), state: null },
      { id: 'fct000000003', kind: 'rumor', text: 'Des données auraient fuité.', notedAt: t('15:00'), confirmedAt: null, state: 'refuted' },
    ],
    promises: [
      { id: 'prm000000001', kind: 'next_update', text: 'Prochain point à 16 h 30', madeAt: t('14:40'), dueAt: t('15:30'), state: 'kept', settledAt: t('15:30') },
      { id: 'prm000000002', kind: 'next_update', text: 'Prochain point à 17 h 30', madeAt: t('15:30'), dueAt: t('16:30'), state: 'broken', settledAt: t('16:45') },
      { id: 'prm000000003', kind: 'next_update', text: 'Prochain point à 19 h', madeAt: t('16:45'), dueAt: t('18:00'), state: 'pending', settledAt: null },
    ],
    regulatory: null,
    firstMessageMinutes: 60,
    timeZone: 'Europe/Paris',
    now: t('17:00'),
    ...overrides,
  };
}

describe('an incident as a timeline', () => {
  it('lists every event oldest first, whatever order its sources came in', () => {
    const timeline = buildTimeline(scenario());
    const shuffled = scenario();
    shuffled.updates.reverse();
    shuffled.facts.reverse();
    shuffled.promises.reverse();
    assert.deepEqual(buildTimeline(shuffled), timeline);
    const ats = timeline.events.map((e) => e.at);
    assert.deepEqual(ats, [...ats].sort());
    assert.deepEqual(timeline.events.slice(0, 4).map((e) => e.kind), ['occurred', 'detected', 'opened', 'fact_known']);
    const atFirstPublic = timeline.events.filter((e) => e.at === t('14:40').toISOString()).map((e) => e.kind);
    assert.deepEqual(atFirstPublic, ['first_public', 'update', 'message_published', 'promise'], 'at the same instant: what was said, then what it promised');
  });

  it('puts each event in its lane: known, said, promised', () => {
    const lanes = Object.fromEntries(buildTimeline(scenario()).events.map((e) => [e.kind, e.lane]));
    assert.equal(lanes.fact_known, 'known');
    assert.equal(lanes.rumor, 'known');
    assert.equal(lanes.first_public, 'said');
    assert.equal(lanes.message_published, 'said');
    assert.equal(lanes.promise, 'promised');
    assert.equal(lanes.promise_broken, 'promised');
  });

  it('says it in French and in English, times in the workspace\'s zone', () => {
    const { events } = buildTimeline(scenario());
    const first = events.find((e) => e.kind === 'first_public')!;
    assert.deepEqual(first.label, { fr: 'Première communication publique, 40 min après la détection', en: 'First public message, 40 min after detection' });
    const promise = events.find((e) => e.kind === 'promise' && e.ref.id === 'prm000000002')!;
    assert.deepEqual(promise.label, { fr: 'Promis : prochain point à 17 h 30', en: 'Promised: next update at 5:30 pm' });
    assert.equal(promise.due_at, t('16:30').toISOString());
    const message = events.find((e) => e.kind === 'message_published')!;
    assert.deepEqual(message.label, { fr: 'Message publié (premier message) : Clients — page de statut, e-mail', en: 'Message published (first message): Customers — status page, e-mail' });
    assert.deepEqual([message.audiences, message.channels], [['customers'], ['status_page', 'email']]);
    const update = events.find((e) => e.kind === 'update' && e.ref.id === 'upd000000002')!;
    assert.deepEqual([update.status, update.label.fr, update.label.en], ['identified', 'Mise à jour publique : cause identifiée', 'Public update: identified']);
  });

  it('dates a kept promise when it was kept, a broken one when it fell due, and a confirmed hypothesis when it was confirmed', () => {
    const { events, promises } = buildTimeline(scenario());
    const at = (kind: string) => events.filter((e) => e.kind === kind).map((e) => [e.ref.id, e.at]);
    assert.deepEqual(at('promise_kept'), [['prm000000001', t('15:30').toISOString()]]);
    assert.deepEqual(at('promise_broken'), [['prm000000002', t('16:30').toISOString()]]);
    assert.deepEqual(at('fact_confirmed'), [['fct000000002', t('15:20').toISOString()]]);
    assert.deepEqual(promises.map((p) => [p.state, p.kept_at]), [['kept', t('15:30').toISOString()], ['broken', null], ['pending', null]]);
  });

  it('measures each silence, late when a promised time fell inside it, and the one still running', () => {
    const { gaps } = buildTimeline(scenario());
    assert.deepEqual(gaps.map((g) => [g.from.slice(11, 16), g.to.slice(11, 16), g.minutes, g.late, g.ongoing]), [
      ['14:00', '14:40', 40, false, false],
      ['14:40', '15:30', 50, false, false],
      ['15:30', '16:45', 75, true, false],
      ['16:45', '17:00', 15, false, true],
    ]);
  });

  it('a first message more than the hour after detection is a late silence; a postponed promise is not', () => {
    const input = scenario({ firstMessageMinutes: 30 });
    // At 16:15 the 16:30 promise is moved to 16:45, in public: a short update says so.
    input.updates.push({ id: 'upd000000009', status: 'identified', at: t('16:15'), messageId: null });
    input.promises[1] = { ...input.promises[1]!, state: 'postponed', settledAt: t('16:15') };
    input.promises.push({ id: 'prm000000009', kind: 'next_update', text: 'Prochain point à 17 h 45', madeAt: t('16:15'), dueAt: t('16:45'), state: 'kept', settledAt: t('16:45') });
    const { gaps, events } = buildTimeline(input);
    assert.equal(gaps[0]!.late, true, '40 min after detection, with 30 allowed');
    assert.deepEqual(gaps.slice(2, 4).map((g) => [g.from.slice(11, 16), g.to.slice(11, 16), g.late]), [['15:30', '16:15', false], ['16:15', '16:45', false]]);
    assert.equal(events.find((e) => e.kind === 'promise_postponed')?.at, t('16:15').toISOString());
  });

  it('an incident declared internally has no public time, and its silence since detection runs', () => {
    const { incident, gaps, events } = buildTimeline(scenario({ updates: [], messages: [], promises: [], now: t('15:30') }));
    assert.equal(incident.public_at, null);
    assert.equal(events.some((e) => e.kind === 'first_public'), false);
    assert.deepEqual(gaps, [{ from: t('14:00').toISOString(), to: t('15:30').toISOString(), minutes: 90, late: true, ongoing: true }]);
  });

  it('stops counting silences once resolved, and marks the resolution', () => {
    const input = scenario({ now: t('20:00') });
    input.incident = { ...input.incident, status: 'resolved', resolvedAt: t('17:30') };
    input.updates.push({ id: 'upd000000004', status: 'resolved', at: t('17:30'), messageId: null });
    const { gaps, events } = buildTimeline(input);
    assert.equal(gaps.at(-1)!.to, t('17:30').toISOString());
    assert.equal(gaps.some((g) => g.ongoing), false);
    assert.equal(events.at(-1)!.kind, 'resolved');
  });

  it('shows the legal deadlines and filings only to those who may read them', () => {
    assert.equal(buildTimeline(scenario()).events.some((e) => e.lane === 'regulatory'), false);
    const { events } = buildTimeline(scenario({
      regulatory: {
        deadlines: [{ id: 'gdpr.authority', dueAt: t('18:00'), status: 'met' }, { id: 'gdpr.data_subjects', dueAt: null, status: 'waiting' }],
        filings: [{ id: 'sub000000001', deadlineId: 'gdpr.authority', at: t('16:00') }],
      },
    }));
    const legal = events.filter((e) => e.lane === 'regulatory');
    assert.deepEqual(legal.map((e) => [e.ref.type, e.at, e.state]), [['submission', t('16:00').toISOString(), 'filed'], ['deadline', t('18:00').toISOString(), 'met']]);
    assert.match(legal[1]!.label.fr, /^Échéance : /);
    assert.match(legal[1]!.label.en, /^Deadline: Personal data breach notification/);
  });
});
