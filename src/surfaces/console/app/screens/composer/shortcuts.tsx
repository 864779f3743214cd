import { useEffect, useRef } from 'preact/hooks';
import { useText } from '../../i18n.ts';
import { Dialog } from '../../ui/kit.tsx';
import { composerText } from './text.ts';

export interface ShortcutHandlers {
  nextVersion: () => void;
  previousVersion: () => void;
  save: () => void;
  applyFirstFix: () => void;
  nextFinding: () => void;
  previousFinding: () => void;
  help: () => void;
}

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The composer's keys, listened to on the whole page so they work while typing. */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const h = latest.current;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') return run(h.save);
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        if (event.key === 'ArrowRight') return run(h.nextVersion);
        if (event.key === 'ArrowLeft') return run(h.previousVersion);
        if (event.key === 'ArrowDown') return run(h.nextFinding);
        if (event.key === 'ArrowUp') return run(h.previousFinding);
        if (event.key === 'Enter') return run(h.applyFirstFix);
      }
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) return run(h.help);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

const alt = isMac ? '⌥' : 'Alt';
const ctrl = isMac ? '⌘' : 'Ctrl';

/** The "?" dialog: every shortcut, in words. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useText(composerText);
  const rows: Array<[string[], string]> = [
    [[alt, '→'], t('key_next')],
    [[alt, '←'], t('key_previous')],
    [[ctrl, 'S'], t('key_save')],
    [[alt, t('enterKey')], t('key_fix')],
    [[alt, '↓'], t('key_findingNext')],
    [[alt, '↑'], t('key_findingPrevious')],
    [['?'], t('key_help')],
  ];
  return (
    <Dialog open title={t('shortcuts')} onClose={onClose}>
      <p class="hint">{t('shortcutsIntro')}</p>
      <table class="table shortcuts">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' + '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
