import { InvalidError } from '../errors.ts';

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const impacts = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof impacts)[number];

export function isOpen(status: IncidentStatus): boolean {
  switch (status) {
    case 'investigating':
    case 'identified':
    case 'monitoring':
      return true;
    case 'resolved':
    case 'postmortem':
      return false;
  }
}

/**
 * Which update statuses may follow the current one. An open incident may move between the open
 * states in any order (a fix can fail and send it back to investigating); a resolved one can be
 * reopened or get its postmortem; a postmortem only takes further postmortem updates.
 */
export function allowedNext(current: IncidentStatus): readonly IncidentStatus[] {
  switch (current) {
    case 'investigating':
    case 'identified':
    case 'monitoring':
      return incidentStatuses;
    case 'resolved':
      return ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'];
    case 'postmortem':
      return ['postmortem'];
  }
}

export function assertTransition(current: IncidentStatus, next: IncidentStatus): void {
  if (!allowedNext(current).includes(next)) {
    throw new InvalidError(
      `An incident in "${current}" cannot move to "${next}" (allowed: ${allowedNext(current).join(', ')}).`,
      [{ pointer: '/status', detail: `not allowed after ${current}` }],
      'transition-not-allowed',
    );
  }
}

/** The times an update stamps on its incident: derived from the update, never typed by hand. */
export function stampsFor(status: IncidentStatus, at: Date): { monitoringAt?: Date; resolvedAt?: Date | null } {
  switch (status) {
    case 'monitoring':
      return { monitoringAt: at, resolvedAt: null };
    case 'resolved':
      return { resolvedAt: at };
    case 'investigating':
    case 'identified':
      return { resolvedAt: null };
    case 'postmortem':
      return {};
  }
}
