import { breachContentRule } from './breach-internal.ts';

export const breachMeasuresMissing = breachContentRule({
  id: 'breach-measures-missing',
  summary: {
    fr: 'Une notification de violation dit les mesures prises : accès fermé, mots de passe réinitialisés, autorité prévenue (RGPD art. 34).',
    en: 'A breach notice says what measures were taken: access closed, passwords reset, authority notified (GDPR art. 34).',
  },
  present: {
    fr: [
      String.raw`nous avons (?:immédiatement |aussitôt |déjà )?(?:bloqué|corrigé|fermé|coupé|réinitialisé|renforcé|révoqué|isolé|sécurisé|déposé plainte|notifié|informé|prévenu|signalé|mis en place|changé|désactivé|supprimé|colmaté)`,
      String.raw`(?:mesures|actions) (?:prises|engagées|mises en place|correctives|de sécurité)|plainte|(?:la )?cnil (?:a été )?(?:notifiée|informée|prévenue)|(?:notification|signalement) à la cnil`,
      String.raw`nous avons fait (?:supprimer|fermer|corriger|bloquer|retirer)|(?:informé|prévenu|notifié|saisi) la cnil`,
      String.raw`(?:ont|a) été (?:réinitialisée?s?|révoquée?s?|corrigée?s?|fermée?s?|bloquée?s?|désactivée?s?|colmatée?s?)`,
    ],
    en: [
      String.raw`(?:we have|we've|we) (?:immediately |already |since )?(?:blocked|fixed|closed|patched|reset|strengthened|revoked|isolated|secured|notified|informed|reported|filed|disabled|rotated|deployed|shut|removed)`,
      String.raw`(?:measures|steps|actions) (?:we have taken|taken|we took)|(?:has|have) been (?:patched|fixed|closed|reset|revoked|disabled|rotated|blocked)|notified the (?:ico|cnil|regulator|authorit(?:y|ies)|data protection authority|police)`,
    ],
  },
  message: {
    fr: 'La notification ne dit pas ce que vous avez fait : indiquez les mesures prises (accès fermé, mots de passe réinitialisés, autorité prévenue).',
    en: 'The notice does not say what you have done: state the measures taken (access closed, passwords reset, authority notified).',
  },
  examples: {
    fr: {
      bad: ['Le 3 mars, un accès non autorisé a exposé les adresses e-mail de 120 000 clients. Elles pourraient servir à des messages frauduleux : méfiez-vous. Questions : dpo@example.com.[[]]'],
      good: ['Nous avons fermé l\'accès le jour même et prévenu la CNIL.'],
    },
    en: {
      bad: ['On 3 March, unauthorised access exposed the e-mail addresses of 120,000 customers. They could be used for fraudulent messages: be wary. Questions: dpo@example.com.[[]]'],
      good: ['We closed the access the same day and notified the regulator.'],
    },
  },
});
