import type { ClientErrorsTranslation } from './en';

/** Erreurs rencontrées par le navigateur en parlant au serveur, en français. */
export const clientErrorsFr: ClientErrorsTranslation = {
  unreachable: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  cancelled: 'L’envoi a été annulé.',
  failed: 'La requête a échoué (erreur {{status}}). Réessayez.',
};
