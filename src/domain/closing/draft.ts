import type { LintLanguage } from '../linter/index.ts';
import { draftVariant } from '../message/draft.ts';
import { marker } from '../message/fill.ts';
import { asSentence, formatDate, formatList, formatMoment } from '../message/format.ts';
import type { Channel } from '../message/stages.ts';
import { builtInTemplate } from '../message/templates/index.ts';
import { chronology, type ChronologyEvent, type ChronologyLine } from './chronology.ts';
import { apology, causeSummary, correctiveActions, type KnownFact } from './sections.ts';

type Language = LintLanguage;

/** What a closing message is built from: the incident's timeline, its fact sheet, the workspace. */
export interface ClosingFacts {
  company: string;
  timeZone: string;
  /** Public names of the affected components, in page order. */
  components: readonly string[];
  startedAt: Date;
  resolvedAt: Date | null;
  events: readonly ChronologyEvent[];
  /** Known facts still standing, oldest first. */
  known: readonly KnownFact[];
  /** Promises on the follow-up list still to keep: the next steps. */
  followUps: ReadonlyArray<{ id: string; text: string; language: Language | null; dueAt: Date | null }>;
  feedbackContact: string | null;
  statusPageUrl: string | null;
  now: Date;
}

export interface ClosingSections {
  chronology: ChronologyLine[];
  /** Null: no known fact names it yet. */
  cause: string | null;
  corrective_actions: string[];
  next_steps: Array<{ promise_id: string; text: string; due_at: string | null }>;
  feedback: string | null;
  apology: string;
}

export const closingSectionIds = ['cause', 'corrective_actions', 'feedback'] as const;
export type MissingSection = (typeof closingSectionIds)[number];

export interface ClosingDraft {
  language: Language;
  audience: string;
  channel: Channel;
  sections: ClosingSections;
  /** Sections the sheet does not fill: the text marks them, and the linter blocks the publish until they are written. */
  missing: MissingSection[];
  subject: string | null;
  body: string;
}

/** Doctrine §8, in sensitive cases: short chronology, cause, corrective actions, next steps, a feedback channel, assumed apologies. */
export function closingSections(facts: ClosingFacts, { language, isLay }: { language: Language; isLay: boolean }): ClosingSections {
  return {
    chronology: chronology(facts.events, { language, timeZone: facts.timeZone, isLay }),
    cause: causeSummary(facts.known, language),
    corrective_actions: correctiveActions(facts.known, language),
    next_steps: facts.followUps
      .filter((p) => p.language === null || p.language === language)
      .map((p) => ({ promise_id: p.id, text: asSentence(p.text), due_at: p.dueAt?.toISOString() ?? null })),
    feedback: facts.feedbackContact?.trim() || null,
    apology: apology(language),
  };
}

export function missingSections(sections: ClosingSections): MissingSection[] {
  return closingSectionIds.filter((id) => {
    switch (id) {
      case 'cause':
        return sections.cause === null;
      case 'corrective_actions':
        return sections.corrective_actions.length === 0;
      case 'feedback':
        return sections.feedback === null;
    }
  });
}

/** The closing for one audience, language and channel: its sections, and the text they make. */
export function buildClosingDraft(facts: ClosingFacts, slot: { audience: string; language: Language; channel: Channel; isLay: boolean }): ClosingDraft {
  const sections = closingSections(facts, slot);
  const text = renderClosing(facts, sections, slot);
  return { language: slot.language, audience: slot.audience, channel: slot.channel, sections, missing: missingSections(sections), ...text };
}

const l10n = {
  en: {
    subject: (date: string) => `Incident of ${date}: what happened`,
    ourServices: 'our services',
    happened: 'What happened:',
    cause: 'The cause:',
    actions: 'What we are changing to prevent a repeat:',
    next: 'Next steps:',
    by: (date: string) => `by ${date}`,
    feedback: 'Your questions and feedback are welcome:',
    signature: (company: string) => `The ${company} team`,
    nothingNext: 'Nothing else is pending on our side.',
  },
  fr: {
    subject: (date: string) => `Incident du ${date} : ce qui s'est passé`,
    ourServices: 'nos services',
    happened: 'Ce qui s\'est passé :',
    cause: 'La cause :',
    actions: 'Ce que nous changeons pour éviter que cela se reproduise :',
    next: 'Prochaines étapes :',
    by: (date: string) => `d'ici le ${date}`,
    feedback: 'Vos questions et remarques sont les bienvenues :',
    signature: (company: string) => `L'équipe ${company}`,
    nothingNext: 'Rien d\'autre n\'est en attente de notre côté.',
  },
} as const;

function intro(facts: ClosingFacts, language: Language, components: string): string {
  const tz = facts.timeZone;
  const start = facts.startedAt;
  const end = facts.resolvedAt;
  const date = formatDate(start, language, tz, facts.now);
  const startAt = formatMoment(start, language, tz, start);
  if (end === null) return language === 'fr' ? `Le ${date} à ${startAt}, un incident a commencé à toucher ${components}.` : `On ${date} at ${startAt}, an incident began to affect ${components}.`;
  const endAt = formatMoment(end, language, tz, start);
  const sameDay = !endAt.includes(language === 'fr' ? ' le ' : ' on ');
  if (language === 'fr') return sameDay ? `Le ${date}, de ${startAt} à ${endAt}, un incident a touché ${components}.` : `De ${startAt} le ${date} à ${endAt}, un incident a touché ${components}.`;
  return sameDay ? `On ${date}, from ${startAt} to ${endAt}, an incident affected ${components}.` : `From ${startAt} on ${date} to ${endAt}, an incident affected ${components}.`;
}

function nextStepLines(facts: ClosingFacts, sections: ClosingSections, language: Language): string[] {
  return sections.next_steps.map((step) => {
    const due = step.due_at ? ` (${l10n[language].by(formatDate(new Date(step.due_at), language, facts.timeZone, facts.now))})` : '';
    return `${step.text.replace(/\.$/, '')}${due}.`;
  });
}

/**
 * The text of one variant. Long channels carry every section; a support script answers the
 * questions customers ask; an SMS or a post keeps to the closing template's short form, which
 * points to the full review. A section the sheet does not fill is marked for the author to write.
 */
export function renderClosing(facts: ClosingFacts, sections: ClosingSections, { language, channel }: { language: Language; channel: Channel }): { subject: string | null; body: string } {
  const w = l10n[language];
  const components = facts.components.length > 0 ? formatList(facts.components, language) : w.ourServices;
  const date = formatDate(facts.startedAt, language, facts.timeZone, facts.now);
  const cause = sections.cause ?? marker('cause', language);
  const actions = sections.corrective_actions.length > 0 ? sections.corrective_actions.join(' ') : marker('corrective_actions', language);
  const feedback = sections.feedback ?? marker('contact', language);
  const next = nextStepLines(facts, sections, language);
  switch (channel) {
    case 'sms':
    case 'social': {
      const template = builtInTemplate('closing', language, channel)!;
      const values = { company: facts.company, started_date: date, components, ...(facts.statusPageUrl ? { status_page_url: facts.statusPageUrl } : {}) };
      return draftVariant({ template, values, language, channel });
    }
    case 'support_script': {
      const qa = language === 'fr'
        ? [
          `Q : Que s'est-il passé le ${date} ?`, `R : ${intro(facts, language, components)} ${w.cause} ${cause}`,
          'Q : Que faites-vous pour éviter que cela se reproduise ?', `R : ${actions}`,
          'Q : Et ensuite ?', `R : ${next.length > 0 ? next.join(' ') : w.nothingNext}`,
          'Q : Que dire au client mécontent ?', `R : ${sections.apology} ${w.feedback} ${feedback}`,
        ]
        : [
          `Q: What happened on ${date}?`, `A: ${intro(facts, language, components)} ${w.cause} ${cause}`,
          'Q: What are you doing to prevent a repeat?', `A: ${actions}`,
          'Q: What comes next?', `A: ${next.length > 0 ? next.join(' ') : w.nothingNext}`,
          'Q: What do I tell an unhappy customer?', `A: ${sections.apology} ${w.feedback} ${feedback}`,
        ];
      return { subject: null, body: qa.join('\n') };
    }
    case 'status_page':
    case 'email':
    case 'chat':
    case 'press': {
      const paragraphs = [
        `${intro(facts, language, components)} ${sections.apology}`,
        ...(sections.chronology.length > 0 ? [[w.happened, ...sections.chronology.map((line) => `- ${line.text}`)].join('\n')] : []),
        `${w.cause} ${cause}`,
        `${w.actions} ${actions}`,
        ...(next.length > 0 ? [[w.next, ...next.map((line) => `- ${line}`)].join('\n')] : []),
        `${w.feedback} ${feedback}`,
        ...(channel === 'email' ? [w.signature(facts.company)] : []),
      ];
      return { subject: channel === 'email' ? w.subject(date) : null, body: paragraphs.join('\n\n') };
    }
  }
}
