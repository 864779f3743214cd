import type { Impact } from '../../types.ts';

type Bilingual = { fr: string; en: string };

/** An incident template as GET /api/admin/incident-templates lists it. */
export interface IncidentTemplate {
  key: string;
  kind: 'incident' | 'maintenance';
  label: Bilingual;
  description: Bilingual;
  impact: Exclude<Impact, 'maintenance'>;
  suggested_name: Bilingual;
  personal_data_breach: boolean;
  questions: Bilingual[];
  key_messages: Bilingual[];
  next_update_minutes: number | null;
}
