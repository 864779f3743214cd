import { useEffect, useRef, useState } from 'preact/hooks';
import { subscribe } from '../../api.ts';
import type { Change } from './types.ts';

/** The incident's latest change from its live stream (null until the first arrives). */
export function useIncidentChanges(incidentId: string): Change | null {
  const [change, setChange] = useState<Change | null>(null);
  useEffect(() => {
    setChange(null);
    return subscribe(
      `/api/admin/incidents/${encodeURIComponent(incidentId)}/events`,
      (_name, data) => {
        if (data && typeof (data as Change).revision === 'string') setChange(data as Change);
      },
      ['change'],
    );
  }, [incidentId]);
  return change;
}

/**
 * Reads a part again when the stream says it moved. The first event reloads too: something may have
 * changed between the first read and the stream's start.
 */
export function useReloadOnChange(change: Change | null, parts: Array<Exclude<keyof Change, 'revision'>>, reload: () => Promise<void>): void {
  const seen = useRef<string | null>(null);
  const key = change ? parts.map((part) => change[part]).join('.') : null;
  useEffect(() => {
    if (key === null || key === seen.current) return;
    seen.current = key;
    void reload();
  }, [key, reload]);
}
