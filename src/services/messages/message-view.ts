import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { isOpen, type IncidentStatus } from '../../domain/incident/lifecycle.ts';
import { ruleIds, type Finding, type LintFacts } from '../../domain/linter/index.ts';
import { lintVariant, type LintableVariant, type LintSetting } from '../../domain/message/lint-variant.ts';
import { statusOnPublish, type Stage } from '../../domain/message/stages.ts';
import type { Ctx } from '../context.ts';
import { loadLintFacts } from '../facts/lint-facts.ts';
import { channelOf, fetchIncidentRow, fetchReviews, fetchVariants, hashOf, loadCommsSettings, loadGlossary, networkOf, stageOf, stateOf, type CommsSettings } from './internal.ts';

// What the API shows of a message: its variants with their lint findings, its reviews, where it stands.

export { lintVariant, type LintableVariant, type LintSetting };

export async function loadLintSetting(db: Db, ctx: Ctx, incidentId: string | undefined, settings: CommsSettings): Promise<LintSetting> {
  const [facts, glossary, workspace] = await Promise.all([
    incidentId === undefined ? undefined : loadLintFacts(db, ctx, incidentId),
    loadGlossary(db, ctx.workspaceId),
    db.selectFrom('workspaces').select('time_zone').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
  ]);
  if (incidentId !== undefined && !facts) throw new NotFoundError('incident', incidentId);
  // A rule the linter no longer has would make every lint throw: the settings keep only known ids.
  const known = new Set(ruleIds);
  const rules = Object.fromEntries(Object.entries(settings.lint_rules).filter(([id]) => known.has(id)));
  return { facts, glossary, rules, timeZone: facts?.timeZone ?? workspace.time_zone };
}

/**
 * The facts as they will be once the message is out: an "identified" message is checked against an
 * identified incident, not the investigating one it is about to move on.
 */
export function factsAfter(facts: LintFacts | undefined, stage: Stage, current: IncidentStatus): LintFacts | undefined {
  if (!facts || stage === 'maintenance_notice') return facts;
  const status = statusOnPublish(stage, current);
  return { ...facts, status: status === 'postmortem' ? 'resolved' : status, incidentOpen: isOpen(status) };
}

export function lintVariants(message: Row<'messages'>, variants: Row<'message_variants'>[], setting: LintSetting, now: Date): Map<string, Finding[]> {
  const lintable = variants.map(asLintable);
  return new Map(
    variants.map((variant, i) => [variant.id, lintVariant(lintable[i]!, { stage: stageOf(message), siblings: lintable, setting, nextUpdateAt: message.next_update_at, now })]),
  );
}

export function asLintable(row: Row<'message_variants'>): LintableVariant {
  return { id: row.id, audience: row.audience, language: row.language, channel: channelOf(row), network: networkOf(row), subject: row.subject, body: row.body };
}

/** The lint setting of a message: its incident's facts as they will be once it is published. */
export async function messageLintSetting(db: Db, ctx: Ctx, message: Row<'messages'>, settings: CommsSettings): Promise<LintSetting> {
  const [setting, incident] = await Promise.all([loadLintSetting(db, ctx, message.incident_id, settings), fetchIncidentRow(db, ctx, message.incident_id)]);
  return { ...setting, facts: factsAfter(setting.facts, stageOf(message), incident.status) };
}

/** Messages as `presentMessage` shows them, their variants linted; the facts are read once per incident. */
export async function loadMessages(db: Db, ctx: Ctx, messages: Row<'messages'>[]) {
  const ids = messages.map((m) => m.id);
  const [variants, reviews, settings] = await Promise.all([fetchVariants(db, ctx, ids), fetchReviews(db, ctx, ids), loadCommsSettings(db, ctx.workspaceId)]);
  const byIncident = new Map<string, { setting: LintSetting; status: IncidentStatus }>();
  const presented = [];
  for (const message of messages) {
    let incident = byIncident.get(message.incident_id);
    if (!incident) {
      const [setting, row] = await Promise.all([loadLintSetting(db, ctx, message.incident_id, settings), fetchIncidentRow(db, ctx, message.incident_id)]);
      byIncident.set(message.incident_id, (incident = { setting, status: row.status }));
    }
    const own = variants.filter((v) => v.message_id === message.id);
    const setting = { ...incident.setting, facts: factsAfter(incident.setting.facts, stageOf(message), incident.status) };
    presented.push(presentMessage(message, own, reviews.filter((r) => r.message_id === message.id), settings, lintVariants(message, own, setting, ctx.now())));
  }
  return presented;
}

export async function loadMessage(db: Db, ctx: Ctx, message: Row<'messages'>) {
  const [presented] = await loadMessages(db, ctx, [message]);
  return presented!;
}

// ---- Presentation -------------------------------------------------------------------------------

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

export function presentVariant(row: Row<'message_variants'>, findings: Finding[]) {
  return {
    id: row.id,
    message_id: row.message_id,
    audience: row.audience,
    language: row.language,
    channel: channelOf(row),
    network: row.network,
    subject: row.subject,
    body: row.body,
    editor: { type: row.editor_type, id: row.editor_id, name: row.editor_name },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
    findings,
  };
}

export function presentReview(row: Row<'message_reviews'>, currentHash: string) {
  return {
    id: row.id,
    variant_id: row.variant_id,
    kind: row.kind,
    body: row.body,
    override_reason: row.override_reason,
    overridden_rules: row.overridden_rules,
    content_hash: row.content_hash,
    /** Given on the content as it is now: an edit since makes it history. */
    current: row.content_hash === currentHash,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    at: row.at.toISOString(),
  };
}

export function presentMessage(row: Row<'messages'>, variants: Row<'message_variants'>[], reviews: Row<'message_reviews'>[], settings: CommsSettings, findings: Map<string, Finding[]>) {
  const hash = hashOf(row, variants);
  return {
    id: row.id,
    incident_id: row.incident_id,
    stage: stageOf(row),
    state: row.state,
    review_state: stateOf(row, variants, reviews, settings.four_eyes),
    four_eyes: settings.four_eyes,
    content_hash: hash,
    next_update_at: iso(row.next_update_at),
    notify_subscribers: row.notify_subscribers,
    emergency: row.emergency,
    emergency_reason: row.emergency_reason,
    author: { type: row.author_type, id: row.author_id, name: row.author_name },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    published_at: iso(row.published_at),
    published_by_name: row.published_by_name,
    incident_update_id: row.incident_update_id,
    version: row.version,
    variants: variants.map((v) => presentVariant(v, findings.get(v.id) ?? [])),
    reviews: reviews.map((r) => presentReview(r, hash)),
  };
}

/** What an edit answers besides the variant: where the message now stands. */
export function messageSummary(row: Row<'messages'>, variants: Row<'message_variants'>[], reviews: Row<'message_reviews'>[], fourEyes: boolean) {
  return { id: row.id, state: row.state, review_state: stateOf(row, variants, reviews, fourEyes), content_hash: hashOf(row, variants), version: row.version };
}

