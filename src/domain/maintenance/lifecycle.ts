import { InvalidError } from '../errors.ts';

export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type MaintenanceStatus = (typeof maintenanceStatuses)[number];

export interface MaintenanceWindow {
  status: MaintenanceStatus;
  scheduledFor: Date;
  scheduledUntil: Date;
  autoStart: boolean;
  autoComplete: boolean;
}

/**
 * The status a maintenance should be in at `now` when it runs on its own schedule. A status set
 * by hand is never moved backwards: a maintenance completed early stays completed.
 */
export function dueStatus(window: MaintenanceWindow, now: Date): MaintenanceStatus {
  const order = maintenanceStatuses.indexOf(window.status);
  let due: MaintenanceStatus = window.status;
  if (window.autoStart && now >= window.scheduledFor && order < maintenanceStatuses.indexOf('in_progress')) due = 'in_progress';
  if (window.autoComplete && now >= window.scheduledUntil && order < maintenanceStatuses.indexOf('completed')) due = 'completed';
  return due;
}

export function assertWindow(scheduledFor: Date, scheduledUntil: Date): void {
  if (!(scheduledUntil > scheduledFor)) {
    throw new InvalidError('A maintenance must end after it starts.', [
      { pointer: '/scheduled_until', detail: 'must be later than scheduled_for' },
    ]);
  }
}

export function assertMaintenanceTransition(current: MaintenanceStatus, next: MaintenanceStatus): void {
  if (current === 'completed' && next !== 'completed') {
    throw new InvalidError(`A completed maintenance cannot move back to "${next}".`, [
      { pointer: '/status', detail: 'not allowed after completed' },
    ], 'transition-not-allowed');
  }
}
