import type { MentionsTranslation } from './en';

/** Mentionner des personnes et des organisations avec « @ », en français. */
export const mentionsFr: MentionsTranslation = {
  suggestions: 'Personnes et organisations à mentionner',
  kinds: { user: 'personne', org: 'organisation' },
  typeName: 'Tapez un nom pour mentionner quelqu’un.',
  searching: 'Recherche des noms…',
  noMatch: 'Personne ne s’appelle « {{query}} ».',
  keys: 'Dans la liste des noms, les flèches choisissent, Entrée ou Tab insère et Échap ferme.',
  mentioning: 'Mentionnés :',
};
