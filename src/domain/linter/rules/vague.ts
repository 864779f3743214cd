import { dataRule } from './internal.ts';

export const vague = dataRule({
  id: 'vague',
  category: 'words',
  severity: 'warning',
  doctrine: '§2 — tone: simple, descriptive words',
  summary: {
    fr: 'Formules vagues (« un problème technique », « dans les meilleurs délais ») : elles laissent trop de place à l\'interprétation.',
    en: 'Vague wording ("technical issues", "as soon as possible"): it leaves too much room for interpretation.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`(?:un |des |de )?(?:problèmes?|soucis|difficultés|incidents?|aléas|imprévus?|anomalies?) techniques?`,
        String.raw`(?:quelques|certaines?|diverses|des) (?:perturbations?|difficultés|soucis|problèmes|dysfonctionnements|anomalies)`,
        { pattern: String.raw`(?:certains|quelques) (?:services|clients|utilisateurs|usagers)`, severity: 'info' },
        String.raw`dans les (?:meilleurs|plus brefs) délais|au plus vite|dès que possible`,
        { pattern: String.raw`prochainement|sous peu|incessamment`, severity: 'info' },
        String.raw`une situation (?:exceptionnelle|particulière|inhabituelle)|un événement (?:technique|indépendant de notre volonté|extérieur)`,
      ],
      message: '« {hit} » reste vague : dites précisément ce qui ne fonctionne pas, pour qui, et quand.',
      examples: {
        bad: ['Nous rencontrons [[un problème technique]] sur notre site.', 'Le service sera rétabli [[dans les meilleurs délais]].'],
        good: ['Depuis 9 h 40, la connexion à l\'espace client échoue pour tous les clients.', 'Nos équipes techniques ont redémarré les serveurs de paiement.'],
      },
    },
    en: {
      patterns: [
        String.raw`(?:a |some )?technical (?:issues?|difficult(?:y|ies)|problems?|glitch(?:es)?|hitch(?:es)?)`,
        String.raw`(?:some|certain|various) (?:issues|problems|difficulties|disruptions|anomalies)`,
        { pattern: String.raw`(?:some|certain) (?:services|users|customers)`, severity: 'info' },
        String.raw`(?:experiencing|having|seeing|facing) (?:some )?(?:issues|problems|difficulties)`,
        String.raw`as soon as possible|at the earliest opportunity|in due course|asap`,
        { pattern: String.raw`shortly|soon`, severity: 'info' },
        String.raw`(?:an )?unexpected (?:event|situation)|unforeseen circumstances|circumstances beyond our control`,
      ],
      message: '"{hit}" is vague: say exactly what does not work, for whom, and since when.',
      examples: {
        bad: ['We are experiencing [[technical difficulties]] on our website.', 'Service will be restored [[as soon as possible]].'],
        good: ['Since 9:40 am, sign-in to the customer area has failed for all customers.', 'Our technical team restarted the payment servers.'],
      },
    },
  },
});
