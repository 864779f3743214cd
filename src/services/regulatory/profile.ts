import { z } from 'zod';
import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { defaultRegulatorySettings, type RegulatoryProfile } from '../../domain/clocks/regulatory.ts';
import { frenchPublicHolidays } from '../../domain/clocks/holidays.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { DateOnly, parseInput } from '../schemas.ts';

/** A workspace's regimes as the API shows them; no row means every regime off and the defaults. */
export function presentRegulatoryProfile(row: Row<'regulatory_profiles'> | undefined) {
  return {
    gdpr_roles: row?.gdpr_roles ?? [],
    nis2: row?.nis2 ?? null,
    dora_financial_entity: row?.dora_financial_entity ?? false,
    eprivacy_provider: row?.eprivacy_provider ?? false,
    fr_oiv_ose: row?.fr_oiv_ose ?? false,
    fr_telecom_operator: row?.fr_telecom_operator ?? false,
    fr_health_entity: row?.fr_health_entity ?? false,
    dora_working_day_shift: row?.dora_working_day_shift ?? true,
    dora_shift_hour: row?.dora_shift_hour ?? 12,
    dora_late_classification_rule: row?.dora_late_classification_rule ?? true,
    holiday_calendar: row?.holiday_calendar ?? 'fr',
    extra_holidays: row?.extra_holidays ?? [],
    version: row?.version ?? 0,
    updated_at: row?.updated_at.toISOString() ?? null,
  };
}
export type RegulatoryProfileView = ReturnType<typeof presentRegulatoryProfile>;

export async function loadRegulatoryProfile(db: Db, workspaceId: string): Promise<RegulatoryProfileView> {
  return presentRegulatoryProfile(await db.selectFrom('regulatory_profiles').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst());
}

/** The profile as the clock engine reads it, with a holiday calendar covering `years`. */
export function domainProfile(view: RegulatoryProfileView, timeZone: string, years: readonly number[]): RegulatoryProfile {
  const holidays = [...(view.holiday_calendar === 'fr' ? years.flatMap(frenchPublicHolidays) : []), ...view.extra_holidays];
  return {
    gdprRoles: view.gdpr_roles,
    nis2: view.nis2,
    isDoraFinancialEntity: view.dora_financial_entity,
    isEprivacyProvider: view.eprivacy_provider,
    isFrOivOse: view.fr_oiv_ose,
    isFrTelecomOperator: view.fr_telecom_operator,
    isFrHealthEntity: view.fr_health_entity,
    settings: {
      ...defaultRegulatorySettings([], timeZone),
      holidays,
      isDoraWorkingDayShiftOn: view.dora_working_day_shift,
      doraShiftHour: view.dora_shift_hour,
      isDoraLateClassificationRuleOn: view.dora_late_classification_rule,
    },
  };
}

export async function getRegulatoryProfile({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'regulatory.read');
  return loadRegulatoryProfile(ctx.tx ?? ctx.db.db, ctx.workspaceId);
}

export const UpdateRegulatoryProfileInput = z.strictObject({
  gdpr_roles: z.array(z.enum(['controller', 'processor'])).max(2).refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice').optional(),
  nis2: z.enum(['essential', 'important', 'trust_service']).nullable().optional(),
  dora_financial_entity: z.boolean().optional(),
  eprivacy_provider: z.boolean().optional(),
  fr_oiv_ose: z.boolean().optional(),
  fr_telecom_operator: z.boolean().optional(),
  fr_health_entity: z.boolean().optional(),
  dora_working_day_shift: z.boolean().optional(),
  dora_shift_hour: z.number().int().min(0).max(23).optional(),
  dora_late_classification_rule: z.boolean().optional(),
  holiday_calendar: z.enum(['fr', 'none']).optional(),
  /** Days off of the workspace's own (yyyy-mm-dd), on top of the calendar's. */
  extra_holidays: z.array(DateOnly).max(366).optional(),
});
export type UpdateRegulatoryProfileInput = z.input<typeof UpdateRegulatoryProfileInput>;

/** Switches regimes on or off and sets their [U] rules; what is left out keeps its value. */
export async function updateRegulatoryProfile({ ctx, input, expectedVersion }: { ctx: Ctx; input: UpdateRegulatoryProfileInput; expectedVersion?: number }) {
  authorize(ctx, 'regulatory.manage');
  const data = parseInput(UpdateRegulatoryProfileInput, input);
  return withTransaction(ctx, async (tx) => {
    const beforeRow = await tx.selectFrom('regulatory_profiles').selectAll().where('workspace_id', '=', ctx.workspaceId).forUpdate().executeTakeFirst();
    const before = presentRegulatoryProfile(beforeRow);
    checkVersion('regulatory profile', before.version, expectedVersion);
    const { version: _version, updated_at: _updated, ...current } = before;
    const next = { ...current, ...Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) };
    const now = ctx.now();
    const row = await tx
      .insertInto('regulatory_profiles')
      .values({ workspace_id: ctx.workspaceId, ...next, updated_at: now, version: 1 })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ ...next, updated_at: now, version: before.version + 1 }))
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentRegulatoryProfile(row);
    await recordAudit(tx, ctx, { action: 'regulatory_profile.update', entityType: 'regulatory_profile', entityId: ctx.workspaceId, before, after });
    return after;
  });
}
