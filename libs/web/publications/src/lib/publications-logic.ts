import {
  LINKED_ITEM_KINDS,
  PUBLICATION_KINDS,
  PUBLICATION_STATUSES,
  type LinkedItemKind,
  type ListPublicationsQuery,
  type Publication,
  type PublicationInput,
  type PublicationKind,
  type PublicationStatus,
} from '@simashe/contracts';

type PublicationAuthor = Publication['authors'][number];

/**
 * The joint publications' screen logic, apart from React so it is unit-tested: the filters kept in the address, the
 * status stepper and the status buttons, the author list (add, remove, move), the editor's state and the API's input,
 * the numbered affiliations, the DOI link and the citation downloads.
 */

// ---------- filters ⇄ query string ----------

export const FILTER_KEYS = ['q', 'status', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The filters in a page address; values the API would refuse (a stale or hand-edited link) are dropped, so the list still shows. */
export function filtersFromParams(params: URLSearchParams): ListPublicationsQuery {
  const q = params.get('q')?.trim().slice(0, 200);
  const filters: ListPublicationsQuery = { q: q || undefined, status: pick(PUBLICATION_STATUSES, params.get('status')), kind: pick(PUBLICATION_KINDS, params.get('kind')) };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ListPublicationsQuery;
}

/** The address's query for some filters: empty ones left out, keys in a fixed order so equal filters give equal links. */
export function paramsFromFilters(filters: ListPublicationsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** One filter changed ('' clears it), the others kept. */
export function withFilter(filters: ListPublicationsQuery, key: FilterKey, value: string): ListPublicationsQuery {
  return filtersFromParams(paramsFromFilters({ ...filters, [key]: value || undefined } as ListPublicationsQuery));
}

export const hasFilters = (filters: ListPublicationsQuery): boolean => FILTER_KEYS.some((key) => !!filters[key]);

// ---------- status ----------

export type StepState = 'done' | 'current' | 'upcoming';

/** The stepper idea → drafting → submitted → under review → published: what is behind, where it stands, what is ahead. */
export function statusSteps(status: PublicationStatus): Array<{ status: PublicationStatus; state: StepState }> {
  const at = PUBLICATION_STATUSES.indexOf(status);
  return PUBLICATION_STATUSES.map((step, index) => ({ status: step, state: index < at ? 'done' : index === at ? 'current' : 'upcoming' }));
}

export interface StatusAction {
  status: PublicationStatus;
  direction: 'forward' | 'back';
  /** Publishing asks for the DOI. */
  needsDoi: boolean;
  /** Going back (a submission returned) asks first. */
  needsConfirmation: boolean;
}

/** The buttons for the moves this caller may make (the API's `nextStatuses`), forward ones first, in the flow's order. */
export function statusActions(current: PublicationStatus, nextStatuses: readonly PublicationStatus[]): StatusAction[] {
  const at = PUBLICATION_STATUSES.indexOf(current);
  return [...nextStatuses]
    .sort((a, b) => PUBLICATION_STATUSES.indexOf(b) - PUBLICATION_STATUSES.indexOf(a))
    .map((status) => {
      const direction = PUBLICATION_STATUSES.indexOf(status) > at ? 'forward' : 'back';
      return { status, direction, needsDoi: status === 'published', needsConfirmation: direction === 'back' };
    });
}

export function statusTone(status: PublicationStatus): 'muted' | 'info' | 'warning' | 'success' {
  return status === 'published' ? 'success' : status === 'idea' ? 'muted' : status === 'under_review' || status === 'submitted' ? 'warning' : 'info';
}

// ---------- DOI and citations ----------

/** A DOI as typed (with or without https://doi.org/ or doi:), reduced to the bare 10.xxxx/yyy the API stores. */
export function bareDoi(text: string): string {
  return text.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** The DOI's resolver link; characters that would end the path (# ?) or break the address are escaped, slashes kept. */
export function doiHref(doi: string): string {
  return `https://doi.org/${encodeURI(bareDoi(doi)).replace(/[#?]/g, (c) => encodeURIComponent(c))}`;
}

export const CITATION_FORMATS = ['bibtex', 'ris'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];
/** A plain link: the browser downloads the attachment with the session cookie. */
export const citationHref = (id: string, format: CitationFormat) => `/api/publications/${id}/citation?format=${format}`;

// ---------- authors ----------

export interface AuthorDraft {
  /** Stable across moves, for React and for focus; never sent. */
  key: string;
  givenName: string;
  familyName: string;
  affiliation: string;
  /** '' when the author writes for no workspace organisation. */
  organisationId: string;
}

export const MAX_AUTHORS = 50;
export const MAX_LINKS = 30;

export const emptyAuthor = (key: string): AuthorDraft => ({ key, givenName: '', familyName: '', affiliation: '', organisationId: '' });

export function addAuthor(authors: readonly AuthorDraft[], key: string): AuthorDraft[] {
  return authors.length >= MAX_AUTHORS ? [...authors] : [...authors, emptyAuthor(key)];
}

/** The last author stays (a publication names at least one): removing it leaves an empty row instead. */
export function removeAuthor(authors: readonly AuthorDraft[], index: number, key: string): AuthorDraft[] {
  const left = authors.filter((_, at) => at !== index);
  return left.length === 0 ? [emptyAuthor(key)] : left;
}

/** One place up (-1) or down (+1); a move past either end changes nothing. */
export function moveAuthor(authors: readonly AuthorDraft[], index: number, by: -1 | 1): AuthorDraft[] {
  const to = index + by;
  if (index < 0 || index >= authors.length || to < 0 || to >= authors.length) return [...authors];
  const next = [...authors];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export function updateAuthor(authors: readonly AuthorDraft[], index: number, change: Partial<Omit<AuthorDraft, 'key'>>): AuthorDraft[] {
  return authors.map((author, at) => (at === index ? { ...author, ...change } : author));
}

/** How an author is named on screen: "Amina Otieno", or the family name alone. */
export const authorName = (author: Pick<PublicationAuthor, 'givenName' | 'familyName'>) => [author.givenName, author.familyName].filter((part) => part.trim()).join(' ');

/**
 * The affiliations numbered in the order they first appear (as journals print them), and each author's numbers. An
 * author with no affiliation of their own is credited to their workspace organisation; with neither, no number.
 */
export function numberedAffiliations(authors: ReadonlyArray<Pick<PublicationAuthor, 'affiliation' | 'organisationName'>>): { affiliations: string[]; marks: Array<number | null> } {
  const affiliations: string[] = [];
  const marks = authors.map((author) => {
    const name = (author.affiliation.trim() || author.organisationName?.trim() || '').replace(/\s+/g, ' ');
    if (!name) return null;
    const found = affiliations.indexOf(name);
    if (found >= 0) return found + 1;
    affiliations.push(name);
    return affiliations.length;
  });
  return { affiliations, marks };
}

// ---------- links ----------

export interface LinkDraft {
  kind: LinkedItemKind;
  id: string;
  /** Null when the caller cannot open the item (or it was deleted): shown as such, still sent back unless removed. */
  title: string | null;
}

export const linkKey = (link: Pick<LinkDraft, 'kind' | 'id'>) => `${link.kind}:${link.id}`;

/** Each item once, at most 30. */
export function addLink(links: readonly LinkDraft[], link: LinkDraft): LinkDraft[] {
  if (links.length >= MAX_LINKS || links.some((existing) => linkKey(existing) === linkKey(link))) return [...links];
  return [...links, link];
}

export const removeLink = (links: readonly LinkDraft[], link: Pick<LinkDraft, 'kind' | 'id'>): LinkDraft[] => links.filter((existing) => linkKey(existing) !== linkKey(link));

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();

/** The picker's items whose title holds every word typed, accents and case aside; already linked ones left out. */
export function filterChoices<T extends { id: string; title: string }>(items: readonly T[], text: string, kind: LinkedItemKind, linked: readonly LinkDraft[]): T[] {
  const words = fold(text).split(/\s+/).filter(Boolean);
  const taken = new Set(linked.map(linkKey));
  return items.filter((item) => !taken.has(linkKey({ kind, id: item.id })) && words.every((word) => fold(item.title).includes(word)));
}

export const LINK_KINDS: readonly LinkedItemKind[] = LINKED_ITEM_KINDS;

// ---------- the editor ⇄ the API ----------

export interface PublicationDraft {
  organisationId: string;
  kind: PublicationKind;
  title: string;
  abstract: string;
  venue: string;
  /** As typed: '' for none. */
  year: string;
  authors: AuthorDraft[];
  links: LinkDraft[];
}

export function emptyDraft(organisationId: string, key: string): PublicationDraft {
  return { organisationId, kind: 'article', title: '', abstract: '', venue: '', year: '', authors: [emptyAuthor(key)], links: [] };
}

/** The editor filled from a publication; `keys` gives each author row its identity. */
export function draftFromPublication(publication: Publication, keys: () => string): PublicationDraft {
  return {
    organisationId: publication.organisationId,
    kind: publication.kind,
    title: publication.title,
    abstract: publication.abstract,
    venue: publication.venue,
    year: publication.year === null ? '' : String(publication.year),
    authors: publication.authors.map((author) => ({
      key: keys(),
      givenName: author.givenName,
      familyName: author.familyName,
      affiliation: author.affiliation,
      organisationId: author.organisationId ?? '',
    })),
    links: publication.links.map((link) => ({ kind: link.kind, id: link.id, title: link.title })),
  };
}

/** A year field's text: a number, or null when empty (a wrong number is sent for the API to word its refusal). */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * The whole publication as PUT and POST read it: texts trimmed, authors in order. Every author row is sent, blank
 * ones too, so the API's error paths (`authors.1.familyName`) name the rows on screen.
 */
export function publicationInput(draft: PublicationDraft): PublicationInput {
  const authors = draft.authors.map((author) => ({ givenName: author.givenName.trim(), familyName: author.familyName.trim(), affiliation: author.affiliation.trim(), organisationId: author.organisationId || null }));
  return {
    organisationId: draft.organisationId,
    kind: draft.kind,
    title: draft.title.trim(),
    abstract: draft.abstract.trim(),
    venue: draft.venue.trim(),
    year: parseYear(draft.year),
    authors,
    links: draft.links.map(({ kind, id }) => ({ kind, id })),
  };
}
