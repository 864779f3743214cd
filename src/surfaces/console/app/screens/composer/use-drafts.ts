import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import type { EditedVariant, Finding, Message, Variant } from './types.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict' | 'invalid';

/** One version's text as the person writes it, and where its save stands. */
export interface Draft {
  id: string;
  /** An e-mail's subject; null for every other channel. */
  subject: string | null;
  body: string;
  /** The version this text was written on: the If-Match of its next save. */
  version: number;
  /** The text the server holds, as far as this browser knows. */
  saved: { subject: string | null; body: string };
  status: SaveStatus;
  error: unknown;
  /** After a 412: the version someone else saved meanwhile. */
  theirs: Variant | null;
  /** The server's findings for the text it holds: authoritative while the text is still that one. */
  server: { subject: string | null; body: string; findings: Finding[] };
}

/** Quiet enough not to save every keystroke, soon enough that a closed laptop loses little. */
const saveDelayMs = 800;

function fresh(variant: Variant): Draft {
  const subject = variant.channel === 'email' ? (variant.subject ?? '') : null;
  return {
    id: variant.id,
    subject,
    body: variant.body,
    version: variant.version,
    saved: { subject, body: variant.body },
    status: 'saved',
    error: null,
    theirs: null,
    server: { subject: variant.subject, body: variant.body, findings: variant.findings },
  };
}

const isClean = (d: Draft) => d.body === d.saved.body && d.subject === d.saved.subject;

export interface Drafts {
  get(id: string): Draft | undefined;
  edit(id: string, change: { subject?: string; body?: string }): void;
  /** Saves now what waits (Ctrl+S, leaving, before the next update moves). */
  saveNow(id: string): Promise<void>;
  flushAll(): Promise<void>;
  keepMine(id: string): Promise<void>;
  takeTheirs(id: string): void;
}

/**
 * The versions' texts, saved as the person writes (a debounced PATCH with If-Match per version).
 * A newer version from the server replaces a text only when this browser has nothing unsaved in it;
 * otherwise the save meets the 412 and the person sees both texts, theirs kept in the editor.
 */
export function useDrafts(message: Message | undefined, onSaved: (edited: EditedVariant) => void): Drafts {
  const store = useRef(new Map<string, Draft>()).current;
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>()).current;
  const inFlight = useRef(new Map<string, Promise<void>>()).current;
  const merged = useRef<Message | undefined>(undefined);
  const latestSaved = useRef(onSaved);
  latestSaved.current = onSaved;
  const [, setTick] = useState(0);
  const changed = () => setTick((n) => n + 1);
  const messageId = message?.id;

  // Merged while rendering, so a version just added has its draft in the same render.
  if (message && merged.current !== message) {
    merged.current = message;
    const ids = new Set(message.variants.map((v) => v.id));
    for (const id of [...store.keys()]) if (!ids.has(id)) store.delete(id);
    for (const variant of message.variants) {
      const draft = store.get(variant.id);
      if (!draft) store.set(variant.id, fresh(variant));
      else if (variant.version === draft.version) draft.server = { subject: variant.subject, body: variant.body, findings: variant.findings };
      else if (variant.version > draft.version && isClean(draft) && draft.status !== 'saving' && draft.status !== 'conflict') store.set(variant.id, fresh(variant));
    }
  }

  const schedule = (id: string) => {
    clearTimeout(timers.get(id));
    timers.set(id, setTimeout(() => void save(id), saveDelayMs));
  };

  async function save(id: string): Promise<void> {
    clearTimeout(timers.get(id));
    const running = inFlight.get(id);
    if (running) {
      await running;
      return save(id);
    }
    const draft = store.get(id);
    if (!draft || !messageId || draft.status === 'conflict') return;
    if (isClean(draft)) {
      if (draft.status === 'saved') return;
      draft.status = 'saved';
      changed();
      return;
    }
    if (!draft.body.trim() || (draft.subject !== null && !draft.subject.trim())) {
      draft.status = 'invalid';
      changed();
      return;
    }
    const sent = { subject: draft.subject, body: draft.body };
    draft.status = 'saving';
    changed();
    const run = (async () => {
      try {
        const edited = await api.patch<EditedVariant>(`/api/admin/messages/${messageId}/variants/${id}`, sent.subject === null ? { body: sent.body } : sent, { ifMatch: draft.version });
        draft.version = edited.version;
        draft.saved = sent;
        draft.server = { subject: edited.subject, body: edited.body, findings: edited.findings };
        draft.status = isClean(draft) ? 'saved' : 'pending';
        draft.error = null;
        latestSaved.current(edited);
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          const now = await api.get<Message>(`/api/admin/messages/${messageId}`).catch(() => undefined);
          draft.theirs = now?.variants.find((v) => v.id === id) ?? null;
          draft.status = 'conflict';
        } else {
          draft.status = 'failed';
          draft.error = error;
        }
      }
    })();
    inFlight.set(id, run);
    await run;
    inFlight.delete(id);
    // Typed on while it was saving: the rest goes after the usual pause.
    if ((draft.status as SaveStatus) === 'pending') schedule(id);
    changed();
  }

  // Leaving the composer saves what waits; closing the tab with unsaved text asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if ([...store.values()].some((d) => !isClean(d))) event.preventDefault();
    };
    addEventListener('beforeunload', warn);
    return () => {
      removeEventListener('beforeunload', warn);
      for (const id of timers.keys()) void save(id);
    };
  }, [messageId]);

  // One object for the composer's life: the panels it is passed to need not render again per keystroke.
  return useMemo<Drafts>(() => ({
    get: (id) => store.get(id),
    edit(id, change) {
      const draft = store.get(id);
      if (!draft) return;
      if (change.body !== undefined) draft.body = change.body;
      if (change.subject !== undefined && draft.subject !== null) draft.subject = change.subject;
      if (draft.status !== 'conflict') {
        draft.status = isClean(draft) ? 'saved' : 'pending';
        schedule(id);
      }
      changed();
    },
    saveNow: save,
    async flushAll() {
      await Promise.all([...store.keys()].map((id) => save(id)));
    },
    async keepMine(id) {
      const draft = store.get(id);
      if (!draft?.theirs) return;
      draft.version = draft.theirs.version;
      draft.saved = { subject: draft.theirs.channel === 'email' ? (draft.theirs.subject ?? '') : null, body: draft.theirs.body };
      draft.theirs = null;
      draft.status = 'pending';
      await save(id);
    },
    takeTheirs(id) {
      const draft = store.get(id);
      if (!draft?.theirs) return;
      store.set(id, fresh(draft.theirs));
      changed();
    },
  }), [messageId]);
}
