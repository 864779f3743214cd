import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { defineTexts, useText } from '../i18n.ts';
import { Button, Dialog, ErrorNotice, Loading } from './kit.tsx';
import './back-office.css';

/** Pieces the back-office screens (services, subscribers, people, activity, settings) share. */
export const backOfficeText = defineTexts('back-office', {
  en: {
    confirm: 'Confirm',
    cancel: 'Cancel',
    saved: 'Saved.',
    moveUp: 'Move {{name}} up',
    moveDown: 'Move {{name}} down',
    lang_fr: 'French',
    lang_en: 'English',
    yes: 'Yes',
    no: 'No',
    checkFields: 'Some fields need correcting: see the messages next to them.',
    notAllowed: 'Your role does not give access to this page. Ask an owner of the workspace if you need it.',
    secret: 'Secret',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Select the text and copy it by hand.',
  },
  fr: {
    confirm: 'Confirmer',
    cancel: 'Annuler',
    saved: 'Enregistré.',
    moveUp: 'Monter {{name}}',
    moveDown: 'Descendre {{name}}',
    lang_fr: 'Français',
    lang_en: 'Anglais',
    yes: 'Oui',
    no: 'Non',
    checkFields: 'Certains champs sont à corriger : voyez les messages à côté d’eux.',
    notAllowed: 'Votre rôle ne donne pas accès à cette page. Demandez-le à un propriétaire de l’espace si vous en avez besoin.',
    secret: 'Secret',
    copy: 'Copier',
    copied: 'Copié.',
    copyFailed: 'Sélectionnez le texte et copiez-le à la main.',
  },
});

/**
 * An action's progress and outcome: `run` keeps the refusal to show it and says whether it worked;
 * `succeeded` stays true until the next run or `clear()` (the person edits again).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [succeeded, setSucceeded] = useState(false);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setSucceeded(false);
    try {
      await action();
      setSucceeded(true);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const clear = () => setSucceeded(false);
  return { busy, error, succeeded, setError, run, clear };
}

/** What the server said about one field (`/cadence/critical`), to show next to it. */
export function fieldError(error: unknown, pointer: string): string | undefined {
  return error instanceof ApiError ? error.at(pointer) : undefined;
}

/** The attributes that tie an input to its hint and to the server's complaint (see `Field`). */
export function described(id: string, error: string | undefined, hint?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': ids || undefined };
}

/**
 * A form's refusal: when every field the server named is shown next to its field, a sentence
 * pointing there is enough; anything else is shown in full.
 */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  const t = useText(backOfficeText);
  // `/audiences/` covers every audience's fields but not `/audiences` itself.
  const shown = (pointer: string) => fields.some((field) => pointer === field || pointer.startsWith(field.endsWith('/') ? field : `${field}/`));
  if (error instanceof ApiError && error.status === 400 && error.errors.length > 0 && error.errors.every((e) => shown(e.pointer))) {
    return (
      <div class="notice notice-error" role="alert">
        <p>{t('checkFields')}</p>
      </div>
    );
  }
  return <ErrorNotice error={error} />;
}

/** A refusal the server explains with a reason slug we can say in the reader's language, else its own words. */
export function reasonNotice(error: unknown, known: Record<string, string>): unknown {
  if (error instanceof ApiError && known[error.reason]) return new ApiError(error.status, error.type, error.title, known[error.reason]!, error.errors);
  return error;
}

/** Tabs as WAI-ARIA describes them: arrow keys move between tabs, the panel follows. */
export function Tabs<T extends string>({ label, tabs, current, onSelect, idPrefix }: { label: string; tabs: { id: T; label: string }[]; current: T; onSelect: (id: T) => void; idPrefix: string }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function onKeyDown(event: KeyboardEvent, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : step ? (index + step + tabs.length) % tabs.length : -1;
    if (target < 0) return;
    event.preventDefault();
    const tab = tabs[target]!;
    onSelect(tab.id);
    refs.current[tab.id]?.focus();
  }
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(element) => void (refs.current[tab.id] = element)}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === current}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab.id === current ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ idPrefix, current, children }: { idPrefix: string; current: string; children: ComponentChildren }) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${current}`} tabIndex={0} class="tab-panel">
      {children}
    </div>
  );
}

/** Asks before an action that cannot be undone; the refusal, if any, stays in the dialog. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, danger = true }: { title: string; children: ComponentChildren; confirmLabel: string; onConfirm: () => Promise<unknown>; onClose: () => void; danger?: boolean }) {
  const t = useText(backOfficeText);
  const action = useAction();
  return (
    <Dialog open title={title} onClose={onClose}>
      <div class="stack">
        <div>{children}</div>
        <ErrorNotice error={action.error} />
        <div class="row">
          <Button variant={danger ? 'danger' : 'primary'} busy={action.busy} onClick={async () => (await action.run(onConfirm)) && onClose()}>
            {confirmLabel}
          </Button>
          <Button variant="quiet" onClick={onClose}>
            {t('cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** Up and down buttons for an ordered list; the first cannot go up, the last cannot go down. */
export function MoveButtons({ name, index, count, onMove, disabled }: { name: string; index: number; count: number; onMove: (delta: -1 | 1) => void; disabled?: boolean }) {
  const t = useText(backOfficeText);
  return (
    <span class="move-buttons">
      <Button variant="quiet" aria-label={t('moveUp', { name })} title={t('moveUp', { name })} disabled={disabled || index === 0} onClick={() => onMove(-1)}>
        ↑
      </Button>
      <Button variant="quiet" aria-label={t('moveDown', { name })} title={t('moveDown', { name })} disabled={disabled || index === count - 1} onClick={() => onMove(1)}>
        ↓
      </Button>
    </span>
  );
}

/** A short confirmation that something was saved, read out by screen readers. */
export function SavedNotice({ show, children }: { show: boolean; children?: ComponentChildren }) {
  const t = useText(backOfficeText);
  return (
    <p role="status" class={show ? 'notice notice-ok' : 'visually-hidden'}>
      {show ? (children ?? t('saved')) : ''}
    </p>
  );
}

/** A checkbox with its label beside it, its hint and the server's complaint below. */
export function Checkbox({ id, label, checked, onChange, hint, error, disabled }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string; error?: string; disabled?: boolean }) {
  return (
    <div class={`bo-checkbox${error ? ' field-invalid' : ''}`}>
      <input {...described(id, error, hint)} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A form's working copy of a versioned resource: set from the server's answer whenever its version
 * moves (after a save, or after a 412 shows someone else's version), kept while the person types.
 */
export function useDraft<T extends { version: number }, D>(data: T | undefined, toDraft: (data: T) => D) {
  const [draft, setDraft] = useState<D | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    if (data && data.version !== version) {
      setDraft(toDraft(data));
      setVersion(data.version);
    }
  }, [data]);
  return [draft, setDraft] as const;
}

/** A secret shown this once (a token, a signing key): selected on focus, copied in one click. */
export function SecretOnce({ title, body, value, doneLabel, onDone, children }: { title: string; body: string; value: string; doneLabel: string; onDone: () => void; children?: ComponentChildren }) {
  const t = useText(backOfficeText);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <div class="notice notice-warn secret-once" role="region" aria-labelledby="secret-title">
      <h3 id="secret-title">{title}</h3>
      <p>{body}</p>
      <div class="row">
        <label for="secret-value" class="visually-hidden">
          {t('secret')}
        </label>
        <input id="secret-value" ref={input} class="input secret-value" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="primary" onClick={() => void copy()}>
          {t('copy')}
        </Button>
      </div>
      <p role="status">{copied === 'yes' ? t('copied') : copied === 'failed' ? t('copyFailed') : ''}</p>
      {children}
      <Button onClick={onDone}>{doneLabel}</Button>
    </div>
  );
}

/** What a screen shows to a role that may not use it (someone followed a link): a sentence, not errors. */
export function NotAllowed() {
  const t = useText(backOfficeText);
  return <p class="notice">{t('notAllowed')}</p>;
}

/**
 * A back-office list: its error and loading states, the empty message, then a table of one row per
 * item whose last column holds the row's actions.
 */
export function ListTable<T>({ list, items, empty, caption, className, headers, actionsLabel, children }: {
  list: { error: unknown; reload: () => unknown };
  items: readonly T[] | undefined;
  /** Said instead of an empty table (none: the table is shown, empty). */
  empty?: string;
  caption?: string;
  className: string;
  headers: string[];
  actionsLabel: string;
  children: (item: T) => ComponentChildren;
}) {
  return (
    <>
      <ErrorNotice error={list.error} onRetry={() => void list.reload()} />
      {!items ? (
        <Loading />
      ) : items.length === 0 && empty !== undefined ? (
        <p class="empty">{empty}</p>
      ) : (
        <div class="bo-table-scroll">
          <table class={`table ${className}`}>
            {caption && <caption class="visually-hidden">{caption}</caption>}
            <thead>
              <tr>
                {headers.map((header) => (
                  <th scope="col" key={header}>
                    {header}
                  </th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">{actionsLabel}</span>
                </th>
              </tr>
            </thead>
            <tbody>{items.map(children)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
