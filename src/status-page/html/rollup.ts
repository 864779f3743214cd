import type { PublicSnapshot } from '../snapshot.ts';
import { pageStatus } from '../statuspage-v2.ts';

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

/**
 * The page's overall status, as the Statuspage API states it (`pageStatus`), keyed so the page can
 * word it in its own language: the banner and status.json never disagree.
 */
export function rollUp(snapshot: Pick<PublicSnapshot, 'components' | 'incidents' | 'maintenances'>): Rollup {
  const { description } = pageStatus(snapshot);
  const rollup = Object.values(rollups).find((candidate) => candidate.description === description);
  if (!rollup) throw new Error(`No wording for the status "${description}".`);
  return rollup;
}
