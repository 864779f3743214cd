import { useState } from 'preact/hooks';
import { channels, stages } from '../../../../../domain/linter/types.ts';
import { placeholderLabels } from '../../../../../domain/message/fill.ts';
import { api, newIdempotencyKey } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { ConfirmDialog, FormError, ListTable, backOfficeText, described, fieldError, reasonNotice, useAction } from '../../ui/back-office.tsx';
import { Button, Dialog, Field } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { useAudiences, type Audience } from './parts.tsx';
import { listsText } from './text-lists.ts';
import { settingsText } from './text.ts';

type Stage = (typeof stages)[number];
type Channel = (typeof channels)[number];

interface Template {
  id: string;
  stage: Stage;
  language: 'fr' | 'en';
  channel: Channel;
  audience: string | null;
  subject: string | null;
  body: string;
  version: number;
}

type TemplateDraft = Omit<Template, 'id' | 'version'>;
const withSubject = new Set<Channel>(['email', 'press']);

/** The workspace's own message templates; Tocsin's built-in ones fill every other slot. */
export function TemplatesTab() {
  const t = useText(listsText);
  const s = useText(settingsText);
  const common = useText(backOfficeText);
  const list = useResource<{ templates: Template[] }>('/api/admin/settings/templates');
  const { audiences, nameOf } = useAudiences();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [removing, setRemoving] = useState<Template | null>(null);
  const slot = (template: TemplateDraft) => `${t(`stage_${template.stage}`)} · ${t(`channel_${template.channel}`)} · ${common(`lang_${template.language}`)}`;
  return (
    <div class="stack">
      <div class="row between">
        <p class="hint">{t('templatesLead')}</p>
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('addTemplate')}
        </Button>
      </div>
      <ListTable list={list} items={list.data?.templates} empty={t('noTemplates')} caption={s('tab_templates')} className="templates" headers={[t('stage'), t('channel'), t('language'), t('audience'), t('body')]} actionsLabel={s('actions')}>
        {(template) => (
          <tr key={template.id}>
            <th scope="row">{t(`stage_${template.stage}`)}</th>
            <td>{t(`channel_${template.channel}`)}</td>
            <td>{common(`lang_${template.language}`)}</td>
            <td>{template.audience ? nameOf(template.audience) : t('anyAudience')}</td>
            <td class="template-excerpt" lang={template.language}>
              {template.body.length > 120 ? `${template.body.slice(0, 119)}…` : template.body}
            </td>
            <td class="row-actions">
              <Button variant="quiet" aria-label={t('editTemplateOf', { slot: slot(template) })} onClick={() => setEditing(template)}>
                {s('edit')}
              </Button>
              <Button variant="danger" aria-label={t('removeTemplate', { slot: slot(template) })} onClick={() => setRemoving(template)}>
                {s('remove')}
              </Button>
            </td>
          </tr>
        )}
      </ListTable>
      {editing && (
        <TemplateDialog
          template={editing === 'new' ? null : editing}
          audiences={audiences}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('removeTemplateTitle')}
          confirmLabel={s('remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.delete(`/api/admin/settings/templates/${removing.id}`, { ifMatch: removing.version });
            await list.reload();
          }}
        >
          <p>
            <strong>{slot(removing)}</strong>
          </p>
          <p>{t('removeTemplateBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function TemplateDialog({ template, audiences, onClose, onSaved }: { template: Template | null; audiences: Audience[]; onClose: () => void; onSaved: () => void }) {
  const t = useText(listsText);
  const s = useText(settingsText);
  const common = useText(backOfficeText);
  const language = useLanguage();
  const [draft, setDraft] = useState<TemplateDraft>(template ?? { stage: 'first', language, channel: 'status_page', audience: null, subject: null, body: '' });
  const [key] = useState(newIdempotencyKey);
  const action = useAction();
  const set = (patch: Partial<TemplateDraft>) => setDraft({ ...draft, ...patch });

  async function submit(event: Event) {
    event.preventDefault();
    const body = { ...draft, subject: withSubject.has(draft.channel) && draft.subject?.trim() ? draft.subject.trim() : null };
    const save = () => (template ? api.patch(`/api/admin/settings/templates/${template.id}`, body, { ifMatch: template.version }) : api.post('/api/admin/settings/templates', body, { idempotencyKey: key }));
    const done = await action.run(() =>
      save().catch((error: unknown) => {
        throw reasonNotice(error, { 'template-slot-taken': t('slotTaken') });
      }),
    );
    if (done) onSaved();
  }

  const error = (pointer: string) => fieldError(action.error, pointer);
  const select = <V extends string>(field: keyof TemplateDraft, values: readonly V[], label: (value: V) => string) => (
    <Field id={`template-${field}`} label={t(field as 'stage')} error={error(`/${field}`)}>
      <select {...described(`template-${field}`, error(`/${field}`))} value={(draft[field] as string | null) ?? ''} onChange={(e) => set({ [field]: e.currentTarget.value || null })}>
        {values.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <Dialog open title={template ? t('editTemplate') : t('newTemplate')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div class="bo-form-grid">
          {select('stage', stages, (value) => t(`stage_${value}`))}
          {select('channel', channels, (value) => t(`channel_${value}`))}
          {select('language', ['fr', 'en'] as const, (value) => common(`lang_${value}`))}
          {select('audience', ['', ...audiences.map((audience) => audience.id)], (value) => (value ? (audiences.find((a) => a.id === value)?.name[language] ?? value) : t('anyAudience')))}
        </div>
        {withSubject.has(draft.channel) && (
          <Field id="template-subject" label={t('subject')} hint={t('subjectHint')} error={error('/subject')}>
            <input {...described('template-subject', error('/subject'), 'hint')} lang={draft.language} value={draft.subject ?? ''} onInput={(e) => set({ subject: e.currentTarget.value })} />
          </Field>
        )}
        <Field id="template-body" label={t('body')} hint={t('bodyHint', { example: '{{incident_name}}' })} error={error('/body')}>
          <textarea {...described('template-body', error('/body'), 'hint')} lang={draft.language} rows={8} value={draft.body} onInput={(e) => set({ body: e.currentTarget.value })} />
        </Field>
        <details class="placeholders">
          <summary>{t('placeholders')}</summary>
          <dl>
            {Object.entries(placeholderLabels).map(([name, label]) => (
              <div key={name}>
                <dt>
                  <code>{`{{${name}}}`}</code>
                </dt>
                <dd>{label[language]}</dd>
              </div>
            ))}
          </dl>
        </details>
        <FormError error={action.error} fields={['/stage', '/channel', '/language', '/audience', '/subject', '/body']} />
        <Button type="submit" variant="primary" busy={action.busy}>
          {s('save')}
        </Button>
      </form>
    </Dialog>
  );
}
