import { checklistDefinitions, type ChecklistItem } from './checklist.ts';
import { crisisRoleDefinitions, type Bilingual, type CrisisRole, type Roster } from './roles.ts';
import { scenarios, stageLabels, stageWeight, type PlanIncidentTemplate, type PlanStage, type ScenarioKey } from './scenarios.ts';

/** The regimes the regulatory profile says apply (GDPR art. 33, NIS2 art. 23, DORA art. 19). */
export type Regime = 'gdpr' | 'nis2' | 'dora';

export interface ReadinessInput {
  roster: Roster;
  /** Stages with at least one workspace template pre-approved as it reads now. */
  approvedStages: ReadonlySet<PlanStage>;
  approvedIncidentTemplates: ReadonlySet<PlanIncidentTemplate>;
  checklist: Readonly<Record<ChecklistItem, boolean>>;
  regimes: { isProfileSet: boolean; applies: readonly Regime[] };
  /** The newest drill played; null: none yet; undefined: Tocsin has no drills here (the check is skipped). */
  lastDrillAt: Date | null | undefined;
  now: Date;
}

/** Where a gap is fixed: the console links each to its place. */
export type FixTarget =
  | { area: 'roster'; role: CrisisRole }
  | { area: 'templates'; scenario: ScenarioKey; stage: PlanStage | null }
  | { area: 'channels'; item: ChecklistItem }
  | { area: 'regimes' }
  | { area: 'drills' };

export interface ReadinessGap {
  /** Stable id of the check (`role-backup:spokesperson`). */
  id: string;
  weight: number;
  text: Bilingual;
  fix: FixTarget;
}

export interface Readiness {
  /** 0–100: the weighted share of the checks that pass. */
  score: number;
  points: number;
  maxPoints: number;
  /** What is missing, most important first. */
  missing: ReadinessGap[];
}

const drillMonths = 6;

/**
 * Weighted checks of the crisis plan (doctrine §9: write the plan, train the cell, run exercises):
 * each role held and backed up and reachable by phone, each scenario's messages pre-approved, the
 * channels ready before the crisis, the regimes said, a drill in the last six months.
 */
export function assessReadiness(input: ReadinessInput): Readiness {
  const checks: Array<ReadinessGap & { isMet: boolean }> = [];
  const isRegulated = input.regimes.applies.length > 0;
  for (const definition of crisisRoleDefinitions) {
    const people = input.roster[definition.role] ?? [];
    const label = definition.label;
    // A regulated workspace owes authorities its notices on the clock: legal weighs more there.
    const weight = definition.role === 'legal_dpo' && isRegulated ? definition.weight + 4 : definition.weight;
    const fix = { area: 'roster', role: definition.role } as const;
    checks.push({ id: `role-primary:${definition.role}`, weight, isMet: people.length > 0, fix, text: { fr: `Personne ne tient le rôle « ${label.fr} »`, en: `No one holds the role “${label.en}”` } });
    checks.push({ id: `role-backup:${definition.role}`, weight: Math.ceil(weight / 2), isMet: people.length > 1, fix, text: { fr: `Pas de suppléant pour le rôle « ${label.fr} »`, en: `No backup for the ${label.en.toLowerCase()}` } });
    const primary = people[0];
    if (primary) {
      checks.push({
        id: `role-phone:${definition.role}`,
        weight: 1,
        isMet: primary.phone !== null || primary.outOfHoursPhone !== null,
        fix,
        text: { fr: `Pas de téléphone pour le titulaire du rôle « ${label.fr} »`, en: `No phone number for the ${label.en.toLowerCase()}` },
      });
    }
  }
  for (const scenario of scenarios) {
    for (const stage of scenario.stages) {
      checks.push({
        id: `template:${scenario.key}:${stage}`,
        weight: stageWeight(scenario, stage),
        isMet: input.approvedStages.has(stage),
        fix: { area: 'templates', scenario: scenario.key, stage },
        text: {
          fr: `Aucun ${stageLabels[stage].fr} pré-approuvé pour le scénario « ${scenario.label.fr} »`,
          en: `No pre-approved ${stageLabels[stage].en} for the scenario “${scenario.label.en}”`,
        },
      });
    }
    if (scenario.incidentTemplate) {
      checks.push({
        id: `incident-template:${scenario.key}`,
        weight: 1,
        isMet: input.approvedIncidentTemplates.has(scenario.incidentTemplate),
        fix: { area: 'templates', scenario: scenario.key, stage: null },
        text: { fr: `Le modèle d’incident du scénario « ${scenario.label.fr} » n’est pas pré-approuvé`, en: `The incident template of the scenario “${scenario.label.en}” is not pre-approved` },
      });
    }
  }
  for (const definition of checklistDefinitions) {
    checks.push({ id: `channel:${definition.item}`, weight: definition.weight, isMet: input.checklist[definition.item], fix: { area: 'channels', item: definition.item }, text: definition.missing });
  }
  checks.push({
    id: 'regimes',
    weight: 3,
    isMet: input.regimes.isProfileSet,
    fix: { area: 'regimes' },
    text: { fr: 'Les régimes applicables (RGPD, NIS2, DORA) n’ont jamais été renseignés', en: 'The regimes that apply (GDPR, NIS2, DORA) were never set' },
  });
  if (input.lastDrillAt !== undefined) {
    const since = new Date(input.now);
    since.setUTCMonth(since.getUTCMonth() - drillMonths);
    checks.push({
      id: 'drill',
      weight: 6,
      isMet: input.lastDrillAt !== null && input.lastDrillAt >= since,
      fix: { area: 'drills' },
      text: { fr: `Aucun exercice de simulation depuis ${drillMonths} mois`, en: `No drill in the last ${drillMonths} months` },
    });
  }
  const maxPoints = checks.reduce((sum, check) => sum + check.weight, 0);
  const points = checks.filter((check) => check.isMet).reduce((sum, check) => sum + check.weight, 0);
  const missing = checks
    .map((check, index) => ({ check, index }))
    .filter(({ check }) => !check.isMet)
    .sort((a, b) => b.check.weight - a.check.weight || a.index - b.index)
    .map(({ check: { isMet: _isMet, ...gap } }) => gap);
  return { score: maxPoints === 0 ? 100 : Math.floor((100 * points) / maxPoints), points, maxPoints, missing };
}
