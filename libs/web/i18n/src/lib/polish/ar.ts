import type { PolishTranslation } from './en';

/** تحسينات يومية (التقويم على الهاتف، البحث عن المنطقة الزمنية، الإشعارات، القوالب المدمجة)، بالعربية. */
export const polishAr: PolishTranslation = {
  calendar: {
    dayCount_zero: 'لا اجتماعات في {{date}}',
    dayCount_one: 'اجتماع واحد في {{date}}: اعرض اليوم',
    dayCount_two: 'اجتماعان في {{date}}: اعرض اليوم',
    dayCount_few: '{{count}} اجتماعات في {{date}}: اعرض اليوم',
    dayCount_many: '{{count}} اجتماعًا في {{date}}: اعرض اليوم',
    dayCount_other: '{{count}} اجتماع في {{date}}: اعرض اليوم',
    noMeetings: 'لا اجتماعات',
    nowAt: 'الآن، {{time}}',
  },
  zonePicker: {
    keys: 'تختار الكتابة أول نتيجة مطابقة؛ وتنقّل السهمان لأعلى ولأسفل بين النتائج.',
    selected: 'المنطقة المختارة: {{zone}}.',
    none: 'لا توجد منطقة زمنية مطابقة؛ تبقى {{zone}} مختارة.',
  },
  notices: {
    meetingInvitation: { title: 'دعوة: {{meeting}}', body: '{{organiser}} · {{when}}', bodyRepeats: '{{organiser}} · {{when}} · متكرر' },
    rsvpReminder: { title: 'هل ستحضر؟ {{meeting}}', body: 'يسأل {{organiser}} عمّا إذا كنت ستحضر · {{when}}' },
    meetingReminder: { title: 'تذكير: {{meeting}}', body: 'يبدأ {{when}}', bodyLink: 'يبدأ {{when}} · {{link}}' },
    reviewRequested: { title: 'طلب منك {{name}} مراجعة «{{report}}»', body: '{{organisation}}، الفترة من {{start}} إلى {{end}}' },
    reportSubmitted: { title: 'قدّمت {{organisation}} «{{report}}»', body: 'الفترة من {{start}} إلى {{end}}' },
    discussionMention: { title: 'أشار إليك {{name}} في «{{thread}}»' },
    discussionReply: { title: 'ردّ {{name}} في «{{thread}}»' },
    commentMention: { title: 'أشار إليك {{name}} في تعليق على «{{report}}»' },
    reportMention: { title: 'أشار إليك {{name}} في «{{report}}»' },
    steeringAppointed: { title: 'عيّنك {{name}} في اللجنة التوجيهية لشبكة HIM', body: 'يمكنك الآن الاطلاع على الدعوات الموجّهة إلى المؤسسات الأعضاء وتقييم طلباتها.' },
  },
  templates: {
    progress: 'تقرير التقدّم في SIMASHE',
    blank: 'تقرير فارغ',
  },
};
