import type { MentionsTranslation } from './en';

/** الإشارة إلى الأشخاص والمنظمات بـ «@»، بالعربية. */
export const mentionsAr: MentionsTranslation = {
  suggestions: 'أشخاص ومنظمات للإشارة إليهم',
  kinds: { user: 'شخص', org: 'منظمة' },
  typeName: 'اكتب اسمًا للإشارة إلى شخص ما.',
  searching: 'جارٍ البحث عن الأسماء…',
  noMatch: 'لا أحد باسم «{{query}}».',
  keys: 'في قائمة الأسماء، تختار مفاتيح الأسهم، ويُدرج Enter أو Tab، ويُغلق Escape.',
  mentioning: 'الإشارة إلى:',
};
