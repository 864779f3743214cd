import { NEG_GAP } from '../text/lexicon.ts';
import { dataRule } from './internal.ts';

export const noComment = dataRule({
  id: 'no-comment',
  category: 'sins',
  severity: 'error',
  doctrine: '§3 — seven sins: the absent ("no comment")',
  summary: {
    fr: '« Pas de commentaire » et ses variantes : le silence se lit comme de l\'absence. Dites ce que vous savez, ce que vous ignorez encore et quand vous reviendrez.',
    en: '"No comment" and its variants: silence reads as absence. Say what you know, what you do not know yet and when you will be back.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`sans commentaire|pas de commentaire|aucun commentaire|aucune déclaration`,
        String.raw`nous ne (?:commentons|commenterons|ferons) (?:pas|aucun)(?: de)?(?: commentaires?)?`,
        String.raw`nous n'avons rien (?:à ajouter|à dire|à déclarer|de plus à dire)`,
        String.raw`nous ne souhaitons pas (?:nous exprimer|communiquer|commenter)|nous ne communiquerons pas`,
      ],
      antipatterns: [String.raw`{hit}${NEG_GAP}(?:pour l'instant|à ce stade|avant|tant que)`],
      message: '« {hit} » : le silence se lit comme de l\'absence. Dites ce que vous savez, ce que vous ignorez encore et quand vous reviendrez.',
      examples: {
        bad: ['Interrogée sur la cause, la direction répond : [[sans commentaire]].', 'Sur la cause, [[nous n\'avons rien à ajouter]].'],
        good: [
          'Nous ne connaissons pas encore la cause ; nous publierons ce que nous savons à 17 h.',
          { text: 'Nous ne commentons pas la cause avant la fin de l\'analyse, prévue demain ; prochain point à 17 h.', guards: 0 },
        ],
      },
    },
    en: {
      patterns: [
        String.raw`no comment|no further comment|declined? to comment`,
        String.raw`we (?:do not|don't|will not|won't|cannot|can't) comment`,
        String.raw`we have nothing (?:to add|further to say|more to say|to say)`,
        String.raw`we (?:will not|won't) be (?:commenting|making any (?:statement|comment))`,
      ],
      antipatterns: [String.raw`{hit}${NEG_GAP}(?:yet|until|before|at this stage)`],
      message: '"{hit}": silence reads as absence. Say what you know, what you do not know yet, and when you will be back.',
      examples: {
        bad: ['Asked about the cause, the company said: [[no comment]].', 'On the cause, [[we have nothing to add]].'],
        good: [
          'We do not know the cause yet; we will publish what we know at 5 pm.',
          { text: 'We do not comment on the cause until the analysis ends tomorrow; next update at 5 pm.', guards: 0 },
        ],
      },
    },
  },
});
