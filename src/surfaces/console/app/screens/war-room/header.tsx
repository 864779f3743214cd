import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { incidentsText } from '../../text/incidents.ts';
import { warRoomText } from '../../text/war-room.ts';
import type { Incident } from '../../types.ts';
import { Button, PageHeader, Pill } from '../../ui/kit.tsx';
import { EditIncident } from './edit-incident.tsx';
import { impactTone } from './tones.ts';
import type { Member, ServiceItem } from './types.ts';

/** Name, impact, status, whether it is public yet, who leads, what is touched; editable by those who run incidents. */
export function IncidentHeader({ incident, members, services, onChanged, children }: {
  incident: Incident;
  members: Member[];
  services: ServiceItem[];
  onChanged: () => Promise<void>;
  children?: ComponentChildren;
}) {
  const t = useText(warRoomText);
  const i = useText(incidentsText);
  const language = useLanguage();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const person = (id: string | null) => (id ? (members.find((member) => member.id === id)?.name ?? '…') : null);
  const affected = incident.component_ids.map((id) => services.find((service) => service.id === id)?.name ?? '…');
  const time = (value: string | null) => (value ? formatDateTime(value, language) : t('unknownTime'));
  return (
    <div class="incident-header">
      <p class="crumb">
        <a href="/">← {t('back')}</a>
      </p>
      <PageHeader title={incident.name}>
        {can('incident.manage') && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}
        {children}
      </PageHeader>
      <p class="pills">
        <Pill tone={impactTone[incident.impact]}>{i(`impact_${incident.impact}`)}</Pill>
        <Pill tone="info">{i(`status_${incident.status}`)}</Pill>
        {incident.visibility === 'internal' ? (
          <Pill tone="major">{t('inside')}</Pill>
        ) : (
          <Pill tone="ok">{t('publicSince', { when: formatDateTime(incident.public_at, language) })}</Pill>
        )}
      </p>
      {incident.visibility === 'internal' && <p class="hint">{t('insideHint')}</p>}
      <h2 class="visually-hidden">{t('details')}</h2>
      <dl class="incident-facts">
        <div>
          <dt>{t('referent')}</dt>
          <dd>{person(incident.referent_id) ?? <span class="missing">{t('nobody')}</span>}</dd>
        </div>
        <div>
          <dt>{t('backup')}</dt>
          <dd>{person(incident.backup_referent_id) ?? <span class="missing">{t('nobody')}</span>}</dd>
        </div>
        <div>
          <dt>{t('services')}</dt>
          <dd>{affected.length > 0 ? affected.join(', ') : <span class="missing">{t('noServices')}</span>}</dd>
        </div>
        <div>
          <dt>{t('detected')}</dt>
          <dd>{time(incident.detected_at)}</dd>
        </div>
        <div>
          <dt>{t('occurred')}</dt>
          <dd>{time(incident.occurred_at)}</dd>
        </div>
        <div>
          <dt>{t('declared')}</dt>
          <dd>{time(incident.created_at)}</dd>
        </div>
      </dl>
      {editing && <EditIncident incident={incident} members={members} services={services} onClose={() => setEditing(false)} onChanged={onChanged} />}
    </div>
  );
}
