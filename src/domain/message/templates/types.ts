import type { Stage } from '../../linter/index.ts';

/** The stages an incident's message may take. */
export type IncidentStage = Exclude<Stage, 'maintenance_notice'>;

/**
 * A stage's built-in texts in one language: `long` for the status page, e-mail, chat and press;
 * `short` for SMS and social posts; `script` for support (questions and answers).
 */
export interface StageTexts {
  subject: string;
  long: string;
  short: string;
  script: string;
  /** An e-mail body of its own; by default `long` between a greeting and a signature. */
  email?: string;
}
