import { z } from 'zod';
import type { Db } from '../../adapters/db/connect.ts';
import type { AudienceSetting, Row } from '../../adapters/db/schema.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import type { Impact } from '../../domain/incident/lifecycle.ts';
import { authorize, type Ctx } from '../context.ts';
import { defaultCadence } from '../../domain/message/next-update.ts';
import { defaultNoticeHours } from '../../domain/maintenance/notices.ts';

export type { AudienceSetting } from '../../adapters/db/schema.ts';
export type LintRuleLevel = 'off' | 'error' | 'warning' | 'info';

/** A workspace's communication settings as they apply: its own row, or the defaults where it has none. */
export interface CommsSettings {
  /** Who messages are written for; a message variant names one of these ids. */
  audiences: AudienceSetting[];
  /** Minutes between public updates while an incident of this impact is open. (Default: critical 30, major 60, minor 90, none 90) */
  cadence: Record<Impact, number>;
  /** An approver must not be an author of what is approved. (Default: true) */
  four_eyes: boolean;
  /** The audience whose variant goes to the status page. (Default: customers) */
  status_page_audience: string;
  /** Linter rule id → level; absent ids keep the rule's own severity. (Default: {}) */
  lint_rules: Record<string, LintRuleLevel>;
  /** Minutes from detection to the first public message, 15 to 60. (Default: 60) */
  first_message_minutes: number;
  /** Minutes before a deadline the referent is reminded. (Default: 15) */
  remind_before_minutes: number;
  /** Minutes after a missed deadline an executive is told. (Default: 15) */
  escalate_after_minutes: number;
  /** Hours before a maintenance starts that its subscribers are told, nearest last; [] tells no one. (Default: [24, 1]) */
  maintenance_notice_hours: number[];
  /** 0 while the workspace has only the defaults; the ETag an edit sends back in If-Match. */
  version: number;
  updated_at: string | null;
}

/**
 * Readability minimums follow the linter's English targets (`readabilityTarget`, Flesch 50 for lay
 * readers, 40 for press and partners, 30 for authorities and executives), so setting nothing
 * changes nothing; technical readers get no check.
 */
export const defaultAudiences: readonly AudienceSetting[] = Object.freeze([
  { id: 'customers', name: { fr: 'Clients', en: 'Customers' }, lay: true, readability_min: 50 },
  { id: 'technical_customers', name: { fr: 'Clients techniques', en: 'Technical customers' }, lay: false, readability_min: null },
  { id: 'partners', name: { fr: 'Partenaires', en: 'Partners' }, lay: true, readability_min: 40 },
  { id: 'employees', name: { fr: 'Collaborateurs', en: 'Employees' }, lay: true, readability_min: 50 },
  { id: 'press', name: { fr: 'Presse', en: 'Press' }, lay: true, readability_min: 40 },
  { id: 'authorities', name: { fr: 'Autorités', en: 'Authorities' }, lay: true, readability_min: 30 },
  { id: 'executives', name: { fr: 'Direction', en: 'Executives' }, lay: true, readability_min: 30 },
]);

export { defaultCadence };

export const defaultStatusPageAudience = 'customers';

/** The effective settings of a workspace, read with any handle (a transaction or the pool). */
export async function loadCommsSettings(db: Db, workspaceId: string): Promise<CommsSettings> {
  const row = await db.selectFrom('comms_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  return presentCommsSettings(row);
}

/** The effective communication settings; every role may read them (they shape every message). */
export async function getCommsSettings({ ctx }: { ctx: Ctx }): Promise<CommsSettings> {
  authorize(ctx, 'workspace.read');
  return loadCommsSettings(ctx.tx ?? ctx.db.db, ctx.workspaceId);
}

export function presentCommsSettings(row: Row<'comms_settings'> | undefined): CommsSettings {
  if (!row) {
    return {
      audiences: defaultAudiences.map((audience) => ({ ...audience, name: { ...audience.name } })),
      cadence: { ...defaultCadence },
      four_eyes: true,
      status_page_audience: defaultStatusPageAudience,
      lint_rules: {},
      first_message_minutes: 60,
      remind_before_minutes: 15,
      escalate_after_minutes: 15,
      maintenance_notice_hours: [...defaultNoticeHours],
      version: 0,
      updated_at: null,
    };
  }
  return {
    audiences: row.audiences,
    // A row written before an impact existed keeps the default for it.
    cadence: { ...defaultCadence, ...row.cadence },
    four_eyes: row.four_eyes,
    status_page_audience: row.status_page_audience,
    lint_rules: row.lint_rules,
    first_message_minutes: row.first_message_minutes,
    remind_before_minutes: row.remind_before_minutes,
    escalate_after_minutes: row.escalate_after_minutes,
    maintenance_notice_hours: row.maintenance_notice_hours,
    version: row.version,
    updated_at: row.updated_at.toISOString(),
  };
}

/** An audience id as messages, fact sheets, glossary terms and templates name it. */
export const AudienceId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'an audience id is 1 to 40 lowercase letters, digits or "_", starting with a letter');

/** One issue per id that is not an audience of the workspace, pointing at `${pointer}/${index}`. */
export function unknownAudienceIssues(ids: readonly string[], settings: Pick<CommsSettings, 'audiences'>, pointer: string): FieldIssue[] {
  const known = new Set(settings.audiences.map((audience) => audience.id));
  const list = settings.audiences.map((audience) => audience.id).join(', ');
  return ids.flatMap((id, index) => (known.has(id) ? [] : [{ pointer: `${pointer}/${index}`, detail: `"${id}" is not an audience of this workspace (${list})` }]));
}
