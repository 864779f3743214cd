import { InvalidError } from '../errors.ts';
import type { IncidentStatus } from '../incident/lifecycle.ts';
import { channels, stages, type Channel, type Stage } from '../linter/types.ts';

export { channels, stages, type Channel, type Stage };

/** The stages an incident's message may take: a maintenance notice belongs to a maintenance. */
export const incidentStages = stages.filter((stage) => stage !== 'maintenance_notice');

/**
 * Doctrine §1: a public message while the incident runs announces the time of the next update
 * (the stages the linter's missing-next-update rule checks).
 */
export function needsNextUpdate(stage: Stage): boolean {
  switch (stage) {
    case 'first':
    case 'update':
    case 'identified':
    case 'monitoring':
      return true;
    case 'resolved':
    case 'closing':
    case 'breach_notice':
    case 'compensation':
    case 'rumor_correction':
    case 'maintenance_notice':
      return false;
  }
}

/** A final message closes the conversation: it promises no next update. */
export function isFinal(stage: Stage): boolean {
  switch (stage) {
    case 'resolved':
    case 'closing':
      return true;
    case 'first':
    case 'update':
    case 'identified':
    case 'monitoring':
    case 'breach_notice':
    case 'compensation':
    case 'rumor_correction':
    case 'maintenance_notice':
      return false;
  }
}

/** The status the incident update takes when a message of this stage is published. */
export function statusOnPublish(stage: Stage, current: IncidentStatus): IncidentStatus {
  switch (stage) {
    case 'identified':
    case 'monitoring':
    case 'resolved':
      return stage;
    case 'closing':
      return 'postmortem';
    case 'first':
    case 'update':
    case 'breach_notice':
    case 'compensation':
    case 'rumor_correction':
      return current;
    case 'maintenance_notice':
      throw new InvalidError('A maintenance notice is published with its maintenance, not on an incident.', [{ pointer: '/stage', detail: 'not a stage of an incident' }], 'stage-not-for-incidents');
  }
}
