import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dueNoticeHours, noticeKeyPrefix, noticeText, owedNoticeHours, parseNoticeKey, staleNoticeReason, type NoticeSource } from './notices.ts';

const hour = 3_600_000;
const start = new Date('2027-06-09T00:00:00Z');
const hoursBefore = (hours: number) => new Date(start.getTime() - hours * hour);
const never = { scheduledFor: null, hours: null };

describe('which notice a maintenance is due before it starts', () => {
  it('with 24 h and 1 h: none before 24 h, the 24 h one until the 1 h one, none once it starts', () => {
    const table: Array<[hoursLeft: number, due: number | null]> = [
      [30, null], [24.01, null], [24, 24], [23, 24], [5, 24], [1.01, null], [1, 1], [0.5, 1], [0.001, 1], [0, null], [-1, null],
    ];
    for (const [left, due] of table) assert.equal(dueNoticeHours([24, 1], start, hoursBefore(left)), due, `${left} h before`);
  });

  it('scheduled inside an offset: 20 h ahead the 24 h notice still goes at once, 3 h ahead only the 1 h one will', () => {
    assert.equal(dueNoticeHours([24, 1], start, hoursBefore(20)), 24);
    assert.equal(dueNoticeHours([24, 1], start, hoursBefore(3)), null);
    // The boundary sits where the time left is as near 24 h as 1 h on a ratio scale: √24 ≈ 4.9 h.
    assert.equal(dueNoticeHours([24, 1], start, hoursBefore(4.95)), 24);
    assert.equal(dueNoticeHours([24, 1], start, hoursBefore(4.85)), null);
  });

  it('the order and number of offsets do not matter; a single offset is always sent once reached', () => {
    for (const left of [100, 47, 30, 20, 6, 2, 0.5]) {
      assert.equal(dueNoticeHours([1, 168, 24], start, hoursBefore(left)), dueNoticeHours([168, 24, 1], start, hoursBefore(left)), `${left} h`);
    }
    assert.equal(dueNoticeHours([48], start, hoursBefore(49)), null);
    assert.equal(dueNoticeHours([48], start, hoursBefore(48)), 48);
    assert.equal(dueNoticeHours([48], start, hoursBefore(0.1)), 48);
    assert.equal(dueNoticeHours([], start, hoursBefore(1)), null, 'no offsets: no notice');
  });

  it('a notice is owed once per start and offset; a nearer one follows; a new start begins again', () => {
    const owed = (left: number, last: { scheduledFor: Date | null; hours: number | null }) => owedNoticeHours({ offsetsHours: [24, 1], scheduledFor: start, last, now: hoursBefore(left) });
    assert.equal(owed(24, never), 24);
    assert.equal(owed(23, { scheduledFor: start, hours: 24 }), null, 'already queued');
    assert.equal(owed(1, { scheduledFor: start, hours: 24 }), 1);
    assert.equal(owed(0.5, { scheduledFor: start, hours: 1 }), null);
    assert.equal(owed(23, { scheduledFor: new Date(start.getTime() - 2 * hour), hours: 1 }), 24, 'rescheduled: the old start\'s notices do not count');
    assert.equal(owedNoticeHours({ offsetsHours: [48], scheduledFor: start, last: { scheduledFor: start, hours: 24 }, now: hoursBefore(20) }), null, 'never a further notice after a nearer one');
  });

  it('a queued notice is void once the maintenance started, moved, was replaced by a nearer one or its start passed', () => {
    const maintenance = { status: 'scheduled' as const, scheduledFor: start, noticeFor: start, noticeHours: 24 };
    const notice = { scheduledFor: start, hours: 24 };
    assert.equal(staleNoticeReason(maintenance, notice, hoursBefore(23)), null);
    assert.match(staleNoticeReason({ ...maintenance, status: 'completed' }, notice, hoursBefore(23))!, /called off/);
    assert.match(staleNoticeReason({ ...maintenance, status: 'in_progress' }, notice, hoursBefore(23))!, /started/);
    assert.match(staleNoticeReason({ ...maintenance, scheduledFor: hoursBefore(-2) }, notice, hoursBefore(23))!, /moved/);
    assert.match(staleNoticeReason({ ...maintenance, noticeHours: 1 }, notice, hoursBefore(1))!, /1 h notice replaced/);
    assert.match(staleNoticeReason(maintenance, notice, hoursBefore(0))!, /due to start/);
  });

  it('a delivery key names its maintenance, start and offset', () => {
    const prefix = noticeKeyPrefix('mnt123', start, 24);
    assert.deepEqual(parseNoticeKey(`${prefix}webhook:https://hooks.example.test:8443/a`), { maintenanceId: 'mnt123', scheduledFor: start, hours: 24 });
    assert.equal(parseNoticeKey('u:upd1:email:a@example.test'), null);
  });
});

describe('what a notice says', () => {
  const source: NoticeSource = {
    name: 'Core switch upgrade',
    scheduledFor: new Date('2027-06-09T00:00:00Z'), // 02:00 in Paris (CEST)
    scheduledUntil: new Date('2027-06-09T02:00:00Z'),
    components: ['API', 'Dashboard'],
    latestUpdate: null,
  };

  it('a day ahead it names the day and the window in the workspace zone, in each language', () => {
    const now = new Date('2027-06-08T00:00:00Z');
    assert.equal(noticeText(source, 'fr', 'Europe/Paris', now).subject, 'Maintenance prévue : Core switch upgrade — demain 02:00–04:00');
    const en = noticeText(source, 'en', 'Europe/Paris', now);
    assert.equal(en.subject, 'Scheduled maintenance: Core switch upgrade — tomorrow 02:00–04:00');
    assert.deepEqual(en.facts, [['Starts', 'Wednesday 9 June 2027, 02:00 (Europe/Paris)'], ['Ends', '04:00'], ['Services concerned', 'API and Dashboard']]);
    const noon = new Date('2027-06-08T12:00:00Z');
    assert.equal(noticeText(source, 'en', 'Europe/Paris', noon).subject, 'Scheduled maintenance: Core switch upgrade — tomorrow 02:00–04:00');
    assert.equal(noticeText(source, 'en', 'America/New_York', noon).subject, 'Scheduled maintenance: Core switch upgrade — today 20:00–22:00', 'the zone decides the day');
  });

  it('close to the start it says how long is left', () => {
    const fr = noticeText(source, 'fr', 'Europe/Paris', new Date('2027-06-08T23:00:00Z'));
    assert.equal(fr.subject, 'Maintenance prévue : Core switch upgrade — commence dans 1 heure');
    assert.equal(fr.intro, 'La maintenance prévue « Core switch upgrade » sur des services que vous suivez commence dans 1 heure.');
    assert.equal(noticeText(source, 'en', 'Europe/Paris', new Date('2027-06-08T23:59:30Z')).subject, 'Scheduled maintenance: Core switch upgrade — starts in 1 minute');
    assert.equal(noticeText(source, 'en', 'Europe/Paris', new Date('2027-06-08T21:00:00Z')).subject, 'Scheduled maintenance: Core switch upgrade — starts in 3 hours');
    assert.equal(noticeText(source, 'en', 'Europe/Paris', new Date('2027-06-08T23:15:00Z')).subject, 'Scheduled maintenance: Core switch upgrade — starts in 45 minutes');
  });

  it('a week ahead, a window across midnight, and a maintenance naming no component', () => {
    const overnight = { ...source, scheduledFor: new Date('2027-06-11T20:00:00Z'), scheduledUntil: new Date('2027-06-12T01:00:00Z'), components: [] };
    const fr = noticeText(overnight, 'fr', 'Europe/Paris', new Date('2027-06-08T08:00:00Z'));
    assert.equal(fr.subject, 'Maintenance prévue : Core switch upgrade — vendredi 22:00 – samedi 03:00');
    assert.deepEqual(fr.facts.at(-1), ['Services concernés', 'Tous les services']);
    assert.deepEqual(fr.facts[1], ['Fin', 'samedi 12 juin 2027, 03:00']);
    assert.equal(noticeText(overnight, 'en', 'Europe/Paris', new Date('2027-06-01T08:00:00Z')).subject, 'Scheduled maintenance: Core switch upgrade — 11 June 22:00 – 12 June 03:00');
    assert.equal(noticeText(overnight, 'fr', 'Europe/Paris', new Date('2027-06-01T08:00:00Z')).intro, 'La maintenance prévue « Core switch upgrade » sur des services que vous suivez est prévue le 11 juin 22:00 – le 12 juin 03:00.');
  });
});
