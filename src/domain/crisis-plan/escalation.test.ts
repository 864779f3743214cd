import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escalationPhone, isOfficeHours, rosterRecipients } from './escalation.ts';
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

describe('the phone a deadline texts', () => {
  const both = { phone: '+33612000001', outOfHoursPhone: '+33612000002' };
  const paris = 'Europe/Paris';

  it('in office hours, the office phone; outside them, the out-of-hours one — in the workspace’s time zone', () => {
    // Monday 7 June 2027: 08:00 and 18:59 in Paris are office hours, 07:59 and 19:00 are not.
    assert.equal(escalationPhone(both, new Date('2027-06-07T06:00:00Z'), paris), '+33612000001');
    assert.equal(escalationPhone(both, new Date('2027-06-07T16:59:00Z'), paris), '+33612000001');
    assert.equal(escalationPhone(both, new Date('2027-06-07T05:59:00Z'), paris), '+33612000002');
    assert.equal(escalationPhone(both, new Date('2027-06-07T17:00:00Z'), paris), '+33612000002');
    // The same instant is evening in Paris and office hours in New York.
    assert.equal(escalationPhone(both, new Date('2027-06-07T18:00:00Z'), 'America/New_York'), '+33612000001');
  });

  it('the weekend is out of hours all day', () => {
    assert.equal(isOfficeHours(new Date('2027-06-05T10:00:00Z'), paris), false); // Saturday noon
    assert.equal(isOfficeHours(new Date('2027-06-06T10:00:00Z'), paris), false); // Sunday noon
    assert.equal(isOfficeHours(new Date('2027-06-04T10:00:00Z'), paris), true); // Friday noon
  });

  it('one number given is the one used at any hour; none, no text', () => {
    const sunday = new Date('2027-06-06T10:00:00Z');
    const monday = new Date('2027-06-07T10:00:00Z');
    assert.equal(escalationPhone({ phone: '+33612000001', outOfHoursPhone: null }, sunday, paris), '+33612000001');
    assert.equal(escalationPhone({ phone: null, outOfHoursPhone: '+33612000002' }, monday, paris), '+33612000002');
    assert.equal(escalationPhone({ phone: null, outOfHoursPhone: null }, monday, paris), null);
  });
});
