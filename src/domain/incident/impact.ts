import { severityOf, type ComponentStatus } from '../component/status.ts';
import type { Impact } from './lifecycle.ts';

/** The component status an impact implies (Statuspage's mapping); none implies no change. */
export function componentStatusForImpact(impact: Impact): ComponentStatus | null {
  switch (impact) {
    case 'critical':
      return 'major_outage';
    case 'major':
      return 'partial_outage';
    case 'minor':
      return 'degraded_performance';
    case 'none':
      return null;
  }
}

/**
 * The status to give a component when an incident opens on it without a status named: the one its
 * impact implies, only if that is worse, so a minor incident never hides another one's outage.
 */
export function impliedComponentStatus(impact: Impact, current: ComponentStatus): ComponentStatus | null {
  const implied = componentStatusForImpact(impact);
  return implied !== null && severityOf(implied) > severityOf(current) ? implied : null;
}
