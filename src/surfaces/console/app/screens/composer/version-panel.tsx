import type { Ref } from 'preact';
import { useText } from '../../i18n.ts';
import { ErrorNotice } from '../../ui/kit.tsx';
import { ConflictNotice } from './conflict-notice.tsx';
import { LintEditor } from './lint-editor.tsx';
import { composerText } from './text.ts';
import type { Drafts, Draft } from './use-drafts.ts';
import { RemoveVersion } from './variant-actions.tsx';
import { panelId, tabId } from './variant-tabs.tsx';
import type { Finding, Message, Variant } from './types.ts';

interface VersionPanelProps {
  message: Message;
  variant: Variant;
  draft: Draft;
  drafts: Drafts;
  findings: Finding[];
  label: string;
  canWrite: boolean;
  subjectRef: Ref<HTMLTextAreaElement>;
  bodyRef: Ref<HTMLTextAreaElement>;
  onRemoved: () => void;
}

/** One version: its subject and text with their findings underlined, and where its save stands. */
export function VersionPanel(props: VersionPanelProps) {
  const t = useText(composerText);
  const { variant, draft, drafts, findings, canWrite } = props;
  const ofField = (field: 'text' | 'subject') => findings.filter((f) => (f.field ?? 'text') === field);
  return (
    <div role="tabpanel" id={panelId} aria-labelledby={tabId(variant.id)} class="stack version-panel">
      {draft.status === 'conflict' && draft.theirs && (
        <ConflictNotice theirs={draft.theirs} onKeepMine={() => void drafts.keepMine(variant.id)} onTakeTheirs={() => drafts.takeTheirs(variant.id)} />
      )}
      {draft.status === 'failed' && <ErrorNotice error={draft.error} onRetry={() => void drafts.saveNow(variant.id)} />}
      <div class="card editor-card">
        <div class="editor-head">
          <h2>{props.label}</h2>
          {canWrite && props.message.variants.length > 1 && <RemoveVersion message={props.message} variant={variant} name={props.label} onRemoved={props.onRemoved} />}
        </div>
        {draft.subject !== null && (
          <LintEditor
            id="version-subject"
            label={t('subject')}
            value={draft.subject}
            findings={ofField('subject')}
            lang={variant.language}
            singleLine
            readOnly={!canWrite}
            error={draft.status === 'invalid' && !draft.subject.trim() ? t('subjectEmpty') : undefined}
            inputRef={props.subjectRef}
            onInput={(subject) => drafts.edit(variant.id, { subject })}
          />
        )}
        <LintEditor
          id="version-body"
          label={t('body')}
          hint={canWrite ? t('editorHelp') : undefined}
          value={draft.body}
          findings={ofField('text')}
          lang={variant.language}
          readOnly={!canWrite}
          error={draft.status === 'invalid' && !draft.body.trim() ? t('bodyEmpty') : undefined}
          inputRef={props.bodyRef}
          onInput={(body) => drafts.edit(variant.id, { body })}
        />
      </div>
    </div>
  );
}
