import type { MonitoringEmbedTranslation } from './en';

/** رسوم رصد التفاوتات داخل التقارير، بالعربية. */
export const monitoringEmbedAr: MonitoringEmbedTranslation = {
  source: 'رسم بياني لـ',
  sourceMeasure: 'مقياس من دورة',
  sourceMonitoring: 'بيانات رصد التفاوتات',
  dataset: 'مجموعة البيانات',
  chooseDataset: 'اختر مجموعة بيانات',
  noDatasets: 'لا توجد مجموعة بيانات فيها بيانات يمكنك قراءتها',
  kind: 'العرض',
  kindDisaggregated: 'التقديرات حسب الفئة الفرعية (سنة واحدة)',
  kindTrend: 'مقياس موجز عبر السنوات',
  kindMeasures: 'جدول المقاييس الموجزة (سنة واحدة)',
  measure: 'المقياس الموجز',
  pin: 'الاستمرار في عرض الإصدار {{version}} (وإلا يتبع الرسم الإصدارات الجديدة)',
  insert: 'إدراج هذا الرسم البياني',
  inserting: 'جارٍ الإدراج…',
  failed: 'تعذّر إدراج الرسم البياني: {{message}}',
  unavailable: 'الرسم البياني غير متاح{{title}}',
  version: 'إصدار البيانات {{version}}',
  pinned: 'إصدار البيانات {{version}} (مثبّت)',
  tableLabel: 'المقاييس الموجزة: {{title}}',
  measureColumn: 'المقياس',
  valueColumn: 'القيمة',
  intervalColumn: 'فاصل 95٪',
  notApplicable: 'لا ينطبق',
  chartLabel: 'رسم بياني: {{title}}',
};
