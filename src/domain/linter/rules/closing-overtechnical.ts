import type { FieldText } from '../context.ts';
import type { LintLanguage } from '../types.ts';
import { allMatches, compileAlternatives } from '../text/patterns.ts';
import { codeRule, hitAt, say } from './internal.ts';
import { JARGON } from './jargon.ts';

// Technical detail beyond the jargon list: addresses, versions, error codes, durations in ms, config.
const DETAIL = compileAlternatives([
  String.raw`\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?|v?\d+\.\d+\.\d+|(?:http |erreurs? |errors? )?[45]\d\d(?= |$)|\d+ ?ms|\d+ ?(?:go|gb|mo|mb|to|tb)`,
  String.raw`(?:fichier|file) de configuration|configuration files?|(?:table|index|schéma|schema|requête|query|queries|thread|processus|process|daemon|conteneurs?|containers?|nœuds?|nodes?|serveurs? (?:primaire|secondaire|maître)|primary|secondary|master|shards?)`,
]);
/** Technical terms a lay closing can carry before it reads as a technical report. */
const LIMIT = 4;

function technicalSpans(field: FieldText, language: LintLanguage): Array<{ start: number; end: number }> {
  const jargon = allMatches(JARGON[language].combined, field.norm);
  return [...jargon, ...allMatches(DETAIL, field.norm)];
}

export const closingOvertechnical = codeRule({
  id: 'closing-overtechnical',
  category: 'closing',
  severity: 'warning',
  doctrine: '§8 — after the crisis: a synthetic explanation, no technical over-detail',
  summary: {
    fr: 'Clôture trop technique pour un public non technique : une explication synthétique suffit ; le détail va dans le bilan technique.',
    en: 'A closing too technical for a lay audience: a synthetic explanation is enough; the detail belongs in the technical review.',
  },
  appliesTo: (ctx) => ctx.stage === 'closing' && ctx.isLay,
  exampleContext: { stage: 'closing', channel: 'email' },
  check: (ctx) => {
    const field = ctx.text;
    const spans = technicalSpans(field, ctx.language);
    if (spans.length < LIMIT) return [];
    // Point at the most technical sentence.
    let best = { start: 0, end: field.norm.length, count: -1 };
    for (const sentence of field.sentences) {
      const count = spans.filter((s) => s.start >= sentence.start && s.start < sentence.end).length;
      if (count > best.count) best = { start: sentence.start, end: sentence.end, count };
    }
    let end = best.end;
    while (end > best.start && /\s/.test(field.norm[end - 1]!)) end--;
    return [
      hitAt(
        field,
        best.start,
        end,
        say(ctx, {
          fr: `La clôture compte ${spans.length} termes ou détails techniques : pour ce public, une explication synthétique suffit (le détail va dans le bilan technique), à commencer par cette phrase.`,
          en: `The closing has ${spans.length} technical terms or details: for this audience a synthetic explanation is enough (detail goes in the technical review), starting with this sentence.`,
        }),
      ),
    ];
  },
  examples: {
    fr: {
      bad: [
        'Le paiement fonctionne depuis 17 h 20. [[Un deadlock sur le cluster PostgreSQL primaire a saturé le load balancer, puis les timeouts ont dépassé 30000 ms.]] Nous vous présentons nos excuses.',
      ],
      good: [
        'Le paiement fonctionne depuis 17 h 20. Une base de données bloquée a ralenti puis interrompu les paiements. Nous avons ajouté une alerte et vous présentons nos excuses.',
        { text: 'Un deadlock sur le cluster PostgreSQL primaire a saturé le load balancer, puis les timeouts ont dépassé 30000 ms.', context: { audience: 'technical_customers' } },
      ],
    },
    en: {
      bad: [
        'Payments have worked since 5:20 pm. [[A deadlock on the primary PostgreSQL cluster saturated the load balancer, then timeouts exceeded 30000 ms.]] We apologise.',
      ],
      good: [
        'Payments have worked since 5:20 pm. A stuck database slowed then stopped payments. We have added an alert and we apologise.',
        { text: 'A deadlock on the primary PostgreSQL cluster saturated the load balancer, then timeouts exceeded 30000 ms.', context: { audience: 'technical_customers' } },
      ],
    },
  },
});
