import type { MonitoringEmbedTranslation } from './en';

/** Graphiques de suivi des inégalités dans les rapports, en français. */
export const monitoringEmbedFr: MonitoringEmbedTranslation = {
  source: 'Graphique de',
  sourceMeasure: 'Une mesure de cycle',
  sourceMonitoring: 'Données de suivi des inégalités',
  dataset: 'Jeu de données',
  chooseDataset: 'Choisissez un jeu de données',
  noDatasets: 'Aucun jeu de données lisible avec des données',
  kind: 'Afficher',
  kindDisaggregated: 'Estimations par sous-groupe (une année)',
  kindTrend: 'Une mesure synthétique au fil des années',
  kindMeasures: 'Tableau des mesures synthétiques (une année)',
  measure: 'Mesure synthétique',
  pin: 'Toujours afficher la version {{version}} (sinon le graphique suit les nouvelles versions)',
  insert: 'Insérer ce graphique',
  inserting: 'Insertion…',
  failed: 'Le graphique n’a pas pu être inséré : {{message}}',
  unavailable: 'Graphique indisponible{{title}}',
  version: 'Version des données {{version}}',
  pinned: 'Version des données {{version}} (figée)',
  tableLabel: 'Mesures synthétiques : {{title}}',
  measureColumn: 'Mesure',
  valueColumn: 'Valeur',
  intervalColumn: 'Intervalle à 95 %',
  notApplicable: 'Sans objet',
  chartLabel: 'Graphique : {{title}}',
};
