import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { backOfficeText, ConfirmDialog, SavedNotice } from '../../ui/back-office.tsx';
import { Button, ErrorNotice, Field, Loading, Pill } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { subscriberChannels, subscriberStates, type Subscriber } from './model.ts';
import { subscribersText } from './text.ts';

const stateTone = { active: 'ok', pending: 'minor', unsubscribed: 'muted' } as const;

/** Looks a subscriber up by part of their address (what support does when a customer calls). */
export function SearchCard({ pageId, onRemoved }: { pageId: string; onRemoved: () => void }) {
  const t = useText(subscribersText);
  const [text, setText] = useState('');
  const [channel, setChannel] = useState('');
  const [state, setState] = useState('');
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<Subscriber[]>([]);
  const [removing, setRemoving] = useState<Subscriber | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const params = new URLSearchParams({ limit: '25' });
  if (query) for (const [key, value] of new URLSearchParams(query)) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  const list = useResource<{ subscribers: Subscriber[]; next_cursor: string | null }>(`/api/admin/pages/${pageId}/subscribers?${params}`);
  const shown = [...earlier, ...(list.data?.subscribers ?? [])];

  function submit(event: Event) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('search', text.trim());
    if (channel) next.set('channel', channel);
    if (state) next.set('state', state);
    setEarlier([]);
    setCursor(null);
    setQuery(next.toString());
    if (next.toString() === query) void list.reload();
  }

  return (
    <section class="card" aria-labelledby="search-title">
      <h2 id="search-title">{t('searchTitle')}</h2>
      <form class="search-form" role="search" aria-labelledby="search-title" onSubmit={submit}>
        <Field id="subscriber-search" label={t('search')} hint={t('searchHint')}>
          <input id="subscriber-search" type="search" aria-describedby="subscriber-search-hint" value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={320} />
        </Field>
        <Field id="subscriber-channel" label={t('channel')}>
          <select id="subscriber-channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
            <option value="">{t('anyChannel')}</option>
            {subscriberChannels.map((value) => (
              <option key={value} value={value}>
                {t(`channel_${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="subscriber-state" label={t('state')}>
          <select id="subscriber-state" value={state} onChange={(e) => setState(e.currentTarget.value)}>
            <option value="">{t('anyState')}</option>
            {subscriberStates.map((value) => (
              <option key={value} value={value}>
                {t(`state_${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit">{t('searchButton')}</Button>
      </form>
      <SavedNotice show={removed !== null}>{removed}</SavedNotice>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && shown.length === 0 ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p class="empty">{query ? t('noMatch') : t('none')}</p>
      ) : (
        <SubscriberTable subscribers={shown} onRemove={setRemoving} />
      )}
      {list.data?.next_cursor && (
        <Button
          onClick={() => {
            setEarlier(shown);
            setCursor(list.data!.next_cursor);
          }}
        >
          {t('more')}
        </Button>
      )}
      {removing && (
        <ConfirmDialog
          title={t('removeTitle')}
          confirmLabel={t('remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.delete(`/api/admin/subscribers/${removing.id}`, { ifMatch: removing.version });
            setRemoved(t('removed', { address: removing.address }));
            setEarlier((before) => before.filter((subscriber) => subscriber.id !== removing.id));
            await list.reload();
            onRemoved();
          }}
        >
          <p>{t('removeBody', { address: removing.address })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function SubscriberTable({ subscribers, onRemove }: { subscribers: Subscriber[]; onRemove: (subscriber: Subscriber) => void }) {
  const t = useText(subscribersText);
  const common = useText(backOfficeText);
  const language = useLanguage();
  const can = useCan();
  const manage = can('subscribers.manage');
  return (
    <div class="bo-table-scroll">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('address')}</th>
            <th scope="col">{t('channel')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('language')}</th>
            <th scope="col">{t('followed')}</th>
            <th scope="col">{t('since')}</th>
            {manage && (
              <th scope="col">
                <span class="visually-hidden">{t('actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {subscribers.map((subscriber) => (
            <tr key={subscriber.id}>
              <td class="address">{subscriber.address}</td>
              <td>{t(`channel_${subscriber.channel}`)}</td>
              <td>
                <Pill tone={stateTone[subscriber.state]}>{t(`state_${subscriber.state}`)}</Pill>
                {subscriber.suppressed && <p class="meta">{t(`suppressed_${subscriber.suppressed}`)}</p>}
                {subscriber.disabled_reason && <p class="meta">{t('switchedOff', { reason: subscriber.disabled_reason })}</p>}
              </td>
              <td>{common(`lang_${subscriber.language}`)}</td>
              <td>{subscriber.all_components ? t('allServices') : t('someServices', { count: subscriber.component_ids.length })}</td>
              <td>{formatDateTime(subscriber.created_at, language)}</td>
              {manage && (
                <td>
                  <Button variant="danger" aria-label={t('removeOf', { address: subscriber.address })} onClick={() => onRemove(subscriber)}>
                    {t('remove')}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
