import type { Impact } from '../incident/lifecycle.ts';

export type DrillLanguage = 'fr' | 'en';
/** A text a participant reads, in both languages. */
export type Text = Record<DrillLanguage, string>;

export const injectKinds = ['alert', 'press_call', 'social_post', 'regulator_question', 'customer_email', 'internal_note'] as const;
export type InjectKind = (typeof injectKinds)[number];

/** One event of a scenario, delivered into the sandbox when drill time reaches `atMinute`. */
export interface Inject {
  key: string;
  /** Drill minutes after the drill starts. */
  atMinute: number;
  kind: InjectKind;
  /** Who calls, posts or writes. */
  from: Text;
  text: Text;
  /** What the doctrine expects of the cell at this point, shown in the after-action report. */
  expects?: Text;
}

/** The part a scenario's component plays; mapped onto the sandbox's components in their order. */
export interface ScenarioComponent {
  role: string;
  name: Text;
}

export interface Scenario {
  key: string;
  title: Text;
  briefing: Text;
  /** The source case (doctrine seeds). */
  source: string;
  impact: Impact;
  incidentName: Text;
  components: ScenarioComponent[];
  /** The first public message is expected within this many drill minutes of the first alert. */
  firstMessageMinutes: number;
  /** Drill minutes the exercise lasts; the report counts what was due until then. */
  durationMinutes: number;
  /** Personal data is involved: the fact sheet is flagged and the GDPR clocks run. */
  personalDataBreach: boolean;
  injects: Inject[];
}

/** The injects due at `elapsedMinutes` of drill time, in their order. */
export function dueInjects(scenario: Scenario, elapsedMinutes: number): Inject[] {
  return scenario.injects.filter((inject) => inject.atMinute <= elapsedMinutes).sort((a, b) => a.atMinute - b.atMinute);
}

/** The scenario's components played by the sandbox's components, in order; the roles left over are created. */
export function mapComponents<T>(scenario: Scenario, existing: T[]): Array<{ role: ScenarioComponent; component: T | null }> {
  return scenario.components.map((role, index) => ({ role, component: existing[index] ?? null }));
}
