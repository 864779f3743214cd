/**
 * One normalised copy of a field, and the way back to the original's UTF-16 offsets.
 * Rules match the normalised text; findings are reported on the original.
 */
export interface NormalizedText {
  original: string;
  /** NFC, lowercase, apostrophes as ', dashes as -, every space (nbsp, narrow nbsp, tab) as ' '. */
  norm: string;
  /** The same with case kept, offset for offset: sentence breaks depend on capitals. */
  cased: string;
  /** For each normalised code unit, where its source starts and ends in the original. */
  startMap: Uint32Array;
  endMap: Uint32Array;
}

const APOSTROPHES = /[’‘‛′´`ʼ]/g;
const DASHES = /[‐‑‒–—―−]/g;
const SPACES = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const MARK = /\p{M}/u;

function mapChunk(chunk: string): string {
  return chunk.normalize('NFC').replace(APOSTROPHES, "'").replace(DASHES, '-').replace(SPACES, ' ');
}

export function normalize(original: string): NormalizedText {
  if (ASCII_ONLY.test(original)) {
    // Lowercasing ASCII keeps the length: the identity map.
    const startMap = new Uint32Array(original.length);
    const endMap = new Uint32Array(original.length);
    for (let i = 0; i < original.length; i++) {
      startMap[i] = i;
      endMap[i] = i + 1;
    }
    const cased = original.replace(/\t/g, ' ');
    return { original, norm: cased.toLowerCase(), cased, startMap, endMap };
  }
  let norm = '';
  let cased = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    // A chunk is one code point and the combining marks after it, so NFC never crosses chunks.
    let j = i + ((original.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
    while (j < original.length && MARK.test(original[j]!)) j++;
    const chunk = j - i === 1 ? original[i]! : original.slice(i, j);
    const mapped = chunk.length === 1 && chunk < '\u0080' ? (chunk === '\t' ? ' ' : chunk) : mapChunk(chunk);
    const lower = mapped.toLowerCase();
    for (let k = 0; k < mapped.length; k++) {
      starts.push(i);
      ends.push(j);
    }
    cased += mapped;
    // A few letters change length when lowercased (İ): they stay as they are, so offsets hold.
    norm += lower.length === mapped.length ? lower : mapped;
    i = j;
  }
  return { original, norm, cased, startMap: Uint32Array.from(starts), endMap: Uint32Array.from(ends) };
}

/** The original range of the normalised range [start, end). */
export function toOriginal(text: NormalizedText, start: number, end: number): [number, number] {
  const length = text.norm.length;
  if (length === 0) return [0, 0];
  const s = start >= length ? text.original.length : text.startMap[start]!;
  if (end <= start) return [s, s];
  const e = text.endMap[Math.min(end, length) - 1]!;
  return [s, e];
}
