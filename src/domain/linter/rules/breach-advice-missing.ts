import { breachContentRule } from './breach-internal.ts';

export const breachAdviceMissing = breachContentRule({
  id: 'breach-advice-missing',
  summary: {
    fr: 'Une notification de violation donne des consignes concrètes : changer de mot de passe, surveiller ses comptes, se méfier de l\'hameçonnage.',
    en: 'A breach notice gives concrete instructions: change your password, watch your accounts, beware of phishing.',
  },
  present: {
    fr: [
      String.raw`(?:changez|modifiez|changer|modifier|renouvelez|renouveler|réinitialisez|réinitialiser) (?:votre|vos|de) (?:mots? de passe|code)`,
      String.raw`(?:soyez|restez|rester|être) (?:vigilante?s?|attentive?s?|prudente?s?)|méfiez-vous|vigilance`,
      String.raw`(?:surveillez|vérifiez|surveiller|vérifier|consultez) (?:vos|votre|régulièrement vos) (?:comptes?|relevés?|opérations|transactions)`,
      String.raw`ne (?:communiquez|donnez|transmettez|cliquez) (?:jamais|pas)|nous vous (?:recommandons|conseillons|invitons) de|hameçonnage|phishing`,
      String.raw`(?:activez|activer) (?:la )?double authentification|faites opposition`,
    ],
    en: [
      String.raw`(?:change|reset|update) (?:your|the) (?:passwords?|pin|passcode)`,
      String.raw`(?:be|stay|remain) (?:alert|vigilant|careful|wary)|beware|watch out`,
      String.raw`(?:check|monitor|review|watch) (?:your|regularly your) (?:accounts?|statements?|transactions|bank)`,
      String.raw`never (?:share|give|send|click)|do not (?:share|give|click|reply)|we (?:recommend|advise|urge|encourage) (?:that )?you|phishing`,
      String.raw`(?:enable|turn on) (?:two-factor|2fa|multi-factor)|cancel your card|block your card`,
    ],
  },
  message: {
    fr: 'La notification ne donne pas de consigne concrète : dites quoi faire (changer de mot de passe, surveiller ses comptes, se méfier des messages frauduleux).',
    en: 'The notice gives no concrete instruction: say what to do (change password, watch accounts, beware of fraudulent messages).',
  },
  examples: {
    fr: {
      bad: ['Le 3 mars, un accès non autorisé a exposé les adresses e-mail de 120 000 clients. Ces adresses pourraient servir à des messages frauduleux. Nous avons fermé l\'accès et prévenu la CNIL. Questions : dpo@example.com.[[]]'],
      good: ['Le 3 mars, un accès non autorisé a exposé les adresses e-mail de 120 000 clients. Par précaution, changez votre mot de passe et méfiez-vous des messages qui vous demandent vos identifiants.'],
    },
    en: {
      bad: ['On 3 March, unauthorised access exposed the e-mail addresses of 120,000 customers. They could be used for fraudulent messages. We have closed the access and notified the regulator. Questions: dpo@example.com.[[]]'],
      good: ['On 3 March, unauthorised access exposed the e-mail addresses of 120,000 customers. As a precaution, change your password and be wary of messages asking for your credentials.'],
    },
  },
});
