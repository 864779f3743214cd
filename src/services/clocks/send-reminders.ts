import { sql } from 'kysely';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Impact } from '../../domain/incident/lifecycle.ts';
import { communicationClocks, dueEscalationSteps, stepAudience, type CommunicationClock } from '../../domain/clocks/communication.ts';
import { defaultCadence } from '../../domain/message/next-update.ts';
import type { Language } from '../../adapters/db/schema.ts';
import { newId } from '../../domain/ids.ts';
import { reminderPayload, reminderSms } from './reminder-text.ts';
import { sandboxClocks } from '../drills/sandbox-clocks.ts';
import { escalationPeople, type EscalationPerson } from '../crisis-plan/escalation-people.ts';

export interface OpenIncident {
  workspace_id: string;
  id: string;
  name: string;
  impact: Impact;
  detected_at: Date;
  next_update_at: Date | null;
  referent_id: string | null;
  backup_referent_id: string | null;
  first_public_at: Date | null;
  last_public_at: Date | null;
  time_zone: string;
  cadence: Partial<Record<Impact, number>> | null;
  first_message_minutes: number | null;
  remind_before_minutes: number | null;
  escalate_after_minutes: number | null;
  daily_update_time: string | null;
  default_language: Language;
}

/**
 * What the clocks of incidents are computed from: open ones across every workspace (the sweep), or
 * one incident of a workspace, open or not (the API).
 */
export async function loadClockSources(db: DatabaseHandle, only: { workspaceId?: string; incidentId?: string }): Promise<Array<OpenIncident & { status: string }>> {
  const { rows } = await sql<OpenIncident & { status: string }>`
    select i.workspace_id, i.id, i.name, i.impact, i.status, coalesce(i.detected_at, i.created_at) as detected_at, i.next_update_at, i.daily_update_time, i.referent_id, i.backup_referent_id,
      i.public_at as first_public_at,
      (select max(u.published_at) from incident_updates u where u.workspace_id = i.workspace_id and u.incident_id = i.id) as last_public_at,
      w.time_zone, w.default_language, s.cadence, s.first_message_minutes, s.remind_before_minutes, s.escalate_after_minutes
    from incidents i
    join workspaces w on w.id = i.workspace_id
    left join comms_settings s on s.workspace_id = i.workspace_id
    where ${only.incidentId ? sql`i.workspace_id = ${only.workspaceId} and i.id = ${only.incidentId}` : sql`i.status in ('investigating', 'identified', 'monitoring')`}`.execute(db.db);
  return rows;
}

/** The communication clocks of one open incident, as the sweep and the API read them. */
export function clocksOf(
  incident: Pick<OpenIncident, 'detected_at' | 'next_update_at' | 'first_public_at' | 'last_public_at' | 'impact' | 'cadence' | 'first_message_minutes' | 'daily_update_time' | 'time_zone'>,
  now: Date,
  isOpen = true,
): CommunicationClock[] {
  return communicationClocks({
    detectedAt: incident.detected_at,
    firstPublicAt: incident.first_public_at,
    lastPublicAt: incident.last_public_at,
    nextUpdateAt: incident.next_update_at,
    isOpen,
    firstMessageMinutes: incident.first_message_minutes ?? 60,
    cadenceMinutes: { ...defaultCadence, ...incident.cadence }[incident.impact],
    dailyUpdateTime: incident.daily_update_time,
    timeZone: incident.time_zone,
    now,
  });
}

/** The key of a reminder step: one alert, and one delivery per person or room, whatever the number of workers and sweeps. */
export const alertKey = (incidentId: string, clock: string, dueAt: Date, step: string) => `c:${incidentId}:${clock}:${dueAt.getTime()}:${step}`;
export const reminderKey = (incidentId: string, clock: string, dueAt: Date, step: string, userId: string) => `${alertKey(incidentId, clock, dueAt, step)}:${userId}`;
const roomKey = (incidentId: string, clock: string, dueAt: Date, step: string, endpointId: string) => `${alertKey(incidentId, clock, dueAt, step)}:e:${endpointId}`;

/**
 * The reminder sweep (every minute, on any worker): for each open incident whose first message or
 * next update is coming or late, raises the step's alert (what the console shows) and queues its
 * messages through the delivery path: e-mails to the referent before the deadline, to the backup
 * and the incident leads at it, to the owners after it, and a post in the crisis cell's rooms
 * (channel endpoints for `alerts`). The crisis plan's roles join in: at the deadline the crisis and
 * communications leads on duty (a backup when the primary is away), past it their backups and the
 * executive sponsor; with an SMS gateway (`sms`), these roles' people get a text message too, at
 * the phone for the hour (office or out of hours). Each has its key: two sweeps, or two workers,
 * queue it once; a deadline met sends nothing more; a new promise starts new reminders.
 */
export async function sendDueReminders({ db, now: realNow, workspaceIds, sms = false }: { db: DatabaseHandle; now: Date; workspaceIds?: ReadonlySet<string>; sms?: boolean }): Promise<{ queued: number; alerts: number }> {
  const incidents = (await loadClockSources(db, {})).filter((incident) => !workspaceIds || workspaceIds.has(incident.workspace_id));
  // A drill's sandbox runs on drill time, only while the drill runs; its reminders go to the drill sink.
  const drills = await sandboxClocks(db, realNow);
  let queued = 0;
  let alerts = 0;
  for (const incident of incidents) {
    const drill = drills.get(incident.workspace_id);
    if (drill && !drill.running) continue;
    const now = drill ? drill.now : realNow;
    const policy = { remindBeforeMinutes: incident.remind_before_minutes ?? 15, escalateAfterMinutes: incident.escalate_after_minutes ?? 15 };
    for (const clock of clocksOf(incident, now)) {
      for (const { step } of dueEscalationSteps(clock, policy, now)) {
        const onDuty = await escalationPeople(db.db, { id: incident.workspace_id, timeZone: incident.time_zone, language: incident.default_language }, step, now);
        const people = withRosterPeople(await recipients(db, incident, stepAudience[step]), onDuty);
        const rooms = await alertRooms(db, incident.workspace_id);
        const texted = sms ? onDuty.filter((person): person is EscalationPerson & { phone: string } => person.phone !== null) : [];
        const reminder = { step, clock: clock.id, incidentId: incident.id, incidentName: incident.name, dueAt: clock.dueAt, isPromised: clock.isPromised, timeZone: incident.time_zone };
        const text = (language: Language) => JSON.stringify(reminderPayload({ ...reminder, language }));
        await db.db.transaction().execute(async (tx) => {
          const raised = await tx
            .insertInto('clock_alerts')
            .values({ workspace_id: incident.workspace_id, id: newId(), alert_key: alertKey(incident.id, clock.id, clock.dueAt, step), incident_id: incident.id, clock: clock.id, step, due_at: clock.dueAt, recipient_ids: people.map((p) => p.id), created_at: now })
            .onConflict((oc) => oc.columns(['workspace_id', 'alert_key']).doNothing())
            .executeTakeFirst();
          alerts += Number(raised.numInsertedOrUpdatedRows ?? 0);
          const deliveries = [
            ...people.map((person) => ({ dedupe_key: reminderKey(incident.id, clock.id, clock.dueAt, step, person.id), channel: 'email' as const, endpoint_id: null, address: person.email, language: person.locale, payload: text(person.locale) })),
            ...rooms.map((room) => ({ dedupe_key: roomKey(incident.id, clock.id, clock.dueAt, step, room.id), channel: room.channel, endpoint_id: room.id, address: room.target, language: room.language ?? incident.default_language, payload: text(room.language ?? incident.default_language) })),
            ...texted.map((person) => ({ dedupe_key: `${reminderKey(incident.id, clock.id, clock.dueAt, step, person.id)}:sms`, channel: 'sms' as const, endpoint_id: null, address: person.phone, language: person.locale, payload: JSON.stringify(reminderSms({ ...reminder, language: person.locale })) })),
          ];
          if (deliveries.length === 0) return;
          const result = await tx
            .insertInto('deliveries')
            .values(deliveries.map((d) => ({ ...d, workspace_id: incident.workspace_id, kind: 'notice' as const, next_attempt_at: now, created_at: now, updated_at: now })))
            .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
            .executeTakeFirst();
          queued += Number(result.numInsertedOrUpdatedRows ?? 0);
        });
      }
    }
  }
  return { queued, alerts };
}

/** The step's people and the crisis plan's on-duty roles, once each; a role's contact e-mail wins. */
function withRosterPeople<P extends { id: string; email: string; locale: Language }>(people: P[], roster: Array<{ id: string; email: string; locale: Language }>) {
  const rosterIds = new Set(roster.map((person) => person.id));
  return [...people.filter((person) => !rosterIds.has(person.id)), ...roster].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The crisis cell's rooms: enabled endpoints for `alerts` (chat rooms, a mailbox, a signed webhook). */
async function alertRooms(db: DatabaseHandle, workspaceId: string) {
  const rows = await db.db
    .selectFrom('channel_endpoints')
    .select(['id', 'kind', 'target', 'language'])
    .where('workspace_id', '=', workspaceId)
    .where('purpose', '=', 'alerts')
    .where('enabled', '=', true)
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, channel: row.kind === 'email' ? ('email' as const) : row.kind === 'webhook' ? ('webhook' as const) : ('chat' as const) }));
}

/** The people a step goes to: the referent (else the incident leads); the backup and the incident leads; the owners. */
async function recipients(db: DatabaseHandle, incident: OpenIncident, audience: 'referent' | 'backup_and_lead' | 'executive') {
  let query = db.db
    .selectFrom('users as u')
    .innerJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 'u.id').on('m.workspace_id', '=', incident.workspace_id))
    .select(['u.id', 'u.email', 'u.locale'])
    .distinct();
  if (audience === 'referent') {
    // No referent named: the incident leads hold the pen.
    query = incident.referent_id ? query.where('u.id', '=', incident.referent_id) : query.where('m.role', '=', 'incident_lead');
  } else if (audience === 'backup_and_lead') {
    query = query.where((eb) => eb.or([eb('m.role', '=', 'incident_lead'), ...(incident.backup_referent_id ? [eb('u.id', '=', incident.backup_referent_id)] : [])]));
  } else {
    query = query.where('m.role', '=', 'owner');
  }
  return query.orderBy('u.id').execute();
}
