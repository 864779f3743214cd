export type Texts = { fr?: string; en?: string };
export type Standing = 'open' | 'correction_pending' | 'refuted' | 'confirmed';

export interface Correction {
  id: string;
  rumor_id: string;
  message_id: string;
  message_state: string;
  said: Texts;
  truth: Texts;
  published_truth: Texts | null;
  published_at: string | null;
  created_by: string;
  created_at: string;
}

export interface Rumor {
  id: string;
  text: string;
  source: string | null;
  noted_at: string;
  state: 'open' | 'refuted' | 'confirmed';
  standing: Standing;
  correction: string | null;
  corrections: Correction[];
}

export interface CorrectionsList {
  incident_id: string;
  incident: { name: string; is_public: boolean };
  rumors: Rumor[];
  log: Correction[];
}
