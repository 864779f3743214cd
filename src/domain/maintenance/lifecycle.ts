import { severityOf, type ComponentStatus } from '../component/status.ts';
import { InvalidError } from '../errors.ts';

export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type MaintenanceStatus = (typeof maintenanceStatuses)[number];

/** The statuses the schedule moves a maintenance to on its own; `verifying` is only ever set by hand. */
export type AutomaticStatus = 'in_progress' | 'completed';

export interface MaintenanceWindow {
  status: MaintenanceStatus;
  scheduledFor: Date;
  scheduledUntil: Date;
  autoStart: boolean;
  autoComplete: boolean;
}

export interface DueStep {
  status: AutomaticStatus;
  /** When the schedule said it should happen (scheduled_for or scheduled_until). */
  dueAt: Date;
}

/**
 * The transitions a maintenance running on its own schedule owes at `now`, oldest first: a
 * scheduler that missed the whole window owes the start and then the completion. A status set
 * by hand is never moved backwards: a maintenance completed early stays completed.
 */
export function dueSteps(window: MaintenanceWindow, now: Date): DueStep[] {
  const steps: DueStep[] = [];
  if (window.autoStart && window.status === 'scheduled' && now >= window.scheduledFor) {
    steps.push({ status: 'in_progress', dueAt: window.scheduledFor });
  }
  if (window.autoComplete && window.status !== 'completed' && now >= window.scheduledUntil) {
    steps.push({ status: 'completed', dueAt: window.scheduledUntil });
  }
  return steps;
}

/** The status a maintenance should be in at `now` when it runs on its own schedule. */
export function dueStatus(window: MaintenanceWindow, now: Date): MaintenanceStatus {
  return dueSteps(window, now).at(-1)?.status ?? window.status;
}

/** Whether the work is under way: its components are shown under maintenance. */
export function isActive(status: MaintenanceStatus): boolean {
  switch (status) {
    case 'in_progress':
    case 'verifying':
      return true;
    case 'scheduled':
    case 'completed':
      return false;
  }
}

/**
 * What a transition does to the maintenance's components: `hold` puts them under maintenance when
 * the work starts, `release` hands them back when it ends; moving between active states does nothing.
 */
export function componentEffect(from: MaintenanceStatus, to: MaintenanceStatus): 'hold' | 'release' | 'none' {
  if (!isActive(from) && isActive(to)) return 'hold';
  if (isActive(from) && !isActive(to)) return 'release';
  return 'none';
}

/**
 * The status a component takes when a maintenance holds it, or null to leave it: an outage worse
 * than maintenance stays visible rather than being masked by planned work.
 */
export function statusWhenHeld(current: ComponentStatus): ComponentStatus | null {
  return severityOf(current) <= severityOf('under_maintenance') ? 'under_maintenance' : null;
}

export interface HeldComponent {
  status: ComponentStatus;
  /** Whether its newest status change was made by a maintenance (not by hand or an incident). */
  isSetByMaintenance: boolean;
  /** Whether another maintenance still in progress or verifying covers it. */
  isHeldByAnotherMaintenance: boolean;
}

/**
 * The status a component returns to when a maintenance releases it, or null to leave it: only a
 * component still under maintenance because of a maintenance, and no longer covered by another one.
 */
export function statusWhenReleased(component: HeldComponent): ComponentStatus | null {
  if (component.status !== 'under_maintenance' || !component.isSetByMaintenance || component.isHeldByAnotherMaintenance) return null;
  return 'operational';
}

/**
 * Which statuses may follow the current one by hand. The work only moves forward, except that a
 * failed verification sends it back to in progress; any status takes further notes of itself.
 */
export function allowedNext(current: MaintenanceStatus): readonly MaintenanceStatus[] {
  switch (current) {
    case 'scheduled':
      return maintenanceStatuses;
    case 'in_progress':
    case 'verifying':
      return ['in_progress', 'verifying', 'completed'];
    case 'completed':
      return ['completed'];
  }
}

export function assertWindow(scheduledFor: Date, scheduledUntil: Date): void {
  if (!(scheduledUntil > scheduledFor)) {
    throw new InvalidError('A maintenance must end after it starts.', [
      { pointer: '/scheduled_until', detail: 'must be later than scheduled_for' },
    ]);
  }
}

export function assertMaintenanceTransition(current: MaintenanceStatus, next: MaintenanceStatus): void {
  if (!allowedNext(current).includes(next)) {
    throw new InvalidError(
      `A maintenance in "${current}" cannot move to "${next}" (allowed: ${allowedNext(current).join(', ')}).`,
      [{ pointer: '/status', detail: `not allowed after ${current}` }],
      'transition-not-allowed',
    );
  }
}

/** The times a transition stamps on its maintenance: derived from the transition, never typed by hand. */
export function stampsFor(from: MaintenanceStatus, to: MaintenanceStatus, at: Date): { startedAt?: Date; completedAt?: Date } {
  switch (to) {
    case 'scheduled':
      return {};
    case 'in_progress':
    case 'verifying':
      return from === 'scheduled' ? { startedAt: at } : {};
    case 'completed':
      return from === 'completed' ? {} : { completedAt: at };
  }
}
