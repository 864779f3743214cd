/** The shapes of the admin API the console reads (see /api/openapi.json for every field). */

export type Impact = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem';

export interface IncidentUpdate {
  id: string;
  status: IncidentStatus;
  body: string;
  bodies: { fr?: string; en?: string } | null;
  display_at: string;
  created_at: string;
}

export interface Incident {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  occurred_at: string | null;
  detected_at: string | null;
  acknowledged_at: string | null;
  monitoring_at: string | null;
  resolved_at: string | null;
  next_update_at: string | null;
  daily_update_time: string | null;
  referent_id: string | null;
  backup_referent_id: string | null;
  component_ids: string[];
  visibility: 'internal' | 'public';
  public_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  updates?: IncidentUpdate[];
}
