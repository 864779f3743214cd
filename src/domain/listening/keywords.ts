/** A stretch of a text that matched a keyword, in the text's own UTF-16 offsets. */
export interface KeywordRange {
  start: number;
  end: number;
  keyword: string;
}

/**
 * Folds a text for matching (lower case, no accents: « Panne » and « panne », « défaillance » and
 * « defaillance » are the same word to someone watching for rumors), keeping for each folded
 * character the offset of the original one so matches can be highlighted in the original.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let n = 0; n < plain.length; n++) origin.push(offset);
    folded += plain;
    offset += char.length;
  }
  origin.push(offset);
  return { folded, origin };
}

const wordChar = /[\p{L}\p{N}_]/u;

/**
 * Every place a keyword occurs in the text as a whole word or phrase (« panne » does not match
 * « dépanneur »; « #OVHcloud » matches « ovhcloud »), case- and accent-insensitive, in text order;
 * overlapping matches keep the earlier, then the longer.
 */
export function keywordRanges(text: string, keywords: readonly string[]): KeywordRange[] {
  const { folded, origin } = fold(text);
  const found: KeywordRange[] = [];
  for (const keyword of keywords) {
    const needle = fold(keyword.trim()).folded;
    if (needle === '') continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const before = folded[at - 1];
      const after = folded[at + needle.length];
      const startsWord = !wordChar.test(needle[0]!) || before === undefined || !wordChar.test(before);
      const endsWord = !wordChar.test(needle.at(-1)!) || after === undefined || !wordChar.test(after);
      if (startsWord && endsWord) found.push({ start: origin[at]!, end: origin[at + needle.length]!, keyword });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: KeywordRange[] = [];
  for (const range of found) if (kept.length === 0 || range.start >= kept.at(-1)!.end) kept.push(range);
  return kept;
}

/** The keywords the text contains, in the order the source lists them, each once. */
export function matchKeywords(text: string, keywords: readonly string[]): string[] {
  const hits = new Set(keywordRanges(text, keywords).map((range) => range.keyword));
  return keywords.filter((keyword) => hits.has(keyword));
}

/** The text cut into plain and matched parts, for highlighting. */
export function highlightParts(text: string, keywords: readonly string[]): Array<{ text: string; keyword: string | null }> {
  const parts: Array<{ text: string; keyword: string | null }> = [];
  let at = 0;
  for (const range of keywordRanges(text, keywords)) {
    if (range.start > at) parts.push({ text: text.slice(at, range.start), keyword: null });
    parts.push({ text: text.slice(range.start, range.end), keyword: range.keyword });
    at = range.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), keyword: null });
  return parts;
}
