import type { DrillLanguage, InjectKind, Scenario } from './scenario.ts';
import type { DrillScore } from './score.ts';
import type { ReportDocument } from '../clocks/report-form.ts';

/** One line of the after-action timeline: what the scenario threw at the cell, or what the cell did. */
export interface TimelineEntry {
  /** Drill minutes since the start. */
  minute: number;
  side: 'inject' | 'response';
  kind: InjectKind | 'message' | 'update';
  text: string;
}

export interface AfterActionInput {
  scenario: Scenario;
  language: DrillLanguage;
  speed: number;
  /** The drill's length in drill minutes. */
  playedMinutes: number;
  /** Drill start and end as the reader's local time ("10/03/2026 15:00"). */
  startedAt: string;
  finishedAt: string;
  timeline: TimelineEntry[];
  score: DrillScore;
  /** Markdown from the incident report, when one could be built. */
  chronology?: string;
}

const words = {
  fr: {
    title: 'Rapport après exercice', scenario: 'Scénario', source: 'Cas d’origine', played: 'Joué', speed: 'vitesse', minutes: 'minutes d’exercice',
    briefing: 'Situation de départ', timeline: 'Chronologie : injects et réponses', minute: 'Minute', who: 'Côté', what: 'Quoi',
    inject: 'Scénario', response: 'Cellule', score: 'Score', criterion: 'Critère', points: 'Points', figure: 'Constat', total: 'Total',
    lessons: 'Enseignements', none: 'Rien à améliorer sur ces critères : gardez ce rythme.', chronology: 'Chronologie de l’incident (bac à sable)',
    criteria: { first_message: 'Délai du premier message', cadence: 'Rythme tenu', findings: 'Remarques du correcteur', contradictions: 'Contradictions', regulatory: 'Formulaires réglementaires' },
    kinds: { alert: 'Alerte', press_call: 'Appel presse', social_post: 'Publication sociale', regulator_question: 'Question du régulateur', customer_email: 'E-mail client', internal_note: 'Note interne', message: 'Message publié', update: 'Mise à jour publiée' },
    to: 'au',
  },
  en: {
    title: 'After-action report', scenario: 'Scenario', source: 'Source case', played: 'Played', speed: 'speed', minutes: 'drill minutes',
    briefing: 'Starting situation', timeline: 'Timeline: injects and responses', minute: 'Minute', who: 'Side', what: 'What',
    inject: 'Scenario', response: 'Cell', score: 'Score', criterion: 'Criterion', points: 'Points', figure: 'Finding', total: 'Total',
    lessons: 'Lessons', none: 'Nothing to improve on these criteria: keep this pace.', chronology: 'Incident chronology (sandbox)',
    criteria: { first_message: 'Time to first message', cadence: 'Cadence kept', findings: 'Linter findings', contradictions: 'Contradictions', regulatory: 'Regulatory forms' },
    kinds: { alert: 'Alert', press_call: 'Press call', social_post: 'Social post', regulator_question: 'Regulator’s question', customer_email: 'Customer e-mail', internal_note: 'Internal note', message: 'Message published', update: 'Update published' },
    to: 'to',
  },
} as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The after-action report as Markdown: scenario, injects against responses, score per criterion, lessons. */
export function afterActionMarkdown(input: AfterActionInput): string {
  const w = words[input.language];
  const { scenario, language } = input;
  const colon = language === 'fr' ? '\u00a0:' : ':';
  const lines = [
    `# ${w.title} — ${scenario.title[language]}`,
    '',
    `- **${w.scenario}**${colon} ${scenario.title[language]}`,
    `- **${w.source}**${colon} ${scenario.source}`,
    `- **${w.played}**${colon} ${input.startedAt} ${w.to} ${input.finishedAt} (${input.playedMinutes} ${w.minutes}, ${w.speed} ×${input.speed})`,
    `- **${w.score}**${colon} ${input.score.total}/100`,
    '',
    `## ${w.briefing}`,
    '',
    scenario.briefing[language],
    '',
    `## ${w.timeline}`,
    '',
    `| ${w.minute} | ${w.who} | ${w.what} |`,
    '| ---: | --- | --- |',
    ...[...input.timeline]
      .sort((a, b) => a.minute - b.minute || (a.side === b.side ? 0 : a.side === 'inject' ? -1 : 1))
      .map((entry) => `| ${entry.minute} | ${entry.side === 'inject' ? w.inject : w.response} | **${w.kinds[entry.kind]}** — ${cell(entry.text)} |`),
    '',
    `## ${w.score}`,
    '',
    `| ${w.criterion} | ${w.points} | ${w.figure} |`,
    '| --- | ---: | --- |',
    ...input.score.criteria.map((c) => `| ${w.criteria[c.id]} | ${c.points}/${c.max} | ${cell(c.figure[language])} |`),
    `| **${w.total}** | **${input.score.total}/100** | |`,
    '',
    `## ${w.lessons}`,
    '',
  ];
  const advice = input.score.criteria.filter((c) => c.advice);
  if (advice.length === 0) lines.push(w.none);
  else lines.push(...advice.map((c) => `- **${w.criteria[c.id]}**${colon} ${c.advice![language]}`));
  if (input.chronology) lines.push('', `## ${w.chronology}`, '', input.chronology.replace(/^#\s.*\n/, ''));
  return `${lines.join('\n')}\n`;
}

/** The after-action report as the PDF renderer's document: metadata, one item per criterion, the timeline. */
export function afterActionDocument(input: AfterActionInput): ReportDocument {
  const w = words[input.language];
  const { scenario, language } = input;
  return {
    language,
    title: `${w.title} — ${scenario.title[language]}`,
    meta: [
      { label: w.source, value: scenario.source },
      { label: w.played, value: `${input.startedAt} ${w.to} ${input.finishedAt} (${input.playedMinutes} ${w.minutes}, ${w.speed} ×${input.speed})` },
      { label: w.score, value: `${input.score.total}/100` },
    ],
    items: [
      ...input.score.criteria.map((c) => ({ label: `${w.criteria[c.id]} — ${c.points}/${c.max}`, text: [c.figure[language], c.advice?.[language]].filter(Boolean).join('\n'), isMissing: false, isOptional: false })),
      {
        label: w.timeline,
        text: [...input.timeline].sort((a, b) => a.minute - b.minute).map((e) => `${e.minute} min · ${e.side === 'inject' ? w.inject : w.response} · ${w.kinds[e.kind]}: ${e.text}`).join('\n'),
        isMissing: false,
        isOptional: false,
      },
    ],
    disclaimer: scenario.briefing[language],
    pageLabel: (page, count) => (language === 'fr' ? `Page ${page} sur ${count}` : `Page ${page} of ${count}`),
  };
}
