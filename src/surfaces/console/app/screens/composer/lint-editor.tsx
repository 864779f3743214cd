import type { Ref } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { Field } from '../../ui/kit.tsx';
import { runsOf } from './highlight.ts';
import type { Finding, Language } from './types.ts';

interface LintEditorProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  /** This field's findings, underlined behind the text. */
  findings: Finding[];
  /** The text's language (spelling, screen readers), not the console's. */
  lang: Language;
  singleLine?: boolean;
  readOnly?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
  onInput: (value: string) => void;
}

/**
 * A text box whose findings are underlined as one types: the text area is transparent over a layer
 * that lays the same text out with the same metrics and marks each finding's range. The caret,
 * selection, undo and spelling stay the browser's own.
 */
export function LintEditor({ id, label, hint, error, value, findings, lang, singleLine = false, readOnly = false, inputRef, onInput }: LintEditorProps) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const typedAt = useRef(0);
  const runs = useMemo(() => runsOf(value, findings), [value, findings]);

  // The box grows with its text: no inner scroll for the layer to follow.
  useLayoutEffect(() => {
    const area = own.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + area.offsetHeight - area.clientHeight}px`;
  }, [value]);

  // Keystroke → underline on screen, for bench/console: the attribute and a performance mark.
  useEffect(() => {
    if (!typedAt.current) return;
    const ms = performance.now() - typedAt.current;
    typedAt.current = 0;
    box.current?.setAttribute('data-lint-ms', ms.toFixed(1));
    performance.mark('lint-underlined', { detail: { field: id, ms } });
  }, [runs]);

  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div ref={box} class={`lint-editor${singleLine ? ' lint-single' : ''}`}>
        <div class="lint-layer" aria-hidden="true">
          {runs.map((run, i) => (
            <span key={i}>
              {run.gap && <span class={`lint-gap lint-${run.gap}`} />}
              {run.severity ? <mark class={`lint-mark lint-${run.severity}`}>{run.text}</mark> : run.text}
            </span>
          ))}
          {'\u200b'}
        </div>
        <textarea
          ref={(element) => {
            own.current = element;
            if (typeof inputRef === 'function') inputRef(element);
            else if (inputRef) inputRef.current = element;
          }}
          id={id}
          class="lint-input"
          lang={lang}
          rows={singleLine ? 1 : 6}
          value={value}
          readOnly={readOnly}
          spellcheck
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onKeyDown={(event) => {
            if (singleLine && event.key === 'Enter') event.preventDefault();
          }}
          onInput={(event) => {
            typedAt.current = performance.now();
            const text = event.currentTarget.value;
            onInput(singleLine ? text.replace(/\s*\n\s*/g, ' ') : text);
          }}
        />
      </div>
    </Field>
  );
}
