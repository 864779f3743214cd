import type { IncidentStage, StageTexts } from './types.ts';

const nextUpdate = 'Prochain point à {{next_update}}, sur notre page d\'état et auprès du support.';

/** Written in French, not translated: what happens, who is touched, what we do, when we speak next (doctrine §2). */
export const fr: Record<IncidentStage, StageTexts> = {
  first: {
    subject: 'Incident en cours : {{components}}',
    long: `Depuis {{started_at}}, nos clients rencontrent un incident sur {{components}}. {{what}} {{?impact}}

Nos équipes sont mobilisées et recherchent la cause, que nous ne connaissons pas encore. {{?key_messages}}

Prochain point à {{next_update}}.`,
    short: '{{company}} : depuis {{started_at}}, incident sur {{components}} pour nos clients. Nos équipes sont mobilisées. {{?key_messages}} Prochain point à {{next_update}}.',
    script: `Q : Que se passe-t-il ?
R : Depuis {{started_at}}, nos clients rencontrent un incident sur {{components}}. {{what}} {{?impact}}
Q : Que faites-vous ?
R : Nos équipes sont mobilisées et recherchent la cause. Nous ne la connaissons pas encore : n'avancez aucune explication. {{?key_messages}}
Q : À qui remonter une question qui n'est pas couverte ici ?
R : Au référent de l'incident : {{referent}}.
Q : Quand en saurons-nous plus ?
R : ${nextUpdate}`,
  },
  update: {
    subject: 'Point de situation : {{components}}',
    long: `L'incident qui touche {{components}} depuis {{started_at}} est toujours en cours. {{what}} {{?impact}}

Nos équipes poursuivent leurs travaux pour rétablir le service. {{?key_messages}}

Prochain point à {{next_update}}.`,
    short: '{{company}} : l\'incident sur {{components}} est toujours en cours. Nos équipes poursuivent leurs travaux. {{?key_messages}} Prochain point à {{next_update}}.',
    script: `Q : Où en est l'incident ?
R : L'incident qui touche {{components}} depuis {{started_at}} est toujours en cours. {{what}} {{?impact}}
Q : Que faites-vous ?
R : Nos équipes poursuivent leurs travaux pour rétablir le service. {{?key_messages}}
Q : À qui remonter une question qui n'est pas couverte ici ?
R : Au référent de l'incident : {{referent}}.
Q : Quand en saurons-nous plus ?
R : ${nextUpdate}`,
  },
  identified: {
    subject: 'Cause identifiée : {{components}}',
    long: `Nous avons identifié la cause de l'incident qui touche {{components}} depuis {{started_at}}. {{what}} {{?impact}}

Nos équipes préparent le correctif. D'ici là, le service reste perturbé. {{?key_messages}}

Prochain point à {{next_update}}.`,
    short: '{{company}} : nous avons identifié la cause de l\'incident sur {{components}}. Nos équipes préparent le correctif. {{?key_messages}} Prochain point à {{next_update}}.',
    script: `Q : Où en est l'incident ?
R : Nous avons identifié la cause de l'incident qui touche {{components}} depuis {{started_at}}. {{what}} {{?impact}}
Q : Que faites-vous ?
R : Nos équipes préparent le correctif. D'ici là, le service reste perturbé : n'annoncez pas d'heure de retour à la normale. {{?key_messages}}
Q : À qui remonter une question qui n'est pas couverte ici ?
R : Au référent de l'incident : {{referent}}.
Q : Quand en saurons-nous plus ?
R : ${nextUpdate}`,
  },
  monitoring: {
    subject: 'Correctif déployé : {{components}}',
    long: `Nous avons déployé un correctif pour l'incident qui touchait {{components}} depuis {{started_at}}. Nos équipes surveillent le service pour s'assurer que le retour à la normale est durable. {{?key_messages}}

Si vous rencontrez encore un problème, contactez notre support.

Prochain point à {{next_update}}.`,
    short: '{{company}} : correctif déployé sur {{components}}. Nos équipes surveillent le service. {{?key_messages}} Prochain point à {{next_update}}.',
    script: `Q : Où en est l'incident ?
R : Nous avons déployé un correctif pour l'incident qui touchait {{components}} depuis {{started_at}}. Nos équipes surveillent le service pour s'assurer que le retour à la normale est durable. {{?key_messages}}
Q : Le client rencontre encore un problème : que faire ?
R : Notez ce qu'il constate et à quelle heure, puis transmettez-le à l'équipe technique.
Q : À qui remonter une question qui n'est pas couverte ici ?
R : Au référent de l'incident : {{referent}}.
Q : Quand en saurons-nous plus ?
R : ${nextUpdate}`,
  },
  resolved: {
    subject: 'Incident résolu : {{components}}',
    long: `L'incident qui touchait {{components}} est résolu : le service fonctionne de nouveau normalement. L'incident a duré de {{started_time}} à {{resolved_time}}. {{?key_messages}}

Nous vous prions de nous excuser pour la gêne occasionnée. Si vous rencontrez encore un problème, contactez notre support.`,
    short: '{{company}} : l\'incident sur {{components}} est résolu, le service fonctionne de nouveau normalement. Merci de votre patience et toutes nos excuses pour la gêne. {{?key_messages}}',
    script: `Q : L'incident est-il terminé ?
R : Oui. L'incident qui touchait {{components}} est résolu : le service fonctionne de nouveau normalement. L'incident a duré de {{started_time}} à {{resolved_time}}. {{?key_messages}}
Q : Le client rencontre encore un problème : que faire ?
R : Notez ce qu'il constate et à quelle heure, puis transmettez-le à l'équipe technique.
Q : Que dire au client mécontent ?
R : Présentez-lui nos excuses pour la gêne occasionnée. Un bilan de l'incident sera publié sur notre page d'état.`,
  },
  closing: {
    subject: 'Incident du {{started_date}} : ce qui s\'est passé',
    long: `Le {{started_date}}, de {{started_time}} à {{resolved_time}}, un incident a touché {{components}}. Nous vous présentons nos excuses pour la gêne occasionnée. {{?key_messages}}

La cause : {{cause}}

Ce que nous changeons pour éviter que cela se reproduise : {{corrective_actions}}

Pour toute question, contactez notre support.`,
    short: '{{company}} : bilan de l\'incident du {{started_date}} sur {{components}}, sa cause et nos actions pour éviter qu\'il se reproduise. Toutes nos excuses pour la gêne. {{?key_messages}} {{?status_page_url}}',
    script: `Q : Que s'est-il passé le {{started_date}} ?
R : De {{started_time}} à {{resolved_time}}, un incident a touché {{components}}. La cause : {{cause}}
Q : Que faites-vous pour éviter que cela se reproduise ?
R : {{corrective_actions}}
Q : Que dire au client mécontent ?
R : Présentez-lui nos excuses pour la gêne occasionnée et proposez-lui de lire le bilan publié sur notre page d'état. {{?key_messages}}`,
  },
  breach_notice: {
    subject: 'Information importante sur vos données personnelles',
    long: `Le {{started_date}}, nous avons découvert un accès non autorisé à des données de nos clients. {{impact}} Vos données en font partie : {{data_kinds}}.

Ce que cela signifie pour vous : ces données pourraient servir à des tentatives de fraude ou d'hameçonnage.

Ce que nous avons fait : {{measures}}

Ce que nous vous recommandons : changez votre mot de passe, méfiez-vous des messages qui vous demandent vos identifiants ou vos coordonnées bancaires, et surveillez vos relevés de compte.

Pour toute question, contactez notre délégué à la protection des données : {{contact}}.

Nous vous présentons nos excuses pour cette situation. {{?key_messages}}`,
    email: `Madame, Monsieur,

{{long}}

L'équipe {{company}}`,
    short: '{{company}} : un accès non autorisé a exposé des données vous concernant. Risque : tentatives de fraude ou d\'hameçonnage. Mesures prises : {{measures}} Changez votre mot de passe. Questions : contactez {{contact}}. {{?key_messages}}',
    script: `Q : Que s'est-il passé ?
R : Le {{started_date}}, nous avons découvert un accès non autorisé à des données de nos clients : {{data_kinds}}. {{impact}}
Q : Quels sont les risques pour moi ?
R : Ces données pourraient servir à des tentatives de fraude ou d'hameçonnage.
Q : Qu'avez-vous fait ?
R : {{measures}} {{?key_messages}}
Q : Que dois-je faire ?
R : Changez votre mot de passe, méfiez-vous des messages qui vous demandent vos identifiants ou vos coordonnées bancaires, et surveillez vos relevés de compte.
Q : Qui puis-je contacter ?
R : Notre délégué à la protection des données : {{contact}}.`,
  },
  compensation: {
    subject: 'Incident du {{started_date}} : notre geste pour vous',
    long: `Le {{started_date}}, un incident a touché {{components}}. Nous vous présentons nos excuses pour la gêne occasionnée. {{?key_messages}}

Pour nos clients concernés, nous avons décidé d'un geste : {{compensation}}

Pour toute question, contactez notre support.`,
    short: '{{company}} : suite à l\'incident du {{started_date}}, voici notre geste pour nos clients concernés : {{compensation}} {{?key_messages}}',
    script: `Q : Quel geste proposez-vous après l'incident du {{started_date}} ?
R : {{compensation}}
Q : Qui en bénéficie ?
R : Nos clients concernés par l'incident sur {{components}}.
Q : Que dire au client mécontent ?
R : Présentez-lui nos excuses pour la gêne occasionnée. {{?key_messages}}`,
  },
  rumor_correction: {
    subject: 'Rectification : {{components}}',
    long: `Une information erronée circule : {{rumor}}

Voici les faits : {{correction}} {{what}}

Nous tenons cette page à jour avec ce qui est confirmé. {{?key_messages}}`,
    short: '{{company}} : une information erronée circule. Les faits : {{correction}} {{?key_messages}}',
    script: `Q : J'ai lu que {{rumor}} Est-ce vrai ?
R : Non, cette information est erronée. Voici les faits : {{correction}} {{what}}
Q : Où suivre la situation ?
R : Sur notre page d'état, tenue à jour avec ce qui est confirmé. {{?key_messages}}`,
  },
};
