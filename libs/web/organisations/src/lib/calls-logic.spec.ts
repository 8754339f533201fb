import { ApplicationInputSchema, CreateCallRequestSchema, EXPERTISE_AREAS, MAX_SUPPORTING_DOCUMENT_BYTES } from '@simashe/contracts';
import {
  applicationFormData,
  applicationPayload,
  callPayload,
  checkDocument,
  checkDocuments,
  countryOptions,
  EMPTY_APPLICATION,
  fieldErrors,
  firstErrorField,
  formatDocumentSize,
  missingScores,
  motivationLength,
} from './calls-logic';

const MOTIVATION = 'We monitor health inequalities across provinces and would share our survey methods with the network.';

describe('countryOptions', () => {
  it('offers the 194 WHO Member States by ISO3 code, named and sorted in the reader’s language', () => {
    const english = countryOptions('en');
    expect(english).toHaveLength(194);
    expect(english.find((option) => option.value === 'DEU')?.label).toBe('Germany');
    const french = countryOptions('fr');
    expect(french.find((option) => option.value === 'DEU')?.label).toBe('Allemagne');
    const labels = french.map((option) => option.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('fr').compare));
    expect(countryOptions('ar').find((option) => option.value === 'GHA')?.label).toBe('غانا');
  });
});

describe('checkDocument', () => {
  it('accepts the types the API accepts, by extension and in any case', () => {
    for (const name of ['a.pdf', 'b.DOCX', 'c.doc', 'd.xlsx', 'e.pptx', 'f.csv', 'g.txt', 'h.png', 'i.jpg', 'j.JPEG']) expect(checkDocument({ name, size: 10 })).toBe('ok');
  });
  it('refuses other types, empty files and files over 10 MB', () => {
    for (const name of ['run.exe', 'page.html', 'archive.zip', 'pdf', 'notes.pdf.js']) expect(checkDocument({ name, size: 10 })).toBe('wrongType');
    expect(checkDocument({ name: 'a.pdf', size: 0 })).toBe('empty');
    expect(checkDocument({ name: 'a.pdf', size: MAX_SUPPORTING_DOCUMENT_BYTES })).toBe('ok');
    expect(checkDocument({ name: 'a.pdf', size: MAX_SUPPORTING_DOCUMENT_BYTES + 1 })).toBe('tooBig');
  });
  it('names the first refused file of a choice, or too many files', () => {
    expect(checkDocuments([])).toEqual({ problem: 'ok' });
    expect(checkDocuments([{ name: 'a.pdf', size: 1 }, { name: 'b.exe', size: 1 }, { name: 'c.pdf', size: 0 }])).toEqual({ problem: 'wrongType', index: 1 });
    expect(checkDocuments(['a', 'b', 'c', 'd'].map((name) => ({ name: `${name}.pdf`, size: 1 })))).toEqual({ problem: 'tooMany' });
  });
});

describe('applicationPayload', () => {
  const draft = {
    ...EMPTY_APPLICATION,
    institutionName: '  Instituto de Salud  ',
    countryIso3: 'COL',
    expertise: ['training', 'statistics'] as const,
    contactName: ' Ana Ruiz ',
    contactEmail: ' ana@example.org ',
    motivation: `  ${MOTIVATION}  `,
  };
  it('trims the texts, leaves an empty website out and orders the areas as the catalogue does; the API accepts it', () => {
    const payload = applicationPayload({ ...draft, expertise: [...draft.expertise] }, EXPERTISE_AREAS);
    expect(payload).toEqual({ institutionName: 'Instituto de Salud', countryIso3: 'COL', expertise: ['statistics', 'training'], contactName: 'Ana Ruiz', contactEmail: 'ana@example.org', motivation: MOTIVATION });
    expect(ApplicationInputSchema.safeParse(payload).success).toBe(true);
  });
  it('keeps a website that is given', () => {
    expect(applicationPayload({ ...draft, expertise: [], website: ' https://salud.example.org ' }, EXPERTISE_AREAS).website).toBe('https://salud.example.org');
  });
  it('sends the fields as JSON in "application" and each document under "documents"', () => {
    const payload = applicationPayload({ ...draft, expertise: [...draft.expertise] }, EXPERTISE_AREAS);
    const files = [new File(['%PDF-1.4'], 'plan.pdf', { type: 'application/pdf' }), new File(['a,b'], 'data.csv', { type: 'text/csv' })];
    const form = applicationFormData(payload, files);
    expect(JSON.parse(form.get('application') as string)).toEqual(payload);
    expect(form.getAll('documents').map((file) => (file as File).name)).toEqual(['plan.pdf', 'data.csv']);
  });
});

describe('motivationLength', () => {
  it('counts as the API does (trimmed) and says whether 50 to 5,000 characters are given', () => {
    expect(motivationLength('  short  ')).toEqual({ length: 5, ok: false });
    expect(motivationLength(MOTIVATION)).toEqual({ length: MOTIVATION.length, ok: true });
    expect(motivationLength('x'.repeat(5001)).ok).toBe(false);
  });
});

describe('fieldErrors and firstErrorField', () => {
  it('files a document’s error under the documents field, keeps the first message of a field, and finds the first field in form order', () => {
    const errors = fieldErrors([
      { path: 'motivation', message: 'Too short' },
      { path: 'documents.1', message: 'The file’s content does not match its type' },
      { path: 'motivation', message: 'Second' },
      { path: 'expertise', message: 'Choose at least one area of expertise' },
    ]);
    expect(errors).toEqual({ motivation: 'Too short', documents: 'The file’s content does not match its type', expertise: 'Choose at least one area of expertise' });
    expect(firstErrorField(errors, ['institutionName', 'countryIso3', 'website', 'expertise', 'contactName', 'contactEmail', 'motivation', 'documents'])).toBe('expertise');
    expect(firstErrorField({}, ['institutionName'])).toBeUndefined();
  });
});

describe('callPayload', () => {
  it('drops blank criterion rows, trims and keeps the wall-clock deadline to the minute; the API accepts it', () => {
    const payload = callPayload({ title: ' 2028 open call ', description: ' For new members ', criteria: [' Relevance ', '', '  ', 'Capacity'], deadlineLocal: '2028-03-31T17:00:00', timeZone: 'Europe/Zurich' });
    expect(payload).toEqual({ title: '2028 open call', description: 'For new members', criteria: [{ label: 'Relevance' }, { label: 'Capacity' }], deadlineLocal: '2028-03-31T17:00', timeZone: 'Europe/Zurich' });
    expect(CreateCallRequestSchema.safeParse(payload).success).toBe(true);
  });
});

describe('missingScores', () => {
  const criteria = [{ key: 'c1' }, { key: 'c2' }, { key: 'c3' }];
  it('lists the criteria without a whole score from 1 to 5', () => {
    expect(missingScores(criteria, { c1: 4, c2: 5, c3: 1 })).toEqual([]);
    expect(missingScores(criteria, { c1: 4 })).toEqual(['c2', 'c3']);
    expect(missingScores(criteria, { c1: 0, c2: 6, c3: 2.5 })).toEqual(['c1', 'c2', 'c3']);
  });
});

describe('formatDocumentSize', () => {
  it('gives kB below a megabyte and MB with one decimal above', () => {
    expect(formatDocumentSize(10, 'en')).toBe('1 kB');
    expect(formatDocumentSize(2.5 * 1024 * 1024, 'fr')).toBe('2,5 MB');
  });
});
