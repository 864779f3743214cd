import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api.ts';
import { formatDateTime, useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { FormError, useAction } from '../ui/back-office.tsx';
import { Button, ErrorNotice, Field, Loading, PageHeader, Pill } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import type { Drill, Scenario } from './drills/model.ts';
import { InjectList } from './drills/inject-list.tsx';
import { drillsText } from './drills/text.ts';
import './drills/drills.css';

const speeds = [10, 30, 60, 120] as const;

/** The scenario library, starting a drill, and the drills played with their scores. */
export function Drills(_props: { params?: Record<string, string> }) {
  const t = useText(drillsText);
  const can = useCan();
  const library = useResource<{ scenarios: Scenario[] }>('/api/admin/drill-scenarios');
  const drills = useResource<{ drills: Drill[] }>('/api/admin/drills');
  return (
    <section class="page drills">
      <PageHeader title={t('title')} />
      <p class="lead">{t('lead')}</p>
      <div class="drill-stack">
        {can('drill.run') ? <StartDrill scenarios={library.data?.scenarios ?? []} /> : <p class="notice">{t('noPermission')}</p>}
        <PastDrills drills={drills} />
        <section aria-labelledby="library-title">
          <h2 id="library-title">{t('library')}</h2>
          <ErrorNotice error={library.error} onRetry={library.reload} />
          {library.loading && !library.data && <Loading />}
          <ul class="drill-scenarios">
            {library.data?.scenarios.map((scenario) => <ScenarioCard key={scenario.key} scenario={scenario} />)}
          </ul>
        </section>
      </div>
    </section>
  );
}

function ScenarioCard({ scenario }: { scenario: Scenario }) {
  const t = useText(drillsText);
  const language = useLanguage();
  return (
    <li class="card">
      <h3>{scenario.title[language]}</h3>
      <p class="meta">{t('source', { source: scenario.source })}</p>
      <p>{scenario.briefing[language]}</p>
      <p class="meta">{t('target', { minutes: scenario.first_message_minutes })}</p>
      <p class="meta">{t('components', { names: scenario.components.map((c) => c.name[language]).join(', ') })}</p>
      <details>
        <summary>{t('injectsCount', { count: scenario.injects.length, minutes: scenario.duration_minutes })}</summary>
        <InjectList injects={scenario.injects} showExpected />
      </details>
    </li>
  );
}

function StartDrill({ scenarios }: { scenarios: Scenario[] }) {
  const t = useText(drillsText);
  const language = useLanguage();
  const { route } = useLocation();
  const [scenario, setScenario] = useState('');
  const [speed, setSpeed] = useState(60);
  const action = useAction();
  const chosen = scenario || scenarios[0]?.key || '';
  const start = () =>
    action.run(async () => {
      const drill = await api.post<Drill>('/api/admin/drills', { scenario: chosen, speed });
      await api.post<Drill>(`/api/admin/drills/${encodeURIComponent(drill.id)}/start`);
      route(`/drills/${encodeURIComponent(drill.id)}`);
    });
  return (
    <section class="card" aria-labelledby="start-title">
      <h2 id="start-title">{t('start')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <Field id="drill-scenario" label={t('scenario')}>
          <select id="drill-scenario" value={chosen} onChange={(e) => setScenario(e.currentTarget.value)}>
            {scenarios.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title[language]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="drill-speed" label={t('speed')} hint={t('startHint')}>
          <select id="drill-speed" value={String(speed)} onChange={(e) => setSpeed(Number(e.currentTarget.value))} aria-describedby="drill-speed-hint">
            {speeds.map((s) => (
              <option key={s} value={String(s)}>
                {t('speedOption', { speed: s })}
              </option>
            ))}
          </select>
        </Field>
        <FormError error={action.error} fields={[]} />
        <Button type="submit" variant="primary" busy={action.busy} disabled={!chosen}>
          {t('startButton')}
        </Button>
      </form>
    </section>
  );
}

function PastDrills({ drills }: { drills: ReturnType<typeof useResource<{ drills: Drill[] }>> }) {
  const t = useText(drillsText);
  const language = useLanguage();
  return (
    <section aria-labelledby="past-title">
      <h2 id="past-title">{t('past')}</h2>
      <ErrorNotice error={drills.error} onRetry={drills.reload} />
      {drills.loading && !drills.data && <Loading />}
      {drills.data && drills.data.drills.length === 0 && <p class="empty">{t('none')}</p>}
      {drills.data && drills.data.drills.length > 0 && (
        <table class="drill-table">
          <thead>
            <tr>
              <th scope="col">{t('colScenario')}</th>
              <th scope="col">{t('colState')}</th>
              <th scope="col">{t('colCreated')}</th>
              <th scope="col">{t('colScore')}</th>
            </tr>
          </thead>
          <tbody>
            {drills.data.drills.map((drill) => (
              <tr key={drill.id}>
                <td>
                  <a href={`/drills/${encodeURIComponent(drill.id)}`}>{drill.scenario.title[language]}</a>
                </td>
                <td>
                  <Pill tone={drill.state === 'running' ? 'major' : drill.state === 'finished' ? 'ok' : 'muted'}>{t(`state_${drill.state}`)}</Pill>
                </td>
                <td>{formatDateTime(drill.created_at, language)}</td>
                <td>{drill.score ? `${drill.score.total}/100` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
