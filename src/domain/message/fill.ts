import type { Finding, LintLanguage } from '../linter/index.ts';

/** What a template may name, with how a missing value is marked in each language. */
export const placeholderLabels = {
  company: { fr: 'nom de l\'entreprise', en: 'company name' },
  incident_name: { fr: 'nom de l\'incident', en: 'incident name' },
  what: { fr: 'ce qui se passe', en: 'what is happening' },
  action: { fr: 'ce que nous faisons', en: 'what we are doing' },
  components: { fr: 'services touchés', en: 'affected services' },
  started_at: { fr: 'heure de début', en: 'start time' },
  started_date: { fr: 'date de début', en: 'start date' },
  started_time: { fr: 'heure de début', en: 'start time' },
  resolved_at: { fr: 'heure de rétablissement', en: 'time of recovery' },
  resolved_time: { fr: 'heure de rétablissement', en: 'time of recovery' },
  next_update: { fr: 'heure du prochain point', en: 'time of the next update' },
  affected_people: { fr: 'nombre de personnes touchées', en: 'number of people affected' },
  impact: { fr: 'qui est touché, combien', en: 'who is affected, how many' },
  records: { fr: 'nombre d\'enregistrements concernés', en: 'number of records concerned' },
  regions: { fr: 'régions touchées', en: 'regions affected' },
  referent: { fr: 'référent', en: 'referent' },
  key_messages: { fr: 'éléments de langage', en: 'key messages' },
  status_page_url: { fr: 'adresse de la page d\'état', en: 'status page address' },
  rumor: { fr: 'information erronée', en: 'false information' },
  correction: { fr: 'rectification', en: 'correction' },
  cause: { fr: 'cause', en: 'cause' },
  corrective_actions: { fr: 'mesures pour éviter que cela se reproduise', en: 'actions to prevent a repeat' },
  apology: { fr: 'excuses', en: 'apology' },
  measures: { fr: 'mesures prises', en: 'measures taken' },
  data_kinds: { fr: 'données concernées', en: 'data concerned' },
  consequences: { fr: 'conséquences pour les personnes', en: 'consequences for the people concerned' },
  advice: { fr: 'conseils aux personnes', en: 'advice to the people concerned' },
  contact: { fr: 'contact', en: 'contact' },
  compensation: { fr: 'geste commercial', en: 'compensation offered' },
} as const satisfies Record<string, Record<LintLanguage, string>>;

export type Placeholder = keyof typeof placeholderLabels;
export type TemplateValues = Partial<Record<Placeholder, string>>;

const PLACEHOLDER = /( ?)\{\{\s*(\?)?\s*([a-z_]+)\s*\}\}/g;

/** How an unfilled slot shows in the text: visible to the author, and an error for the linter. */
export function marker(name: string, language: LintLanguage): string {
  const label = (placeholderLabels as Record<string, Record<LintLanguage, string>>)[name]?.[language] ?? name;
  return language === 'fr' ? `[à compléter : ${label}]` : `[to fill: ${label}]`;
}

/**
 * Fills `{{name}}` with its value; a missing or empty one is left marked (`[à compléter : …]`).
 * `{{?name}}` is optional: when empty it disappears with the space before it.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>, language: LintLanguage): string {
  return template.replace(PLACEHOLDER, (_whole, space: string, optional: string | undefined, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    if (value) return space + value;
    return optional ? '' : space + marker(name, language);
  });
}

const UNFILLED = /\[(?:à compléter|to fill) ?:[^\]\n]*\]|\{\{[^}\n]*\}\}/g;

/** Every slot a template left unfilled (or a `{{…}}` pasted in), as blocking findings. */
export function unfilledFindings(text: string, subject: string | null, language: LintLanguage): Finding[] {
  const fields: Array<['text' | 'subject', string]> = [['text', text]];
  if (subject) fields.unshift(['subject', subject]);
  return fields.flatMap(([field, value]) =>
    [...value.matchAll(UNFILLED)].map((match) => ({
      rule: 'unfilled-placeholder',
      severity: 'error' as const,
      start: match.index,
      end: match.index + match[0].length,
      ...(field === 'subject' ? { field } : {}),
      message:
        language === 'fr'
          ? `« ${match[0]} » reste à compléter : écrivez ce qui est confirmé, ou retirez la phrase.`
          : `"${match[0]}" is still to be filled: write what is confirmed, or remove the sentence.`,
      doctrine: '§1 — only confirmed facts',
    })),
  );
}
