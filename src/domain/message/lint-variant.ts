import { lint, type Finding, type GlossaryEntry, type LintFacts, type LintLanguage, type Severity, type SocialNetwork } from '../linter/index.ts';
import { unfilledFindings } from './fill.ts';
import { formatMoment } from './format.ts';
import type { Channel, Stage } from './stages.ts';

// One variant's findings, the same wherever they are computed: the server on every save and
// publish (authoritative), the console as a person types.

/** What a variant is checked against besides its own text: the workspace's and the incident's. */
export interface LintSetting {
  facts: LintFacts | undefined;
  glossary: GlossaryEntry[];
  rules: Record<string, 'off' | Severity>;
  timeZone: string;
}

export interface LintableVariant {
  id?: string;
  audience: string;
  language: LintLanguage;
  channel: Channel;
  network: SocialNetwork | null;
  subject: string | null;
  body: string;
}

/** The linter's findings and unfilled template slots, for one variant among its siblings. */
export function lintVariant(variant: LintableVariant, context: { stage: Stage; siblings: LintableVariant[]; setting: LintSetting; nextUpdateAt: Date | null; now: Date }): Finding[] {
  const { setting } = context;
  const findings = lint({
    text: variant.body,
    subject: variant.channel === 'email' ? (variant.subject ?? '') : undefined,
    language: variant.language,
    stage: context.stage,
    audience: variant.audience,
    channel: variant.channel,
    network: variant.network ?? undefined,
    facts: setting.facts,
    glossary: setting.glossary,
    siblings: context.siblings.filter((s) => s !== variant).map((s) => ({ text: s.body, language: s.language, audience: s.audience, channel: s.channel })),
    nextUpdateLabel: context.nextUpdateAt ? formatMoment(context.nextUpdateAt, variant.language, setting.timeZone, context.now) : undefined,
    rules: setting.rules,
  });
  return [...unfilledFindings(variant.body, variant.channel === 'email' ? variant.subject : null, variant.language), ...findings];
}
