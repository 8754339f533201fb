import type { MentionsTranslation } from './en';

/** Mencionar personas y organizaciones con «@», en español. */
export const mentionsEs: MentionsTranslation = {
  suggestions: 'Personas y organizaciones para mencionar',
  kinds: { user: 'persona', org: 'organización' },
  typeName: 'Escriba un nombre para mencionar a alguien.',
  searching: 'Buscando nombres…',
  noMatch: 'Nadie se llama «{{query}}».',
  keys: 'En la lista de nombres, las flechas eligen, Intro o Tab inserta y Escape cierra.',
  mentioning: 'Menciona a:',
};
