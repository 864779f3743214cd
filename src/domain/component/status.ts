/** Statuspage's five-level component scale, from best to worst (maintenance sits apart). */
export const componentStatuses = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** Severity used to pick the worst status of a set: maintenance ranks below any outage. */
export function severityOf(status: ComponentStatus): number {
  switch (status) {
    case 'operational':
      return 0;
    case 'under_maintenance':
      return 1;
    case 'degraded_performance':
      return 2;
    case 'partial_outage':
      return 3;
    case 'major_outage':
      return 4;
  }
}

export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const status of statuses) if (severityOf(status) > severityOf(worst)) worst = status;
  return worst;
}
