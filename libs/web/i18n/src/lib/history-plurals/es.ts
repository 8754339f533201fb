import type { HistoryPluralsTranslation } from './en';

/** Palabras contadas del historial de un informe, en español. */
export const historyPluralsEs: HistoryPluralsTranslation = {
  changes_one: '{{name}}: {{count}} cambio',
  changes_many: '{{name}}: {{count}} cambios',
  changes_other: '{{name}}: {{count}} cambios',
};
