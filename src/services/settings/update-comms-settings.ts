import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../adapters/db/connect.ts';
import { ConflictError, InvalidError, type FieldIssue } from '../../domain/errors.ts';
import { incidentStatuses, isOpen } from '../../domain/incident/lifecycle.ts';
import { ruleIds } from '../../domain/linter/index.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Name, parseInput } from '../schemas.ts';
import { AudienceId, defaultAudiences, defaultCadence, defaultStatusPageAudience, presentCommsSettings, type CommsSettings } from './comms-settings.ts';

const Minutes = z.number().int().min(5).max(1440);
const lintLevels = ['off', 'error', 'warning', 'info'] as const;
const openStatuses = incidentStatuses.filter(isOpen);

export const AudienceInput = z.strictObject({
  id: AudienceId,
  name: z.strictObject({ fr: Name, en: Name }),
  /** Lay audiences get the jargon and readability rules. */
  lay: z.boolean(),
  /** Lowest readability score accepted (Flesch in English, Kandel–Moles in French); null: no check. */
  readability_min: z.number().min(0).max(100).nullable().default(null),
});

export const UpdateCommsSettingsInput = z.strictObject({
  /** The whole list, replacing the current one. */
  audiences: z
    .array(AudienceInput)
    .min(1)
    .max(50)
    .superRefine((audiences, check) => {
      const seen = new Set<string>();
      audiences.forEach((audience, i) => {
        if (seen.has(audience.id)) check.addIssue({ code: 'custom', path: [i, 'id'], message: `"${audience.id}" is listed twice` });
        seen.add(audience.id);
      });
    })
    .optional(),
  /** Minutes between updates by impact, 5 to 1440; the impacts left out keep their value. */
  cadence: z.strictObject({ critical: Minutes.optional(), major: Minutes.optional(), minor: Minutes.optional(), none: Minutes.optional() }).optional(),
  four_eyes: z.boolean().optional(),
  /** Minutes from detection to the first public message (doctrine §1: within the hour). */
  first_message_minutes: z.number().int().min(15).max(60).optional(),
  remind_before_minutes: z.number().int().min(5).max(120).optional(),
  escalate_after_minutes: z.number().int().min(5).max(240).optional(),
  /** Hours before a maintenance starts that its subscribers are told: up to 4 of 1 to 168 (a week), each once; [] tells no one. */
  maintenance_notice_hours: z
    .array(z.number().int().min(1).max(168))
    .max(4)
    .superRefine((hours, check) => {
      hours.forEach((value, i) => {
        if (hours.indexOf(value) !== i) check.addIssue({ code: 'custom', path: [i], message: `${value} is listed twice` });
      });
    })
    .transform((hours) => [...hours].sort((a, b) => b - a))
    .optional(),
  status_page_audience: AudienceId.optional(),
  /** The whole map, replacing the current one: rule id → off | error | warning | info. */
  lint_rules: z
    .record(z.string(), z.enum(lintLevels))
    .superRefine((rules, check) => {
      for (const id of Object.keys(rules)) if (!ruleIds.includes(id)) check.addIssue({ code: 'custom', path: [id], message: `no linter rule has the id "${id}"` });
    })
    .optional(),
});
export type UpdateCommsSettingsInput = z.input<typeof UpdateCommsSettingsInput>;

/** Edits the workspace's communication settings; the first edit stores the defaults with it. */
export async function updateCommsSettings({ ctx, input, expectedVersion }: { ctx: Ctx; input: UpdateCommsSettingsInput; expectedVersion?: number }): Promise<CommsSettings> {
  authorize(ctx, 'settings.manage');
  const data = parseInput(UpdateCommsSettingsInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = presentCommsSettings(await lockSettingsRow(tx, ctx));
    checkVersion('communication settings', before.version, expectedVersion);
    const audiences = data.audiences ?? before.audiences;
    const statusPageAudience = data.status_page_audience ?? before.status_page_audience;
    if (!audiences.some((audience) => audience.id === statusPageAudience)) {
      const issue: FieldIssue = data.status_page_audience
        ? { pointer: '/status_page_audience', detail: `"${statusPageAudience}" is not one of the audiences` }
        : { pointer: '/audiences', detail: `removes "${statusPageAudience}", the status page audience: name another status_page_audience` };
      throw new InvalidError(`The settings cannot be saved: ${issue.pointer}: ${issue.detail}.`, [issue]);
    }
    const removed = before.audiences.map((audience) => audience.id).filter((id) => !audiences.some((audience) => audience.id === id));
    await assertNotInUse(tx, ctx, removed);
    const row = await tx
      .updateTable('comms_settings')
      .set({
        audiences: JSON.stringify(audiences),
        cadence: JSON.stringify({ ...before.cadence, ...data.cadence }),
        four_eyes: data.four_eyes ?? before.four_eyes,
        first_message_minutes: data.first_message_minutes ?? before.first_message_minutes,
        remind_before_minutes: data.remind_before_minutes ?? before.remind_before_minutes,
        escalate_after_minutes: data.escalate_after_minutes ?? before.escalate_after_minutes,
        maintenance_notice_hours: data.maintenance_notice_hours ?? before.maintenance_notice_hours,
        status_page_audience: statusPageAudience,
        lint_rules: JSON.stringify(data.lint_rules ?? before.lint_rules),
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentCommsSettings(row);
    await recordAudit(tx, ctx, { action: 'settings.update', entityType: 'settings', entityId: ctx.workspaceId, before, after });
    return after;
  });
}

/**
 * The settings row, locked, created with the defaults at version 0 when the workspace has none:
 * a first edit conflicts with a concurrent first edit like any other (If-Match "0").
 */
async function lockSettingsRow(tx: Tx, ctx: Ctx) {
  await tx
    .insertInto('comms_settings')
    .values({
      workspace_id: ctx.workspaceId,
      audiences: JSON.stringify(defaultAudiences),
      cadence: JSON.stringify(defaultCadence),
      status_page_audience: defaultStatusPageAudience,
      updated_at: ctx.now(),
      version: 0,
    })
    .onConflict((conflict) => conflict.column('workspace_id').doNothing())
    .execute();
  return tx.selectFrom('comms_settings').selectAll().where('workspace_id', '=', ctx.workspaceId).forUpdate().executeTakeFirstOrThrow();
}

/**
 * An audience may go while only closed incidents name it (their sheets keep the id, as history), but
 * not while an open incident's fact sheet still addresses it: take it off that sheet first.
 * Glossary terms and templates naming it stay and simply no longer match any message.
 */
async function assertNotInUse(tx: Tx, ctx: Ctx, removed: string[]): Promise<void> {
  if (removed.length === 0) return;
  const rows = await tx
    .selectFrom('fact_sheets')
    .innerJoin('incidents', (join) => join.onRef('incidents.workspace_id', '=', 'fact_sheets.workspace_id').onRef('incidents.id', '=', 'fact_sheets.incident_id'))
    .select(['incidents.id', 'incidents.name', 'fact_sheets.audiences'])
    .where('fact_sheets.workspace_id', '=', ctx.workspaceId)
    .where('incidents.status', 'in', openStatuses)
    .where(sql<boolean>`fact_sheets.audiences && ${sql.val(removed)}::text[]`)
    .orderBy('incidents.created_at')
    .execute();
  const first = rows[0];
  if (!first) return;
  const named = removed.filter((id) => first.audiences.includes(id));
  throw new ConflictError(
    'audience-in-use',
    `The open incident "${first.name}" (${first.id}) addresses ${named.map((id) => `"${id}"`).join(', ')} on its fact sheet${rows.length > 1 ? `, as do ${rows.length - 1} other open incident(s)` : ''}: take the audience off those sheets first.`,
  );
}
