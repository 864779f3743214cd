import { useState } from 'preact/hooks';
import { api, newIdempotencyKey } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { Checkbox, ConfirmDialog, FormError, ListTable, SavedNotice, backOfficeText, described, fieldError, reasonNotice, useAction } from '../../ui/back-office.tsx';
import { Button, Dialog, Field } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { useAudiences, type Audience } from './parts.tsx';
import { listsText } from './text-lists.ts';
import { settingsText } from './text.ts';

interface Term {
  id: string;
  term: string;
  plain: string;
  language: 'fr' | 'en';
  audiences: string[];
  version: number;
}

type TermDraft = Pick<Term, 'term' | 'plain' | 'language' | 'audiences'>;

/** Jargon and its plain words, per language and audience. */
export function GlossaryTab() {
  const t = useText(listsText);
  const s = useText(settingsText);
  const common = useText(backOfficeText);
  const list = useResource<{ terms: Term[] }>('/api/admin/settings/glossary');
  const { audiences, nameOf } = useAudiences();
  const [editing, setEditing] = useState<Term | null>(null);
  const [removing, setRemoving] = useState<Term | null>(null);
  return (
    <div class="stack">
      <p class="hint">{t('glossaryLead')}</p>
      <section class="card" aria-labelledby="glossary-add">
        <h2 id="glossary-add">{t('addTerm')}</h2>
        <TermForm
          idPrefix="term-new"
          audiences={audiences}
          submitLabel={t('addTerm')}
          savedMessage={(draft) => t('termAdded', { term: draft.term })}
          save={(draft) => api.post('/api/admin/settings/glossary', draft, { idempotencyKey: newIdempotencyKey() })}
          onSaved={() => void list.reload()}
        />
      </section>
      <ListTable list={list} items={list.data?.terms} empty={t('noTerms')} caption={s('tab_glossary')} className="glossary" headers={[t('term'), t('plain'), t('language'), t('audiences')]} actionsLabel={s('actions')}>
        {(term) => (
          <tr key={term.id}>
            <th scope="row" lang={term.language}>
              {term.term}
            </th>
            <td lang={term.language}>{term.plain}</td>
            <td>{common(`lang_${term.language}`)}</td>
            <td>{term.audiences.length === 0 ? t('allLay') : term.audiences.map(nameOf).join(', ')}</td>
            <td class="row-actions">
              <Button variant="quiet" aria-label={t('editTerm', { term: term.term })} onClick={() => setEditing(term)}>
                {s('edit')}
              </Button>
              <Button variant="danger" aria-label={t('removeTerm', { term: term.term })} onClick={() => setRemoving(term)}>
                {s('remove')}
              </Button>
            </td>
          </tr>
        )}
      </ListTable>
      {editing && (
        <Dialog open title={t('editTerm', { term: editing.term })} onClose={() => setEditing(null)}>
          <TermForm
            idPrefix="term-edit"
            initial={editing}
            audiences={audiences}
            submitLabel={s('save')}
            save={(draft) => api.patch(`/api/admin/settings/glossary/${editing.id}`, draft, { ifMatch: editing.version })}
            onSaved={() => {
              setEditing(null);
              void list.reload();
            }}
          />
        </Dialog>
      )}
      {removing && (
        <ConfirmDialog
          title={t('removeTermTitle', { term: removing.term })}
          confirmLabel={s('remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.delete(`/api/admin/settings/glossary/${removing.id}`, { ifMatch: removing.version });
            await list.reload();
          }}
        >
          <p>{t('removeTermBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** A term's fields; a form that adds empties itself after each word and says which was added. */
function TermForm({ idPrefix, initial, audiences, submitLabel, savedMessage, save, onSaved }: { idPrefix: string; initial?: TermDraft; audiences: Audience[]; submitLabel: string; savedMessage?: (draft: TermDraft) => string; save: (draft: TermDraft) => Promise<unknown>; onSaved: () => void }) {
  const t = useText(listsText);
  const common = useText(backOfficeText);
  const language = useLanguage();
  const empty: TermDraft = { term: '', plain: '', language: 'fr', audiences: [] };
  const [draft, setDraft] = useState<TermDraft>(initial ?? empty);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const lay = audiences.filter((audience) => audience.lay);

  async function submit(event: Event) {
    event.preventDefault();
    const clean = { ...draft, term: draft.term.trim(), plain: draft.plain.trim() };
    setSaved(null);
    const done = await action.run(() =>
      save(clean).catch((error: unknown) => {
        throw reasonNotice(error, { 'glossary-term-taken': t('termTaken') });
      }),
    );
    if (!done) return;
    if (savedMessage) {
      setSaved(savedMessage(clean));
      setDraft({ ...empty, language: clean.language, audiences: clean.audiences });
    }
    onSaved();
  }

  const error = (pointer: string) => fieldError(action.error, pointer);
  const toggle = (id: string, on: boolean) => setDraft({ ...draft, audiences: on ? [...draft.audiences, id] : draft.audiences.filter((other) => other !== id) });
  return (
    <form onSubmit={submit} noValidate>
      <div class="bo-form-grid">
        <Field id={`${idPrefix}-term`} label={t('term')} hint={t('termHint')} error={error('/term')}>
          <input {...described(`${idPrefix}-term`, error('/term'), 'hint')} value={draft.term} onInput={(e) => setDraft({ ...draft, term: e.currentTarget.value })} />
        </Field>
        <Field id={`${idPrefix}-plain`} label={t('plain')} hint={t('plainHint')} error={error('/plain')}>
          <input {...described(`${idPrefix}-plain`, error('/plain'), 'hint')} value={draft.plain} onInput={(e) => setDraft({ ...draft, plain: e.currentTarget.value })} />
        </Field>
        <Field id={`${idPrefix}-language`} label={t('language')} error={error('/language')}>
          <select {...described(`${idPrefix}-language`, error('/language'))} value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value as 'fr' | 'en' })}>
            <option value="fr">{common('lang_fr')}</option>
            <option value="en">{common('lang_en')}</option>
          </select>
        </Field>
      </div>
      <fieldset class="audience-choice">
        <legend>{t('audiences')}</legend>
        <p class="hint">{t('audiencesHint')}</p>
        <div class="bo-checkbox-row">
          {lay.map((audience) => (
            <Checkbox key={audience.id} id={`${idPrefix}-aud-${audience.id}`} label={audience.name[language]} checked={draft.audiences.includes(audience.id)} onChange={(on) => toggle(audience.id, on)} />
          ))}
        </div>
        {error('/audiences') && <p class="field-error">{error('/audiences')}</p>}
      </fieldset>
      <FormError error={action.error} fields={['/term', '/plain', '/language', '/audiences']} />
      <Button type="submit" variant="primary" busy={action.busy}>
        {submitLabel}
      </Button>
      {savedMessage && <SavedNotice show={saved !== null}>{saved}</SavedNotice>}
    </form>
  );
}
