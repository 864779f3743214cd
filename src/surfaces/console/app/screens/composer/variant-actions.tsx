import { useState } from 'preact/hooks';
import { socialNetworks } from '../../../../../domain/linter/types.ts';
import { channels } from '../../../../../domain/message/stages.ts';
import { api, newIdempotencyKey } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { uiText } from '../../ui/text.ts';
import { Button, Dialog, ErrorNotice, Field } from '../../ui/kit.tsx';
import { composerText } from './text.ts';
import type { Audience, Channel, Language, Message, SocialNetwork, Variant } from './types.ts';

const networkNames: Record<SocialNetwork, string> = { x: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky', linkedin: 'LinkedIn', facebook: 'Facebook' };

/** "Add a version": audience, language and channel; the server drafts it from its template. */
export function AddVersion({ message, audiences, onAdded }: { message: Message; audiences: Audience[]; onAdded: (variantId: string) => void }) {
  const t = useText(composerText);
  const ui = useText(uiText);
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<{ audience: string; language: Language; channel: Channel; network: SocialNetwork }>({ audience: audiences[0]?.id ?? 'customers', language, channel: 'email', network: 'x' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const exists = message.variants.some((v) => v.audience === choice.audience && v.language === choice.language && v.channel === choice.channel);
  const set = (change: Partial<typeof choice>) => setChoice({ ...choice, ...change });

  async function add(event: Event) {
    event.preventDefault();
    if (exists) return;
    setBusy(true);
    setError(null);
    try {
      const body = { audience: choice.audience, language: choice.language, channel: choice.channel, ...(choice.channel === 'social' ? { network: choice.network } : {}) };
      const added = await api.post<Variant>(`/api/admin/messages/${message.id}/variants`, body, { idempotencyKey: newIdempotencyKey() });
      setOpen(false);
      onAdded(added.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+</span> {t('add')}
      </Button>
      {open && (
      <Dialog open title={t('addTitle')} onClose={() => setOpen(false)}>
        <form onSubmit={add}>
          <p class="hint">{t('addHint')}</p>
          <ErrorNotice error={error} />
          <div class="add-version-grid">
            <Field id="add-audience" label={t('audience')}>
              <select id="add-audience" value={choice.audience} onChange={(e) => set({ audience: e.currentTarget.value })}>
                {audiences.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name[language]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="add-language" label={t('language')}>
              <select id="add-language" value={choice.language} onChange={(e) => set({ language: e.currentTarget.value as Language })}>
                <option value="fr">{t('language_fr')}</option>
                <option value="en">{t('language_en')}</option>
              </select>
            </Field>
            <Field id="add-channel" label={t('channel')} error={exists ? t('exists') : undefined}>
              <select id="add-channel" value={choice.channel} aria-describedby={exists ? 'add-channel-error' : undefined} onChange={(e) => set({ channel: e.currentTarget.value as Channel })}>
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel_${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            {choice.channel === 'social' && (
              <Field id="add-network" label={t('network')}>
                <select id="add-network" value={choice.network} onChange={(e) => set({ network: e.currentTarget.value as SocialNetwork })}>
                  {socialNetworks.map((n) => (
                    <option key={n} value={n}>
                      {networkNames[n]}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </div>
          <div class="row dialog-actions">
            <Button type="submit" variant="primary" busy={busy} disabled={exists}>
              {t('addConfirm')}
            </Button>
            <Button variant="quiet" onClick={() => setOpen(false)}>
              {ui('cancel')}
            </Button>
          </div>
        </form>
      </Dialog>
      )}
    </>
  );
}

/** "Remove this version", confirmed first: the server keeps at least one version per message. */
export function RemoveVersion({ message, variant, name, onRemoved }: { message: Message; variant: Variant; name: string; onRemoved: () => void }) {
  const t = useText(composerText);
  const ui = useText(uiText);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/api/admin/messages/${message.id}/variants/${variant.id}`);
      setOpen(false);
      onRemoved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button variant="quiet" class="btn-small" onClick={() => setOpen(true)}>
        {t('remove')}
      </Button>
      {open && (
      <Dialog open title={t('removeTitle')} onClose={() => setOpen(false)}>
        <p>{t('removeText', { name })}</p>
        <ErrorNotice error={error} />
        <div class="row dialog-actions">
          <Button variant="danger" busy={busy} onClick={() => void remove()}>
            {t('removeConfirm')}
          </Button>
          <Button variant="quiet" onClick={() => setOpen(false)}>
            {ui('cancel')}
          </Button>
        </div>
      </Dialog>
      )}
    </>
  );
}
