import type { HistoryPluralsTranslation } from './en';

/** Mots comptés de l’historique d’un rapport, en français. */
export const historyPluralsFr: HistoryPluralsTranslation = {
  changes_one: '{{name}} : {{count}} modification',
  changes_many: '{{name}} : {{count}} modifications',
  changes_other: '{{name}} : {{count}} modifications',
};
