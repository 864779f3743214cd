import { z } from 'zod';
import type { Db } from '../../adapters/db/connect.ts';
import type { ReportAction, ReportLesson } from '../../domain/reports/lessons.ts';
import { authorize, type Ctx } from '../context.ts';
import { fetchIncident } from '../incident/fetch-incident.ts';
import { DateOnly } from '../schemas.ts';

const Text = z.string().trim().min(1).max(2_000);
export const ReportLessonsInput = z.strictObject({
  lessons: z.array(z.strictObject({ text: Text, public: z.boolean().default(false).describe('Also in the public report (Default: false)') })).max(100),
  actions: z
    .array(
      z.strictObject({
        text: Text,
        owner: z.string().trim().min(1).max(200).nullable().default(null),
        due_on: DateOnly.nullable().default(null),
        done: z.boolean().default(false),
        public: z.boolean().default(false).describe('Also in the public report (Default: false)'),
      }),
    )
    .max(200),
});
export type ReportLessonsInput = z.input<typeof ReportLessonsInput>;

export interface ReportLessonsView {
  incident_id: string;
  lessons: ReportLesson[];
  actions: ReportAction[];
  updated_at: string | null;
  updated_by: string | null;
  /** 0 until the first save. */
  version: number;
}

export async function loadLessons(db: Db, ctx: Pick<Ctx, 'workspaceId'>, incidentId: string): Promise<ReportLessonsView> {
  const row = await db.selectFrom('report_lessons').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst();
  return {
    incident_id: incidentId,
    lessons: row?.lessons ?? [],
    actions: row?.actions ?? [],
    updated_at: row?.updated_at.toISOString() ?? null,
    updated_by: row?.updated_by_name ?? null,
    version: row?.version ?? 0,
  };
}

/** The lessons and actions the team wrote for an incident's report. */
export async function getReportLessons({ ctx, incidentId }: { ctx: Ctx; incidentId: string }): Promise<ReportLessonsView> {
  authorize(ctx, 'report.read');
  const db = ctx.tx ?? ctx.db.db;
  await fetchIncident(db, ctx, incidentId);
  return loadLessons(db, ctx, incidentId);
}
