import type { Catalogue } from '../en';

/** The catalogue sections kept complete here, one file per language (the other sections live in fr.ts, es.ts, ar.ts). */
export type OwnedSections = Pick<
  Catalogue,
  'common' | 'kinds' | 'roles' | 'organisation' | 'createOrganisation' | 'discussions' | 'lessons' | 'search' | 'invitation' | 'profile'
>;

/** Every key of the English sections, as any string; extra keys are the plural categories English lacks. */
export type OwnedTranslation<T = OwnedSections> = { [K in keyof T]: T[K] extends string ? string : OwnedTranslation<T[K]> } & Record<string, unknown>;
