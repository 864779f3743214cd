import { dataRule } from './internal.ts';

export const arrogance = dataRule({
  id: 'arrogance',
  category: 'sins',
  severity: 'warning',
  doctrine: '§3 — seven sins: arrogance',
  summary: {
    fr: 'Ton supérieur ou condescendant (« comme chacun sait », « nos systèmes sont les meilleurs », « vous auriez dû ») : il ferme la relation au moment où elle compte.',
    en: 'A superior or condescending tone ("as everyone knows", "our systems are the best", "you should have"): it closes the relationship when it matters.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`comme (?:tout le monde|chacun|vous) (?:le )?(?:sait|savez|devriez le savoir)`,
        String.raw`(?:nos|notre) (?:systèmes?|infrastructures?|services?|réseaux?|plateformes?) (?:est|sont|restent?) (?:les? meilleure?s?|infaillibles?|irréprochables?|sans égal|inégalée?s?)`,
        String.raw`(?:leader|numéro un) (?:incontesté|indiscutable)|sans égal sur le marché`,
        String.raw`(?:vous|les clients|les utilisateurs) (?:auriez|auraient) dû|il (?:vous )?suffi(?:sai)?t de lire`,
        String.raw`nous n'avons (?:pas|rien) à nous (?:excuser|reprocher)|nous n'avons (?:aucune|pas de) leçon à recevoir`,
        String.raw`nous avons (?:parfaitement|remarquablement|brillamment) géré`,
        String.raw`(?:aucun|pas un) (?:concurrent|autre opérateur|autre acteur) n'aurait fait mieux`,
      ],
      message: '« {hit} » peut se lire comme de l\'arrogance : au moment où les clients sont gênés, parlez de leur situation, pas de votre supériorité.',
      examples: {
        bad: ['[[Comme chacun sait]], nos équipes sont très compétentes.', 'Pour éviter cela, [[vous auriez dû]] mettre à jour l\'application.'],
        good: ['Nos équipes ont rétabli le service à 17 h 20 ; nous vous présentons nos excuses.', 'Mettre à jour l\'application corrige l\'affichage ; voici comment faire.'],
      },
    },
    en: {
      patterns: [
        String.raw`as (?:everyone|everybody|you) (?:knows|know|should know)`,
        String.raw`our (?:systems?|platform|infrastructure|network|services?) (?:is|are|remains?) (?:the best|flawless|infallible|second to none|unrivall?ed)`,
        String.raw`industry-leading|best-in-class|world-class|second to none|unrivall?ed`,
        String.raw`(?:you|customers|users) should have|simply (?:read|follow|check) (?:the|our) (?:docs|documentation|faq|instructions)`,
        String.raw`we have nothing to (?:apologi[sz]e for|be ashamed of)|we (?:do not|don't) owe anyone`,
        String.raw`we handled (?:this|it) (?:perfectly|flawlessly|brilliantly)`,
        String.raw`no (?:other|competitor|competing) (?:provider|company|operator)? ?could have done better`,
      ],
      message: '"{hit}" may read as arrogance: while customers are inconvenienced, talk about their situation, not your superiority.',
      examples: {
        bad: ['[[As everyone knows]], our teams are highly skilled.', 'To avoid this, [[you should have]] updated the app.'],
        good: ['Our teams restored the service at 5:20 pm; we apologise.', 'Updating the app fixes the display; here is how.'],
      },
    },
  },
});
