import { api } from '../../api.ts';
import type { FactEntry } from './types.ts';

/** The address of an entry of an incident's fact sheet, or of one of its actions. */
export function entryPath(incidentId: string, entryId: string, action?: 'withdraw' | 'confirm' | 'history'): string {
  const base = `/api/admin/incidents/${encodeURIComponent(incidentId)}/facts/entries/${encodeURIComponent(entryId)}`;
  return action ? `${base}/${action}` : base;
}

export interface EntryHistory {
  entry: FactEntry;
  changes: { at: string; actor: { name: string }; action: string }[];
}

/** The entry as it stands now and who last changed it: what a refused save shows the person. */
export async function latestVersion(incidentId: string, entryId: string): Promise<{ entry: FactEntry; by: string | null; at: string }> {
  const history = await api.get<EntryHistory>(entryPath(incidentId, entryId, 'history'));
  const last = history.changes[history.changes.length - 1];
  return { entry: history.entry, by: last?.actor.name ?? null, at: last?.at ?? history.entry.updated_at };
}

/** The fields a person may correct on an entry of this kind (a next-update promise is what was published). */
export function editableFields(entry: FactEntry): Array<'text' | 'source' | 'due_at' | 'correction'> {
  switch (entry.kind) {
    case 'known':
    case 'unconfirmed':
      return ['text', 'source'];
    case 'promised':
      return entry.promise_kind === 'next_update' ? [] : ['text', 'source', 'due_at'];
    case 'rumor':
      return entry.state === 'refuted' ? ['text', 'source', 'correction'] : ['text', 'source'];
    case 'key_message':
      return ['text'];
    case 'said':
      return [];
  }
}

export function sourceOf(entry: FactEntry): string | null {
  return 'source' in entry ? entry.source : null;
}
