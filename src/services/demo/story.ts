import type { ComponentStatus } from '../../domain/component/status.ts';
import type { Impact, IncidentStatus } from '../../domain/incident/lifecycle.ts';
import type { Ctx } from '../context.ts';
import { openIncident } from '../incident/open-incident.ts';
import { addIncidentUpdate } from '../incident/add-incident-update.ts';
import { scheduleMaintenance } from '../maintenance/schedule-maintenance.ts';
import type { ComponentKey } from './catalog.ts';
import { seedCrisisCell } from './crisis-cell.ts';

const minute = 60_000;
const day = 86_400_000;

interface PastIncident {
  daysAgo: number;
  /** UTC hour and minute of the first update. */
  at: [number, number];
  name: string;
  impact: Impact;
  components: Array<[ComponentKey, ComponentStatus]>;
  updates: Array<{ afterMinutes: number; status: IncidentStatus; body: string }>;
}

/** Days the past incidents happened on; the random blips of the history keep away from them. */
export const storyDays = [77, 58, 34, 12];

const pastIncidents: PastIncident[] = [
  {
    daysAgo: 77,
    at: [8, 12],
    name: 'Elevated error rates on the Public API',
    impact: 'minor',
    components: [['api', 'degraded_performance']],
    updates: [
      { afterMinutes: 0, status: 'investigating', body: 'About 4 % of calls to the Public API fail with an error since 08:05 UTC. The customer console and running services are not affected. Our engineers are looking into it. Next update by 08:45 UTC.' },
      { afterMinutes: 35, status: 'identified', body: 'A configuration change deployed at 08:00 UTC caused the errors. We are rolling it back. Next update by 09:30 UTC.' },
      { afterMinutes: 80, status: 'resolved', body: 'The change was rolled back at 09:20 UTC and the error rate is back to normal. Calls that failed between 08:05 and 09:20 UTC can be retried safely. We apologise for the disruption.' },
    ],
  },
  {
    daysAgo: 58,
    at: [13, 5],
    name: 'Object storage unavailable in PAR-2',
    impact: 'major',
    components: [['objects', 'partial_outage'], ['backups', 'degraded_performance']],
    updates: [
      { afterMinutes: 0, status: 'investigating', body: 'Since 12:58 UTC, buckets hosted in PAR-2 cannot be read or written. Buckets in PAR-1 work normally. Backups to PAR-2 are delayed. Our storage team is on it. Next update by 13:45 UTC.' },
      { afterMinutes: 40, status: 'identified', body: 'A failed network switch isolated part of the PAR-2 storage cluster. No data is lost: it is stored on three servers and none of them failed. Engineers are replacing the switch. Next update by 14:45 UTC.' },
      { afterMinutes: 150, status: 'monitoring', body: 'The switch was replaced at 15:20 UTC and buckets in PAR-2 answer again. Delayed backups are catching up. We are watching the cluster. Next update by 16:30 UTC.' },
      { afterMinutes: 205, status: 'resolved', body: 'Object storage in PAR-2 has worked normally since 15:20 UTC and every delayed backup has completed. We apologise to the customers whose applications were interrupted. A report on the cause will follow within a week.' },
      { afterMinutes: 3 * 1440, status: 'postmortem', body: 'Report: a network switch in PAR-2 failed at 12:58 UTC, and its backup link did not take over because of a cabling error made during works two weeks earlier. Buckets in PAR-2 were unavailable for 2 h 22 min; no data was lost. We have checked the cabling of every storage switch and added an automatic test of the backup links each week.' },
    ],
  },
  {
    daysAgo: 34,
    at: [6, 40],
    name: 'Slow DNS resolution for some domains',
    impact: 'minor',
    components: [['dns', 'degraded_performance']],
    updates: [
      { afterMinutes: 0, status: 'investigating', body: 'Some domains hosted on our DNS answer slowly (up to 2 seconds) since 06:30 UTC. Websites still load, more slowly. We are investigating. Next update by 07:30 UTC.' },
      { afterMinutes: 45, status: 'monitoring', body: 'We moved traffic away from one overloaded name server at 07:20 UTC and answers are fast again. We are watching. Next update by 08:15 UTC.' },
      { afterMinutes: 95, status: 'resolved', body: 'DNS answers have been normal since 07:20 UTC. The overloaded server has been replaced.' },
    ],
  },
  {
    daysAgo: 12,
    at: [17, 30],
    name: 'Sign-in failures on the customer console',
    impact: 'major',
    components: [['console', 'major_outage']],
    updates: [
      { afterMinutes: 0, status: 'investigating', body: 'Customers cannot sign in to the customer console since 17:22 UTC. Services already running are not affected and the Public API works. We are working on it. Next update by 18:00 UTC.' },
      { afterMinutes: 25, status: 'identified', body: 'An expired certificate on our sign-in service stops new sessions. A renewed certificate is being deployed. Next update by 18:30 UTC.' },
      { afterMinutes: 55, status: 'monitoring', body: 'The certificate was renewed at 18:20 UTC and sign-in works again. We are watching. Next update by 19:00 UTC.' },
      { afterMinutes: 85, status: 'resolved', body: 'Sign-in has worked normally since 18:20 UTC. We now renew certificates automatically 30 days before they expire. We apologise for the inconvenience.' },
    ],
  },
];

export interface StoryInput {
  ctx: Ctx;
  setClock: (at: Date) => void;
  now: Date;
  componentIds: Map<ComponentKey, string>;
  userIds: Map<string, string>;
}

/** The demo's incidents and maintenance, written through the same verbs a person would use. */
export async function seedDemoStory({ ctx, setClock, now, componentIds, userIds }: StoryInput): Promise<void> {
  const id = (key: ComponentKey) => componentIds.get(key)!;
  for (const incident of pastIncidents) {
    const date = new Date(now.getTime() - incident.daysAgo * day);
    date.setUTCHours(incident.at[0], incident.at[1], 0, 0);
    const [first, ...rest] = incident.updates;
    const [[mainKey, mainStatus], ...others] = incident.components as [[ComponentKey, ComponentStatus], ...Array<[ComponentKey, ComponentStatus]>];
    setClock(date);
    const opened = await openIncident({
      ctx,
      input: {
        name: incident.name,
        impact: incident.impact,
        status: first!.status as 'investigating',
        body: first!.body,
        component_ids: [id(mainKey)],
        component_status: mainStatus,
        occurred_at: new Date(date.getTime() - 8 * minute).toISOString(),
        detected_at: new Date(date.getTime() - 5 * minute).toISOString(),
        acknowledged_at: new Date(date.getTime() - 2 * minute).toISOString(),
      },
    });
    for (const [index, update] of rest.entries()) {
      setClock(new Date(date.getTime() + update.afterMinutes * minute));
      // Further components join with the second update, as the damage becomes known.
      const components = index === 0 ? others.map(([key, status]) => ({ component_id: id(key), status })) : undefined;
      await addIncidentUpdate({ ctx, id: opened.id, input: { status: update.status, body: update.body, components } });
    }
  }

  const started = new Date(now.getTime() - 38 * minute);
  setClock(new Date(now.getTime() - 30 * minute));
  const ongoing = await openIncident({
    ctx,
    input: {
      name: 'Slower queries on Managed PostgreSQL in PAR-2',
      impact: 'major',
      body: 'Since about 10 minutes ago, queries to Managed PostgreSQL databases in PAR-2 take up to five times longer than usual. Databases in PAR-1 are not affected and no data is at risk. Our database team is investigating. Next update within 30 minutes.',
      bodies: {
        en: 'Since about 10 minutes ago, queries to Managed PostgreSQL databases in PAR-2 take up to five times longer than usual. Databases in PAR-1 are not affected and no data is at risk. Our database team is investigating. Next update within 30 minutes.',
        fr: 'Depuis une dizaine de minutes, les requêtes vers les bases PostgreSQL managées de PAR-2 prennent jusqu’à cinq fois plus de temps que d’habitude. Les bases de PAR-1 ne sont pas touchées et aucune donnée n’est en danger. Notre équipe bases de données cherche la cause. Prochain point dans 30 minutes.',
      },
      next_update_at: new Date(now.getTime()).toISOString(),
      component_ids: [id('postgres')],
      component_status: 'partial_outage',
      occurred_at: started.toISOString(),
      detected_at: new Date(started.getTime() + 3 * minute).toISOString(),
      acknowledged_at: new Date(started.getTime() + 6 * minute).toISOString(),
      referent_id: userIds.get('comms_lead') ?? null,
      backup_referent_id: userIds.get('incident_lead') ?? null,
    },
  });
  setClock(new Date(now.getTime() - 8 * minute));
  await addIncidentUpdate({
    ctx,
    id: ongoing.id,
    input: {
      status: 'identified',
      body: 'A storage node in PAR-2 is overloaded after a disk replacement and slows the databases it serves. We are moving those databases to other nodes, one by one, with no interruption. Next update within 30 minutes.',
      bodies: {
        en: 'A storage node in PAR-2 is overloaded after a disk replacement and slows the databases it serves. We are moving those databases to other nodes, one by one, with no interruption. Next update within 30 minutes.',
        fr: 'Un nœud de stockage de PAR-2 est surchargé après un remplacement de disque et ralentit les bases qu’il sert. Nous déplaçons ces bases vers d’autres nœuds, une par une, sans interruption. Prochain point dans 30 minutes.',
      },
      next_update_at: new Date(now.getTime() + 22 * minute).toISOString(),
    },
  });

  await seedCrisisCell({ ctx, incidentId: ongoing.id, userIds, now, setClock });

  setClock(now);
  const window = new Date(now.getTime() + 3 * day);
  window.setUTCHours(21, 0, 0, 0);
  await scheduleMaintenance({
    ctx,
    input: {
      name: 'Network core upgrade in PAR-1',
      scheduled_for: window.toISOString(),
      scheduled_until: new Date(window.getTime() + 2 * 60 * minute).toISOString(),
      component_ids: [id('lb'), id('dns')],
      body: 'We will upgrade the core routers of PAR-1. Load balancers and DNS may see a few seconds of packet loss while traffic moves between routers; no action is needed on your side.',
    },
  });
}
