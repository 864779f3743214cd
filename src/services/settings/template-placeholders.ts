import type { FieldIssue } from '../../domain/errors.ts';
import { placeholderLabels, type Placeholder } from '../../domain/message/fill.ts';

/**
 * What a workspace template may say `{{name}}` for: exactly what drafting fills (domain/message/fill.ts),
 * so a template accepted here never leaves a slot nobody can fill. `{{?name}}` marks an optional one.
 * Name → what it stands for (English label).
 */
export const templatePlaceholders: Readonly<Record<Placeholder, string>> = Object.freeze(
  Object.fromEntries(Object.entries(placeholderLabels).map(([name, label]) => [name, label.en])) as Record<Placeholder, string>,
);

const placeholderPattern = /\{\{([^{}]*)\}\}/g;

/** The placeholder names a text uses, in order, each once (`{{?name}}` counts as `name`). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1]!.trim().replace(/^\?\s*/, '')))];
}

/** Every unknown or malformed placeholder of a template field, pointing at `pointer`. */
export function placeholderIssues(text: string, pointer: string): FieldIssue[] {
  const known = Object.keys(templatePlaceholders).map((name) => `{{${name}}}`).join(', ');
  const issues: FieldIssue[] = placeholdersIn(text)
    .filter((name) => !Object.hasOwn(templatePlaceholders, name))
    .map((name) => ({ pointer, detail: `{{${name}}} is not a placeholder; use one of ${known}` }));
  const rest = text.replace(placeholderPattern, '');
  if (rest.includes('{{') || rest.includes('}}')) issues.push({ pointer, detail: 'has a "{{" or "}}" that is not part of a {{placeholder}}' });
  return issues;
}
