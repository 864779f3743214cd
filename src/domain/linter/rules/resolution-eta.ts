import { NEG_EN, NEG_FR, NEG_GAP, TIME_EN, TIME_FR, WHEN_EN, WHEN_FR } from '../text/lexicon.ts';
import { dataRule, inStages } from './internal.ts';

const GAP = String.raw`[^.!?;\n]{0,30}?`;
const RESTORED_FR = String.raw`(?:rétablie?s?|résolue?s?|réparée?s?|corrigée?s?|disponibles?|opérationnel(?:le)?s?|accessibles?|fonctionnel(?:le)?s?|revenue?s? à la normale)`;
const RESTORED_EN = String.raw`(?:restored|resolved|fixed|back(?: up| online| to normal)?|available again|operational|up and running)`;

export const resolutionEta = dataRule({
  id: 'resolution-eta',
  category: 'structure',
  severity: 'warning',
  doctrine: '§2 — no promise that may not hold a few hours later',
  summary: {
    fr: 'Une heure de rétablissement promise alors que l\'équipe ne peut pas la connaître : annoncez plutôt l\'heure du prochain point.',
    en: 'A promised fix time the team cannot know: announce the time of the next update instead.',
  },
  appliesTo: inStages('first', 'update', 'identified', 'monitoring', 'rumor_correction'),
  packs: {
    fr: {
      patterns: [
        String.raw`(?:sera|seront|devrait être|devraient être|sera de nouveau|seront de nouveau|sera à nouveau) (?:pleinement |totalement |entièrement )?${RESTORED_FR}${GAP}${WHEN_FR}`,
        String.raw`(?:rétablissement|retour à la normale|résolution|réparation|remise en service) (?:est |reste )?(?:prévue?|attendue?|estimée?|annoncée?|envisagée?)${GAP}${WHEN_FR}`,
        String.raw`(?:espérons|comptons|prévoyons|pensons|devrions) (?:pouvoir )?(?:rétablir|résoudre|réparer|corriger)${GAP}${WHEN_FR}`,
        String.raw`espérer une (?:réparation|résolution|remise en service|reprise)${GAP}${WHEN_FR}`,
        String.raw`(?:prévoyons|espérons|visons|estimons|attendons) (?:un |le |une |la )?(?:rétablissement|retour à la normale|résolution|remise en service|reprise)(?: complète?| totale?)?${GAP}${WHEN_FR}`,
        String.raw`(?:d'ici|avant) (?:${TIME_FR}|ce soir|demain|la fin de (?:la )?journée),? ${GAP}(?:sera|seront|devrait être|devraient être) ${RESTORED_FR}`,
      ],
      antipatterns: [`${NEG_FR}${NEG_GAP}{hit}`],
      message: '« {hit} » promet une heure de rétablissement que l\'équipe ne peut pas encore connaître : annoncez plutôt l\'heure du prochain point.',
      examples: {
        bad: ['Le correctif est en cours ; le service [[sera rétabli à 17 h]].', 'Le [[retour à la normale est prévu d\'ici ce soir]].'],
        good: [
          'Le correctif est en cours de déploiement. Prochain point à 17 h.',
          { text: 'Nous ne savons pas encore si le service sera rétabli avant ce soir ; prochain point à 17 h.', guards: 0 },
        ],
      },
    },
    en: {
      patterns: [
        String.raw`(?:will|should|is expected to|are expected to|expect(?:ed)? to) be (?:fully |completely )?${RESTORED_EN}${GAP}${WHEN_EN}`,
        String.raw`(?:expect|plan|hope|aim) to (?:restore|resolve|fix|have (?:it|this|the service|everything) (?:fixed|restored|back))${GAP}${WHEN_EN}`,
        String.raw`(?:expect|anticipate|estimate|target)(?:ed)? (?:a )?(?:full |complete )?(?:recovery|resolution|restoration|fix|return to normal)${GAP}${WHEN_EN}`,
        String.raw`(?:eta|estimated (?:time (?:to|of) (?:resolution|recovery|restoration)|resolution time)|expected resolution)(?: is| of)?:?${GAP}${WHEN_EN}`,
        String.raw`(?:by|before) (?:${TIME_EN}|tonight|tomorrow|the end of the day),? ${GAP}(?:will|should) be ${RESTORED_EN}`,
      ],
      antipatterns: [`${NEG_EN}${NEG_GAP}{hit}`],
      message: '"{hit}" promises a fix time the team cannot know yet: announce the time of the next update instead.',
      examples: {
        bad: ['A fix is under way; service [[will be restored by 5 pm]].', 'We [[expect to restore access within two hours]].'],
        good: [
          'A fix is being deployed. Next update at 5 pm.',
          { text: 'We do not know yet whether service will be restored by tonight; next update at 5 pm.', guards: 0 },
        ],
      },
    },
  },
});
