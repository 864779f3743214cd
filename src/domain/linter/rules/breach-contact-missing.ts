import { breachContentRule } from './breach-internal.ts';

export const breachContactMissing = breachContentRule({
  id: 'breach-contact-missing',
  summary: {
    fr: 'Une notification de violation donne un contact : délégué à la protection des données, adresse, numéro (RGPD art. 34).',
    en: 'A breach notice gives a contact point: data protection officer, address, phone number (GDPR art. 34).',
  },
  present: {
    fr: [
      String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|https?://\S+|www\.\S+`,
      String.raw`(?:\+\d{2} ?|0)\d(?:[ .-]?\d{2}){4}|numéro (?:vert|gratuit|dédié)`,
      String.raw`délégué(?:e)? à la protection des données|dpo|contactez|contacter|écrivez|appelez|joindre|service client|cellule dédiée`,
    ],
    en: [
      String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|https?://\S+|www\.\S+`,
      String.raw`\+?\d[\d ().-]{7,}\d|(?:free|toll-free|dedicated) (?:phone )?(?:number|line|hotline)`,
      String.raw`data protection officer|dpo|contact (?:us|our)|write to|call (?:us|our)|reach (?:us|our)|support team|helpline|hotline`,
    ],
  },
  message: {
    fr: 'La notification ne donne pas de contact : indiquez qui joindre (délégué à la protection des données, adresse ou numéro dédié).',
    en: 'The notice gives no contact point: say whom to reach (data protection officer, dedicated address or number).',
  },
  examples: {
    fr: {
      bad: ['Le 3 mars, un accès non autorisé a exposé les adresses e-mail de 120 000 clients. Elles pourraient servir à des messages frauduleux : méfiez-vous de ceux qui demandent vos identifiants. Nous avons fermé l\'accès.[[]]'],
      good: ['Pour toute question, écrivez à notre délégué à la protection des données : dpo@example.com.'],
    },
    en: {
      bad: ['On 3 March, unauthorised access exposed the e-mail addresses of 120,000 customers. They could be used for fraudulent messages: be wary of those asking for your credentials. We have closed the access.[[]]'],
      good: ['For any question, write to our data protection officer: dpo@example.com.'],
    },
  },
});
