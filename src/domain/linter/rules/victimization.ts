import { dataRule } from './internal.ts';

export const victimization = dataRule({
  id: 'victimization',
  category: 'sins',
  severity: 'warning',
  doctrine: '§3 — seven sins: victimization',
  summary: {
    fr: 'Se poser en victime (« nous sommes aussi victimes », « c\'est dur pour nous aussi ») : les victimes sont les clients. Dites ce que vous faites pour eux.',
    en: 'Posing as a victim ("we are victims too", "this is hard for us too"): the victims are the customers. Say what you are doing for them.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`nous (?:sommes|avons été) (?:nous aussi|aussi|également|nous-mêmes|les premières|les principales|les vraies|les véritables) victimes`,
        String.raw`nous (?:sommes|avons été) victimes,? (?:nous aussi|aussi|également)`,
        String.raw`nous aussi,? (?:nous )?(?:subissons|sommes touchés|souffrons)`,
        String.raw`(?:ce n'est|c'est) pas facile pour nous non plus|c'est (?:dur|difficile|pénible) pour nous aussi`,
        String.raw`(?:nos équipes|nous) (?:souffrons|souffrent) autant que vous|nous sommes (?:injustement )?pris pour cible`,
      ],
      message: '« {hit} » peut se lire comme de la victimisation : les victimes sont les clients. Dites ce que vous faites pour eux.',
      examples: {
        bad: ['Comprenez que [[nous sommes nous aussi victimes]] de cette attaque.', 'Sachez-le : [[c\'est dur pour nous aussi]].'],
        good: ['Nous avons été victimes d\'une cyberattaque le 3 mars ; voici ce que cela change pour vous.', 'Nos équipes travaillent depuis cette nuit pour rétablir votre accès.'],
      },
    },
    en: {
      patterns: [
        String.raw`we (?:are|were|have been) (?:also|equally|ourselves|the real|the first|the main|the true|the biggest) victims?`,
        String.raw`we(?:'re| are| were| have been) (?:the )?victims?,? (?:too|as well|ourselves|here too)`,
        String.raw`we too are (?:suffering|victims|affected)|we suffer as much as you`,
        String.raw`(?:this|it) (?:is|has been) (?:hard|difficult|painful|tough) (?:for us|on us) too`,
        String.raw`we are being unfairly (?:targeted|blamed|singled out)`,
      ],
      message: '"{hit}" may read as victimization: the victims are the customers. Say what you are doing for them.',
      examples: {
        bad: ['Please understand that [[we are also victims]] of this attack.', 'Know this: [[it is hard for us too]].'],
        good: ['We were the victim of a cyberattack on 3 March; here is what it changes for you.', 'Our teams have been working since last night to restore your access.'],
      },
    },
  },
});
