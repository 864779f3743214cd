import type { Span } from './segment.ts';

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '„': '“' };

/**
 * Quoted speech: « … », “ … ”, „ … “ and paired straight quotes, within a paragraph. Tone rules
 * skip it (linter-anchors §2): a rumour correction quoting « panne géante » is not alarmist.
 * An unclosed quote quotes nothing.
 */
export function quotedSpans(norm: string): Span[] {
  const spans: Span[] = [];
  const stack: Array<{ close: string; start: number }> = [];
  let straight = -1;
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i]!;
    if (c === '\n' && norm[i + 1] === '\n') {
      stack.length = 0;
      straight = -1;
    } else if (stack.length > 0 && c === stack.at(-1)!.close) {
      const open = stack.pop()!;
      if (stack.length === 0) spans.push({ start: open.start, end: i + 1 });
    } else if (OPENERS[c] !== undefined) {
      stack.push({ close: OPENERS[c]!, start: i });
    } else if (c === '"') {
      if (straight < 0) straight = i;
      else {
        if (stack.length === 0) spans.push({ start: straight, end: i + 1 });
        straight = -1;
      }
    }
  }
  return mergeSpans(spans);
}

// URLs, e-mail addresses, host names, incident ids, code in backticks, snake_case and camelCase
// tokens: never words to judge (Vale's IgnoredScopes and spelling filters). Read on the cased text.
const SKIPPED = new RegExp(
  [
    String.raw`\b(?:https?|ftp)://[^\s<>"«»]+`,
    String.raw`\bwww\.[^\s<>"«»]+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|fr|io|eu|dev|app|cloud|be|ch|uk|de|info)\b`,
    String.raw`\b[A-Z]{2,10}-\d+\b`,
    '`[^`\\n]*`',
    String.raw`\b[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+\b`,
    String.raw`\b\p{Ll}+\p{Lu}[\p{L}\p{N}]*\b`,
  ].join('|'),
  'gu',
);

export function skippedSpans(cased: string): Span[] {
  const spans: Span[] = [];
  SKIPPED.lastIndex = 0;
  for (let match = SKIPPED.exec(cased); match; match = SKIPPED.exec(cased)) {
    let end = match.index + match[0].length;
    while (end > match.index + 1 && /[.,;:!?)\]]/.test(cased[end - 1]!)) end--;
    spans.push({ start: match.index, end });
  }
  return spans;
}

export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** Whether [start, end) overlaps one of the sorted, disjoint spans. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (span.end <= start) low = mid + 1;
    else if (span.start >= Math.max(end, start + 1)) high = mid - 1;
    else return true;
  }
  return false;
}
