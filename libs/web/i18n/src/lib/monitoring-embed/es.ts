import type { MonitoringEmbedTranslation } from './en';

/** Gráficos de monitoreo de desigualdades en los informes, en español. */
export const monitoringEmbedEs: MonitoringEmbedTranslation = {
  source: 'Gráfico de',
  sourceMeasure: 'Una medida de un ciclo',
  sourceMonitoring: 'Datos de monitoreo de desigualdades',
  dataset: 'Conjunto de datos',
  chooseDataset: 'Elija un conjunto de datos',
  noDatasets: 'No hay conjuntos de datos con datos que pueda leer',
  kind: 'Mostrar',
  kindDisaggregated: 'Estimaciones por subgrupo (un año)',
  kindTrend: 'Una medida resumen a lo largo de los años',
  kindMeasures: 'Tabla de medidas resumen (un año)',
  measure: 'Medida resumen',
  pin: 'Seguir mostrando la versión {{version}} (si no, el gráfico sigue las versiones nuevas)',
  insert: 'Insertar este gráfico',
  inserting: 'Insertando…',
  failed: 'No se pudo insertar el gráfico: {{message}}',
  unavailable: 'Gráfico no disponible{{title}}',
  version: 'Versión de los datos {{version}}',
  pinned: 'Versión de los datos {{version}} (fijada)',
  tableLabel: 'Medidas resumen: {{title}}',
  measureColumn: 'Medida',
  valueColumn: 'Valor',
  intervalColumn: 'Intervalo del 95 %',
  notApplicable: 'No aplicable',
  chartLabel: 'Gráfico: {{title}}',
};
