import type { Bilingual } from './roles.ts';

/**
 * The crises to prepare messages for, from the seeds' cases: a national outage (Orange 2012), a
 * datacenter fire with data lost (OVH 2021), a customer-data breach, a rumor spread by a public
 * figure (OVH's "Seveso site"), a partial SaaS outage and a maintenance that overruns. Each names
 * the incident template it opens with and the message stages whose text should be ready and
 * pre-approved before it happens.
 */

export const scenarioKeys = ['outage', 'datacenter_fire', 'data_breach', 'rumor', 'partial_outage', 'maintenance_overrun'] as const;
export type ScenarioKey = (typeof scenarioKeys)[number];

/** The message stages a plan prepares (a subset of the linter's stages). */
export type PlanStage = 'first' | 'update' | 'closing' | 'breach_notice' | 'compensation' | 'rumor_correction' | 'maintenance_notice';
export type PlanIncidentTemplate = 'outage' | 'degradation' | 'data_breach' | 'security_incident' | 'maintenance';

export interface Scenario {
  key: ScenarioKey;
  label: Bilingual;
  incidentTemplate: PlanIncidentTemplate | null;
  /** The stages to have ready, the opening one first: it weighs most. */
  stages: readonly PlanStage[];
}

export const scenarios: readonly Scenario[] = [
  { key: 'outage', label: { fr: 'Panne générale', en: 'Outage' }, incidentTemplate: 'outage', stages: ['first', 'update', 'closing'] },
  { key: 'datacenter_fire', label: { fr: 'Incendie de datacenter, perte de données', en: 'Datacenter fire, data loss' }, incidentTemplate: 'outage', stages: ['first', 'update', 'compensation', 'closing'] },
  { key: 'data_breach', label: { fr: 'Violation de données', en: 'Data breach' }, incidentTemplate: 'data_breach', stages: ['breach_notice', 'update', 'closing'] },
  { key: 'rumor', label: { fr: 'Rumeur', en: 'Rumor' }, incidentTemplate: null, stages: ['rumor_correction'] },
  { key: 'partial_outage', label: { fr: 'Panne partielle du service', en: 'Partial SaaS outage' }, incidentTemplate: 'degradation', stages: ['first', 'update'] },
  { key: 'maintenance_overrun', label: { fr: 'Maintenance qui déborde', en: 'Maintenance overrun' }, incidentTemplate: 'maintenance', stages: ['maintenance_notice', 'update'] },
];

export const stageLabels: Record<PlanStage, Bilingual> = {
  first: { fr: 'premier message', en: 'first message' },
  update: { fr: 'point de situation', en: 'update' },
  closing: { fr: 'message de clôture', en: 'closing message' },
  breach_notice: { fr: 'notification de violation', en: 'breach notice' },
  compensation: { fr: 'annonce de geste commercial', en: 'compensation announcement' },
  rumor_correction: { fr: 'correction de rumeur', en: 'rumor correction' },
  maintenance_notice: { fr: 'avis de maintenance', en: 'maintenance notice' },
};

/** Readiness points of a stage: the opening message counts most (doctrine §1: first message within the hour). */
export function stageWeight(scenario: Scenario, stage: PlanStage): number {
  return scenario.stages[0] === stage ? 5 : 2;
}
