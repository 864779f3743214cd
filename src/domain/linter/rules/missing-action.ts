import { compileTest } from '../text/patterns.ts';
import { absence, codeRule, inStages, say } from './internal.ts';

const ACTION = {
  fr: compileTest([
    String.raw`(?:nos|les|des) (?:équipes|ingénieurs|techniciens|experts)|(?:cellule|centre) de crise|à pied d'œuvre|mettons tout en œuvre`,
    String.raw`mobilisée?s?|investigations?|analyses? (?:sont |est )?en cours|en cours (?:d'analyse|de résolution|de correction|de déploiement|de rétablissement|d'investigation|de rétablissement)`,
    String.raw`nous (?:travaillons|enquêtons|analysons|intervenons|cherchons|recherchons|déployons|rétablissons|corrigeons|redémarrons|surveillons|basculons|remplaçons|restaurons|contactons|testons|vérifions)`,
    String.raw`nous avons (?:[\p{L}]+ )?(?:identifié|déployé|appliqué|lancé|engagé|isolé|corrigé|redémarré|basculé|mis en place|ouvert|remplacé|restauré|coupé|bloqué|réinitialisé)`,
    String.raw`correctifs?|intervention|travaill(?:ent|ons) (?:à|au|sur)|(?:sont|est) (?:à l'œuvre|en train de)`,
    String.raw`(?:on|nous) s'en (?:occupe|charge)|nous nous en (?:occupons|chargeons)|(?:pris|prise) en (?:charge|main)|(?:on est|nous sommes) dessus`,
  ]),
  en: compileTest([
    String.raw`(?:our|the) (?:teams?|engineers|technicians|experts|staff|on-call)|crisis (?:cell|team|room)`,
    String.raw`(?:we are|we're|are|is) (?:actively |still |now )?(?:investigating|working|looking|deploying|rolling|restoring|fixing|monitoring|applying|analy[sz]ing|migrating|rerouting|contacting|replacing|testing)`,
    String.raw`(?:we have|we've) (?:[a-z]+ )?(?:identified|deployed|applied|started|begun|isolated|rolled|restarted|opened|engaged|escalated|moved|switched|replaced|restored|blocked|reset)`,
    String.raw`investigat(?:ions?|ing)|(?:a|the) fix(?:es)?|mitigat(?:e|ion|ing)|rolling back|on it`,
    // Any "we are …ing" but the ones that describe the trouble, not the response.
    String.raw`(?:we are|we're|we have been|we've been) (?:now |actively |still |currently )?(?!experiencing|having|seeing|facing|aware|sorry|receiving|getting)\p{L}+ing`,
  ]),
};

export const missingAction = codeRule({
  id: 'missing-action',
  category: 'structure',
  severity: 'warning',
  doctrine: '§2 — first message: what the company is doing',
  summary: {
    fr: 'Le message dit ce que l\'entreprise fait : équipes mobilisées, analyse, correctif en cours.',
    en: 'The message says what the company is doing: teams on it, investigation, fix under way.',
  },
  appliesTo: inStages('first', 'update', 'identified'),
  exampleContext: { stage: 'first' },
  check: (ctx) =>
    ACTION[ctx.language].test(ctx.text.norm)
      ? []
      : [
          absence(
            ctx.text,
            say(ctx, {
              fr: 'Le message ne semble pas dire ce que vous faites : indiquez l\'action en cours (analyse, correctif, bascule…).',
              en: 'The message does not seem to say what you are doing: state the action under way (investigation, fix, failover…).',
            }),
          ),
        ],
  examples: {
    fr: {
      bad: ['Depuis 15 h 10, le paiement par carte est indisponible pour nos clients. Prochain point à 16 h 30.[[]]'],
      good: ['Depuis 15 h 10, le paiement par carte est indisponible pour nos clients. Nos équipes analysent la cause. Prochain point à 16 h 30.'],
    },
    en: {
      bad: ['Since 3:10 pm, card payments have been unavailable for our customers. Next update at 4:30 pm.[[]]'],
      good: ['Since 3:10 pm, card payments have been unavailable for our customers. Our engineers are investigating. Next update at 4:30 pm.'],
    },
  },
});
