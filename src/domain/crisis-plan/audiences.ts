import type { CrisisRole } from './roles.ts';

/** Who answers for each default audience during a crisis; an audience of the workspace's own falls to the communications lead. */
const audienceOwners: Record<string, CrisisRole> = {
  customers: 'communications_lead',
  technical_customers: 'technical_referent',
  partners: 'support_lead',
  employees: 'communications_lead',
  press: 'spokesperson',
  authorities: 'legal_dpo',
  executives: 'executive_sponsor',
};

export function audienceOwner(audienceId: string): CrisisRole {
  return audienceOwners[audienceId] ?? 'communications_lead';
}
