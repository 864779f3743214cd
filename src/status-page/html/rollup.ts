import { severityOf, type ComponentStatus } from '../../domain/component/status.ts';
import { isOpen } from '../../domain/incident/lifecycle.ts';
import { isActive } from '../../domain/maintenance/lifecycle.ts';
import type { PublicSnapshot } from '../snapshot.ts';

export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

/** Which of Statuspage's canonical descriptions applies; the page words it in its own language. */
export type RollupKey = 'operational' | 'partially_degraded' | 'degraded' | 'minor_outage' | 'partial_outage' | 'major_outage' | 'maintenance';

export interface Rollup {
  indicator: Indicator;
  key: RollupKey;
  /** Statuspage's canonical phrase, as strict API clients expect it. */
  description: string;
}

export const rollups: Record<RollupKey, Rollup> = {
  operational: { indicator: 'none', key: 'operational', description: 'All Systems Operational' },
  partially_degraded: { indicator: 'minor', key: 'partially_degraded', description: 'Partially Degraded Service' },
  degraded: { indicator: 'minor', key: 'degraded', description: 'Degraded System Service' },
  minor_outage: { indicator: 'minor', key: 'minor_outage', description: 'Minor Service Outage' },
  partial_outage: { indicator: 'major', key: 'partial_outage', description: 'Partial System Outage' },
  major_outage: { indicator: 'critical', key: 'major_outage', description: 'Major System Outage' },
  maintenance: { indicator: 'maintenance', key: 'maintenance', description: 'Service Under Maintenance' },
};

const rank: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };

/** The roll-up an unresolved incident's impact asks for on its own. */
const byImpact = { none: rollups.operational, minor: rollups.minor_outage, major: rollups.partial_outage, critical: rollups.major_outage } as const;

function byComponents(statuses: ComponentStatus[]): Rollup {
  const worst = statuses.reduce<ComponentStatus>((a, b) => (severityOf(b) > severityOf(a) ? b : a), 'operational');
  const isAll = statuses.every((status) => status === worst);
  switch (worst) {
    case 'operational':
      return rollups.operational;
    case 'under_maintenance':
      return rollups.maintenance;
    case 'degraded_performance':
      return isAll ? rollups.degraded : rollups.partially_degraded;
    case 'partial_outage':
      return rollups.minor_outage;
    case 'major_outage':
      return isAll ? rollups.major_outage : rollups.partial_outage;
  }
}

/**
 * The page's overall status: the worst of what its components say and what its unresolved
 * incidents' impacts say; "maintenance" when nothing is wrong but planned work is under way.
 * A local stand-in for the JSON renderer's roll-up until both share one.
 */
export function rollUp(snapshot: Pick<PublicSnapshot, 'components' | 'incidents' | 'maintenances'>): Rollup {
  let result = byComponents(snapshot.components.map((component) => component.status));
  for (const incident of snapshot.incidents) {
    if (!isOpen(incident.status)) continue;
    const candidate = byImpact[incident.impact];
    if (rank[candidate.indicator] > rank[result.indicator]) result = candidate;
  }
  if (result.indicator === 'none' && snapshot.maintenances.some((maintenance) => isActive(maintenance.status))) result = rollups.maintenance;
  return result;
}
