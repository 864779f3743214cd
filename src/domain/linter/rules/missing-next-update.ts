import { WHEN_EN, WHEN_FR } from '../text/lexicon.ts';
import { compileTest } from '../text/patterns.ts';
import { absence, appended, codeRule, inStages, say, someSentence } from './internal.ts';

const NEXT = {
  fr: compileTest([
    String.raw`prochaine?s? (?:point|mise à jour|information|communication|message|bulletin|point de situation|point d'étape|publication)`,
    String.raw`(?:nouveau|nouvelle) (?:point|mise à jour|information|message|communication)|(?:point|mise à jour) (?:à|vers|dans|d'ici|avant)`,
    String.raw`(?:nous )?(?:reviendrons vers vous|reviendrons|ferons (?:un )?(?:nouveau )?point|referons (?:un )?point|communiquerons (?:à nouveau|de nouveau)|publierons)`,
    String.raw`(?:vous )?tiendrons informée?s?|informerons`,
  ]),
  en: compileTest([
    String.raw`next update|further update|another update|new update|next (?:bulletin|statement|post)`,
    String.raw`(?:we will|we'll|will) (?:post|provide|share|send|publish|give) (?:an(?:other)?|a further|the next|more|further|a new) (?:update|information)`,
    String.raw`(?:we will|we'll) update (?:you|this page|this (?:status|incident)(?: page)?|customers)|update (?:you )?again`,
    String.raw`keep you (?:updated|informed|posted)|report back|check back`,
  ]),
};
const WHEN = { fr: compileTest([WHEN_FR]), en: compileTest([WHEN_EN]) };

export const missingNextUpdate = codeRule({
  id: 'missing-next-update',
  category: 'structure',
  severity: 'error',
  doctrine: '§1 — timing: every first or update message carries the time of the next update',
  summary: {
    fr: 'Chaque message d\'incident annonce l\'heure du prochain point : c\'est ce qui garde le lien (Orange l\'a oublié le 6 juillet 2012).',
    en: 'Every incident message announces the time of the next update: that is what keeps the link (Orange forgot it on 6 July 2012).',
  },
  appliesTo: inStages('first', 'update', 'identified', 'monitoring'),
  exampleContext: { stage: 'update', nextUpdateLabel: '16 h 30' },
  check: (ctx) => {
    const language = ctx.language;
    if (someSentence(ctx.text, NEXT[language], WHEN[language])) return [];
    const announced = NEXT[language].test(ctx.text.norm);
    const label = ctx.nextUpdateLabel?.trim();
    const suggestion = label ? appended(ctx.text, language === 'fr' ? `Prochain point à ${label}.` : `Next update at ${label}.`) : undefined;
    return [
      absence(
        ctx.text,
        announced
          ? say(ctx, {
              fr: 'Le message annonce un prochain point sans dire quand : donnez l\'heure (ex. « Prochain point à 16 h 30. »).',
              en: 'The message promises an update without saying when: give the time (e.g. "Next update at 4:30 pm.").',
            })
          : say(ctx, {
              fr: 'Le message n\'annonce pas le prochain point : dites quand vous reprendrez la parole (ex. « Prochain point à 16 h 30. »).',
              en: 'The message does not announce the next update: say when you will speak again (e.g. "Next update at 4:30 pm.").',
            }),
        suggestion,
      ),
    ];
  },
  examples: {
    fr: {
      bad: ['Le correctif est en cours de déploiement ; nous vous tiendrons informés.[[]]', 'Nos équipes sont toujours mobilisées.[[]]'],
      good: ['Le correctif est en cours de déploiement. Prochain point à 16 h 30.', 'Nos équipes sont toujours mobilisées ; nous ferons un nouveau point dans une heure.'],
    },
    en: {
      bad: [{ text: 'The fix is being deployed; we will keep you informed.[[]]', context: { nextUpdateLabel: '4:30 pm' } }, { text: 'Our teams are still on it.[[]]', context: { nextUpdateLabel: '4:30 pm' } }],
      good: ['The fix is being deployed. Next update at 4:30 pm.', 'Our teams are still on it; we will post another update within the hour.'],
    },
  },
});
