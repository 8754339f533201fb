import type { ChartSignal, CycleStage, Language, ReportStatus } from '@simashe/contracts';
import type { DashboardLabels } from './dashboard-chart.options';
import type { MeasureChartLabels } from './measure-chart.option';

/*
 * The one translation of what charts and the cycles dashboard say, in every supported language. The web catalogues
 * include these tables as they are (so placeholders use i18next's {{name}} syntax) and the API's exports read them
 * directly, so a chart downloaded from the server says what the screen says.
 */

export interface MeasureChartText {
  value: string;
  centre: string;
  median: string;
  upper: string;
  lower: string;
  target: string;
  movingRange: string;
  movingRangeUpper: string;
  /** The shaded act stage of a cycle; {{number}} is the cycle's number. */
  band: string;
  assessment: Record<ChartSignal['assessment'], string>;
  rules: Record<ChartSignal['rule'], string>;
}

/** Series, chart titles and table columns of the dashboard, on screen and in its PDF and CSV exports. */
export interface DashboardText {
  open: string;
  planned: string;
  stageChanges: string;
  milestonesDone: string;
  observations: string;
  stageDistribution: string;
  burndown: string;
  activity: string;
  region: string;
  pathfinder: string;
  stage: string;
  daysInStage: string;
  overdue: string;
  lastReport: string;
  meetings90: string;
  attendance90: string;
  lessons: string;
  /** {{when}} is the date and time the figures were computed. */
  generated: string;
  // Only the exports say these.
  exportTitle: string;
  allRegions: string;
  country: string;
  initiatives: string;
  reportStatus: string;
  measuresImproving: string;
  measuresConcerning: string;
}

export const STAGE_NAMES: Record<Language, Record<CycleStage | 'none', string>> = {
  en: { plan: 'Plan', act: 'Act', observe: 'Observe', reflect: 'Reflect', closed: 'Closed', none: 'No active cycle' },
  fr: { plan: 'Planifier', act: 'Agir', observe: 'Observer', reflect: 'Réfléchir', closed: 'Clôturé', none: 'Aucun cycle actif' },
  es: { plan: 'Planificar', act: 'Actuar', observe: 'Observar', reflect: 'Reflexionar', closed: 'Cerrado', none: 'Sin ciclo activo' },
  ar: { plan: 'التخطيط', act: 'التنفيذ', observe: 'الملاحظة', reflect: 'التأمل', closed: 'مغلقة', none: 'لا توجد دورة نشطة' },
};

/** A report's status, as the dashboard's "last report" column (and the reports pages) name it. */
export const REPORT_STATUS_NAMES: Record<Language, Record<ReportStatus, string>> = {
  en: { draft: 'Draft', in_review: 'In review', submitted: 'Submitted' },
  fr: { draft: 'Brouillon', in_review: 'En relecture', submitted: 'Soumis' },
  es: { draft: 'Borrador', in_review: 'En revisión', submitted: 'Presentado' },
  ar: { draft: 'مسودة', in_review: 'قيد المراجعة', submitted: 'مُقدَّم' },
};

export const MEASURE_CHART_TEXT: Record<Language, MeasureChartText> = {
  en: {
    value: 'Value',
    centre: 'Mean',
    median: 'Median',
    upper: 'Upper limit',
    lower: 'Lower limit',
    target: 'Target',
    movingRange: 'Moving range',
    movingRangeUpper: 'Moving range limit',
    band: 'Cycle {{number}} (act)',
    assessment: { improvement: 'Improvement', concern: 'Concern' },
    rules: {
      run_shift: 'shift of 6 or more points on one side of the median',
      run_trend: 'trend of 5 or more points rising or falling',
      beyond_limit: 'point beyond a control limit',
      shift_7: '7 or more points on one side of the mean',
      trend_7: '7 or more points rising or falling',
      two_of_three: '2 of 3 points beyond two sigma',
    },
  },
  fr: {
    value: 'Valeur',
    centre: 'Moyenne',
    median: 'Médiane',
    upper: 'Limite supérieure',
    lower: 'Limite inférieure',
    target: 'Cible',
    movingRange: 'Étendue mobile',
    movingRangeUpper: 'Limite de l’étendue mobile',
    band: 'Cycle {{number}} (étape Agir)',
    assessment: { improvement: 'Amélioration', concern: 'Préoccupation' },
    rules: {
      run_shift: 'déplacement de 6 points ou plus du même côté de la médiane',
      run_trend: 'tendance de 5 points ou plus en hausse ou en baisse',
      beyond_limit: 'point au-delà d’une limite de contrôle',
      shift_7: '7 points ou plus du même côté de la moyenne',
      trend_7: '7 points ou plus en hausse ou en baisse',
      two_of_three: '2 points sur 3 au-delà de deux sigma',
    },
  },
  es: {
    value: 'Valor',
    centre: 'Media',
    median: 'Mediana',
    upper: 'Límite superior',
    lower: 'Límite inferior',
    target: 'Meta',
    movingRange: 'Rango móvil',
    movingRangeUpper: 'Límite del rango móvil',
    band: 'Ciclo {{number}} (etapa Actuar)',
    assessment: { improvement: 'Mejora', concern: 'Motivo de preocupación' },
    rules: {
      run_shift: 'desplazamiento de 6 o más puntos a un mismo lado de la mediana',
      run_trend: 'tendencia de 5 o más puntos en ascenso o en descenso',
      beyond_limit: 'punto fuera de un límite de control',
      shift_7: '7 o más puntos a un mismo lado de la media',
      trend_7: '7 o más puntos en ascenso o en descenso',
      two_of_three: '2 de 3 puntos más allá de dos sigma',
    },
  },
  ar: {
    value: 'القيمة',
    centre: 'المتوسط',
    median: 'الوسيط',
    upper: 'الحد الأعلى',
    lower: 'الحد الأدنى',
    target: 'القيمة المستهدفة',
    movingRange: 'المدى المتحرك',
    movingRangeUpper: 'حد المدى المتحرك',
    band: 'الدورة {{number}} (مرحلة التنفيذ)',
    assessment: { improvement: 'تحسّن', concern: 'مصدر قلق' },
    rules: {
      run_shift: 'انزياح: 6 نقاط أو أكثر في جانب واحد من الوسيط',
      run_trend: 'اتجاه: 5 نقاط أو أكثر في صعود أو هبوط',
      beyond_limit: 'نقطة خارج أحد حدود الضبط',
      shift_7: '7 نقاط أو أكثر في جانب واحد من المتوسط',
      trend_7: '7 نقاط أو أكثر في صعود أو هبوط',
      two_of_three: 'نقطتان من أصل 3 نقاط تتجاوزان حد سيغما اثنين (2σ)',
    },
  },
};

export const DASHBOARD_TEXT: Record<Language, DashboardText> = {
  en: {
    open: 'Open milestones',
    planned: 'Planned to remain open',
    stageChanges: 'Stage changes',
    milestonesDone: 'Milestones done',
    observations: 'Observations',
    stageDistribution: 'Current stages',
    burndown: 'Milestone burn-down',
    activity: 'Activity per week',
    region: 'WHO region',
    pathfinder: 'Pathfinder',
    stage: 'Stage',
    daysInStage: 'Days in stage',
    overdue: 'Overdue milestones',
    lastReport: 'Last report',
    meetings90: 'Meetings (90 days)',
    attendance90: 'Attendance (90 days)',
    lessons: 'Lessons published',
    generated: 'Figures as of {{when}}',
    exportTitle: 'Action-learning cycles dashboard',
    allRegions: 'All regions',
    country: 'Country',
    initiatives: 'Initiatives',
    reportStatus: 'Report status',
    measuresImproving: 'Measures improving',
    measuresConcerning: 'Measures of concern',
  },
  fr: {
    open: 'Jalons ouverts',
    planned: 'Encore ouverts selon le plan',
    stageChanges: 'Changements d’étape',
    milestonesDone: 'Jalons terminés',
    observations: 'Observations',
    stageDistribution: 'Étapes actuelles',
    burndown: 'Graphique d’avancement (burn-down) des jalons',
    activity: 'Activité par semaine',
    region: 'Région OMS',
    pathfinder: 'Pays pionnier',
    stage: 'Étape',
    daysInStage: 'Jours à cette étape',
    overdue: 'Jalons en retard',
    lastReport: 'Dernier rapport',
    meetings90: 'Réunions (90 jours)',
    attendance90: 'Participation (90 jours)',
    lessons: 'Enseignements publiés',
    generated: 'Chiffres au {{when}}',
    exportTitle: 'Tableau de bord des cycles d’apprentissage par l’action',
    allRegions: 'Toutes les régions',
    country: 'Pays',
    initiatives: 'Initiatives',
    reportStatus: 'Statut du rapport',
    measuresImproving: 'Indicateurs en amélioration',
    measuresConcerning: 'Indicateurs préoccupants',
  },
  es: {
    open: 'Hitos abiertos',
    planned: 'Abiertos según lo previsto',
    stageChanges: 'Cambios de etapa',
    milestonesDone: 'Hitos completados',
    observations: 'Observaciones',
    stageDistribution: 'Etapas actuales',
    burndown: 'Gráfico de trabajo pendiente (burn-down) de los hitos',
    activity: 'Actividad por semana',
    region: 'Región de la OMS',
    pathfinder: 'País pionero',
    stage: 'Etapa',
    daysInStage: 'Días en la etapa',
    overdue: 'Hitos atrasados',
    lastReport: 'Último informe',
    meetings90: 'Reuniones (90 días)',
    attendance90: 'Asistencia (90 días)',
    lessons: 'Lecciones publicadas',
    generated: 'Cifras al {{when}}',
    exportTitle: 'Panel de control de los ciclos de aprendizaje en la acción',
    allRegions: 'Todas las regiones',
    country: 'País',
    initiatives: 'Iniciativas',
    reportStatus: 'Estado del informe',
    measuresImproving: 'Indicadores en mejora',
    measuresConcerning: 'Indicadores preocupantes',
  },
  ar: {
    open: 'المعالم الرئيسية المفتوحة',
    planned: 'المخطط أن تبقى مفتوحة',
    stageChanges: 'تغييرات المراحل',
    milestonesDone: 'المعالم الرئيسية المنجزة',
    observations: 'الملاحظات',
    stageDistribution: 'المراحل الحالية',
    burndown: 'مخطط الإنجاز التنازلي (burn-down) للمعالم الرئيسية',
    activity: 'النشاط الأسبوعي',
    region: 'إقليم منظمة الصحة العالمية',
    pathfinder: 'البلد الرائد',
    stage: 'المرحلة',
    daysInStage: 'الأيام في المرحلة',
    overdue: 'المعالم الرئيسية المتأخرة',
    lastReport: 'آخر تقرير',
    meetings90: 'الاجتماعات (90 يومًا)',
    attendance90: 'الحضور (90 يومًا)',
    lessons: 'الدروس المنشورة',
    generated: 'الأرقام حتى {{when}}',
    exportTitle: 'لوحة متابعة دورات التعلّم من خلال العمل',
    allRegions: 'جميع الأقاليم',
    country: 'البلد',
    initiatives: 'المبادرات',
    reportStatus: 'حالة التقرير',
    measuresImproving: 'المؤشرات في تحسّن',
    measuresConcerning: 'المؤشرات المثيرة للقلق',
  },
};

/** Fills {{name}} placeholders, as i18next does for the web. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/**
 * Numbers and dates through Intl in the reader's language, as the web formats them (digits, separators, month
 * names and, in Arabic, the direction marks). Dates here are calendar days (YYYY-MM-DD), so they are read in UTC.
 */
export function chartFormats(language: Language): { number: (value: number) => string; date: (iso: string) => string; week: (iso: string) => string } {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 4 });
  const date = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const week = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone: 'UTC' });
  const day = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return { number: (value) => number.format(value), date: (iso) => date.format(day(iso)), week: (iso) => week.format(day(iso)) };
}

/** Everything a measure chart says, for a reader of `language`. */
export function chartLabels(language: Language): MeasureChartLabels {
  const text = MEASURE_CHART_TEXT[language];
  const { number, date } = chartFormats(language);
  return {
    value: text.value,
    centre: text.centre,
    median: text.median,
    upper: text.upper,
    lower: text.lower,
    target: text.target,
    movingRange: text.movingRange,
    movingRangeUpper: text.movingRangeUpper,
    cycle: (cycle) => interpolate(text.band, { number: number(cycle) }),
    number,
    date,
  };
}

/** Everything the dashboard charts say, for a reader of `language`. */
export function dashboardLabels(language: Language): DashboardLabels {
  const text = DASHBOARD_TEXT[language];
  const { number, week } = chartFormats(language);
  return {
    stage: (stage) => STAGE_NAMES[language][stage],
    open: text.open,
    planned: text.planned,
    stageChanges: text.stageChanges,
    milestonesDone: text.milestonesDone,
    observations: text.observations,
    week,
    number,
  };
}
