import type { Language, MeasureId } from '@simashe/contracts';
import { chartFormats, interpolate } from './chart-labels';
import type { MonitoringChartLabels } from './monitoring-chart.options';

/*
 * What the monitoring charts say, in every supported language: the web catalogue (section `monitoring`) includes
 * these tables as they are, and the API's exports can read them, so a chart rendered on the server says what the
 * screen says. Measure names follow HEAT's.
 */

export interface MonitoringChartText {
  estimate: string;
  /** The value axis of an indicator on scale 100 (a percentage). */
  estimatePercent: string;
  /** The value axis of an indicator on scale 1000 (a rate per 1,000). */
  estimatePerThousand: string;
  interval: string;
  settingAverage: string;
  noInequality: string;
  /** {{name}} is the subgroup. */
  reference: string;
}

export const MONITORING_CHART_TEXT: Record<Language, MonitoringChartText> = {
  en: { estimate: 'Estimate', estimatePercent: 'Estimate (%)', estimatePerThousand: 'Estimate (per 1,000)', interval: '95 % confidence interval', settingAverage: 'Setting average', noInequality: 'No inequality', reference: '{{name}} (reference)' },
  fr: { estimate: 'Estimation', estimatePercent: 'Estimation (%)', estimatePerThousand: 'Estimation (pour 1\u00a0000)', interval: 'Intervalle de confiance à 95 %', settingAverage: 'Moyenne du contexte', noInequality: 'Aucune inégalité', reference: '{{name}} (référence)' },
  es: { estimate: 'Estimación', estimatePercent: 'Estimación (%)', estimatePerThousand: 'Estimación (por 1000)', interval: 'Intervalo de confianza del 95 %', settingAverage: 'Promedio del entorno', noInequality: 'Sin desigualdad', reference: '{{name}} (referencia)' },
  ar: { estimate: 'التقدير', estimatePercent: 'التقدير (٪)', estimatePerThousand: 'التقدير (لكل 1000)', interval: 'فاصل الثقة 95٪', settingAverage: 'متوسط السياق', noInequality: 'لا يوجد تفاوت', reference: '{{name}} (المرجع)' },
};

/** HEAT's names of the summary measures of inequality. */
export const MEASURE_NAMES: Record<Language, Record<MeasureId, string>> = {
  en: {
    d: 'Difference',
    r: 'Ratio',
    par: 'Population attributable risk',
    paf: 'Population attributable fraction',
    sii: 'Slope index of inequality',
    rii: 'Relative index of inequality',
    aci: 'Absolute concentration index',
    rci: 'Relative concentration index',
    bgv: 'Between-group variance',
    bgsd: 'Between-group standard deviation',
    cov: 'Coefficient of variation',
    mdbu: 'Mean difference from best performing subgroup (unweighted)',
    mdbw: 'Mean difference from best performing subgroup (weighted)',
    mdmu: 'Mean difference from mean (unweighted)',
    mdmw: 'Mean difference from mean (weighted)',
    mdru: 'Mean difference from reference subgroup (unweighted)',
    mdrw: 'Mean difference from reference subgroup (weighted)',
    idisu: 'Index of disparity (unweighted)',
    idisw: 'Index of disparity (weighted)',
    ti: 'Theil index',
    mld: 'Mean log deviation',
  },
  fr: {
    d: 'Différence',
    r: 'Rapport',
    par: 'Risque attribuable dans la population',
    paf: 'Fraction attribuable dans la population',
    sii: 'Indice de pente des inégalités',
    rii: 'Indice relatif des inégalités',
    aci: 'Indice de concentration absolu',
    rci: 'Indice de concentration relatif',
    bgv: 'Variance intergroupe',
    bgsd: 'Écart type intergroupe',
    cov: 'Coefficient de variation',
    mdbu: 'Différence moyenne par rapport au sous-groupe le plus performant (non pondérée)',
    mdbw: 'Différence moyenne par rapport au sous-groupe le plus performant (pondérée)',
    mdmu: 'Différence moyenne par rapport à la moyenne (non pondérée)',
    mdmw: 'Différence moyenne par rapport à la moyenne (pondérée)',
    mdru: 'Différence moyenne par rapport au sous-groupe de référence (non pondérée)',
    mdrw: 'Différence moyenne par rapport au sous-groupe de référence (pondérée)',
    idisu: 'Indice de disparité (non pondéré)',
    idisw: 'Indice de disparité (pondéré)',
    ti: 'Indice de Theil',
    mld: 'Écart logarithmique moyen',
  },
  es: {
    d: 'Diferencia',
    r: 'Razón',
    par: 'Riesgo atribuible poblacional',
    paf: 'Fracción atribuible poblacional',
    sii: 'Índice de desigualdad de la pendiente',
    rii: 'Índice relativo de desigualdad',
    aci: 'Índice de concentración absoluto',
    rci: 'Índice de concentración relativo',
    bgv: 'Varianza entre grupos',
    bgsd: 'Desviación estándar entre grupos',
    cov: 'Coeficiente de variación',
    mdbu: 'Diferencia media respecto al subgrupo con mejor desempeño (no ponderada)',
    mdbw: 'Diferencia media respecto al subgrupo con mejor desempeño (ponderada)',
    mdmu: 'Diferencia media respecto a la media (no ponderada)',
    mdmw: 'Diferencia media respecto a la media (ponderada)',
    mdru: 'Diferencia media respecto al subgrupo de referencia (no ponderada)',
    mdrw: 'Diferencia media respecto al subgrupo de referencia (ponderada)',
    idisu: 'Índice de disparidad (no ponderado)',
    idisw: 'Índice de disparidad (ponderado)',
    ti: 'Índice de Theil',
    mld: 'Desviación logarítmica media',
  },
  ar: {
    d: 'الفرق',
    r: 'النسبة',
    par: 'الخطر المنسوب على مستوى السكان',
    paf: 'الكسر المنسوب على مستوى السكان',
    sii: 'مؤشر ميل التفاوت',
    rii: 'المؤشر النسبي للتفاوت',
    aci: 'مؤشر التركّز المطلق',
    rci: 'مؤشر التركّز النسبي',
    bgv: 'التباين بين المجموعات',
    bgsd: 'الانحراف المعياري بين المجموعات',
    cov: 'معامل الاختلاف',
    mdbu: 'متوسط الفرق عن المجموعة الفرعية الأفضل أداءً (غير مرجّح)',
    mdbw: 'متوسط الفرق عن المجموعة الفرعية الأفضل أداءً (مرجّح)',
    mdmu: 'متوسط الفرق عن المتوسط (غير مرجّح)',
    mdmw: 'متوسط الفرق عن المتوسط (مرجّح)',
    mdru: 'متوسط الفرق عن المجموعة الفرعية المرجعية (غير مرجّح)',
    mdrw: 'متوسط الفرق عن المجموعة الفرعية المرجعية (مرجّح)',
    idisu: 'مؤشر التباعد (غير مرجّح)',
    idisw: 'مؤشر التباعد (مرجّح)',
    ti: 'مؤشر ثايل',
    mld: 'متوسط الانحراف اللوغاريتمي',
  },
};

/** Everything a monitoring chart says, for a reader of `language`. */
export function monitoringChartLabels(language: Language): MonitoringChartLabels {
  const text = MONITORING_CHART_TEXT[language];
  const { number } = chartFormats(language);
  const year = new Intl.NumberFormat(language, { useGrouping: false });
  return {
    estimate: text.estimate,
    estimateAxis: (scale) => (scale === 100 ? text.estimatePercent : scale === 1000 ? text.estimatePerThousand : text.estimate),
    interval: text.interval,
    settingAverage: text.settingAverage,
    noInequality: text.noInequality,
    reference: (name) => interpolate(text.reference, { name }),
    measure: (id) => MEASURE_NAMES[language][id],
    number,
    year: (value) => year.format(value),
  };
}
