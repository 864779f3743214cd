import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, serverNow } from './api.ts';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Reads again, keeping what is shown until the new answer arrives (no flicker under live updates). */
  reload: () => Promise<void>;
}

/** Reads one admin route; `path` null waits. A newer read wins over an older one still in flight. */
export function useResource<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (path === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const next = await api.get<T>(path);
      if (ticket !== latest.current) return;
      setData(next);
      setError(null);
    } catch (caught) {
      if (ticket === latest.current) setError(caught);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setData(undefined);
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}

/** A clock for countdowns: the server's current time, renewed every `everyMs`. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
