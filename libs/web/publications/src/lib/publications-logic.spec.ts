import { PublicationInputSchema, type Publication } from '@simashe/contracts';
import {
  addAuthor,
  addLink,
  bareDoi,
  citationHref,
  doiHref,
  draftFromPublication,
  emptyAuthor,
  emptyDraft,
  filterChoices,
  filtersFromParams,
  hasFilters,
  MAX_LINKS,
  moveAuthor,
  numberedAffiliations,
  paramsFromFilters,
  parseYear,
  publicationInput,
  removeAuthor,
  removeLink,
  statusActions,
  statusSteps,
  updateAuthor,
  withFilter,
  type AuthorDraft,
} from './publications-logic';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const LESSON = '33333333-3333-4333-8333-333333333333';
const REPORT = '44444444-4444-4444-8444-444444444444';

const author = (key: string, familyName: string, extra: Partial<AuthorDraft> = {}): AuthorDraft => ({ ...emptyAuthor(key), familyName, ...extra });

describe('filters in the address', () => {
  it('reads known values and drops what the API would refuse', () => {
    expect(filtersFromParams(new URLSearchParams('q=%20birth%20&status=published&kind=brief'))).toEqual({ q: 'birth', status: 'published', kind: 'brief' });
    expect(filtersFromParams(new URLSearchParams('status=rejected&kind=book&q=%20'))).toEqual({});
  });

  it('writes the filters in a fixed order, leaving out empty ones', () => {
    expect(paramsFromFilters({ kind: 'article', q: 'equity', status: undefined }).toString()).toBe('q=equity&kind=article');
  });

  it('changes one filter and keeps the others; an empty value clears it', () => {
    const filters = { q: 'equity', status: 'drafting' as const };
    expect(withFilter(filters, 'kind', 'brief')).toEqual({ q: 'equity', status: 'drafting', kind: 'brief' });
    expect(withFilter(filters, 'status', '')).toEqual({ q: 'equity' });
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ kind: 'article' })).toBe(true);
  });
});

describe('status', () => {
  it('marks the steps behind, the current one and those ahead', () => {
    expect(statusSteps('submitted')).toEqual([
      { status: 'idea', state: 'done' },
      { status: 'drafting', state: 'done' },
      { status: 'submitted', state: 'current' },
      { status: 'under_review', state: 'upcoming' },
      { status: 'published', state: 'upcoming' },
    ]);
    expect(statusSteps('published').every((step) => step.state !== 'upcoming')).toBe(true);
  });

  it('offers forward moves first; publishing asks for the DOI, going back asks first', () => {
    expect(statusActions('under_review', ['drafting', 'published'])).toEqual([
      { status: 'published', direction: 'forward', needsDoi: true, needsConfirmation: false },
      { status: 'drafting', direction: 'back', needsDoi: false, needsConfirmation: true },
    ]);
    expect(statusActions('idea', ['drafting'])).toEqual([{ status: 'drafting', direction: 'forward', needsDoi: false, needsConfirmation: false }]);
    expect(statusActions('published', [])).toEqual([]);
  });
});

describe('DOI', () => {
  it('links a DOI to its resolver, with or without a prefix typed', () => {
    expect(doiHref('10.1234/simashe.2026.1')).toBe('https://doi.org/10.1234/simashe.2026.1');
    expect(doiHref('https://doi.org/10.1186/s12939-026-01234-5')).toBe('https://doi.org/10.1186/s12939-026-01234-5');
    expect(doiHref('10.1002/(SICI)1097-4571#x?y')).toBe('https://doi.org/10.1002/(SICI)1097-4571%23x%3Fy');
    expect(bareDoi(' doi: 10.1234/abc ')).toBe('10.1234/abc');
  });

  it('points the citation downloads at the API', () => {
    expect(citationHref('abc', 'bibtex')).toBe('/api/publications/abc/citation?format=bibtex');
    expect(citationHref('abc', 'ris')).toBe('/api/publications/abc/citation?format=ris');
  });
});

describe('authors', () => {
  const three = [author('a', 'Otieno'), author('b', 'Dupont'), author('c', 'García')];

  it('moves an author up or down, and nowhere past either end', () => {
    expect(moveAuthor(three, 1, -1).map((a) => a.familyName)).toEqual(['Dupont', 'Otieno', 'García']);
    expect(moveAuthor(three, 1, 1).map((a) => a.familyName)).toEqual(['Otieno', 'García', 'Dupont']);
    expect(moveAuthor(three, 0, -1)).toEqual(three);
    expect(moveAuthor(three, 2, 1)).toEqual(three);
    expect(three.map((a) => a.familyName)).toEqual(['Otieno', 'Dupont', 'García']); // not changed in place
  });

  it('adds an empty row, removes one, and always keeps at least one row', () => {
    expect(addAuthor(three, 'd')).toHaveLength(4);
    expect(addAuthor(Array.from({ length: 50 }, (_, i) => author(String(i), 'X')), 'z')).toHaveLength(50);
    expect(removeAuthor(three, 0, 'x').map((a) => a.key)).toEqual(['b', 'c']);
    expect(removeAuthor([author('a', 'Otieno')], 0, 'x')).toEqual([emptyAuthor('x')]);
    expect(updateAuthor(three, 2, { affiliation: 'Universidad de Chile' })[2]).toEqual(author('c', 'García', { affiliation: 'Universidad de Chile' }));
  });

  it('numbers affiliations in order of first appearance, falling back to the workspace organisation', () => {
    const authors = [
      { affiliation: 'Ministry of Health, Kenya', organisationName: 'Kenya country pathfinder' },
      { affiliation: '', organisationName: 'Chile country pathfinder' },
      { affiliation: 'Ministry of Health,  Kenya', organisationName: null },
      { affiliation: '', organisationName: null },
    ];
    expect(numberedAffiliations(authors)).toEqual({ affiliations: ['Ministry of Health, Kenya', 'Chile country pathfinder'], marks: [1, 2, 1, null] });
  });
});

describe('links', () => {
  it('links each item once, at most 30', () => {
    const one = addLink([], { kind: 'lesson', id: LESSON, title: 'Lesson' });
    expect(addLink(one, { kind: 'lesson', id: LESSON, title: 'Lesson' })).toHaveLength(1);
    expect(addLink(one, { kind: 'report', id: LESSON, title: 'Same id, other kind' })).toHaveLength(2);
    const full = Array.from({ length: MAX_LINKS }, (_, i) => ({ kind: 'report' as const, id: `id-${i}`, title: null }));
    expect(addLink(full, { kind: 'lesson', id: LESSON, title: 'x' })).toHaveLength(MAX_LINKS);
    expect(removeLink(one, { kind: 'lesson', id: LESSON })).toEqual([]);
  });

  it('filters the picker by every word typed, accents and case aside, without items already linked', () => {
    const items = [
      { id: '1', title: 'Évaluation des inégalités à Nairobi' },
      { id: '2', title: 'Skilled birth attendance in Kenya' },
      { id: '3', title: 'Birth registration' },
    ];
    expect(filterChoices(items, 'evaluation inegalites', 'report', []).map((i) => i.id)).toEqual(['1']);
    expect(filterChoices(items, 'BIRTH', 'report', []).map((i) => i.id)).toEqual(['2', '3']);
    expect(filterChoices(items, 'birth', 'report', [{ kind: 'report', id: '3', title: null }]).map((i) => i.id)).toEqual(['2']);
    expect(filterChoices(items, 'birth', 'lesson', [{ kind: 'report', id: '3', title: null }]).map((i) => i.id)).toEqual(['2', '3']);
    expect(filterChoices(items, '  ', 'report', [])).toHaveLength(3);
  });
});

describe('the editor and the API', () => {
  const publication: Publication = {
    id: '55555555-5555-4555-8555-555555555555',
    organisationId: ORG,
    organisationName: 'Kenya country pathfinder',
    kind: 'article',
    title: 'Monitoring inequalities',
    venue: 'Int J Equity Health',
    year: 2026,
    status: 'drafting',
    doi: null,
    authorLine: 'Otieno A, Dupont J',
    updatedAt: '2026-03-01T10:00:00.000Z',
    canEdit: true,
    abstract: 'What we learned.',
    publishedAt: null,
    authors: [
      { givenName: 'Amina', familyName: 'Otieno', affiliation: 'Ministry of Health', organisationId: ORG, organisationName: 'Kenya country pathfinder' },
      { givenName: 'Jeanne', familyName: 'Dupont', affiliation: '', organisationId: null, organisationName: null },
    ],
    links: [
      { kind: 'lesson', id: LESSON, title: 'A lesson', href: `/lessons/${LESSON}` },
      { kind: 'report', id: REPORT, title: null, href: null },
    ],
    documentId: '66666666-6666-4666-8666-666666666666',
    nextStatuses: ['idea', 'submitted'],
    canDelete: false,
    createdAt: '2026-02-01T10:00:00.000Z',
  };

  it('fills the editor from a publication and sends the same publication back, unreadable links included', () => {
    let n = 0;
    const draft = draftFromPublication(publication, () => `k${++n}`);
    expect(draft.year).toBe('2026');
    expect(draft.authors.map((a) => [a.key, a.organisationId])).toEqual([
      ['k1', ORG],
      ['k2', ''],
    ]);
    const input = publicationInput(draft);
    expect(input).toEqual({
      organisationId: ORG,
      kind: 'article',
      title: 'Monitoring inequalities',
      abstract: 'What we learned.',
      venue: 'Int J Equity Health',
      year: 2026,
      authors: [
        { givenName: 'Amina', familyName: 'Otieno', affiliation: 'Ministry of Health', organisationId: ORG },
        { givenName: 'Jeanne', familyName: 'Dupont', affiliation: '', organisationId: null },
      ],
      links: [
        { kind: 'lesson', id: LESSON },
        { kind: 'report', id: REPORT },
      ],
    });
    expect(PublicationInputSchema.safeParse(input).success).toBe(true);
  });

  it('trims texts, keeps the authors in their order on screen and turns an empty year into null', () => {
    const draft = {
      ...emptyDraft(ORG, 'a'),
      title: '  Skilled birth attendance  ',
      year: ' ',
      authors: moveAuthor([author('a', ' Otieno '), author('b', 'Pérez', { organisationId: OTHER_ORG, givenName: ' Luis ' })], 1, -1),
    };
    const input = publicationInput(draft);
    expect(input.title).toBe('Skilled birth attendance');
    expect(input.year).toBeNull();
    expect(input.authors).toEqual([
      { givenName: 'Luis', familyName: 'Pérez', affiliation: '', organisationId: OTHER_ORG },
      { givenName: '', familyName: 'Otieno', affiliation: '', organisationId: null },
    ]);
    expect(PublicationInputSchema.safeParse(input).success).toBe(true);
  });

  it('reads the year as typed, leaving a wrong one for the API to word', () => {
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear('')).toBeNull();
    expect(Number.isNaN(parseYear('soon'))).toBe(true);
  });
});
