import type { ClientErrorsTranslation } from './en';

/** أخطاء يواجهها المتصفح في الاتصال بالخادم، بالعربية. */
export const clientErrorsAr: ClientErrorsTranslation = {
  unreachable: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وأعد المحاولة.',
  cancelled: 'أُلغي التحميل.',
  failed: 'فشل الطلب (الخطأ {{status}}). أعد المحاولة.',
};
