import { breachContentRule } from './breach-internal.ts';

export const breachConsequencesMissing = breachContentRule({
  id: 'breach-consequences-missing',
  summary: {
    fr: 'Une notification de violation explique les conséquences et les risques pour les personnes (RGPD art. 34 ; « les consommateurs ont besoin de pédagogie »).',
    en: 'A breach notice explains the consequences and risks for the people concerned (GDPR art. 34; "consumers need explanation").',
  },
  present: {
    fr: [
      String.raw`risques?|conséquences?|usurpation|fraudes?|frauduleu(?:x|se|ses)|escroquer(?:ie|ies)`,
      String.raw`(?:pourrai(?:en)?t|peu(?:ven)?t|risquent de|risque de) (?:être )?(?:utilisée?s?|exploitée?s?|revendue?s?|publiée?s?|servir|permettre)`,
      String.raw`(?:ce que|qu')(?:cela|ceci) (?:signifie|implique|change)|ne permettent pas`,
    ],
    en: [
      String.raw`risks?|consequences?|identity theft|fraud|fraudulent|scams?`,
      String.raw`(?:could|may|might|can) (?:be )?(?:used|misused|exploited|sold|published|allow|enable|let)`,
      String.raw`what (?:this|it) means|(?:this|that) means|cannot be used`,
    ],
  },
  message: {
    fr: 'La notification n\'explique pas les conséquences : dites quels risques les personnes courent (et ceux qu\'elles ne courent pas).',
    en: 'The notice does not explain the consequences: say what risks people face (and which they do not).',
  },
  examples: {
    fr: {
      bad: ['Le 3 mars, un accès non autorisé a exposé les adresses e-mail de 120 000 clients. Changez votre mot de passe. Nous avons fermé l\'accès. Questions : dpo@example.com.[[]]'],
      good: ['Ces adresses pourraient être utilisées pour des messages frauduleux ; vos mots de passe, chiffrés, ne sont pas concernés.'],
    },
    en: {
      bad: ['On 3 March, unauthorised access exposed the e-mail addresses of 120,000 customers. Change your password. We have closed the access. Questions: dpo@example.com.[[]]'],
      good: ['These addresses could be used for fraudulent messages; your passwords, which are encrypted, are not concerned.'],
    },
  },
});
