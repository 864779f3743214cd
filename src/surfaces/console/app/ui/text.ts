import { defineTexts } from '../i18n.ts';

export const uiText = defineTexts('ui', {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    failed: 'This did not work.',
    offline: 'Tocsin cannot be reached. Nothing was lost: try again in a moment.',
    conflict: 'Someone else changed this since you opened it. Their version is shown; apply your change again.',
    fieldErrors: 'Please correct:',
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    close: 'Fermer',
    cancel: 'Annuler',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    failed: 'Cela n’a pas fonctionné.',
    offline: 'Tocsin est injoignable. Rien n’est perdu : réessayez dans un instant.',
    conflict: 'Quelqu’un d’autre a modifié ceci depuis que vous l’avez ouvert. Sa version est affichée ; refaites votre modification.',
    fieldErrors: 'À corriger :',
  },
});
