import type { Tx } from '../../adapters/db/connect.ts';
import { can } from '../../domain/access/roles.ts';
import { deadlineIds, type DeadlineId } from '../../domain/clocks/regulatory.ts';
import { buildTimeline, type TimelineInput } from '../../domain/incident/timeline.ts';
import { channels, type Channel, type Stage } from '../../domain/message/stages.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { loadFactSheet } from '../facts/get-fact-sheet.ts';
import { getIncidentRegulatory } from '../regulatory/incident-regulatory.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { fetchIncident, fetchUpdates } from './internal.ts';

/**
 * An incident as dated events for the console's timeline and the post-crisis report, read in one
 * transaction. The legal deadlines are in it only for those who may read the legal clocks.
 */
export async function getIncidentTimeline({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'incident.read');
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, tx };
    const incident = await fetchIncident(tx, ctx, incidentId);
    const [updates, messages, sheet, settings, regulatory] = await Promise.all([
      fetchUpdates(tx, inner, [incidentId]),
      publishedMessages(tx, inner, incidentId),
      loadFactSheet(tx, ctx, incidentId),
      loadCommsSettings(tx, ctx.workspaceId),
      mayReadRegulatory(ctx) ? getIncidentRegulatory({ ctx: inner, incidentId }) : null,
    ]);
    const audienceNames = new Map(settings.audiences.map((audience) => [audience.id, audience.name]));
    // The settings' order of audiences and the catalog's order of channels, whatever order variants were written in.
    const audienceRank = rankIn(settings.audiences.map((audience) => audience.id));
    const channelRank = rankIn(channels);
    const input: TimelineInput = {
      incident: { id: incident.id, occurredAt: incident.occurred_at, detectedAt: incident.detected_at, openedAt: incident.created_at, resolvedAt: incident.resolved_at, status: incident.status },
      updates: updates.map((u) => ({ id: u.id, status: u.status, at: u.published_at ?? u.created_at, messageId: u.message_id })),
      messages: messages.map((m) => ({
        id: m.id,
        stage: m.stage as Stage,
        publishedAt: m.published_at,
        audiences: m.audiences.sort((a, b) => audienceRank(a) - audienceRank(b)).map((id) => ({ id, name: audienceNames.get(id) ?? { fr: id, en: id } })),
        channels: m.channels.sort((a, b) => channelRank(a) - channelRank(b)) as Channel[],
      })),
      facts: [
        ...sheet.known.map((f) => ({ id: f.id, kind: 'known' as const, text: f.text, notedAt: new Date(f.noted_at), confirmedAt: f.confirmed ? new Date(f.confirmed.at) : null, state: null })),
        ...sheet.rumors.map((f) => ({ id: f.id, kind: 'rumor' as const, text: f.text, notedAt: new Date(f.noted_at), confirmedAt: null, state: f.state })),
      ],
      promises: sheet.promised.map((p) => ({
        id: p.id,
        kind: p.promise_kind ?? 'other',
        text: p.text,
        madeAt: new Date(p.noted_at),
        dueAt: p.due_at === null ? null : new Date(p.due_at),
        state: p.state,
        settledAt: p.state === 'pending' || p.overdue ? null : new Date(p.updated_at),
      })),
      regulatory: regulatory && {
        deadlines: regulatory.deadlines.map((d) => ({ id: d.id, dueAt: d.due_at === null ? null : new Date(d.due_at), status: d.status })),
        filings: regulatory.submissions.flatMap((s) => {
          const deadlineId = `${s.regime}.${s.report}`;
          return isDeadlineId(deadlineId) ? [{ id: s.id, deadlineId, at: new Date(s.submitted_at) }] : [];
        }),
      },
      firstMessageMinutes: settings.first_message_minutes,
      timeZone: sheet.incident.time_zone,
      now: ctx.now(),
    };
    return buildTimeline(input);
  });
}

function isDeadlineId(id: string): id is DeadlineId {
  return (deadlineIds as readonly string[]).includes(id);
}

/** Position in a list, unknown values last. */
function rankIn(list: readonly string[]): (value: string) => number {
  return (value) => {
    const index = list.indexOf(value);
    return index < 0 ? list.length : index;
  };
}

function mayReadRegulatory(ctx: Ctx): boolean {
  return ctx.actor.type === 'system' || can(ctx.actor.role, 'regulatory.read');
}

/** Published messages with the audiences and channels of their variants, in first-seen order. */
async function publishedMessages(tx: Tx, ctx: Ctx, incidentId: string) {
  const [messages, variants] = await Promise.all([
    tx
      .selectFrom('messages')
      .select(['id', 'stage', 'published_at'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .where('state', '=', 'published')
      .execute(),
    tx
      .selectFrom('message_variants')
      .innerJoin('messages', (join) => join.onRef('messages.workspace_id', '=', 'message_variants.workspace_id').onRef('messages.id', '=', 'message_variants.message_id'))
      .select(['message_variants.message_id', 'message_variants.audience', 'message_variants.channel'])
      .where('messages.workspace_id', '=', ctx.workspaceId)
      .where('messages.incident_id', '=', incidentId)
      .where('messages.state', '=', 'published')
      .orderBy('message_variants.created_at')
      .orderBy('message_variants.id')
      .execute(),
  ]);
  return messages.flatMap((message) => {
    if (!message.published_at) return [];
    const mine = variants.filter((v) => v.message_id === message.id);
    return [{ ...message, published_at: message.published_at, audiences: [...new Set(mine.map((v) => v.audience))], channels: [...new Set(mine.map((v) => v.channel))] }];
  });
}
