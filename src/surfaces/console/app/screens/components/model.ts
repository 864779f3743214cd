import { componentStatuses, severityOf, worstStatus, type ComponentStatus } from '../../../../../domain/component/status.ts';

export { componentStatuses, type ComponentStatus };

export interface Service {
  id: string;
  group_id: string | null;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  version: number;
}

export interface Group {
  id: string;
  name: string;
  description: string | null;
  position: number;
  components: string[];
  version: number;
}

export interface StatusChange {
  status: ComponentStatus;
  previous_status: ComponentStatus | null;
  changed_at: string;
}

export const statusTone = {
  operational: 'ok',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  under_maintenance: 'info',
} as const satisfies Record<ComponentStatus, string>;

export const historyDays = 90;

export interface Day {
  start: Date;
  /** The worst status the day saw; null before the service was tracked. */
  worst: ComponentStatus | null;
}

/**
 * The worst status of each of the last `historyDays` local days, from the changes of the window
 * (oldest first). Before the first change the service was in that change's previous status, or
 * not tracked yet when it has none (it was created then).
 */
export function dailyWorst(changes: StatusChange[], current: ComponentStatus, now: Date): Day[] {
  const first = changes[0];
  const segments: { from: number; to: number; status: ComponentStatus }[] = [];
  let since = Number.NEGATIVE_INFINITY;
  let status: ComponentStatus | null = first ? first.previous_status : current;
  for (const change of changes) {
    const at = new Date(change.changed_at).getTime();
    if (status) segments.push({ from: since, to: at, status });
    since = at;
    status = change.status;
  }
  if (status) segments.push({ from: since, to: Number.POSITIVE_INFINITY, status });
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days: Day[] = [];
  for (let back = historyDays - 1; back >= 0; back--) {
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back);
    const end = back === 0 ? now : new Date(today.getFullYear(), today.getMonth(), today.getDate() - back + 1);
    const seen = segments.filter((segment) => segment.from < end.getTime() && segment.to > start.getTime()).map((segment) => segment.status);
    days.push({ start, worst: seen.length > 0 ? worstStatus(seen) : null });
  }
  return days;
}

/** Days that were not entirely normal (maintenance counts: customers noticed it). */
export function troubledDays(days: Day[]): number {
  return days.filter((day) => day.worst !== null && severityOf(day.worst) > 0).length;
}

/** Groups by position, each with its services by position; services without a group come last. */
export function byGroup(services: Service[], groups: Group[]): { group: Group | null; services: Service[] }[] {
  const sorted = [...services].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const sections: { group: Group | null; services: Service[] }[] = [...groups]
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map((group) => ({ group, services: sorted.filter((service) => service.group_id === group.id) }));
  const loose = sorted.filter((service) => !service.group_id || !groups.some((group) => group.id === service.group_id));
  if (loose.length > 0) sections.push({ group: null, services: loose });
  return sections;
}

/** The new positions of a list after moving one item: only the items whose place changed are returned. */
export function reorder<T extends { id: string; position: number }>(items: T[], index: number, delta: -1 | 1): { item: T; position: number }[] {
  const order = [...items];
  const [moved] = order.splice(index, 1);
  order.splice(index + delta, 0, moved!);
  // The list keeps the places it had (a swap writes two rows), unless two items shared one.
  const places = items.map((item) => item.position).sort((a, b) => a - b);
  const distinct = new Set(places).size === places.length;
  return order.map((item, i) => ({ item, position: distinct ? places[i]! : i + 1 })).filter(({ item, position }) => item.position !== position);
}
