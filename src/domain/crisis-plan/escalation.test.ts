import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rosterRecipients } from './escalation.ts';
import type { Roster, RosterPerson } from './roles.ts';

const now = new Date('2027-06-01T10:00:00Z');
const person = (userId: string, unavailableUntil: Date | null = null): RosterPerson => ({ userId, email: `${userId}@acme.test`, phone: null, outOfHoursPhone: null, unavailableUntil });
const names = (list: RosterPerson[]) => list.map((p) => p.userId);

describe('crisis roles on the escalation path', () => {
  const roster: Roster = {
    crisis_lead: [person('lead'), person('lead-backup')],
    communications_lead: [person('comms')],
    executive_sponsor: [person('ceo'), person('coo')],
  };

  it('the reminder stays the referent’s: no roster person', () => {
    assert.deepEqual(rosterRecipients('reminder', roster, now), []);
  });

  it('at the deadline the primaries of the crisis and communications leads are told', () => {
    assert.deepEqual(names(rosterRecipients('due', roster, now)), ['lead', 'comms']);
  });

  it('a primary away until later is skipped for the first available backup; back, the primary again', () => {
    const away: Roster = { ...roster, crisis_lead: [person('lead', new Date('2027-06-03T00:00:00Z')), person('lead-backup')] };
    assert.deepEqual(names(rosterRecipients('due', away, now)), ['lead-backup', 'comms']);
    assert.deepEqual(names(rosterRecipients('due', away, new Date('2027-06-03T00:00:00Z'))), ['lead', 'comms']);
  });

  it('past the deadline the executive sponsor and the backups are told too (the one told did not act)', () => {
    assert.deepEqual(names(rosterRecipients('escalation', roster, now)), ['ceo', 'lead', 'lead-backup', 'comms']);
  });

  it('a role no one holds adds no one', () => {
    assert.deepEqual(rosterRecipients('escalation', {}, now), []);
  });
});
