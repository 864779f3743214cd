import type { ReportAction, ReportLesson } from '../../../domain/reports/lessons.ts';
import type { DefaultedTimestamp, Json, Version } from '../schema.ts';

/** An incident's lessons and actions, written by the team (migration 0022), replaced whole by each save. */
export interface ReportLessonsTable {
  workspace_id: string;
  incident_id: string;
  lessons: Json<ReportLesson[]>;
  actions: Json<ReportAction[]>;
  updated_at: DefaultedTimestamp;
  updated_by_name: string;
  version: Version;
}

/** The tables of reports (kept in their own file; `Database` in ../schema.ts extends this). */
export interface ReportTables {
  report_lessons: ReportLessonsTable;
}
