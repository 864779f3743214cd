import type { LintFacts } from '../types.ts';
import { HEDGE_EN, HEDGE_FR, NEG_EN, NEG_FR } from '../text/lexicon.ts';
import { compileTest } from '../text/patterns.ts';
import { contentStems, wordStem } from '../text/stems.ts';
import type { Hit } from '../rule.ts';
import { codeRule, hitAt, say } from './internal.ts';

const HEDGE = { fr: compileTest([HEDGE_FR]), en: compileTest([HEDGE_EN]) };
const NEGATION = { fr: new RegExp(NEG_FR, 'u'), en: new RegExp(NEG_EN, 'u') };

const facts: LintFacts = {
  incidentOpen: true,
  personalDataBreach: false,
  figures: {},
  affectedComponents: ['Paiement'],
  unconfirmed: ['attaque DDoS', 'a DDoS attack'],
  keyMessages: [],
};

export const unconfirmedAsFact = codeRule({
  id: 'unconfirmed-as-fact',
  category: 'promises',
  severity: 'warning',
  doctrine: '§1 — only confirmed facts; say what is not known yet',
  summary: {
    fr: 'Une hypothèse de la fiche (non confirmée) présentée comme un fait : dites que c\'est une piste, ou attendez la confirmation.',
    en: 'A hypothesis from the fact sheet (unconfirmed) stated as fact: say it is a lead, or wait for confirmation.',
  },
  appliesTo: (ctx) => (ctx.facts?.unconfirmed.length ?? 0) > 0,
  exampleContext: { stage: 'update', facts },
  check: (ctx) => {
    const hypotheses = ctx.facts!.unconfirmed.map((text) => ({ text, stems: new Set(contentStems(text, ctx.language)) })).filter((h) => h.stems.size > 0);
    if (hypotheses.length === 0) return [];
    const field = ctx.text;
    const words = field.words();
    const hits: Hit[] = [];
    let next = 0;
    for (const sentence of field.sentences) {
      const first = next;
      while (next < words.length && words[next]!.start < sentence.end) next++;
      const text = field.norm.slice(sentence.start, sentence.end);
      if (HEDGE[ctx.language].test(text) || NEGATION[ctx.language].test(text)) continue;
      const inSentence = words.slice(first, next);
      for (const hypothesis of hypotheses) {
        const found = inSentence.filter((w) => hypothesis.stems.has(wordStem(w)));
        const covered = new Set(found.map(wordStem));
        // Most of the hypothesis must be there: all of a short one, three quarters of a long one.
        const needed = hypothesis.stems.size <= 2 ? hypothesis.stems.size : Math.ceil(hypothesis.stems.size * 0.75);
        if (covered.size < needed || found.length === 0) continue;
        hits.push(
          hitAt(
            field,
            found[0]!.start,
            found.at(-1)!.end,
            say(ctx, {
              fr: `Cette phrase semble affirmer une hypothèse non confirmée de la fiche (« ${hypothesis.text} ») : présentez-la comme une piste, ou attendez la confirmation.`,
              en: `This sentence seems to state an unconfirmed hypothesis from the fact sheet ("${hypothesis.text}") as fact: present it as a lead, or wait for confirmation.`,
            }),
          ),
        );
        break;
      }
    }
    return hits;
  },
  examples: {
    fr: {
      bad: ['La coupure est due à une [[attaque DDoS]] visant nos serveurs.'],
      good: ['Nous vérifions la piste d\'une attaque DDoS ; rien n\'est confirmé à ce stade.', 'La cause est encore inconnue ; nos équipes analysent le trafic.'],
    },
    en: {
      bad: ['The interruption was caused by a [[DDoS attack]] on our servers.'],
      good: ['We are checking whether a DDoS attack is involved; nothing is confirmed yet.', 'The cause is still unknown; our teams are analysing the traffic.'],
    },
  },
});
