import type { PublicIncident } from './snapshot.ts';

/**
 * Sorted, filtered views of a page's incidents (the open ones, by start, by feed order…), kept
 * from build to build. A publisher re-reads only the incidents that changed (build-snapshot.ts) and
 * records how the new list came from the last one; a view of the new list is then the last one's
 * with those incidents taken out and put back in place, not a filter and a sort of 5,000. Without a
 * record (a one-off build, a first build) a view is computed whole: the same result either way.
 */
export interface IncidentsDelta {
  previous: readonly PublicIncident[];
  /** Objects of `previous` that the new list no longer holds. */
  removed: readonly PublicIncident[];
  /** Objects of the new list that `previous` did not hold. */
  added: readonly PublicIncident[];
}

const deltas = new WeakMap<readonly PublicIncident[], IncidentsDelta>();
const views = new WeakMap<readonly PublicIncident[], Map<string, unknown>>();

/** Records how `incidents` came from the last build's list; that list's own record is dropped, so one generation is kept. */
export function recordIncidentsDelta(incidents: readonly PublicIncident[], delta: IncidentsDelta): void {
  deltas.set(incidents, delta);
  deltas.delete(delta.previous);
}

/** How a view sorts: a total order (ties broken by id), so that applying changes gives what a sort gives. */
export type IncidentOrder = (a: PublicIncident, b: PublicIncident) => number;

/**
 * The incidents `keep` keeps, sorted by `order`. `keep` may read only the incident (time-dependent
 * choices are made on the view), and a view's `name` stands for its `keep` and `order`.
 */
export function incidentView(incidents: readonly PublicIncident[], name: string, keep: (incident: PublicIncident) => boolean, order: IncidentOrder): readonly PublicIncident[] {
  return cached(incidents, name, (last, delta) => {
    if (!last) return incidents.filter(keep).sort(order);
    const view = (last as PublicIncident[]).slice();
    for (const incident of delta.removed) if (keep(incident)) remove(view, incident, order);
    for (const incident of delta.added) if (keep(incident)) insertSorted(view, incident, order);
    return view;
  });
}

/** `incidentView` per key (each incident under each of `keysOf`, once): e.g. by component. */
export function incidentGroups(
  incidents: readonly PublicIncident[],
  name: string,
  keysOf: (incident: PublicIncident) => readonly string[],
  keep: (incident: PublicIncident) => boolean,
  order: IncidentOrder,
): ReadonlyMap<string, readonly PublicIncident[]> {
  return cached(incidents, name, (last, delta) => {
    const groups = new Map<string, PublicIncident[]>(last as Map<string, PublicIncident[]> | undefined);
    // A group's array is copied once, the first time a change touches it in this build.
    const copied = new Set<string>();
    const group = (key: string) => {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      else if (last && !copied.has(key)) groups.set(key, (list = list.slice()));
      copied.add(key);
      return list;
    };
    if (!last) {
      for (const incident of incidents) if (keep(incident)) for (const key of new Set(keysOf(incident))) group(key).push(incident);
      for (const list of groups.values()) list.sort(order);
      return groups;
    }
    for (const incident of delta.removed) if (keep(incident)) for (const key of new Set(keysOf(incident))) remove(group(key), incident, order);
    for (const incident of delta.added) if (keep(incident)) for (const key of new Set(keysOf(incident))) insertSorted(group(key), incident, order);
    return groups;
  });
}

function cached<T>(incidents: readonly PublicIncident[], name: string, make: (last: T | undefined, delta: IncidentsDelta) => T): T {
  let byName = views.get(incidents);
  if (!byName) views.set(incidents, (byName = new Map()));
  if (byName.has(name)) return byName.get(name) as T;
  const delta = deltas.get(incidents);
  const last = delta ? (views.get(delta.previous)?.get(name) as T | undefined) : undefined;
  const view = make(last, delta ?? { previous: [], removed: [], added: [] });
  byName.set(name, view);
  return view;
}

/** Where `incident` goes in `list` sorted by `order`: after every one that comes before it. */
function insertionPoint(list: readonly PublicIncident[], incident: PublicIncident, order: IncidentOrder): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(list[middle]!, incident) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Puts `incident` into `list`, sorted by `order`, where the order says. */
export function insertSorted(list: PublicIncident[], incident: PublicIncident, order: IncidentOrder): void {
  list.splice(insertionPoint(list, incident, order), 0, incident);
}

function remove(list: PublicIncident[], incident: PublicIncident, order: IncidentOrder): void {
  const at = insertionPoint(list, incident, order);
  if (list[at] === incident) list.splice(at, 1);
  else {
    // Not where its order says (an order that is not total): found the slow way.
    const index = list.indexOf(incident);
    if (index >= 0) list.splice(index, 1);
  }
}

/** Newest first by creation, then by id: the order of the snapshot's list itself. */
export const newestFirst: IncidentOrder = (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
