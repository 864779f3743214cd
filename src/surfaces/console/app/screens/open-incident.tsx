import { useRef, useState } from 'preact/hooks';
import { useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { incidentsText } from '../text/incidents.ts';
import { openIncidentText } from '../text/open-incident.ts';
import { ErrorNotice, Loading, PageHeader, Pill } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { IncidentForm } from './open-incident/incident-form.tsx';
import { MaintenanceForm } from './open-incident/maintenance-form.tsx';
import type { IncidentTemplate } from './open-incident/template.ts';
import { impactTone } from './war-room/tones.ts';
import './open-incident/open-incident.css';

/** Opening an incident: what is happening (a template per kind of crisis), then the first details. */
export function OpenIncident() {
  const t = useText(openIncidentText);
  const i = useText(incidentsText);
  const language = useLanguage();
  const can = useCan();
  const templates = useResource<{ templates: IncidentTemplate[] }>('/api/admin/incident-templates');
  const [key, setKey] = useState<string | null>(null);
  const details = useRef<HTMLDivElement>(null);
  const chosen = templates.data?.templates.find((template) => template.key === key);

  function choose(next: string) {
    setKey(next);
    requestAnimationFrame(() => details.current?.scrollIntoView({ block: 'nearest' }));
  }

  return (
    <section class="page open-incident">
      <PageHeader title={t('title')} />
      <p class="lead">{t('lead')}</p>
      {!can('incident.open') ? (
        <p class="notice notice-warn">{t('notAllowed')}</p>
      ) : (
        <div class="open-layout">
          <fieldset class="template-cards">
            <legend>{t('choose')}</legend>
            <ErrorNotice error={templates.error} onRetry={templates.reload} />
            {templates.loading && !templates.data && <Loading />}
            {templates.data?.templates.map((template) => (
              <label key={template.key} class={`template-card${template.key === key ? ' selected' : ''}`}>
                <input type="radio" name="template" value={template.key} checked={template.key === key} onChange={() => choose(template.key)} />
                <span class="template-text">
                  <span class="template-label">{template.label[language]}</span>
                  <span class="template-description">{template.description[language]}</span>
                  <span class="pills">
                    {template.kind === 'maintenance' ? <Pill tone="info">{i('impact_maintenance')}</Pill> : <Pill tone={impactTone[template.impact]}>{i(`impact_${template.impact}`)}</Pill>}
                    {template.personal_data_breach && <Pill tone="critical">{t('personalData')}</Pill>}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div class="open-details" ref={details}>
            {chosen && (chosen.kind === 'maintenance' ? <MaintenanceForm key={chosen.key} template={chosen} /> : <IncidentForm key={chosen.key} template={chosen} />)}
          </div>
        </div>
      )}
    </section>
  );
}
