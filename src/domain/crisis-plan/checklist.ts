import type { Bilingual } from './roles.ts';

/**
 * The channels to have ready before the crisis (doctrine §5: a status page hosted separately with
 * subscriptions, presence on the customers' channels before the crisis, support scripts). Tocsin
 * derives what it can see in its own configuration; the rest is ticked by hand, with who and when.
 */
export const checklistItems = [
  'status_page_published',
  'status_page_hosted_separately',
  'email',
  'sms',
  'alerts_room',
  'chat',
  'social',
  'support_script',
  'press_list',
  'out_of_band_contact',
] as const;
export type ChecklistItem = (typeof checklistItems)[number];

export interface ChecklistDefinition {
  item: ChecklistItem;
  label: Bilingual;
  /**
   * derived: read from the configuration only; evidence: derived, or ticked by hand when Tocsin
   * cannot see it (e-mail and SMS are configured in the workers' environment); manual: ticked only.
   */
  source: 'derived' | 'evidence' | 'manual';
  weight: number;
  /** What the readiness list says while it is not ready. */
  missing: Bilingual;
}

export const checklistDefinitions: readonly ChecklistDefinition[] = [
  { item: 'status_page_published', label: { fr: 'Page de statut publiée', en: 'Status page published' }, source: 'derived', weight: 8, missing: { fr: 'La page de statut n’a jamais été publiée', en: 'The status page was never published' } },
  { item: 'status_page_hosted_separately', label: { fr: 'Page de statut hébergée à part', en: 'Status page hosted separately' }, source: 'derived', weight: 8, missing: { fr: 'La page de statut n’est pas hébergée à part : elle tomberait avec le service', en: 'The status page is not hosted separately: it would go down with the service' } },
  { item: 'email', label: { fr: 'E-mail (SMTP) configuré', en: 'E-mail (SMTP) configured' }, source: 'evidence', weight: 6, missing: { fr: 'Aucun e-mail n’est encore parti : vérifiez le SMTP, puis cochez', en: 'No e-mail has been sent yet: check SMTP, then tick it' } },
  { item: 'sms', label: { fr: 'SMS configuré', en: 'SMS configured' }, source: 'evidence', weight: 3, missing: { fr: 'Aucun SMS n’est encore parti : vérifiez la passerelle, puis cochez', en: 'No SMS has been sent yet: check the gateway, then tick it' } },
  { item: 'alerts_room', label: { fr: 'Salon de la cellule de crise (alertes)', en: 'Crisis cell room (alerts)' }, source: 'derived', weight: 4, missing: { fr: 'Pas de salon d’alertes pour la cellule de crise', en: 'No alerts room for the crisis cell' } },
  { item: 'chat', label: { fr: 'Webhooks de messagerie', en: 'Chat webhooks' }, source: 'derived', weight: 3, missing: { fr: 'Aucun webhook de messagerie pour les équipes', en: 'No chat webhook for the teams' } },
  { item: 'social', label: { fr: 'Comptes sociaux (jeton Mastodon…)', en: 'Social accounts (Mastodon token…)' }, source: 'evidence', weight: 3, missing: { fr: 'Aucun compte social prêt (jeton Mastodon…)', en: 'No social account ready (Mastodon token…)' } },
  { item: 'support_script', label: { fr: 'Destinataires du script support', en: 'Support script recipients' }, source: 'derived', weight: 3, missing: { fr: 'Personne ne reçoit le script du support', en: 'No one receives the support script' } },
  { item: 'press_list', label: { fr: 'Liste de contacts presse', en: 'Press contact list' }, source: 'manual', weight: 3, missing: { fr: 'Pas de liste de contacts presse', en: 'No press contact list' } },
  { item: 'out_of_band_contact', label: { fr: 'Moyen de joindre la cellule hors des outils de l’entreprise', en: 'A way to reach the cell outside the company’s own tools' }, source: 'manual', weight: 2, missing: { fr: 'Aucun moyen de joindre la cellule hors des outils de l’entreprise', en: 'No way to reach the cell outside the company’s own tools' } },
];

export function isChecklistItem(value: string): value is ChecklistItem {
  return (checklistItems as readonly string[]).includes(value);
}
