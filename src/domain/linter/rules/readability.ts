import type { LintContext } from '../context.ts';
import { countsOf, readingEase } from '../text/readability.ts';
import type { Hit } from '../rule.ts';
import { codeRule, hitAt, say } from './internal.ts';

/** Below this many words a score means little (retext-readability skips short sentences too). */
export const MIN_WORDS = 30;

/**
 * Minimum reading ease per audience. Lay readers: 40, below which Flesch calls a text "difficult"
 * (college level); only clearly dense messages are flagged, so people keep trusting the finding.
 * The same bar for Kandel–Moles, which scores like Flesch. Press and partners 30; technical
 * readers, authorities and executives 20.
 */
export function readabilityTarget(audience: string, isLay: boolean): number {
  const lay = 40;
  if (!isLay) return lay - 20;
  switch (audience) {
    case 'authorities':
    case 'executives':
      return lay - 20;
    case 'press':
    case 'partners':
      return lay - 10;
    default:
      return lay;
  }
}

function hardestSentence(ctx: LintContext): { start: number; end: number } | null {
  const field = ctx.text;
  const words = field.words();
  let worst: { start: number; end: number; score: number } | null = null;
  let next = 0;
  for (const sentence of field.sentences) {
    const first = next;
    while (next < words.length && words[next]!.start < sentence.end) next++;
    const inSentence = words.slice(first, next);
    if (inSentence.length < 5) continue;
    const score = readingEase(countsOf(field.cased, inSentence, [sentence], ctx.language), ctx.language);
    if (!worst || score < worst.score) worst = { start: sentence.start, end: sentence.end, score };
  }
  if (!worst) return null;
  let end = worst.end;
  while (end > worst.start && /\s/.test(field.norm[end - 1]!)) end--;
  return { start: worst.start, end };
}

export const readability = codeRule({
  id: 'readability',
  category: 'words',
  severity: 'warning',
  doctrine: '§2 — fit the audience: simple words, short sentences',
  summary: {
    fr: 'Lisibilité sous la cible du public (Kandel–Moles en français, Flesch en anglais ; plus haut = plus facile). La phrase la plus difficile est signalée.',
    en: 'Readability below the audience\'s target (Flesch in English, Kandel–Moles in French; higher = easier). The hardest sentence is flagged.',
  },
  check: (ctx) => {
    const field = ctx.text;
    const words = field.words();
    if (words.length < MIN_WORDS) return [];
    const score = readingEase(countsOf(field.cased, words, field.sentences, ctx.language), ctx.language);
    const target = readabilityTarget(ctx.audience, ctx.isLay);
    if (score >= target) return [];
    const sentence = hardestSentence(ctx) ?? { start: 0, end: field.norm.length };
    const rounded = Math.round(score);
    const hit: Hit = hitAt(
      field,
      sentence.start,
      sentence.end,
      say(ctx, {
        fr: `Lisibilité ${rounded} (Kandel–Moles) sous la cible ${target} pour ce public : raccourcissez les phrases et préférez des mots courants, à commencer par celle-ci.`,
        en: `Readability ${rounded} (Flesch) below the target ${target} for this audience: shorten sentences and prefer common words, starting with this one.`,
      }),
    );
    return [hit];
  },
  examples: {
    fr: {
      bad: [
        'Depuis 15 h 10, vous ne pouvez plus payer par carte. [[Consécutivement à une défaillance intermittente affectant simultanément plusieurs infrastructures d\'authentification interbancaire, les autorisations transactionnelles électroniques subissent actuellement des refus systématiques, indépendamment du terminal utilisé.]] Prochain point à 16 h 30.',
      ],
      good: ['Depuis 15 h 10, vous ne pouvez plus payer par carte dans nos magasins. Les espèces et les chèques restent acceptés. Nos équipes cherchent la cause avec notre banque. Nous vous dirons où nous en sommes à 16 h 30.'],
    },
    en: {
      bad: [
        'Since 3:10 pm you cannot pay by card. [[Following an intermittent malfunction simultaneously affecting several interbank authentication infrastructures, electronic transaction authorisations are systematically declined, independently of the terminal configuration.]] Next update at 4:30 pm.',
      ],
      good: ['Since 3:10 pm you cannot pay by card in our shops. Cash and cheques still work. Our team is looking for the cause with our bank. We will tell you where we stand at 4:30 pm.'],
    },
  },
});
