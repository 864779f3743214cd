import { z } from 'zod';
import { loadKnownFacts } from '../facts/known-facts.ts';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Language, Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { SocialNetwork } from '../../domain/linter/index.ts';
import { draftVariant } from '../../domain/message/draft.ts';
import { contentHash } from '../../domain/message/content-hash.ts';
import { actorKey, nextReviewAt, reviewState, type ReviewKind, type ReviewState } from '../../domain/message/review-state.ts';
import type { Channel, Stage } from '../../domain/message/stages.ts';
import { builtInTemplate, type Template } from '../../domain/message/templates/index.ts';
import { templateValues, type FillFacts } from '../../domain/message/values.ts';
import type { Ctx } from '../context.ts';
import { loadLintFacts } from '../facts/lint-facts.ts';
import { loadCommsSettings, type CommsSettings } from '../settings/comms-settings.ts';

// ---- Workspace settings -------------------------------------------------------------------------

export { loadCommsSettings, type CommsSettings };
export { loadGlossary } from '../settings/list-glossary.ts';

/** The workspace's own template for a slot: one for the audience first, then one for any audience. */
export async function loadWorkspaceTemplate(db: Db, workspaceId: string, slot: { stage: Stage; language: Language; channel: Channel; audience: string }): Promise<Template | undefined> {
  const rows = await db
    .selectFrom('message_templates')
    .select(['audience', 'subject', 'body'])
    .where('workspace_id', '=', workspaceId)
    .where('stage', '=', slot.stage)
    .where('language', '=', slot.language)
    .where('channel', '=', slot.channel)
    .where((eb) => eb.or([eb('audience', '=', slot.audience), eb('audience', 'is', null)]))
    .execute();
  const row = rows.find((r) => r.audience === slot.audience) ?? rows[0];
  if (!row) return undefined;
  return { subject: slot.channel === 'email' ? (row.subject ?? '') : null, body: row.body };
}

// ---- Typed columns ------------------------------------------------------------------------------
// stage, channel and network are text columns written only from the verbs' zod enums: reading
// them back as their unions is safe.

export const stageOf = (row: Pick<Row<'messages'>, 'stage'>): Stage => row.stage as Stage;
export const channelOf = (row: Pick<Row<'message_variants'>, 'channel'>): Channel => row.channel as Channel;
export const networkOf = (row: Pick<Row<'message_variants'>, 'network'>): SocialNetwork | null => row.network as SocialNetwork | null;

// ---- Rows ---------------------------------------------------------------------------------------

export { fetchIncident as fetchIncidentRow } from '../incident/fetch-incident.ts';

export async function fetchMessage(tx: Tx, ctx: Ctx, id: string, forUpdate = false): Promise<Row<'messages'>> {
  let query = tx.selectFrom('messages').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('message', id);
  return row;
}

/** A message's variants in a stable order: audience, language, channel. */
export async function fetchVariants(db: Db, ctx: Ctx, messageIds: string[]): Promise<Row<'message_variants'>[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('message_variants')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('message_id', 'in', messageIds)
    .orderBy('audience')
    .orderBy('language')
    .orderBy('channel')
    .execute();
}

/** Reviews oldest first: their times never tie within a message (`nextReviewAt`). */
export async function fetchReviews(db: Db, ctx: Ctx, messageIds: string[]): Promise<Row<'message_reviews'>[]> {
  if (messageIds.length === 0) return [];
  return db.selectFrom('message_reviews').selectAll().where('workspace_id', '=', ctx.workspaceId).where('message_id', 'in', messageIds).orderBy('at').orderBy('id').execute();
}

export function assertNotPublished(message: Row<'messages'>): void {
  if (message.state === 'published') throw new ConflictError('message-published', `Message ${message.id} is published: it can no longer change. Write a new message for the next update.`);
}

/** Moves the message's version on after a change to it or its variants. */
export async function touchMessage(tx: Tx, ctx: Ctx, message: Row<'messages'>, changes: Partial<Pick<Row<'messages'>, 'state' | 'next_update_at' | 'notify_subscribers'>> = {}): Promise<Row<'messages'>> {
  const now = ctx.now();
  const next = { ...message, ...changes, updated_at: now, version: message.version + 1 };
  await tx
    .updateTable('messages')
    .set({ ...changes, updated_at: now, version: next.version })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', message.id)
    .execute();
  return next;
}

// ---- Derived state ------------------------------------------------------------------------------

export function hashOf(message: Row<'messages'>, variants: Row<'message_variants'>[]): string {
  return contentHash({ nextUpdateAt: message.next_update_at }, variants);
}

export function editorsOf(variants: Row<'message_variants'>[]): string[] {
  return [...new Set(variants.map((v) => actorKey({ type: v.editor_type, id: v.editor_id, name: v.editor_name })))];
}

export function stateOf(message: Row<'messages'>, variants: Row<'message_variants'>[], reviews: Row<'message_reviews'>[], fourEyes: boolean): ReviewState {
  return reviewState({
    reviews: reviews.map((r) => ({ kind: r.kind, contentHash: r.content_hash, actor: actorKey({ type: r.actor_type, id: r.actor_id, name: r.actor_name }), at: r.at })),
    contentHash: hashOf(message, variants),
    authors: editorsOf(variants),
    fourEyes,
    state: message.state,
  });
}

// ---- Fill facts ---------------------------------------------------------------------------------

/** What the templates are filled from: the incident, its fact sheet, the workspace. */
export async function loadFillFacts(db: Db, ctx: Ctx, incident: Row<'incidents'>, nextUpdateAt: Date | null): Promise<FillFacts> {
  const [workspace, lintFacts, known, rumor, referent, page] = await Promise.all([
    db.selectFrom('workspaces').select(['name', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
    loadLintFacts(db, ctx, incident.id),
    loadKnownFacts(db, ctx, incident.id),
    db
      .selectFrom('fact_entries')
      .select(['text', 'correction'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incident.id)
      .where('kind', '=', 'rumor')
      .where('withdrawn_at', 'is', null)
      .where((eb) => eb.or([eb('state', 'is', null), eb('state', '=', 'open')]))
      .orderBy('noted_at', 'desc')
      .executeTakeFirst(),
    incident.referent_id ? db.selectFrom('users').select('name').where('id', '=', incident.referent_id).executeTakeFirst() : undefined,
    db.selectFrom('status_pages').select('url').where('workspace_id', '=', ctx.workspaceId).where('visibility', '=', 'public').where('url', 'is not', null).orderBy('created_at').executeTakeFirst(),
  ]);
  return {
    company: workspace.name,
    incidentName: incident.name,
    timeZone: workspace.time_zone,
    components: lintFacts?.affectedComponents ?? [],
    startedAt: incident.occurred_at ?? incident.detected_at ?? incident.created_at,
    resolvedAt: incident.resolved_at,
    nextUpdateAt,
    known,
    affectedPeople: lintFacts?.figures.affectedPeople,
    records: lintFacts?.figures.records,
    regions: lintFacts?.figures.regions,
    keyMessages: lintFacts?.keyMessages ?? [],
    referent: referent?.name ?? null,
    statusPageUrl: page?.url ?? null,
    rumor: rumor ? { text: rumor.text, correction: rumor.correction } : null,
  };
}

export interface Slot {
  stage: Stage;
  audience: string;
  language: Language;
  channel: Channel;
  network: SocialNetwork | null;
}

/** A new variant's text: the workspace's template for the slot, else the built-in one, filled from the facts. */
export async function draftSlot(db: Db, ctx: Ctx, slot: Slot, facts: FillFacts): Promise<Template> {
  const template = (await loadWorkspaceTemplate(db, ctx.workspaceId, slot)) ?? builtInTemplate(slot.stage, slot.language, slot.channel);
  if (!template) throw new InvalidError(`No template for a ${slot.stage} message.`, [{ pointer: '/stage', detail: 'not a stage of an incident' }], 'stage-not-for-incidents');
  const { values, short } = templateValues(facts, slot.language, ctx.now());
  return draftVariant({ template, values, shortValues: short, language: slot.language, channel: slot.channel, network: slot.network ?? undefined });
}

// ---- Input shapes -------------------------------------------------------------------------------

export const AudienceId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'an audience id such as customers');

/** Refuses audiences the workspace does not define (the status page's one always exists). */
export function unknownAudienceIssues(audiences: string[], settings: CommsSettings, pointer: (index: number) => string) {
  const known = new Set([...settings.audiences.map((a) => a.id), settings.status_page_audience]);
  return audiences.flatMap((audience, i) => (known.has(audience) ? [] : [{ pointer: pointer(i), detail: `"${audience}" is not an audience of this workspace (${[...known].join(', ')})` }]));
}

// ---- Reviews ------------------------------------------------------------------------------------

export interface NewReview {
  kind: ReviewKind;
  contentHash: string;
  variantId?: string | null;
  body?: string | null;
  overrideReason?: string | null;
  overriddenRules?: string[];
}

/** Appends a review; reviews are never edited or deleted. */
export async function addReview(tx: Tx, ctx: Ctx, messageId: string, reviews: Row<'message_reviews'>[], review: NewReview): Promise<Row<'message_reviews'>> {
  const row: Row<'message_reviews'> = {
    workspace_id: ctx.workspaceId,
    id: newId(),
    message_id: messageId,
    variant_id: review.variantId ?? null,
    kind: review.kind,
    content_hash: review.contentHash,
    body: review.body ?? null,
    override_reason: review.overrideReason ?? null,
    overridden_rules: review.overriddenRules ?? [],
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.type === 'system' ? null : ctx.actor.id,
    actor_name: ctx.actor.name,
    at: nextReviewAt(ctx.now(), reviews.at(-1)?.at ?? null),
  };
  await tx.insertInto('message_reviews').values(row).execute();
  return row;
}

/** Everything a review verb reads: the message locked, its variants, reviews and settings. */
export async function loadForReview(tx: Tx, ctx: Ctx, messageId: string) {
  const message = await fetchMessage(tx, ctx, messageId, true);
  assertNotPublished(message);
  const [variants, reviews, settings] = await Promise.all([fetchVariants(tx, ctx, [messageId]), fetchReviews(tx, ctx, [messageId]), loadCommsSettings(tx, ctx.workspaceId)]);
  return { message, variants, reviews, settings, hash: hashOf(message, variants) };
}

export function assertVariantOf(variants: Row<'message_variants'>[], variantId: string | undefined): void {
  if (variantId !== undefined && !variants.some((v) => v.id === variantId)) throw new NotFoundError('variant', variantId);
}
