import { dataRule } from './internal.ts';

export const counterFire = dataRule({
  id: 'counter-fire',
  category: 'sins',
  severity: 'warning',
  doctrine: '§3 — seven sins: the counter-fire',
  summary: {
    fr: 'Attaquer pour détourner l\'attention (concurrents, médias, critiques) : la contre-attaque relance la polémique. Corrigez les faits, sans viser personne.',
    en: 'Attacking to divert attention (competitors, media, critics): the counter-attack relaunches the controversy. Correct facts without targeting anyone.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`(?:contrairement|à la différence) (?:à|de) (?:nos|certains|d'autres) concurrents`,
        String.raw`(?:nos|les|certains) concurrents (?:ont|connaissent|subissent|ont connu)(?: [\p{L}'-]+){0,3}? (?:pannes|incidents|problèmes)`,
        String.raw`(?:les médias|la presse|certains (?:journalistes|médias)|les réseaux sociaux) (?:qui )?(?:exagèrent|mentent|dramatisent|s'emballent|cherchent le buzz|relaient n'importe quoi)`,
        String.raw`(?:ceux|celles|les personnes) qui nous critiquent|nos détracteurs|(?:campagne|opération) de dénigrement`,
        String.raw`le (?:vrai|véritable) scandale`,
      ],
      message: '« {hit} » peut se lire comme une contre-attaque : elle détourne l\'attention et relance la polémique. Parlez de vos clients et des faits.',
      examples: {
        bad: ['[[Contrairement à nos concurrents]], nous communiquons, nous.', 'Il faut le dire : [[les médias exagèrent]] la durée de la coupure.'],
        good: ['La coupure a duré 2 h 10, de 15 h 10 à 17 h 20.', 'Une information publiée ce matin indique 8 heures de coupure : la coupure a duré 2 h 10.'],
      },
    },
    en: {
      patterns: [
        String.raw`unlike (?:our|some|other|many) (?:competitors|rivals|providers)`,
        String.raw`(?:our |some )?(?:competitors|rivals) (?:have|had|suffer|experience|have had)(?: [\p{L}'-]+){0,3}? (?:outages|incidents|problems)`,
        String.raw`(?:the )?(?:media|press|journalists|some reporters) (?:(?:is|are) )?(?:exaggerating|lying|spreading (?:rumou?rs|lies)|sensationali[sz]ing|blowing (?:this|it) out of proportion)`,
        String.raw`those who critici[sz]e us|our critics|smear campaign`,
        String.raw`the real scandal`,
      ],
      message: '"{hit}" may read as a counter-attack: it diverts attention and relaunches the controversy. Talk about your customers and the facts.',
      examples: {
        bad: ['[[Unlike our competitors]], we actually communicate.', 'Frankly, [[the media is exaggerating]] how long it lasted.'],
        good: ['The interruption lasted 2 h 10, from 3:10 to 5:20 pm.', 'An article this morning says 8 hours: the interruption lasted 2 hours 10 minutes.'],
      },
    },
  },
});
