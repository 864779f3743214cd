import type { Finding, Severity } from './types.ts';

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A run of text in the highlight layer: plain, or under the most severe finding covering it. */
export interface Run {
  text: string;
  severity: Severity | null;
  /** Zero-width findings at the start of this run: something missing here. */
  gap: Severity | null;
}

const worst = (severities: Severity[]): Severity | null => (severities.length === 0 ? null : severities.reduce((a, b) => (rank[b] < rank[a] ? b : a)));

/**
 * Cuts a field's text into runs at every finding's edges, so a layer behind the text box can
 * underline exactly what the linter points at. Overlaps take the most severe color.
 */
export function runsOf(text: string, findings: Finding[]): Run[] {
  const spans = findings.map((f) => ({ start: Math.max(0, Math.min(f.start, text.length)), end: Math.max(0, Math.min(f.end, text.length)), severity: f.severity }));
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1] ?? from;
    const gap = worst(spans.filter((s) => s.start === s.end && s.start === from).map((s) => s.severity));
    const severity = worst(spans.filter((s) => s.start < s.end && s.start <= from && s.end >= to && from < to).map((s) => s.severity));
    const last = runs.at(-1);
    if (last && !gap && last.severity === severity) last.text += text.slice(from, to);
    else if (from < to || gap) runs.push({ text: text.slice(from, to), severity, gap });
  }
  return runs;
}

/** Most pressing first: what blocks approval, then advice, each in reading order (subject before text). */
export function sortFindings(findings: Finding[]): Finding[] {
  const fieldRank = (f: Finding) => (f.field === 'subject' ? 0 : 1);
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || fieldRank(a) - fieldRank(b) || a.start - b.start || a.end - b.end);
}

/** The field's text with the finding's replacement in place, and where the caret goes after it. */
export function applySuggestion(text: string, finding: Finding): { text: string; caret: number } {
  const replacement = finding.suggestion ?? '';
  return { text: text.slice(0, finding.start) + replacement + text.slice(finding.end), caret: finding.start + replacement.length };
}

export const findingKey = (f: Finding) => `${f.rule}:${f.field ?? 'text'}:${f.start}:${f.end}`;
