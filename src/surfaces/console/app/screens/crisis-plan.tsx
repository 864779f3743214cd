import { useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { ReadinessGauge } from './crisis-plan/gauge.tsx';
import { fixHref, type CrisisPlan as Plan } from './crisis-plan/model.ts';
import { AudiencesCard, ChecklistCard, RegimesCard, ScenariosCard } from './crisis-plan/parts.tsx';
import { RosterCard } from './crisis-plan/roster.tsx';
import { crisisPlanText } from './crisis-plan/text.ts';
import './crisis-plan/crisis-plan.css';

/** The crisis plan in peacetime: readiness and what is missing, roster, templates per scenario, channels, regimes. */
export function CrisisPlan(_props: { params?: Record<string, string> }) {
  const t = useText(crisisPlanText);
  const language = useLanguage();
  const can = useCan();
  const plan = useResource<Plan>('/api/admin/crisis-plan');
  return (
    <section class="page crisis-plan">
      <PageHeader title={t('title')} />
      <p class="lead">{t('lead')}</p>
      <ErrorNotice error={plan.error} onRetry={plan.reload} />
      {!plan.data ? (
        plan.loading && <Loading />
      ) : (
        <>
          <section class="card plan-top" aria-labelledby="plan-readiness">
            <div>
              <h2 id="plan-readiness">{t('readiness')}</h2>
              <ReadinessGauge score={plan.data.readiness.score} />
            </div>
            <div>
              <h3>{t('missing')}</h3>
              {plan.data.readiness.missing.length === 0 ? (
                <p>{t('nothingMissing')}</p>
              ) : (
                <ol class="plan-missing">
                  {plan.data.readiness.missing.map((gap) => (
                    <li key={gap.id}>
                      {gap.text[language]}
                      <a href={fixHref(gap)} aria-label={`${t('fix')} : ${gap.text[language]}`.replace(' :', language === 'fr' ? ' :' : ':')}>
                        {t('fix')}
                      </a>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </section>
          <RosterCard plan={plan.data} canManage={can('plan.manage')} onSaved={plan.reload} />
          <ScenariosCard plan={plan.data} canApprove={can('message.review')} onChanged={plan.reload} />
          <ChecklistCard plan={plan.data} canManage={can('plan.manage')} onChanged={plan.reload} />
          <AudiencesCard plan={plan.data} />
          <RegimesCard plan={plan.data} />
        </>
      )}
    </section>
  );
}
