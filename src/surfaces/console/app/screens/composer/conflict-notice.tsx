import { formatTime, useLanguage, useText } from '../../i18n.ts';
import { Button } from '../../ui/kit.tsx';
import { composerText } from './text.ts';
import type { Variant } from './types.ts';

/** After a 412: the other person's text beside the person's own (kept in the editor), and a choice. */
export function ConflictNotice({ theirs, onKeepMine, onTakeTheirs }: { theirs: Variant; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const t = useText(composerText);
  const language = useLanguage();
  return (
    <div class="notice notice-warn conflict" role="alert">
      <p>
        <strong>{t('conflictTitle')}</strong>
      </p>
      <p>{t('conflictText', { name: theirs.editor.name, time: formatTime(theirs.updated_at, language) })}</p>
      {theirs.subject && (
        <p class="conflict-theirs" lang={theirs.language}>
          <strong>{theirs.subject}</strong>
        </p>
      )}
      <blockquote class="conflict-theirs" lang={theirs.language}>
        {theirs.body}
      </blockquote>
      <div class="row">
        <Button variant="primary" onClick={onKeepMine}>
          {t('keepMine')}
        </Button>
        <Button onClick={onTakeTheirs}>{t('takeTheirs')}</Button>
      </div>
    </div>
  );
}
