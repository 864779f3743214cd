import type { Tx } from '../../adapters/db/connect.ts';
import type { Language, PromiseKind } from '../../adapters/db/schema.ts';
import { newId } from '../../domain/ids.ts';
import { formatMoment } from '../../domain/message/format.ts';
import { actorColumns, type Ctx } from '../context.ts';
import { touchFactSheet } from './sheet-row.ts';

/**
 * What publishing writes into the fact sheet, in the publish's transaction: each variant said, and
 * each promise made or settled. Written by the system of record, never typed by hand.
 */

export interface Said {
  incidentId: string;
  messageId: string;
  variantId: string;
  audience: string;
  channel: string;
  language: Language;
  /** The text as published (the subject first for an e-mail). */
  text: string;
  at: Date;
}

export async function recordSaid(tx: Tx, ctx: Ctx, said: Said): Promise<string> {
  const id = newId();
  await tx
    .insertInto('fact_entries')
    .values({
      workspace_id: ctx.workspaceId,
      id,
      incident_id: said.incidentId,
      kind: 'said',
      text: said.text,
      noted_at: said.at,
      audience: said.audience,
      channel: said.channel,
      language: said.language,
      message_id: said.messageId,
      variant_id: said.variantId,
      ...actorColumns(ctx.actor),
      created_at: said.at,
      updated_at: said.at,
    })
    .execute();
  await touchFactSheet(tx, ctx, said.incidentId, said.at);
  return id;
}

export interface Promised {
  incidentId: string;
  kind: PromiseKind;
  text: string;
  dueAt: Date | null;
  messageId?: string;
  at: Date;
}

export async function recordPromise(tx: Tx, ctx: Ctx, promise: Promised): Promise<string> {
  const id = newId();
  await tx
    .insertInto('fact_entries')
    .values({
      workspace_id: ctx.workspaceId,
      id,
      incident_id: promise.incidentId,
      kind: 'promised',
      text: promise.text,
      noted_at: promise.at,
      promise_kind: promise.kind,
      due_at: promise.dueAt,
      state: 'pending',
      message_id: promise.messageId ?? null,
      ...actorColumns(ctx.actor),
      created_at: promise.at,
      updated_at: promise.at,
    })
    .execute();
  await touchFactSheet(tx, ctx, promise.incidentId, promise.at);
  return id;
}

/**
 * Records the next update a public update promised, worded in the workspace's language and time
 * zone ("Prochain point à 16 h 30").
 */
export async function recordNextUpdatePromise(
  tx: Tx,
  ctx: Ctx,
  { incidentId, dueAt, at, messageId, workspace }: { incidentId: string; dueAt: Date; at: Date; messageId?: string; workspace?: { default_language: Language; time_zone: string } },
): Promise<string> {
  const { default_language: language, time_zone: timeZone } =
    workspace ?? (await tx.selectFrom('workspaces').select(['default_language', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow());
  const label = formatMoment(dueAt, language, timeZone, at);
  const text = language === 'fr' ? `Prochain point à ${label}` : `Next update at ${label}`;
  return recordPromise(tx, ctx, { incidentId, kind: 'next_update', text, dueAt, at, ...(messageId ? { messageId } : {}) });
}

/**
 * Closes every pending next-update promise of the incident at `at`: those not yet due with the
 * on-time state and reason, the others as broken with the late reason. Returns the states set.
 */
async function closePendingNextUpdatePromises(tx: Tx, ctx: Ctx, incidentId: string, at: Date, onTime: { state: string; reason: string | null }, lateReason: string): Promise<string[]> {
  const closed = await tx
    .updateTable('fact_entries')
    .set((eb) => ({
      state: eb.case().when('due_at', '>=', at).then(onTime.state).else('broken').end(),
      state_reason: eb.case().when('due_at', '>=', at).then(onTime.reason).else(lateReason).end(),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', '=', incidentId)
    .where('kind', '=', 'promised')
    .where('promise_kind', '=', 'next_update')
    .where('state', '=', 'pending')
    .where('withdrawn_at', 'is', null)
    .returning('state')
    .execute();
  if (closed.length > 0) await touchFactSheet(tx, ctx, incidentId, at);
  return closed.map((row) => row.state ?? 'pending');
}

const count = (states: string[], state: string) => states.filter((s) => s === state).length;

/**
 * Moves the pending next-update promises aside before a new time is announced: postponed, with the
 * reason, when it comes before they fall due; broken, with the reason, when it comes after.
 */
export async function postponeNextUpdatePromises(tx: Tx, ctx: Ctx, incidentId: string, at: Date, reason: string): Promise<{ postponed: number; broken: number }> {
  const states = await closePendingNextUpdatePromises(tx, ctx, incidentId, at, { state: 'postponed', reason: `postponed: ${reason}` }, `late, then postponed: ${reason}`);
  return { postponed: count(states, 'postponed'), broken: count(states, 'broken') };
}

/**
 * A public update was published at `at`: every pending next-update promise of the incident is
 * settled, kept when it came on time, broken when late. Returns how many of each.
 */
export async function settleNextUpdatePromises(tx: Tx, ctx: Ctx, incidentId: string, at: Date): Promise<{ kept: number; broken: number }> {
  const states = await closePendingNextUpdatePromises(tx, ctx, incidentId, at, { state: 'kept', reason: null }, `late: the update came at ${at.toISOString()}`);
  return { kept: count(states, 'kept'), broken: count(states, 'broken') };
}
