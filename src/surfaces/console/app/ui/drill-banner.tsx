import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { formatTime, useLanguage, useText } from '../i18n.ts';
import { useResource } from '../use-resource.ts';
import type { DrillSession } from '../screens/drills/model.ts';
import { bannerText } from '../screens/drills/text.ts';
import { Button, ErrorNotice } from './kit.tsx';
import '../screens/drills/drills.css';

/** Between two reads of the drill feed: new injects show up without a reload. */
const feedEveryMs = 10_000;

/** Shown on every screen while the signed-in workspace is a drill's sandbox. */
export function DrillBanner() {
  const session = useResource<{ drill: DrillSession | null }>('/api/admin/drill-session');
  const drill = session.data?.drill ?? null;
  useEffect(() => {
    if (!drill?.running) return;
    const timer = setInterval(() => void session.reload(), feedEveryMs);
    return () => clearInterval(timer);
  }, [drill?.running, session.reload]);
  if (!drill) return null;
  return <Banner drill={drill} />;
}

function Banner({ drill }: { drill: DrillSession }) {
  const t = useText(bannerText);
  const language = useLanguage();
  const readAt = useMemo(() => Date.now(), [drill.drill_time]);
  const [, tick] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (!drill.running) return;
    const timer = setInterval(() => tick((n) => n + 1), 1_000);
    return () => clearInterval(timer);
  }, [drill.running]);
  // The drill clock runs `speed` times faster than the wall clock from the moment it was read.
  const drillNow = Date.parse(drill.drill_time) + (drill.running ? (Date.now() - readAt) * drill.speed : 0);
  const leave = async () => {
    setLeaving(true);
    setError(null);
    try {
      await api.post('/api/admin/drills/leave');
      window.location.assign(`/drills/${encodeURIComponent(drill.id)}`);
    } catch (caught) {
      setError(caught);
      setLeaving(false);
    }
  };
  return (
    <aside class="drill-banner" aria-label={t('label')}>
      <p class="drill-banner-title">
        <span class="drill-banner-tag">{t('drill')}</span> — {drill.scenario.title[language]} — {t('clock', { time: formatTime(new Date(drillNow), language), speed: drill.speed })}
        {drill.state === 'finished' && ` — ${t('finished')}`} — {t('safe')}
      </p>
      <Button variant="secondary" busy={leaving} onClick={() => void leave()}>
        {t('back')}
      </Button>
      <ErrorNotice error={error} />
      {drill.feed.length > 0 && (
        <details>
          <summary>{t('feed', { count: drill.feed.length })}</summary>
          <ul class="drill-feed">
            {drill.feed.map((inject) => (
              <li key={inject.key}>
                <span class="drill-minute">{t('minute', { minute: inject.at_minute })}</span>
                <strong>{inject.from[language]}</strong> — {inject.text[language]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
