import type { LintLanguage } from '../linter/index.ts';
import type { TemplateValues } from './fill.ts';
import { asSentence, formatClock, formatCount, formatDate, formatList, formatMoment } from './format.ts';

/** What the fact sheet and the incident say, as the templates' values are built from it. */
export interface FillFacts {
  company: string;
  incidentName: string;
  timeZone: string;
  /** Public names of the affected components, in page order. */
  components: readonly string[];
  startedAt: Date | null;
  resolvedAt: Date | null;
  nextUpdateAt: Date | null;
  /** Confirmed facts, oldest first; a null language is taken as written in any. */
  known: ReadonlyArray<{ text: string; language: LintLanguage | null }>;
  affectedPeople?: number;
  records?: number;
  regions?: readonly string[];
  keyMessages: ReadonlyArray<{ text: string; language: LintLanguage }>;
  referent: string | null;
  statusPageUrl: string | null;
  /** The newest open rumor and its correction, if any. */
  rumor: { text: string; correction: string | null } | null;
}

/**
 * The values a template is filled with, in one language, at `now`: times in the workspace's zone,
 * lists and numbers written as that language writes them. Unknown ones are absent, so they show
 * marked in the text. `short` names the services shorter, for a channel that runs out of room.
 */
export function templateValues(facts: FillFacts, language: LintLanguage, now: Date): { values: TemplateValues; short: TemplateValues } {
  const tz = facts.timeZone;
  const newestKnown = [...facts.known].reverse().find((k) => k.language === language) ?? [...facts.known].reverse().find((k) => k.language === null);
  const keyMessages = facts.keyMessages.filter((k) => k.language === language).map((k) => asSentence(k.text)).filter(Boolean);
  // A resolution is drafted as the service comes back: now, until the incident records when.
  const resolvedAt = facts.resolvedAt ?? now;
  const values: TemplateValues = {
    company: facts.company,
    incident_name: facts.incidentName,
    what: newestKnown ? asSentence(newestKnown.text) : undefined,
    components: facts.components.length > 0 ? formatList(facts.components, language) : undefined,
    started_at: facts.startedAt ? formatMoment(facts.startedAt, language, tz, now) : undefined,
    started_date: facts.startedAt ? formatDate(facts.startedAt, language, tz, now) : undefined,
    started_time: facts.startedAt ? formatClock(facts.startedAt, language, tz) : undefined,
    resolved_at: formatMoment(resolvedAt, language, tz, now),
    resolved_time: formatClock(resolvedAt, language, tz),
    next_update: facts.nextUpdateAt ? formatMoment(facts.nextUpdateAt, language, tz, now) : undefined,
    affected_people: facts.affectedPeople === undefined ? undefined : formatCount(facts.affectedPeople, language),
    records: facts.records === undefined ? undefined : formatCount(facts.records, language),
    regions: facts.regions && facts.regions.length > 0 ? formatList(facts.regions, language) : undefined,
    impact: impactSentence(facts, language),
    referent: facts.referent ?? undefined,
    key_messages: keyMessages.length > 0 ? keyMessages.join(' ') : undefined,
    status_page_url: facts.statusPageUrl ?? undefined,
    rumor: facts.rumor ? asSentence(facts.rumor.text) : undefined,
    correction: facts.rumor?.correction ? asSentence(facts.rumor.correction) : undefined,
  };
  const [first, ...others] = facts.components;
  const short: TemplateValues =
    first !== undefined && others.length > 0
      ? { components: language === 'fr' ? `${first} et ${others.length} autre${others.length > 1 ? 's' : ''} service${others.length > 1 ? 's' : ''}` : `${first} and ${others.length} other service${others.length > 1 ? 's' : ''}` }
      : {};
  return { values, short };
}

/** Who is affected, as confirmed figures say it: "1 200 personnes sont touchées. Zones touchées : Lyon." */
function impactSentence(facts: FillFacts, language: LintLanguage): string | undefined {
  const parts: string[] = [];
  if (facts.affectedPeople !== undefined) {
    const count = formatCount(facts.affectedPeople, language);
    parts.push(language === 'fr' ? `${count} ${facts.affectedPeople > 1 ? 'personnes sont touchées' : 'personne est touchée'}.` : `${count} ${facts.affectedPeople === 1 ? 'person is' : 'people are'} affected.`);
  }
  if (facts.regions && facts.regions.length > 0) {
    parts.push(language === 'fr' ? `Zones touchées : ${formatList(facts.regions, language)}.` : `Areas affected: ${formatList(facts.regions, language)}.`);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
