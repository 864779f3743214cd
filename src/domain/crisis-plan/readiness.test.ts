import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checklistItems, type ChecklistItem } from './checklist.ts';
import { assessReadiness, type ReadinessInput } from './readiness.ts';
import { crisisRoles, type Roster, type RosterPerson } from './roles.ts';
import { scenarios, type PlanIncidentTemplate, type PlanStage } from './scenarios.ts';

const now = new Date('2027-06-01T10:00:00Z');
const person = (userId: string, phone: string | null = '+33600000000'): RosterPerson => ({ userId, email: `${userId}@acme.test`, phone, outOfHoursPhone: null, unavailableUntil: null });
const fullRoster: Roster = Object.fromEntries(crisisRoles.map((role) => [role, [person(`${role}-1`), person(`${role}-2`)]]));
const allStages = new Set<PlanStage>(scenarios.flatMap((scenario) => scenario.stages));
const allIncidentTemplates = new Set<PlanIncidentTemplate>(scenarios.flatMap((scenario) => (scenario.incidentTemplate ? [scenario.incidentTemplate] : [])));
const allReady = Object.fromEntries(checklistItems.map((item) => [item, true])) as Record<ChecklistItem, boolean>;
const complete: ReadinessInput = {
  roster: fullRoster,
  approvedStages: allStages,
  approvedIncidentTemplates: allIncidentTemplates,
  checklist: allReady,
  regimes: { isProfileSet: true, applies: ['gdpr'] },
  lastDrillAt: new Date('2027-03-01T10:00:00Z'),
  now,
};
const ids = (input: ReadinessInput) => assessReadiness(input).missing.map((gap) => gap.id);

describe('crisis plan readiness', () => {
  it('a complete plan scores 100 with nothing missing', () => {
    const readiness = assessReadiness(complete);
    assert.equal(readiness.score, 100);
    assert.deepEqual(readiness.missing, []);
  });

  it('an empty plan scores 0 and lists the crisis lead first', () => {
    const readiness = assessReadiness({ roster: {}, approvedStages: new Set(), approvedIncidentTemplates: new Set(), checklist: Object.fromEntries(checklistItems.map((item) => [item, false])) as Record<ChecklistItem, boolean>, regimes: { isProfileSet: false, applies: [] }, lastDrillAt: null, now });
    assert.equal(readiness.score, 0);
    assert.equal(readiness.missing[0]!.id, 'role-primary:crisis_lead');
    assert.equal(readiness.missing[0]!.text.en, 'No one holds the role “Crisis lead”');
    const weights = readiness.missing.map((gap) => gap.weight);
    assert.deepEqual(weights, [...weights].sort((a, b) => b - a), 'most important first');
  });

  it('names the gap in plain words, in French and English: a spokesperson without a backup', () => {
    const readiness = assessReadiness({ ...complete, roster: { ...fullRoster, spokesperson: [person('sp')] } });
    assert.deepEqual(readiness.missing.map((gap) => gap.text), [{ fr: 'Pas de suppléant pour le rôle « Porte-parole »', en: 'No backup for the spokesperson' }]);
    assert.deepEqual(readiness.missing[0]!.fix, { area: 'roster', role: 'spokesperson' });
    assert.ok(readiness.score < 100 && readiness.score > 90);
  });

  it('a data breach without a pre-approved breach notice weighs more than a missing update template', () => {
    const stages = new Set(allStages);
    stages.delete('breach_notice');
    const missing = assessReadiness({ ...complete, approvedStages: stages }).missing;
    assert.deepEqual(missing.map((gap) => gap.id), ['template:data_breach:breach_notice']);
    assert.equal(missing[0]!.text.en, 'No pre-approved breach notice for the scenario “Data breach”');
    const noUpdate = new Set(allStages);
    noUpdate.delete('update');
    const updateGaps = assessReadiness({ ...complete, approvedStages: noUpdate }).missing;
    assert.ok(updateGaps.every((gap) => gap.weight < missing[0]!.weight));
  });

  it('a status page not hosted separately, and no drill in six months, are listed', () => {
    assert.deepEqual(
      ids({ ...complete, checklist: { ...allReady, status_page_hosted_separately: false }, lastDrillAt: new Date('2026-11-30T10:00:00Z') }),
      ['status_page_hosted_separately', 'drill'].map((id) => (id === 'drill' ? 'drill' : `channel:${id}`)),
    );
    assert.deepEqual(ids({ ...complete, lastDrillAt: new Date('2026-12-02T10:00:00Z') }), []);
  });

  it('skips the drill check where Tocsin has no drills, rather than counting it missing', () => {
    const readiness = assessReadiness({ ...complete, lastDrillAt: undefined });
    assert.equal(readiness.score, 100);
    assert.ok(readiness.maxPoints < assessReadiness(complete).maxPoints);
  });

  it('legal weighs more when a regime applies', () => {
    const roster = { ...fullRoster, legal_dpo: [] };
    const regulated = assessReadiness({ ...complete, roster }).missing.find((gap) => gap.id === 'role-primary:legal_dpo')!;
    const unregulated = assessReadiness({ ...complete, roster, regimes: { isProfileSet: true, applies: [] } }).missing.find((gap) => gap.id === 'role-primary:legal_dpo')!;
    assert.ok(regulated.weight > unregulated.weight);
  });

  it('a primary with no phone at all is a gap; an out-of-hours phone is enough', () => {
    assert.deepEqual(ids({ ...complete, roster: { ...fullRoster, crisis_lead: [person('cl', null), person('cl2')] } }), ['role-phone:crisis_lead']);
    assert.deepEqual(ids({ ...complete, roster: { ...fullRoster, crisis_lead: [{ ...person('cl', null), outOfHoursPhone: '+33611111111' }, person('cl2')] } }), []);
  });

  it('the result does not depend on the order the roster was given in', () => {
    const reversed = Object.fromEntries(Object.entries({ ...fullRoster, support_lead: [person('s')] }).reverse()) as Roster;
    assert.deepEqual(assessReadiness({ ...complete, roster: reversed }), assessReadiness({ ...complete, roster: { ...fullRoster, support_lead: [person('s')] } }));
  });
});
