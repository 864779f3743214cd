/**
 * Pattern sources are written for the normalised text: lowercase, ' for every apostrophe. A space
 * matches any run of spaces or line breaks, " ?" an optional one; keep spaces out of classes.
 */
export function spaced(source: string): string {
  return source.replace(/ \?/g, String.raw`\s*`).replace(/ /g, String.raw`\s+`);
}

/**
 * Whole words only. JS `\b` is ASCII-only even with the u flag (`/\bpanne\b/u` matches inside
 * "dépanne"), so the bounds are letter and digit lookarounds (linter-anchors §2).
 */
export function bounded(source: string): string {
  return String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`;
}

/** One global regex for a list of alternatives, longest first so the longer phrase wins. */
export function compileAlternatives(sources: readonly string[]): RegExp {
  const sorted = [...sources].sort((a, b) => b.length - a.length);
  return new RegExp(bounded(spaced(sorted.join('|'))), 'gu');
}

/** Non-global test of one alternative list (presence checks). */
export function compileTest(sources: readonly string[]): RegExp {
  return new RegExp(bounded(spaced([...sources].sort((a, b) => b.length - a.length).join('|'))), 'u');
}

export interface Match {
  start: number;
  end: number;
  text: string;
}

export function allMatches(re: RegExp, text: string): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
