import { useState } from 'preact/hooks';
import { crisisRoleDefinitions } from '../../../../../domain/crisis-plan/roles.ts';
import { stageLabels, type PlanStage } from '../../../../../domain/crisis-plan/scenarios.ts';
import { api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { Button, ErrorNotice, Pill } from '../../ui/kit.tsx';
import { formatInZone, type Approval, type CrisisPlan } from './model.ts';
import { crisisPlanText } from './text.ts';

function ApprovalState({ approval, isApproved, timeZone }: { approval: Approval | null; isApproved: boolean; timeZone: string }) {
  const t = useText(crisisPlanText);
  const language = useLanguage();
  if (isApproved && approval) return <Pill tone="ok">{t('approved', { by: approval.approved_by, at: formatInZone(approval.approved_at, language, timeZone) })}</Pill>;
  return <Pill tone={approval ? 'minor' : 'muted'}>{approval ? t('edited') : t('notApproved')}</Pill>;
}

/** Each scenario, its incident template and the messages to have ready, with the reviewer's approve button. */
export function ScenariosCard({ plan, canApprove, onChanged }: { plan: CrisisPlan; canApprove: boolean; onChanged: () => void }) {
  const t = useText(crisisPlanText);
  const language = useLanguage();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function approve(kind: 'message_template' | 'incident_template', key: string) {
    setBusy(`${kind}:${key}`);
    setError(null);
    try {
      await api.post('/api/admin/crisis-plan/template-approvals', { kind, key });
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }
  const approveButton = (kind: 'message_template' | 'incident_template', key: string, name: string) =>
    canApprove && (
      <Button busy={busy === `${kind}:${key}`} onClick={() => approve(kind, key)} aria-label={`${t('approve')} — ${name}`}>
        {t('approve')}
      </Button>
    );
  return (
    <section class="card" aria-labelledby="plan-scenarios">
      <h2 id="plan-scenarios">{t('scenarios')}</h2>
      <ErrorNotice error={error} />
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('scenario')}</th>
            <th scope="col">{t('stage')}</th>
            <th scope="col">{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.scenarios.map((scenario) => {
            const rows = [
              ...(scenario.incident_template
                ? [{ key: 'incident', label: t('incidentTemplateNamed', { name: scenario.incident_template.label[language] }), isReady: scenario.incident_template.is_approved, content: (
                    <div class="row">
                      <ApprovalState approval={scenario.incident_template.approval} isApproved={scenario.incident_template.is_approved} timeZone={plan.time_zone} />
                      {!scenario.incident_template.is_approved && approveButton('incident_template', scenario.incident_template.key, `${scenario.label[language]}, ${scenario.incident_template.label[language]}`)}
                    </div>
                  ) }]
                : []),
              ...scenario.stages.map((stage) => {
                const label = stageLabels[stage.stage as PlanStage][language];
                return {
                  key: stage.stage,
                  label: label.charAt(0).toUpperCase() + label.slice(1),
                  isReady: stage.is_ready,
                  content:
                    stage.templates.length === 0 ? (
                      <span class="empty">{t('noTemplate')}</span>
                    ) : (
                      <ul class="plan-templates">
                        {stage.templates.map((template) => (
                          <li key={template.id}>
                            <span>{[template.language.toUpperCase(), template.channel, template.audience].filter(Boolean).join(' · ')}</span>
                            <ApprovalState approval={template.approval} isApproved={template.is_approved} timeZone={plan.time_zone} />
                            {!template.is_approved && approveButton('message_template', template.id, `${scenario.label[language]}, ${label}, ${template.language} ${template.channel}`)}
                          </li>
                        ))}
                      </ul>
                    ),
                };
              }),
            ];
            return rows.map((row, index) => (
              <tr key={`${scenario.key}-${row.key}`} id={index === 0 ? `scenario-${scenario.key}` : undefined}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={rows.length}>
                    {scenario.label[language]}
                  </th>
                )}
                <td>
                  {row.label} <Pill tone={row.isReady ? 'ok' : 'major'}>{row.isReady ? t('ready') : t('notReady')}</Pill>
                </td>
                <td>{row.content}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The channels to have ready: derived where Tocsin sees them, ticked by hand with who and when elsewhere. */
export function ChecklistCard({ plan, canManage, onChanged }: { plan: CrisisPlan; canManage: boolean; onChanged: () => void }) {
  const t = useText(crisisPlanText);
  const language = useLanguage();
  const [error, setError] = useState<unknown>(null);
  async function tick(item: string, isReady: boolean, version: number) {
    setError(null);
    try {
      await api.put(`/api/admin/crisis-plan/checklist/${item}`, { is_ready: isReady }, { ifMatch: version });
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <section class="card" aria-labelledby="plan-checklist">
      <h2 id="plan-checklist">{t('checklist')}</h2>
      <ErrorNotice error={error} />
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('item')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('how')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.checklist.map((check) => (
            <tr key={check.item} id={`check-${check.item}`}>
              <th scope="row">{check.label[language]}</th>
              <td>
                <Pill tone={check.is_ready ? 'ok' : 'major'}>{check.is_ready ? t('ready') : t('notReady')}</Pill>
              </td>
              <td>
                {check.evidence ? (
                  <>
                    {t('derived')}
                    <p class="meta">{check.evidence}</p>
                  </>
                ) : check.tick ? (
                  t('tickedBy', { by: check.tick.by, at: formatInZone(check.tick.at, language, plan.time_zone) })
                ) : check.source === 'derived' ? (
                  t('derived')
                ) : null}
                {canManage && check.source !== 'derived' && !check.evidence && (
                  <div>
                    <Button onClick={() => tick(check.item, !(check.tick?.is_ready ?? false), check.tick?.version ?? 0)} aria-label={`${check.tick?.is_ready ? t('untick') : t('tick')} — ${check.label[language]}`}>
                      {check.tick?.is_ready ? t('untick') : t('tick')}
                    </Button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The audiences of the workspace, who answers for each, and where each is reached. */
export function AudiencesCard({ plan }: { plan: CrisisPlan }) {
  const t = useText(crisisPlanText);
  const language = useLanguage();
  return (
    <section class="card" aria-labelledby="plan-audiences">
      <h2 id="plan-audiences">{t('audiences')}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('audience')}</th>
            <th scope="col">{t('owner')}</th>
            <th scope="col">{t('channels')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.audiences.map((audience) => (
            <tr key={audience.id}>
              <th scope="row">{audience.name[language]}</th>
              <td>
                {audience.owner?.name ?? <span class="empty">{t('nobody')}</span>}
                <p class="meta">{crisisRoleDefinitions.find((d) => d.role === audience.owner_role)?.label[language]}</p>
              </td>
              <td>{audience.channels.map((channel) => (channel.kind === 'status_page' ? t('statusPage') : `${channel.name} (${channel.kind})`)).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The regimes the regulatory profile says apply, and the last drill. */
export function RegimesCard({ plan }: { plan: CrisisPlan }) {
  const t = useText(crisisPlanText);
  const language = useLanguage();
  return (
    <section class="card" aria-labelledby="plan-regimes">
      <h2 id="plan-regimes">{t('regimes')}</h2>
      {!plan.regimes.is_profile_set && (
        <p class="notice notice-warn">
          <a href="/settings">{t('regimesUnset')}</a>
        </p>
      )}
      <ul>
        {plan.regimes.details.map((regime) => (
          <li key={regime.regime}>
            <strong>{regime.regime.toUpperCase()}</strong> <Pill tone={regime.applies ? 'info' : 'muted'}>{regime.applies ? t('applies') : t('doesNotApply')}</Pill> {regime.detail[language]}
          </li>
        ))}
      </ul>
      {plan.drills.is_available && <p>{plan.drills.last_finished_at ? t('drills', { date: formatInZone(plan.drills.last_finished_at, language, plan.time_zone) }) : t('noDrill')}</p>}
    </section>
  );
}
