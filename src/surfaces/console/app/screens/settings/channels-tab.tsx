import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { ConfirmDialog, FormError, ListTable, SecretOnce, backOfficeText, described, fieldError, reasonNotice, useAction } from '../../ui/back-office.tsx';
import { Button, Field, Pill } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { useAudiences } from './parts.tsx';
import { channelsText } from './text-channels.ts';
import { settingsText } from './text.ts';

const purposes = ['chat', 'alerts', 'support_script', 'social'] as const;
const roomKinds = ['slack', 'teams', 'discord', 'google_chat', 'mattermost', 'email', 'webhook'] as const;
type Purpose = (typeof purposes)[number];
type Kind = (typeof roomKinds)[number] | 'mastodon';

interface Endpoint {
  id: string;
  name: string;
  kind: Kind;
  purpose: Purpose;
  audience: string;
  language: 'fr' | 'en' | null;
  target: string;
  enabled: boolean;
  disabled_reason: string | null;
  version: number;
}

interface Created extends Endpoint {
  warnings: string[];
  signing_secret?: string;
}

const kindsFor = (purpose: Purpose): readonly Kind[] => (purpose === 'social' ? ['mastodon'] : roomKinds);

/** The team's own channels: chat rooms, the support desk, Mastodon, the crisis cell's alert room. */
export function ChannelsTab() {
  const t = useText(channelsText);
  const s = useText(settingsText);
  const common = useText(backOfficeText);
  const list = useResource<{ channels: Endpoint[] }>('/api/admin/settings/channels');
  const { nameOf } = useAudiences();
  const [created, setCreated] = useState<Created | null>(null);
  const [removing, setRemoving] = useState<Endpoint | null>(null);
  const toggle = useAction();
  return (
    <div class="stack">
      <p class="hint">{t('channelsLead')}</p>
      {created && (
        <CreatedNotice created={created} onDone={() => setCreated(null)} />
      )}
      <ListTable list={{ error: list.error ?? toggle.error, reload: list.reload }} items={list.data?.channels} empty={t('noChannels')} caption={s('tab_channels')} className="channels" headers={[t('name'), t('purpose'), t('audience'), t('state')]} actionsLabel={s('actions')}>
        {(channel) => (
          <tr key={channel.id}>
            <th scope="row">
              {channel.name}
              <div class="meta">
                {t(`kind_${channel.kind}`)} · <span class="target">{channel.target}</span>
              </div>
            </th>
            <td>{t(`purpose_${channel.purpose}`)}</td>
            <td>
              {nameOf(channel.audience)}
              {channel.language && ` · ${common(`lang_${channel.language}`)}`}
            </td>
            <td>
              {channel.enabled ? <Pill tone="ok">{t('on')}</Pill> : <Pill tone="muted">{t('off')}</Pill>}
              {channel.disabled_reason && <p class="meta">{t('switchedOff', { reason: channel.disabled_reason })}</p>}
            </td>
            <td class="row-actions">
              <Button
                variant="quiet"
                busy={toggle.busy}
                aria-label={channel.enabled ? t('switchOffOf', { name: channel.name }) : t('switchOnOf', { name: channel.name })}
                onClick={async () => {
                  await toggle.run(() => api.patch(`/api/admin/settings/channels/${channel.id}`, { enabled: !channel.enabled }, { ifMatch: channel.version }));
                  void list.reload();
                }}
              >
                {channel.enabled ? t('switchOff') : t('switchOn')}
              </Button>
              <Button variant="danger" aria-label={t('removeOf', { name: channel.name })} onClick={() => setRemoving(channel)}>
                {s('remove')}
              </Button>
            </td>
          </tr>
        )}
      </ListTable>
      <AddChannel
        onCreated={(endpoint) => {
          setCreated(endpoint);
          void list.reload();
        }}
      />
      {removing && (
        <ConfirmDialog
          title={t('removeTitle', { name: removing.name })}
          confirmLabel={s('remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.delete(`/api/admin/settings/channels/${removing.id}`, { ifMatch: removing.version });
            await list.reload();
          }}
        >
          <p>{t('removeBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function CreatedNotice({ created, onDone }: { created: Created; onDone: () => void }) {
  const t = useText(channelsText);
  const warnings = created.warnings.length > 0 && (
    <>
      <p>{t('warnings')}</p>
      <ul>
        {created.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </>
  );
  if (created.signing_secret) {
    return (
      <SecretOnce title={t('createdTitle', { name: created.name })} body={t('secretBody')} value={created.signing_secret} doneLabel={t('done')} onDone={onDone}>
        {warnings}
      </SecretOnce>
    );
  }
  return (
    <div class={`notice ${created.warnings.length > 0 ? 'notice-warn' : 'notice-ok'}`} role="status">
      <p>
        <strong>{t('createdTitle', { name: created.name })}</strong>
      </p>
      {warnings}
      <Button onClick={onDone}>{t('done')}</Button>
    </div>
  );
}

function AddChannel({ onCreated }: { onCreated: (created: Created) => void }) {
  const t = useText(channelsText);
  const common = useText(backOfficeText);
  const language = useLanguage();
  const { audiences } = useAudiences();
  const empty = { name: '', purpose: 'chat' as Purpose, kind: 'slack' as Kind, audience: 'employees', language: '', target: '', access_token: '' };
  const [draft, setDraft] = useState(empty);
  const action = useAction();
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });

  async function submit(event: Event) {
    event.preventDefault();
    const body = {
      name: draft.name.trim(),
      purpose: draft.purpose,
      kind: draft.kind,
      audience: draft.audience,
      language: draft.language || null,
      target: draft.target.trim(),
      ...(draft.kind === 'mastodon' ? { access_token: draft.access_token.trim() } : {}),
    };
    let created: Created | null = null;
    const done = await action.run(async () => {
      created = await api.post<Created>('/api/admin/settings/channels', body).catch((error: unknown) => {
        throw reasonNotice(error, { 'channel-endpoint-name-taken': t('nameTaken') });
      });
    });
    if (done) {
      onCreated(created!);
      setDraft(empty);
    }
  }

  const error = (pointer: string) => fieldError(action.error, pointer);
  const targetHint = draft.kind === 'mastodon' ? t('targetHintMastodon') : t('targetHint');
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="add-channel-title">
      <h2 id="add-channel-title">{t('addChannel')}</h2>
      <div class="bo-form-grid">
        <Field id="channel-name" label={t('name')} hint={t('nameHint')} error={error('/name')}>
          <input {...described('channel-name', error('/name'), 'hint')} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        </Field>
        <Field id="channel-purpose" label={t('purpose')} error={error('/purpose')}>
          <select {...described('channel-purpose', error('/purpose'))} value={draft.purpose} onChange={(e) => {
            const purpose = e.currentTarget.value as Purpose;
            set({ purpose, kind: kindsFor(purpose).includes(draft.kind) ? draft.kind : kindsFor(purpose)[0]! });
          }}>
            {purposes.map((purpose) => (
              <option key={purpose} value={purpose}>
                {t(`purpose_${purpose}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="channel-kind" label={t('kind')} error={error('/kind')}>
          <select {...described('channel-kind', error('/kind'))} value={draft.kind} onChange={(e) => set({ kind: e.currentTarget.value as Kind })}>
            {kindsFor(draft.purpose).map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="channel-audience" label={t('audience')} error={error('/audience')}>
          <select {...described('channel-audience', error('/audience'))} value={draft.audience} onChange={(e) => set({ audience: e.currentTarget.value })}>
            {audiences.map((audience) => (
              <option key={audience.id} value={audience.id}>
                {audience.name[language]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="channel-language" label={t('language')} error={error('/language')}>
          <select {...described('channel-language', error('/language'))} value={draft.language} onChange={(e) => set({ language: e.currentTarget.value })}>
            <option value="">{t('workspaceLanguage')}</option>
            <option value="fr">{common('lang_fr')}</option>
            <option value="en">{common('lang_en')}</option>
          </select>
        </Field>
      </div>
      <Field id="channel-target" label={t('target')} hint={targetHint} error={error('/target')}>
        <input {...described('channel-target', error('/target'), 'hint')} value={draft.target} onInput={(e) => set({ target: e.currentTarget.value })} autocomplete="off" />
      </Field>
      {draft.kind === 'mastodon' && (
        <Field id="channel-token" label={t('accessToken')} hint={t('accessTokenHint')} error={error('/access_token')}>
          <input {...described('channel-token', error('/access_token'), 'hint')} type="password" value={draft.access_token} onInput={(e) => set({ access_token: e.currentTarget.value })} autocomplete="off" />
        </Field>
      )}
      <FormError error={action.error} fields={['/name', '/purpose', '/kind', '/audience', '/language', '/target', '/access_token']} />
      <Button type="submit" variant="primary" busy={action.busy}>
        {t('addChannel')}
      </Button>
    </form>
  );
}
