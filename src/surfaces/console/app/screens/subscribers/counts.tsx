import { formatNumber, useLanguage, useText } from '../../i18n.ts';
import { ErrorNotice, Loading } from '../../ui/kit.tsx';
import type { Resource } from '../../use-resource.ts';
import { subscriberChannels, subscriberStates, type Counts } from './model.ts';
import { subscribersText } from './text.ts';

/** How many subscribers the page has, per channel and state. */
export function CountsCard({ counts }: { counts: Resource<Counts> }) {
  const t = useText(subscribersText);
  const language = useLanguage();
  return (
    <section class="card" aria-labelledby="counts-title">
      <h2 id="counts-title">{t('countsTitle')}</h2>
      <ErrorNotice error={counts.error} onRetry={counts.reload} />
      {!counts.data ? (
        <Loading />
      ) : (
        <>
          <p class="total">{t('total', { count: counts.data.total, formatted: formatNumber(counts.data.total, language) })}</p>
          <table class="table counts">
            <thead>
              <tr>
                <td />
                {subscriberChannels.map((channel) => (
                  <th scope="col" key={channel} class="number">
                    {t(`channel_${channel}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {subscriberStates.map((state) => (
                <tr key={state}>
                  <th scope="row">{t(`state_${state}`)}</th>
                  {subscriberChannels.map((channel) => (
                    <td key={channel} class="number">
                      {formatNumber(counts.data!.by_channel[channel]?.[state] ?? 0, language)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
