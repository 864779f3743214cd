import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useText } from '../i18n.ts';
import { uiText } from './text.ts';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & { variant?: 'primary' | 'secondary' | 'danger' | 'quiet'; busy?: boolean; disabled?: boolean; type?: 'button' | 'submit' };

export function Button({ variant = 'secondary', busy = false, disabled, type = 'button', children, class: className, ...rest }: ButtonProps) {
  return (
    <button type={type} class={`btn btn-${variant} ${className ?? ''}`} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

/** A labelled field with its hint and the server's complaint about it, tied together for screen readers. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | undefined; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What went wrong, in words: the server's problem detail and the fields it named. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useText(uiText);
  if (!error) return null;
  const problem = error instanceof ApiError ? error : null;
  const detail = problem ? problem.detail || problem.title : error instanceof TypeError ? t('offline') : t('failed');
  return (
    <div class="notice notice-error" role="alert">
      <p>{problem?.status === 412 ? t('conflict') : detail}</p>
      {problem && problem.errors.length > 0 && (
        <>
          <p>{t('fieldErrors')}</p>
          <ul>
            {problem.errors.map((e) => (
              <li key={e.pointer}>
                <code>{e.pointer.replace(/^\//, '')}</code> — {e.detail}
              </li>
            ))}
          </ul>
        </>
      )}
      {onRetry && <Button onClick={onRetry}>{t('retry')}</Button>}
    </div>
  );
}

export function Loading() {
  const t = useText(uiText);
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

/** A modal dialog (the native one: focus trapped, Escape closes). */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useText(uiText);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <header class="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <Button variant="quiet" onClick={onClose} aria-label={t('close')}>
          ✕
        </Button>
      </header>
      {open && children}
    </dialog>
  );
}

/** A colored word for a status; the word carries the meaning, the color only helps. */
export function Pill({ tone, children }: { tone: 'ok' | 'minor' | 'major' | 'critical' | 'info' | 'muted'; children: ComponentChildren }) {
  return <span class={`pill pill-${tone}`}>{children}</span>;
}

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Tocsin`;
  }, [title]);
  return (
    <header class="page-header">
      <h1>{title}</h1>
      {children && <div class="page-actions">{children}</div>}
    </header>
  );
}
