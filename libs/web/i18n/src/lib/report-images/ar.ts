import type { ReportImagesTranslation } from './en';

/** الصور في نص التقرير، بالعربية. */
export const reportImagesAr: ReportImagesTranslation = {
  insert: 'صورة',
  insertLabel: 'إدراج صورة (PNG أو JPEG أو GIF أو WebP)',
  slash: 'صورة',
  chooseFile: 'اختر صورة لإدراجها',
  uploading: 'جارٍ رفع {{name}}…',
  uploaded: 'أُضيفت الصورة.',
  failed: 'تعذّرت إضافة {{name}}: {{reason}}',
  dismiss: 'إغلاق',
  wrongType: 'لا يمكن إضافة سوى صور PNG وJPEG وGIF وWebP (وليس SVG).',
  tooLarge: 'لا يتجاوز حجم الصورة {{size}} ميغابايت.',
  altText: 'النص البديل',
  altButton: 'نص بديل',
  altTitle: 'صِف الصورة',
  altHint: 'ما يحتاج إلى معرفته من لا يستطيع رؤية الصورة: تقرؤه قارئات الشاشة ويُحفظ في الملفات المصدَّرة.',
  altMissing: 'لا يوجد نص بديل لهذه الصورة بعد.',
  save: 'حفظ',
  tools: 'صورة',
};
