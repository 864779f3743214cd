import { z } from 'zod';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from '../../domain/errors.ts';
import { channels, stages } from '../../domain/linter/types.ts';
import type { Ctx } from '../context.ts';
import { Body, Language } from '../schemas.ts';
import { AudienceId, loadCommsSettings, unknownAudienceIssues } from './comms-settings.ts';
import { placeholderIssues } from './template-placeholders.ts';

export async function fetchGlossaryTerm(tx: Tx, ctx: Ctx, id: string): Promise<Row<'glossary_terms'>> {
  const row = await tx.selectFrom('glossary_terms').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('glossary-term', id);
  return row;
}

export function presentGlossaryTerm(row: Row<'glossary_terms'>) {
  return {
    id: row.id,
    term: row.term,
    plain: row.plain,
    language: row.language,
    audiences: row.audiences,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}

export async function fetchTemplate(tx: Tx, ctx: Ctx, id: string): Promise<Row<'message_templates'>> {
  const row = await tx.selectFrom('message_templates').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('message-template', id);
  return row;
}

export function presentTemplate(row: Row<'message_templates'>) {
  return {
    id: row.id,
    stage: row.stage,
    language: row.language,
    channel: row.channel,
    audience: row.audience,
    subject: row.subject,
    body: row.body,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A unique index refused the row: a concurrent writer won the race the pre-check could not see. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

export const GlossaryTermFields = {
  /** The technical word as it appears in a message; matched case-insensitively. */
  term: z.string().trim().min(1).max(100),
  /** What to write instead for the audiences concerned. */
  plain: z.string().trim().min(1).max(500),
  language: Language,
  /** The audiences the replacement is for; empty: every lay audience. */
  audiences: z
    .array(AudienceId)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'lists the same audience twice'),
};

/** Refuses audiences the workspace does not have and a term its language already holds (any case). */
export async function assertGlossaryTermFits(tx: Tx, ctx: Ctx, term: { id?: string; term: string; language: 'fr' | 'en'; audiences: string[] }): Promise<void> {
  const issues = unknownAudienceIssues(term.audiences, await loadCommsSettings(tx, ctx.workspaceId), '/audiences');
  if (issues.length > 0) throw new InvalidError(`The glossary term cannot be saved: ${issues.map((issue) => `${issue.pointer}: ${issue.detail}`).join('; ')}.`, issues);
  let query = tx
    .selectFrom('glossary_terms')
    .select('term')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('language', '=', term.language)
    .where((eb) => eb(eb.fn('lower', ['term']), '=', term.term.toLowerCase()));
  if (term.id) query = query.where('id', '<>', term.id);
  const clash = await query.executeTakeFirst();
  if (clash) throw glossaryTermTaken(clash.term, term.language);
}

export function glossaryTermTaken(term: string, language: string): ConflictError {
  return new ConflictError('glossary-term-taken', `The ${language === 'fr' ? 'French' : 'English'} glossary already has "${term}"; edit that term instead.`);
}

/** Channels whose messages carry a subject or title. */
const channelsWithSubject = new Set(['email', 'press']);

export const TemplateFields = {
  stage: z.enum(stages),
  language: Language,
  channel: z.enum(channels),
  /** null: any audience without a template of its own. */
  audience: AudienceId.nullable(),
  /** E-mail subject or press title; null for the other channels. */
  subject: z.string().trim().min(1).max(300).nullable(),
  body: Body,
};

export interface TemplateSlot {
  id?: string;
  stage: string;
  language: 'fr' | 'en';
  channel: string;
  audience: string | null;
  subject: string | null;
  body: string;
}

/** Refuses unknown placeholders and audiences, a subject where the channel has none, and a taken slot. */
export async function assertTemplateFits(tx: Tx, ctx: Ctx, template: TemplateSlot): Promise<void> {
  const issues: FieldIssue[] = [...placeholderIssues(template.body, '/body')];
  if (template.subject !== null) {
    if (channelsWithSubject.has(template.channel)) issues.push(...placeholderIssues(template.subject, '/subject'));
    else issues.push({ pointer: '/subject', detail: `a ${template.channel} message has no subject: leave it null` });
  }
  if (template.audience !== null) issues.push(...unknownAudienceIssues([template.audience], await loadCommsSettings(tx, ctx.workspaceId), '/audience').map((issue) => ({ ...issue, pointer: '/audience' })));
  if (issues.length > 0) throw new InvalidError(`The template cannot be saved: ${issues.map((issue) => `${issue.pointer}: ${issue.detail}`).join('; ')}.`, issues);
  let query = tx
    .selectFrom('message_templates')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('stage', '=', template.stage)
    .where('language', '=', template.language)
    .where('channel', '=', template.channel)
    .where((eb) => (template.audience === null ? eb('audience', 'is', null) : eb('audience', '=', template.audience)));
  if (template.id) query = query.where('id', '<>', template.id);
  const clash = await query.executeTakeFirst();
  if (clash) throw templateSlotTaken(template, clash.id);
}

export function templateSlotTaken(template: TemplateSlot, existingId?: string): ConflictError {
  const slot = `${template.stage} / ${template.language} / ${template.channel} / ${template.audience ?? 'any audience'}`;
  return new ConflictError('template-slot-taken', `A template already fills the slot ${slot}${existingId ? ` (${existingId})` : ''}; edit it instead.`);
}
