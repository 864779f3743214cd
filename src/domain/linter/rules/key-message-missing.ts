import type { LintFacts } from '../types.ts';
import { contentStems, wordStem } from '../text/stems.ts';
import { absence, appended, codeRule, say } from './internal.ts';

/** Share of a key message's content words a text must carry for it to count as said. */
const COVERAGE = 0.6;

const facts: LintFacts = {
  incidentOpen: true,
  personalDataBreach: false,
  figures: {},
  affectedComponents: [],
  unconfirmed: [],
  keyMessages: [
    { text: 'La panne est d\'origine logicielle, pas un manque de capacité.', language: 'fr' },
    { text: 'The outage is caused by software, not by a lack of capacity.', language: 'en' },
  ],
};

export const keyMessageMissing = codeRule({
  id: 'key-message-missing',
  category: 'consistency',
  severity: 'warning',
  doctrine: '§4 — key messages used identically everywhere',
  summary: {
    fr: 'Un élément de langage de la fiche manque au message : les mêmes éléments partout (Orange : logiciel, pas capacité ; moyens importants).',
    en: 'A key message from the fact sheet is missing: the same key messages everywhere (Orange: software, not capacity; large means mobilised).',
  },
  appliesTo: (ctx) => ctx.channel !== 'sms' && ctx.stage !== 'maintenance_notice' && (ctx.facts?.keyMessages.some((k) => k.language === ctx.language) ?? false),
  exampleContext: { stage: 'update', facts },
  check: (ctx) => {
    const stems = new Set(ctx.text.words().map(wordStem));
    const missing = ctx
      .facts!.keyMessages.filter((k) => k.language === ctx.language)
      .filter((k) => {
        const wanted = contentStems(k.text, ctx.language);
        return wanted.length > 0 && wanted.filter((s) => stems.has(s)).length < Math.ceil(wanted.length * COVERAGE);
      });
    if (missing.length === 0) return [];
    const texts = missing.map((k) => k.text.trim());
    return [
      absence(
        ctx.text,
        say(ctx, {
          fr: `Élément${texts.length > 1 ? 's' : ''} de langage absent${texts.length > 1 ? 's' : ''} : ${texts.map((t) => `« ${t} »`).join(', ')}.`,
          en: `Key message${texts.length > 1 ? 's' : ''} missing: ${texts.map((t) => `"${t}"`).join(', ')}.`,
        }),
        appended(ctx.text, texts.join(' ')),
      ),
    ];
  },
  examples: {
    fr: {
      bad: ['Le réseau mobile est perturbé depuis 15 h 10. Prochain point à 19 h.[[]]'],
      good: ['Le réseau mobile est perturbé depuis 15 h 10. La panne est d\'origine logicielle : ce n\'est pas un manque de capacité. Prochain point à 19 h.'],
    },
    en: {
      bad: ['The mobile network has been disrupted since 3:10 pm. Next update at 7 pm.[[]]'],
      good: ['The mobile network has been disrupted since 3:10 pm. The outage is caused by software, not by a lack of capacity. Next update at 7 pm.'],
    },
  },
});
