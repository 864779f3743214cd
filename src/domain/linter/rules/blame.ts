import { NEG_EN, NEG_FR, NEG_GAP } from '../text/lexicon.ts';
import { dataRule } from './internal.ts';

const THIRD_FR = String.raw`(?:notre |nos |un |une |l'|le |la |les |des |du |d'un |d'une )?(?:prestataires?|fournisseurs?|sous-traitants?|partenaires?|hébergeurs?|opérateurs?|éditeurs?|stagiaires?|employés?|salariés?|techniciens?|collaborateurs?|intérimaires?|administrateurs?)`;
const THIRD_EN = String.raw`(?:our |a |an |the |one of our )?(?:third-party |external |cloud |hosting )?(?:providers?|vendors?|suppliers?|contractors?|partners?|interns?|employees?|engineers?|technicians?|subcontractors?|staff members?|administrators?)`;

export const blame = dataRule({
  id: 'blame',
  category: 'sins',
  severity: 'warning',
  doctrine: '§3 — seven sins: scapegoating',
  summary: {
    fr: 'Désigner un coupable (prestataire, employé, client) : le bouc émissaire se retourne contre l\'entreprise. Dites ce qui s\'est passé et ce que vous faites.',
    en: 'Naming a culprit (provider, employee, customer): the scapegoat turns against the company. Say what happened and what you are doing.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`(?:la |une )?(?:faute|erreur|négligence|incompétence) (?:humaine )?(?:de |d'|du |des )${THIRD_FR}`,
        String.raw`(?:à cause|par la faute) (?:de |d'|du |des )${THIRD_FR}`,
        String.raw`(?:est|sont|était|étaient) (?:seule?s? |entièrement |uniquement |pleinement )(?:responsables?|en cause|fautifs?)`,
        String.raw`(?:ce )?n'(?:est|était) pas (?:de )?notre faute|nous n'y sommes pour rien|la faute (?:incombe|revient) à`,
        String.raw`(?:les |des |nos )?(?:clients|utilisateurs) (?:n'ont pas (?:mis à jour|suivi|respecté)|auraient dû)`,
      ],
      antipatterns: [`${NEG_FR}${NEG_GAP}{hit}`],
      message: '« {hit} » peut se lire comme la désignation d\'un coupable (bouc émissaire) : dites ce qui s\'est passé et ce que vous faites, sans accuser.',
      examples: {
        bad: ['Cette coupure est due à [[une erreur d\'un stagiaire]].', 'Nous avons été interrompus [[à cause de notre hébergeur]].'],
        good: [
          'Une panne électrique chez notre hébergeur a coupé le service ; nous avons basculé sur un second site.',
          { text: 'Ce n\'est pas la faute d\'un employé ni d\'un prestataire : nous assumons.', guards: 0 },
          { text: 'Certains messages parlent de « la faute d\'un stagiaire » : c\'est faux.', guards: 'quoted' },
        ],
      },
    },
    en: {
      patterns: [
        String.raw`(?:the |an? )?(?:fault|mistake|error|negligence|incompetence) (?:of|by) ${THIRD_EN}`,
        String.raw`(?:provider|vendor|supplier|contractor|partner|intern|employee|engineer|technician|subcontractor)(?:'s|s') (?:error|mistake|negligence|fault|incompetence)`,
        String.raw`(?:is|are|was|were) (?:solely |entirely |wholly |fully )?to blame|(?:solely|entirely|wholly) (?:responsible|at fault)|(?:entirely|solely) the fault of`,
        String.raw`(?:this |it )?(?:is|was) not our fault|the blame lies with`,
        String.raw`customers who (?:failed to|did not|didn't) (?:update|follow|read)|(?:customers|users) should have`,
      ],
      antipatterns: [`${NEG_EN}${NEG_GAP}{hit}`],
      message: '"{hit}" may read as naming a culprit (scapegoating): say what happened and what you are doing, without accusing.',
      examples: {
        bad: ['This outage was caused by [[a mistake by an intern]].', 'Our hosting provider [[is solely to blame]].'],
        good: [
          'A power failure at our hosting provider cut the service; we moved to a second site.',
          { text: 'This was not a mistake by an employee or a provider: we own it.', guards: 0 },
          { text: 'Some posts speak of "the fault of an intern": that is false.', guards: 'quoted' },
        ],
      },
    },
  },
});
