import { accountSecurityAr } from './account-security/ar';
import { REPORT_STATUS_NAMES } from '@simashe/charts';
import { auditAr } from './audit/ar';
import { commentsAr } from './comments/ar';
import { cyclesAr } from './cycles/ar';
import { versionCompareAr } from './version-compare/ar';
import type { DeepPartial } from './deep-partial';
import type { Catalogue } from './en';

export const ar: DeepPartial<Catalogue> = {
  app: { name: 'مساحة عمل SIMASHE', tagline: 'عمل تعاوني بشأن المحددات الاجتماعية والاقتصادية والبيئية للصحة' },
  shell: {
    skipToContent: 'انتقل إلى المحتوى الرئيسي',
    mainNavigation: 'التنقل الرئيسي',
    language: 'اللغة',
    profile: 'الملف الشخصي',
    signOut: 'تسجيل الخروج',
    signedInAs: 'تم تسجيل الدخول باسم {{name}}',
  },
  nav: {
    home: 'الرئيسية',
    reports: 'التقارير',
    meetings: 'الاجتماعات',
    lessons: 'الدروس المستفادة',
    discussions: 'المناقشات',
    cycles: 'الدورات',
    monitoring: 'الرصد',
  },
  comingSoon: { title: '{{module}}: قريبًا', body: 'هذا الجزء من مساحة العمل قيد الإنشاء وسيظهر في إصدار قادم.' },
  common: { loading: 'جارٍ التحميل…', retry: 'حاول مرة أخرى', errorTitle: 'حدث خطأ ما', backHome: 'العودة إلى الرئيسية', save: 'حفظ', cancel: 'إلغاء' },
  signIn: {
    title: 'تسجيل الدخول',
    intro: 'سجّل الدخول إلى حسابك في مساحة عمل SIMASHE.',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    submit: 'تسجيل الدخول',
    submitting: 'جارٍ تسجيل الدخول…',
    invalid: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    rateLimited: 'محاولات فاشلة كثيرة. انتظر بضع دقائق ثم حاول مرة أخرى.',
    demoHint: 'مساحة تجريبية: سجّل الدخول باستخدام kenya.admin@demo.simashe.org وكلمة المرور simashe-demo-2026.',
  },
  reports: { status: REPORT_STATUS_NAMES.ar },
  search: { countAtLeast: 'أكثر من {{count}} نتيجة: حدّد البحث لتضييقها' },
  lessons: {
    determinants: 'المحددات',
    determinant: { label: 'المحدِّد', social: 'اجتماعي', economic: 'اقتصادي', environmental: 'بيئي' },
    sectors: 'القطاعات',
    sector: {
      label: 'القطاع',
      health: 'الصحة',
      labour: 'العمل',
      housing: 'الإسكان',
      education: 'التعليم',
      social_protection: 'الحماية الاجتماعية',
      environment: 'البيئة',
      finance: 'المالية',
      local_government: 'الحكم المحلي',
      transport: 'النقل',
      agriculture: 'الزراعة',
    },
  },
  discussions: { suggestions: 'أشخاص ومنظمات للإشارة إليهم', mentionKinds: { user: 'شخص', org: 'منظمة' } },
  comments: commentsAr,
  history: {
    title: 'السجل',
    saveVersion: 'احفظ نسخة',
    versionName: 'اسم النسخة',
    save: 'احفظ النسخة',
    empty: 'لا توجد نسخ بعد. تُحفظ النسخ تلقائيًا أثناء التحرير، أو احفظ نسخة باسم.',
    automatic: 'نسخة تلقائية',
    restoreKind: 'استعادة',
    by: 'بواسطة {{name}}',
    changes: '{{name}}: {{count}} تغيير',
    view: 'اعرض',
    hide: 'أخفِ',
    restore: 'استعد هذه النسخة',
    confirmRestore: 'استعادة «{{name}}»؟ يُستبدل النص الحالي لدى الجميع، كتغيير جديد يمكنك التراجع عنه باستعادة أخرى.',
    restored: 'استُعيدت النسخة لدى الجميع.',
    viewing: 'عرض «{{name}}» (للقراءة فقط)',
    compare: versionCompareAr,
  },
  cycles: cyclesAr,
  audit: auditAr,
  accountSecurity: accountSecurityAr,
};
