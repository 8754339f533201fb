/** Mentioning people and organisations with "@", in posts, comments and the report editor, English (the reference: fr, es and ar must have every key). */
export const mentionsEn = {
  suggestions: 'People and organisations to mention',
  kinds: { user: 'person', org: 'organisation' },
  typeName: 'Type a name to mention someone.',
  searching: 'Looking for names…',
  noMatch: 'Nobody called “{{query}}”.',
  keys: 'In the list of names, the arrow keys choose, Enter or Tab inserts and Escape closes.',
  mentioning: 'Mentioning:',
};

export type MentionsCatalogue = typeof mentionsEn;

/** Every key of the English catalogue, translated. */
export type MentionsTranslation<T = MentionsCatalogue> = { [K in keyof T]: T[K] extends string ? string : MentionsTranslation<T[K]> };
