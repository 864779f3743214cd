import { dataRule } from './internal.ts';

export const legalese = dataRule({
  id: 'legalese',
  category: 'sins',
  severity: 'warning',
  doctrine: '§3 — seven sins: the legal response',
  summary: {
    fr: 'Formules juridiques dans un message au public : un texte d\'avocat se lit comme défensif, donc agressif. Le juridique relit, il n\'écrit pas.',
    en: 'Legal wording in a public message: a lawyer\'s text reads as defensive, therefore aggressive. Legal reviews, it does not write.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`conformément (?:aux|à nos) (?:conditions (?:générales|contractuelles|d'utilisation)(?: d'utilisation| de vente)?|cgu|cgv|stipulations contractuelles|dispositions (?:légales|contractuelles))|conformément à (?:l'article|la clause) [\p{L}\d.-]+`,
        String.raw`en (?:application|vertu) (?:de l'article|des articles|des dispositions|de la clause)|au titre de l'article`,
        String.raw`(?:notre|la) responsabilité ne saurait (?:être )?(?:engagée|recherchée)|ne saurait engager (?:notre|la) responsabilité`,
        String.raw`décline(?:ons|nt)? toute responsabilité|sans (?:aucune )?reconnaissance de responsabilité|sous toutes réserves`,
        String.raw`nonobstant|ci-après (?:dénommée?s?|désignée?s?)|à toutes fins utiles|les présentes|(?:en )?cas de force majeure|aux termes (?:de l'article|du contrat|des conditions)`,
      ],
      message: '« {hit} » est une formule juridique : dans un message public, elle se lit comme défensive. Parlez aux clients ; le juridique relit.',
      examples: {
        bad: ['[[Notre responsabilité ne saurait être engagée]] pour cette interruption.', '[[Conformément aux conditions générales]], aucun dédommagement n\'est dû.'],
        good: ['Nous assumons cette interruption et vous présentons nos excuses.', 'Un geste commercial sera proposé à chaque client touché.'],
      },
    },
    en: {
      patterns: [
        String.raw`pursuant to|without prejudice|without (?:any )?admission of (?:liability|fault)|hereinafter|heretofore|notwithstanding|hereby`,
        String.raw`(?:shall|will) not be (?:held )?liable|disclaims? (?:all|any) (?:liability|responsibility)|accepts? no (?:liability|responsibility)`,
        String.raw`in accordance with (?:our|the) (?:terms(?: of service| and conditions)?|sla|service level agreement|contract)`,
        String.raw`force majeure|under (?:section|clause|article) \d+`,
      ],
      message: '"{hit}" is legal wording: in a public message it reads as defensive. Talk to customers; legal reviews.',
      examples: {
        bad: ['The company [[shall not be liable]] for this interruption.', '[[In accordance with our terms of service]], no compensation is due.'],
        good: ['We own this interruption and apologise for it.', 'Every affected customer will be offered a credit.'],
      },
    },
  },
});
