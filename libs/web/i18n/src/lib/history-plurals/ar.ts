import type { HistoryPluralsTranslation } from './en';

/** الكلمات المعدودة في سجل التقرير، بالعربية (الفئات الست لصيغ الجمع). */
export const historyPluralsAr: HistoryPluralsTranslation = {
  changes_zero: '{{name}}: بلا تغييرات',
  changes_one: '{{name}}: تغيير واحد',
  changes_two: '{{name}}: تغييران',
  changes_few: '{{name}}: {{count}} تغييرات',
  changes_many: '{{name}}: {{count}} تغييرًا',
  changes_other: '{{name}}: {{count}} تغيير',
};
