// GSM 03.38: the basic table (one septet each) and its extension table (escape + one: two septets).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export interface SmsLayout {
  encoding: 'gsm7' | 'ucs2';
  segments: number;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  characters: number;
  /** UTF-16 offset where each segment starts. */
  segmentStarts: number[];
}

/**
 * How an SMS is encoded and split: GSM-7 holds 160 septets alone and 153 per part of a long
 * message, UCS-2 70 and 67 units. A part never splits an escape pair or a surrogate pair.
 * An empty text fills no segment.
 */
export function smsLayout(text: string): SmsLayout {
  const isGsm = [...text].every((c) => GSM7_BASIC.has(c) || GSM7_EXTENSION.has(c));
  const units: Array<{ offset: number; cost: number }> = [];
  if (isGsm) {
    for (let i = 0; i < text.length; i++) units.push({ offset: i, cost: GSM7_EXTENSION.has(text[i]!) ? 2 : 1 });
  } else {
    for (let i = 0; i < text.length; ) {
      const wide = (text.codePointAt(i) ?? 0) > 0xffff;
      units.push({ offset: i, cost: wide ? 2 : 1 });
      i += wide ? 2 : 1;
    }
  }
  const characters = units.reduce((sum, u) => sum + u.cost, 0);
  const single = isGsm ? 160 : 70;
  const part = isGsm ? 153 : 67;
  if (characters === 0) return { encoding: isGsm ? 'gsm7' : 'ucs2', segments: 0, characters: 0, segmentStarts: [] };
  if (characters <= single) return { encoding: isGsm ? 'gsm7' : 'ucs2', segments: 1, characters, segmentStarts: [0] };
  const segmentStarts = [0];
  let used = 0;
  for (const unit of units) {
    if (used + unit.cost > part) {
      segmentStarts.push(unit.offset);
      used = 0;
    }
    used += unit.cost;
  }
  return { encoding: isGsm ? 'gsm7' : 'ucs2', segments: segmentStarts.length, characters, segmentStarts };
}

export function smsSegments(text: string): { encoding: 'gsm7' | 'ucs2'; segments: number; characters: number } {
  const { encoding, segments, characters } = smsLayout(text);
  return { encoding, segments, characters };
}

/** The characters that force UCS-2, each once, in order of appearance. */
export function nonGsmCharacters(text: string): string[] {
  return [...new Set([...text].filter((c) => !GSM7_BASIC.has(c) && !GSM7_EXTENSION.has(c)))];
}
