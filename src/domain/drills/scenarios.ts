import type { Scenario } from './scenario.ts';

/**
 * The scenario library, written from the doctrine's source cases (/work/shared/seeds): each a
 * timeline of injects in drill minutes and what the cell is expected to do.
 */
export const scenarios: readonly Scenario[] = [
  {
    key: 'national-mobile-outage',
    source: 'Orange, 6 July 2012 (seed 000)',
    title: { fr: 'Panne nationale du réseau mobile', en: 'National mobile network outage' },
    briefing: {
      fr: 'Samedi, 15 h 10 : les abonnés mobiles ne peuvent plus appeler, envoyer de SMS ni utiliser l’internet mobile, partout en France. La cause est inconnue. En 2012, la première déclaration officielle d’Orange est arrivée trois heures et demie plus tard, et un jeu-concours est parti sur Facebook pendant la panne. Faites mieux : un premier message sobre dans les 30 minutes, l’heure du prochain point, et aucune publication promotionnelle.',
      en: 'Saturday, 3:10 pm: mobile customers can no longer call, text or use mobile internet anywhere in the country. The cause is unknown. In 2012 Orange’s first official statement came three and a half hours later, and a contest post went out on Facebook during the outage. Do better: a sober first message within 30 minutes, the time of the next update, and nothing promotional.',
    },
    impact: 'critical',
    incidentName: { fr: 'Appels, SMS et internet mobile indisponibles', en: 'Calls, texts and mobile internet unavailable' },
    components: [
      { role: 'voice', name: { fr: 'Appels mobiles', en: 'Mobile calls' } },
      { role: 'sms', name: { fr: 'SMS', en: 'Text messages' } },
      { role: 'data', name: { fr: 'Internet mobile', en: 'Mobile internet' } },
    ],
    firstMessageMinutes: 30,
    durationMinutes: 240,
    personalDataBreach: false,
    injects: [
      { key: 'alert-core', atMinute: 0, kind: 'alert', from: { fr: 'Supervision réseau', en: 'Network operations centre' }, text: { fr: 'Échec massif des enregistrements sur le cœur de réseau : appels, SMS et données en échec sur tout le territoire.', en: 'Mass registration failures on the core network: calls, texts and data failing nationwide.' }, expects: { fr: 'Nommer un référent et ouvrir la fiche de faits.', en: 'Name a referent and open the fact sheet.' } },
      { key: 'social-anger', atMinute: 10, kind: 'social_post', from: { fr: '@abonne_furieux', en: '@angry_customer' }, text: { fr: 'Plus de réseau depuis 15 h, aucune info nulle part. Ils se moquent de nous ?', en: 'No network since 3 pm, no word anywhere. Are they laughing at us?' }, expects: { fr: 'Écouter, ne pas répondre au cas par cas avant le premier message.', en: 'Listen; do not answer one by one before the first message.' } },
      { key: 'press-afp', atMinute: 20, kind: 'press_call', from: { fr: 'Agence de presse', en: 'News agency' }, text: { fr: 'Une journaliste demande combien d’abonnés sont touchés et si c’est une cyberattaque.', en: 'A reporter asks how many customers are affected and whether it is a cyberattack.' }, expects: { fr: 'Répondre avec les éléments de langage ; ne pas spéculer sur la cause.', en: 'Answer with the key messages; do not speculate on the cause.' } },
      { key: 'marketing-post', atMinute: 45, kind: 'internal_note', from: { fr: 'Équipe marketing', en: 'Marketing team' }, text: { fr: 'Le résultat du jeu-concours est programmé sur Facebook à 16 h. On le laisse partir ?', en: 'The contest result is scheduled on Facebook at 4 pm. Do we let it go?' }, expects: { fr: 'Suspendre toute publication promotionnelle pendant l’incident.', en: 'Hold every promotional post during the incident.' } },
      { key: 'alert-cause', atMinute: 70, kind: 'alert', from: { fr: 'Supervision réseau', en: 'Network operations centre' }, text: { fr: 'Cause identifiée : une mise à jour logicielle des serveurs d’enregistrement. Retour arrière en cours.', en: 'Cause identified: a software update of the registration servers. Rollback under way.' }, expects: { fr: 'Mettre à jour le public à l’heure promise, cause en mots simples.', en: 'Update the public at the promised time, cause in plain words.' } },
      { key: 'minister', atMinute: 110, kind: 'regulator_question', from: { fr: 'Cabinet de la ministre du numérique', en: 'Digital minister’s office' }, text: { fr: 'La ministre se rend au centre de supervision ce soir et demande un point écrit.', en: 'The minister visits the operations centre tonight and asks for a written briefing.' }, expects: { fr: 'Un point écrit cohérent avec le message public.', en: 'A written briefing consistent with the public message.' } },
      { key: 'social-compensation', atMinute: 150, kind: 'social_post', from: { fr: '@association_conso', en: '@consumer_group' }, text: { fr: 'On exige un dédommagement pour les 26 millions d’abonnés privés de réseau.', en: 'We demand compensation for the 26 million customers left without service.' }, expects: { fr: 'Ne pas promettre ce qui n’est pas décidé ; annoncer quand ce sera dit.', en: 'Promise nothing not decided; say when it will be announced.' } },
      { key: 'alert-recovery', atMinute: 200, kind: 'alert', from: { fr: 'Supervision réseau', en: 'Network operations centre' }, text: { fr: 'Voix et SMS rétablis ; l’internet mobile revient progressivement.', en: 'Voice and texts restored; mobile internet is coming back gradually.' }, expects: { fr: 'Dire ce qui est rétabli et ce qui ne l’est pas encore.', en: 'Say what is restored and what is not yet.' } },
    ],
  },
  {
    key: 'datacenter-fire',
    source: 'OVHcloud Strasbourg fire, 10 March 2021 (seed 001)',
    title: { fr: 'Incendie de datacenter et perte de données', en: 'Datacenter fire with data loss' },
    briefing: {
      fr: 'Nuit de mardi à mercredi : un incendie détruit une salle de votre site principal et en endommage une autre ; tout le site est mis hors tension. Des milliers de clients perdent leurs services, certains leurs données et leurs sauvegardes. Vos clients devront eux-mêmes évaluer s’ils notifient la CNIL : donnez-leur ce dont ils ont besoin. Le rythme attendu : un communiqué quotidien à heure fixe, une chronologie chiffrée, aucune promesse de restauration intenable.',
      en: 'Overnight: a fire destroys one hall of your main site and damages another; the whole site is powered off. Thousands of customers lose their services, some their data and backups. Your customers will have to decide whether to notify their data protection authority: give them what they need. Expected rhythm: a daily communiqué at a fixed time, a quantified chronology, no restoration promise you cannot keep.',
    },
    impact: 'critical',
    incidentName: { fr: 'Incendie sur le site de Strasbourg', en: 'Fire at the Strasbourg site' },
    components: [
      { role: 'hosting', name: { fr: 'Serveurs dédiés', en: 'Dedicated servers' } },
      { role: 'backups', name: { fr: 'Sauvegardes', en: 'Backups' } },
      { role: 'support', name: { fr: 'Support client', en: 'Customer support' } },
    ],
    firstMessageMinutes: 60,
    durationMinutes: 360,
    personalDataBreach: true,
    injects: [
      { key: 'alert-fire', atMinute: 0, kind: 'alert', from: { fr: 'Sécurité du site', en: 'Site security' }, text: { fr: 'Incendie déclaré dans la salle SBG2, pompiers sur place, coupure électrique de tout le site.', en: 'Fire in hall SBG2, firefighters on site, the whole site powered off.' }, expects: { fr: 'Premier message dans l’heure : ce qui se passe, qui est touché, ce qui est fait, prochain point.', en: 'First message within the hour: what is happening, who is affected, what is being done, next update.' } },
      { key: 'customer-dr', atMinute: 30, kind: 'customer_email', from: { fr: 'Client PME (hébergeur web)', en: 'SME customer (web host)' }, text: { fr: 'Nos 300 sites sont hors ligne. Faut-il activer notre plan de reprise ? Nos sauvegardes étaient chez vous.', en: 'Our 300 sites are down. Should we start our disaster recovery plan? Our backups were with you.' }, expects: { fr: 'Recommander clairement d’activer les plans de reprise.', en: 'Clearly recommend starting disaster recovery plans.' } },
      { key: 'social-seveso', atMinute: 60, kind: 'social_post', from: { fr: '@info_alsace', en: '@alsace_news' }, text: { fr: 'Le site OVH serait classé Seveso : risque de nuage toxique sur Strasbourg ?', en: 'The site is said to be a Seveso hazard: toxic cloud over Strasbourg?' }, expects: { fr: 'Corriger publiquement la fausse information, sans polémique.', en: 'Correct the false claim publicly, without polemic.' } },
      { key: 'alert-backups', atMinute: 90, kind: 'alert', from: { fr: 'Équipe stockage', en: 'Storage team' }, text: { fr: 'La salle SBG2 est détruite avec les sauvegardes qu’elle hébergeait : les données de ces clients sont perdues.', en: 'Hall SBG2 is destroyed with the backups it held: those customers’ data is lost.' }, expects: { fr: 'Dire la perte de données sans la minimiser ; marquer la fiche « données personnelles ».', en: 'State the data loss without minimizing it; flag the fact sheet for personal data.' } },
      { key: 'press-minister', atMinute: 120, kind: 'press_call', from: { fr: 'Radio nationale', en: 'National radio' }, text: { fr: 'Un ministre affirme que vos données n’étaient pas sauvegardées hors site. Vous confirmez ?', en: 'A minister claims your data was not backed up off site. Do you confirm?' }, expects: { fr: 'Réfuter avec des faits vérifiés, sans attaquer.', en: 'Refute with verified facts, without attacking.' } },
      { key: 'regulator-cnil', atMinute: 180, kind: 'regulator_question', from: { fr: 'CNIL', en: 'Data protection authority' }, text: { fr: 'Vos clients responsables de traitement doivent-ils notifier ? Quelles données ont été perdues et depuis quand ?', en: 'Must your customers (controllers) notify? Which data was lost, since when?' }, expects: { fr: 'Informer les responsables de traitement sans délai ; documenter la violation.', en: 'Inform controllers without delay; document the breach.' } },
      { key: 'internal-daily', atMinute: 240, kind: 'internal_note', from: { fr: 'Direction', en: 'Executive team' }, text: { fr: 'Le président veut une vidéo et un communiqué chaque après-midi à 16 h jusqu’au retour à la normale.', en: 'The CEO wants a video and a communiqué every afternoon at 4 pm until things are back to normal.' }, expects: { fr: 'Fixer le communiqué quotidien et s’y tenir.', en: 'Set the daily communiqué and keep to it.' } },
      { key: 'alert-restart', atMinute: 300, kind: 'alert', from: { fr: 'Exploitation', en: 'Operations' }, text: { fr: 'Redémarrage progressif des salles SBG3 et SBG4 prévu sous 7 jours.', en: 'Gradual restart of halls SBG3 and SBG4 planned within 7 days.' }, expects: { fr: 'Annoncer un calendrier prudent, pas une date ferme.', en: 'Announce a careful schedule, not a firm date.' } },
    ],
  },
  {
    key: 'customer-data-breach',
    source: 'Customer-data crises: Sony, Orange, Ashley Madison (seed 003)',
    title: { fr: 'Fuite de données clients', en: 'Customer data breach' },
    briefing: {
      fr: 'Un chercheur en sécurité vous signale qu’une base de comptes clients (noms, e-mails, mots de passe chiffrés) circule sur un forum. Le RGPD donne 72 heures à compter de la prise de connaissance pour notifier la CNIL, et les personnes doivent être informées sans délai si le risque est élevé. Attendu : ne jamais minimiser la quantité de données, expliquer les risques, donner des consignes concrètes.',
      en: 'A security researcher tells you a customer account database (names, e-mails, hashed passwords) is circulating on a forum. GDPR gives 72 hours from awareness to notify the authority, and people must be told without undue delay if the risk is high. Expected: never minimize the amount of data, explain the risks, give concrete instructions.',
    },
    impact: 'major',
    incidentName: { fr: 'Données de comptes clients exposées', en: 'Customer account data exposed' },
    components: [
      { role: 'accounts', name: { fr: 'Comptes clients', en: 'Customer accounts' } },
      { role: 'login', name: { fr: 'Connexion', en: 'Sign-in' } },
    ],
    firstMessageMinutes: 60,
    durationMinutes: 300,
    personalDataBreach: true,
    injects: [
      { key: 'alert-researcher', atMinute: 0, kind: 'alert', from: { fr: 'Chercheur en sécurité', en: 'Security researcher' }, text: { fr: 'Un extrait de 120 000 comptes (nom, e-mail, empreinte de mot de passe) est publié sur un forum.', en: 'An extract of 120,000 accounts (name, e-mail, password hash) is posted on a forum.' }, expects: { fr: 'Noter l’heure de prise de connaissance : le délai de 72 h court.', en: 'Record the time of awareness: the 72-hour clock runs.' } },
      { key: 'internal-legal', atMinute: 20, kind: 'internal_note', from: { fr: 'Direction juridique', en: 'Legal' }, text: { fr: 'On pourrait attendre la fin de l’enquête avant de dire quoi que ce soit.', en: 'We could wait for the investigation to end before saying anything.' }, expects: { fr: 'La stratégie juridique s’aligne sur la communication, elle ne la remplace pas.', en: 'The legal strategy aligns with communication, it does not replace it.' } },
      { key: 'press-tech', atMinute: 45, kind: 'press_call', from: { fr: 'Site d’actualité tech', en: 'Tech news site' }, text: { fr: 'Nous publions dans une heure. Combien de clients, et les mots de passe sont-ils en clair ?', en: 'We publish in an hour. How many customers, and are passwords in clear text?' }, expects: { fr: 'Donner les chiffres confirmés, pas moins.', en: 'Give the confirmed figures, no fewer.' } },
      { key: 'social-phishing', atMinute: 90, kind: 'social_post', from: { fr: '@victime_inquiete', en: '@worried_user' }, text: { fr: 'Je reçois un mail « de votre part » qui me demande ma carte bancaire. C’est vous ?', en: 'I got an e-mail “from you” asking for my card details. Is that you?' }, expects: { fr: 'Consignes concrètes : changer le mot de passe, se méfier du hameçonnage.', en: 'Concrete instructions: change the password, beware of phishing.' } },
      { key: 'customer-count', atMinute: 150, kind: 'alert', from: { fr: 'Équipe sécurité', en: 'Security team' }, text: { fr: 'L’analyse confirme 120 000 comptes, dont 8 000 avec numéro de téléphone.', en: 'Analysis confirms 120,000 accounts, 8,000 of them with a phone number.' }, expects: { fr: 'Mettre la fiche de faits à jour avec les chiffres confirmés.', en: 'Update the fact sheet with the confirmed figures.' } },
      { key: 'regulator-cnil', atMinute: 200, kind: 'regulator_question', from: { fr: 'CNIL', en: 'Data protection authority' }, text: { fr: 'Nous avons lu la presse. Une notification est-elle en cours ?', en: 'We read the press. Is a notification on its way?' }, expects: { fr: 'Formulaire de notification complet avant l’échéance.', en: 'Notification form complete before its deadline.' } },
      { key: 'customer-angry', atMinute: 260, kind: 'customer_email', from: { fr: 'Client', en: 'Customer' }, text: { fr: 'Pourquoi ai-je appris par la presse que mes données avaient fuité ?', en: 'Why did I learn from the press that my data leaked?' }, expects: { fr: 'Empathie, transparence, disponibilité.', en: 'Empathy, transparency, availability.' } },
    ],
  },
  {
    key: 'public-figure-rumor',
    source: 'A minister’s claim refuted by OVHcloud’s CEO; social media crises (seeds 001, 002)',
    title: { fr: 'Rumeur lancée par une personnalité', en: 'Rumor spread by a public figure' },
    briefing: {
      fr: 'Une panne courte de votre messagerie a été résolue il y a une heure. Une personnalité suivie par 400 000 personnes affirme que vous avez été piraté et que les messages des clients ont été lus. C’est faux. Attendu : corriger vite et publiquement, avec des faits, sans contre-attaque ni victimisation ; que le support, les réseaux et la page de statut disent la même chose.',
      en: 'A short outage of your mail service was fixed an hour ago. A public figure with 400,000 followers claims you were hacked and customers’ messages were read. It is false. Expected: correct it quickly and publicly, with facts, without counter-attack or victimization; support, social accounts and the status page must say the same thing.',
    },
    impact: 'minor',
    incidentName: { fr: 'Messagerie : fausse information sur un piratage', en: 'Mail: false claim of a hack' },
    components: [
      { role: 'mail', name: { fr: 'Messagerie', en: 'Mail' } },
    ],
    firstMessageMinutes: 30,
    durationMinutes: 180,
    personalDataBreach: false,
    injects: [
      { key: 'social-claim', atMinute: 0, kind: 'social_post', from: { fr: '@personnalite', en: '@public_figure' }, text: { fr: 'Piratage massif chez eux : vos mails ont été lus. Changez de fournisseur !', en: 'Massive hack over there: your mail has been read. Switch providers!' }, expects: { fr: 'Enregistrer la rumeur et vérifier les faits.', en: 'Record the rumor and check the facts.' } },
      { key: 'alert-check', atMinute: 5, kind: 'alert', from: { fr: 'Équipe sécurité', en: 'Security team' }, text: { fr: 'Aucune trace d’intrusion : la panne de ce matin venait d’un certificat expiré.', en: 'No trace of an intrusion: this morning’s outage came from an expired certificate.' }, expects: { fr: 'Préparer la correction avec les faits vérifiés.', en: 'Prepare the correction with the verified facts.' } },
      { key: 'social-shares', atMinute: 15, kind: 'social_post', from: { fr: '@relais_1', en: '@reposter_1' }, text: { fr: '12 000 partages. Ils ne disent rien, c’est donc vrai.', en: '12,000 shares. They say nothing, so it must be true.' }, expects: { fr: 'Le silence nourrit la rumeur.', en: 'Silence feeds the rumor.' } },
      { key: 'press-daily', atMinute: 25, kind: 'press_call', from: { fr: 'Quotidien national', en: 'National daily' }, text: { fr: 'Confirmez-vous le piratage évoqué par cette personnalité ?', en: 'Do you confirm the hack this public figure mentions?' }, expects: { fr: 'Démentir avec des faits, sans attaquer la personne.', en: 'Deny with facts, without attacking the person.' } },
      { key: 'internal-ceo', atMinute: 40, kind: 'internal_note', from: { fr: 'Président', en: 'CEO' }, text: { fr: 'Je veux qu’on menace de porter plainte pour diffamation dans le communiqué.', en: 'I want the statement to threaten a defamation suit.' }, expects: { fr: 'Pas de réponse juridique en guise de communication ; 3 mois pour agir en diffamation.', en: 'No legal text as communication; 3 months to act for defamation.' } },
      { key: 'customer-support', atMinute: 60, kind: 'customer_email', from: { fr: 'Support niveau 1', en: 'Level-1 support' }, text: { fr: 'Les clients appellent en masse. Que devons-nous leur dire ?', en: 'Customers are calling in droves. What do we tell them?' }, expects: { fr: 'Un script support aligné sur le message public.', en: 'A support script aligned with the public message.' } },
      { key: 'social-retract', atMinute: 120, kind: 'social_post', from: { fr: '@personnalite', en: '@public_figure' }, text: { fr: 'Il semblerait que je me sois trompé, à vérifier.', en: 'It seems I may have been wrong, to be checked.' }, expects: { fr: 'Laisser le journal des corrections faire foi.', en: 'Let the corrections log stand.' } },
    ],
  },
  {
    key: 'saas-partial-outage',
    source: 'SME incident communication (seed 004)',
    title: { fr: 'Panne partielle d’un service SaaS', en: 'SaaS partial outage' },
    briefing: {
      fr: 'L’export de factures de votre logiciel de gestion échoue pour une partie des clients ; le reste du service fonctionne. La cause n’est pas encore confirmée. Attendu : ne pas se précipiter sur des faits non confirmés, mais un premier message court dans l’heure, une mise à jour toutes les 60 à 90 minutes, chacune avec l’heure de la suivante.',
      en: 'Invoice export in your business software fails for part of your customers; the rest of the service works. The cause is not confirmed yet. Expected: do not rush out unconfirmed facts, but a short first message within the hour, an update every 60 to 90 minutes, each with the time of the next.',
    },
    impact: 'major',
    incidentName: { fr: 'Export des factures en échec', en: 'Invoice export failing' },
    components: [
      { role: 'exports', name: { fr: 'Export des factures', en: 'Invoice export' } },
      { role: 'app', name: { fr: 'Application', en: 'Application' } },
    ],
    firstMessageMinutes: 60,
    durationMinutes: 240,
    personalDataBreach: false,
    injects: [
      { key: 'alert-errors', atMinute: 0, kind: 'alert', from: { fr: 'Supervision', en: 'Monitoring' }, text: { fr: 'Taux d’erreur de 35 % sur l’export PDF des factures depuis 9 h 40.', en: '35% error rate on PDF invoice export since 9:40.' }, expects: { fr: 'Ouvrir l’incident, nommer un référent.', en: 'Open the incident, name a referent.' } },
      { key: 'customer-accountant', atMinute: 15, kind: 'customer_email', from: { fr: 'Cabinet comptable', en: 'Accounting firm' }, text: { fr: 'Clôture mensuelle aujourd’hui, impossible d’exporter. Combien de temps ?', en: 'Month-end close today, we cannot export. How long?' }, expects: { fr: 'Pas d’heure de résolution non maîtrisée.', en: 'No resolution time you do not control.' } },
      { key: 'internal-hypothesis', atMinute: 30, kind: 'internal_note', from: { fr: 'Équipe technique', en: 'Engineering' }, text: { fr: 'Hypothèse : un fournisseur de génération PDF, non confirmée.', en: 'Hypothesis: a PDF rendering provider, not confirmed.' }, expects: { fr: 'Ne pas blâmer un tiers sur une hypothèse.', en: 'Do not blame a third party on a hypothesis.' } },
      { key: 'social-question', atMinute: 50, kind: 'social_post', from: { fr: '@dirigeant_pme', en: '@sme_owner' }, text: { fr: 'Tout votre logiciel est en panne ? Je n’arrive à rien exporter.', en: 'Is your whole software down? I cannot export anything.' }, expects: { fr: 'Préciser le périmètre : seul l’export est touché.', en: 'State the scope: only export is affected.' } },
      { key: 'alert-identified', atMinute: 100, kind: 'alert', from: { fr: 'Équipe technique', en: 'Engineering' }, text: { fr: 'Cause confirmée : une file de génération saturée. Correctif déployé sur 50 % des serveurs.', en: 'Cause confirmed: a saturated rendering queue. Fix deployed on 50% of servers.' }, expects: { fr: 'Passer en « identifié », heure du prochain point.', en: 'Move to “identified”, with the next update time.' } },
      { key: 'press-trade', atMinute: 150, kind: 'press_call', from: { fr: 'Presse spécialisée', en: 'Trade press' }, text: { fr: 'Des lecteurs parlent d’une panne générale. Vous confirmez ?', en: 'Readers talk of a full outage. Do you confirm?' }, expects: { fr: 'Corriger sans généraliser.', en: 'Correct without generalizing.' } },
      { key: 'alert-recovered', atMinute: 200, kind: 'alert', from: { fr: 'Supervision', en: 'Monitoring' }, text: { fr: 'Taux d’erreur revenu à 0 % depuis 20 minutes.', en: 'Error rate back to 0% for 20 minutes.' }, expects: { fr: 'Passer en surveillance, puis message de clôture.', en: 'Move to monitoring, then a closing message.' } },
    ],
  },
];

export function findScenario(key: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.key === key);
}
