import { useEffect, useState } from 'preact/hooks';
import type { Permission, Role } from '../../../domain/access/roles.ts';
import { can as roleCan } from '../../../domain/access/roles.ts';
import { api, onSignedOut, setCsrfToken } from './api.ts';

export interface Session {
  actor: { type: string; id: string; name: string; role: Role };
  workspace: { id: string; name: string; slug: string; time_zone: string; default_language: string };
}

type State = { status: 'loading' } | { status: 'signed_out' } | { status: 'signed_in'; session: Session };

let state: State = { status: 'loading' };
const listeners = new Set<(state: State) => void>();

function set(next: State) {
  state = next;
  for (const listener of listeners) listener(next);
}

onSignedOut(() => {
  setCsrfToken(null);
  set({ status: 'signed_out' });
});

async function load(): Promise<void> {
  const current = await api.get<{ actor: Session['actor']; csrf_token: string | null }>('/api/session/current');
  setCsrfToken(current.csrf_token);
  const workspace = await api.get<Session['workspace']>('/api/admin/workspace');
  set({ status: 'signed_in', session: { actor: current.actor, workspace } });
}

/** Picks up a session the browser already has (its cookie), or shows the sign-in. */
export async function restoreSession(): Promise<void> {
  try {
    await load();
  } catch {
    set({ status: 'signed_out' });
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const signedIn = await api.post<{ csrf_token: string }>('/api/session', { email, password });
  setCsrfToken(signedIn.csrf_token);
  await load();
}

export async function signOut(): Promise<void> {
  await api.delete('/api/session').catch(() => undefined);
  setCsrfToken(null);
  set({ status: 'signed_out' });
}

export function useSessionState(): State {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}

/** The signed-in session; screens behind the sign-in use it. */
export function useSession(): Session {
  const current = useSessionState();
  if (current.status !== 'signed_in') throw new Error('useSession outside a signed-in screen');
  return current.session;
}

/** Whether the signed-in person's role allows an action: the console hides what the API would refuse. */
export function useCan(): (permission: Permission) => boolean {
  const session = useSession();
  return (permission) => roleCan(session.actor.role, permission);
}
