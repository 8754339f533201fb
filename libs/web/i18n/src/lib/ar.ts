import { accountSecurityAr } from './account-security/ar';
import { homeSectionsAr } from './home/ar';
import { REPORT_STATUS_NAMES } from '@simashe/charts';
import { auditAr } from './audit/ar';
import { commentsAr } from './comments/ar';
import { reportImagesAr } from './report-images/ar';
import { mentionsAr } from './mentions/ar';
import { historyPluralsAr } from './history-plurals/ar';
import { polishAr } from './polish/ar';
import { meetingsAr } from './meetings/ar';
import { reportWorkflowAr } from './report-workflow/ar';
import { editorAr } from './editor/ar';
import { cyclesAr } from './cycles/ar';
import { monitoringAr } from './monitoring/ar';
import { monitoringEmbedAr } from './monitoring-embed/ar';
import { resourcesAr } from './resources/ar';
import { networkAr } from './network/ar';
import { callsAr } from './calls/ar';
import { trainingAr } from './training/ar';
import { publicationsAr } from './publications/ar';
import { clientErrorsAr } from './client-errors/ar';
import { versionCompareAr } from './version-compare/ar';
import { ownedSectionsAr } from './common-extra/ar';
import type { DeepPartial } from './deep-partial';
import type { Catalogue } from './en';

export const ar: DeepPartial<Catalogue> = {
  ...ownedSectionsAr,
  app: { name: 'مساحة عمل SIMASHE', tagline: 'عمل تعاوني بشأن المحددات الاجتماعية والاقتصادية والبيئية للصحة' },
  shell: {
    skipToContent: 'انتقل إلى المحتوى الرئيسي',
    pageFailedTitle: 'تعذّر تحميل هذه الصفحة',
    pageFailedBody: 'ربما انقطع الاتصال، أو ثُبّت إصدار أحدث من مساحة العمل. أعد تحميل الصفحة؛ لن يضيع شيء مما حفظته.',
    reload: 'إعادة تحميل الصفحة',
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
    resources: 'الموارد',
    network: 'الشبكة',
    training: 'التدريب',
    publications: 'المنشورات',
  },
  comingSoon: { title: '{{module}}: قريبًا', body: 'هذا الجزء من مساحة العمل قيد الإنشاء وسيظهر في إصدار قادم.' },
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
  reports: {
    title: 'تقارير التقدّم',
    new: 'تقرير جديد',
    organisation: 'المنظمة',
    reportTitle: 'العنوان',
    periodStart: 'بداية الفترة',
    periodEnd: 'نهاية الفترة',
    template: 'القالب',
    create: 'إنشاء التقرير',
    filters: 'عوامل التصفية',
    allOrganisations: 'كل المنظمات',
    allStatuses: 'كل الحالات',
    allRegions: 'كل الأقاليم',
    year: 'السنة',
    anyYear: 'أي سنة',
    showArchived: 'إظهار التقارير المؤرشفة',
    empty: 'لا توجد تقارير مطابقة. أنشئ تقريرًا من قالب لتبدأ الكتابة المشتركة.',
    period: '{{start}} – {{end}}',
    statusHeading: 'الحالة',
    status: REPORT_STATUS_NAMES.ar,
    archived: 'مؤرشف',
    readOnly: 'للقراءة فقط',
    submittedFromRegion: 'التقارير المقدَّمة من إقليمك',
    noSubmittedFromRegion: 'لا توجد تقارير مقدَّمة من إقليمك بعد.',
    rename: 'إعادة التسمية',
    saveTitle: 'حفظ العنوان',
    sendToReview: 'إرسال للمراجعة',
    backToDraft: 'العودة إلى المسودة',
    submit: 'تقديم التقرير',
    reopen: 'إعادة الفتح (مسؤول)',
    archive: 'أرشفة',
    restore: 'استعادة',
    saveAsTemplate: 'حفظ كقالب',
    templateName: 'اسم القالب',
    templateSaved: 'حُفظ كقالب «{{name}}».',
    submittedNotice: 'هذا التقرير مقدَّم وللقراءة فقط إلى أن يعيد أحد المسؤولين فتحه.',
    readOnlyNotice: 'يمكنك قراءة هذا التقرير دون تعديله.',
  },
  export: { label: 'تنزيل', md: 'Markdown', html: 'HTML', docx: 'Word', pdf: 'PDF', versionPdf: 'تنزيل هذه النسخة (PDF)' },
  comments: commentsAr,
  reportImages: reportImagesAr,
  mentions: mentionsAr,
  historyPlurals: historyPluralsAr,
  polish: polishAr,
  meetings: meetingsAr,
  reportWorkflow: reportWorkflowAr,
  editor: editorAr,
  history: {
    title: 'السجل',
    saveVersion: 'احفظ نسخة',
    versionName: 'اسم النسخة',
    save: 'احفظ النسخة',
    empty: 'لا توجد نسخ بعد. تُحفظ النسخ تلقائيًا أثناء التحرير، أو احفظ نسخة باسم.',
    automatic: 'نسخة تلقائية',
    restoreKind: 'استعادة',
    restoredFrom: 'استعادة «{{name}}»',
    by: 'بواسطة {{name}}',
    view: 'اعرض',
    hide: 'أخفِ',
    restore: 'استعد هذه النسخة',
    confirmRestore: 'استعادة «{{name}}»؟ يُستبدل النص الحالي لدى الجميع، كتغيير جديد يمكنك التراجع عنه باستعادة أخرى.',
    restored: 'استُعيدت النسخة لدى الجميع.',
    viewing: 'عرض «{{name}}» (للقراءة فقط)',
    compare: versionCompareAr,
  },
  cycles: cyclesAr,
  monitoring: monitoringAr,
  monitoringEmbed: monitoringEmbedAr,
  resources: resourcesAr,
  network: networkAr,
  calls: callsAr,
  training: trainingAr,
  publications: publicationsAr,
  clientErrors: clientErrorsAr,
  audit: auditAr,
  accountSecurity: accountSecurityAr,
  ...homeSectionsAr,
};
