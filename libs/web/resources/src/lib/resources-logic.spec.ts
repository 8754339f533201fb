import { MAX_RESOURCE_FILE_BYTES } from '@simashe/contracts';
import { addAuthor, checkResourceFile, filtersFromParams, formatFileSize, hasFilters, paramsFromFilters, parseYear, uploadErrorKey, withFilter } from './resources-logic';

describe('filters in the address', () => {
  it('reads the known filters and drops values the API would refuse', () => {
    const params = new URLSearchParams('q=%20air%20quality%20&kind=guidance&topic=nonsense&language=fr&regionCode=AFRO&other=1');
    expect(filtersFromParams(params)).toEqual({ q: 'air quality', kind: 'guidance', language: 'fr', regionCode: 'AFRO' });
  });

  it('treats an empty address as no filters', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual({});
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ topic: 'policy' })).toBe(true);
  });

  it('writes the filters back in a fixed order, leaving out empty ones', () => {
    expect(paramsFromFilters({ regionCode: 'EURO', q: 'drains', kind: undefined, topic: 'policy' }).toString()).toBe('q=drains&topic=policy&regionCode=EURO');
    expect(paramsFromFilters({ q: '   ' }).toString()).toBe('');
  });

  it('round-trips through the address', () => {
    const filters = { q: 'école', kind: 'dataset', topic: 'determinants', language: 'ar', regionCode: 'EMRO' } as const;
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('changes one filter and clears it with an empty value', () => {
    const filters = withFilter({ q: 'air' }, 'kind', 'tool');
    expect(filters).toEqual({ q: 'air', kind: 'tool' });
    expect(withFilter(filters, 'kind', '')).toEqual({ q: 'air' });
    expect(withFilter(filters, 'topic', 'not-a-topic')).toEqual({ q: 'air', kind: 'tool' });
  });
});

describe('file check before upload', () => {
  it('accepts the evidence types by extension, in any case', () => {
    for (const name of ['a.pdf', 'b.DOCX', 'c.xlsx', 'd.pptx', 'e.csv', 'f.txt', 'g.png', 'h.jpg', 'i.JPEG']) expect(checkResourceFile({ name, size: 10 })).toBe('ok');
  });

  it('refuses other types and names without an extension', () => {
    for (const name of ['run.exe', 'page.html', 'archive.zip', 'pdf', 'notes.pdf.js']) expect(checkResourceFile({ name, size: 10 })).toBe('wrongType');
  });

  it('refuses empty files and files over 25 MB, as the server does', () => {
    expect(checkResourceFile({ name: 'a.pdf', size: 0 })).toBe('empty');
    expect(checkResourceFile({ name: 'a.pdf', size: MAX_RESOURCE_FILE_BYTES })).toBe('ok');
    expect(checkResourceFile({ name: 'a.pdf', size: MAX_RESOURCE_FILE_BYTES + 1 })).toBe('tooBig');
    expect(MAX_RESOURCE_FILE_BYTES).toBe(25 * 1024 * 1024);
  });
});

describe('small helpers', () => {
  it('formats file sizes in the reader’s language', () => {
    expect(formatFileSize(10, 'en')).toBe('1 kB');
    expect(formatFileSize(2048, 'en')).toBe('2 kB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'fr')).toBe('1,5 MB');
  });

  it('adds authors once each, tidied', () => {
    expect(addAuthor(['A. Mwangi'], '  Ana   Souza ')).toEqual(['A. Mwangi', 'Ana Souza']);
    expect(addAuthor(['Ana Souza'], 'ana souza')).toEqual(['Ana Souza']);
    expect(addAuthor([], '   ')).toEqual([]);
  });

  it('reads a year field', () => {
    expect(parseYear('')).toBeNull();
    expect(parseYear(' 2024 ')).toBe(2024);
    expect(parseYear('20x4')).toBeNaN();
  });

  it('tells a refused file from a failed upload', () => {
    expect(uploadErrorKey(400)).toBe('resources.file.refused');
    expect(uploadErrorKey(413)).toBe('resources.file.refused');
    expect(uploadErrorKey(0)).toBe('resources.file.failed');
    expect(uploadErrorKey(502)).toBe('resources.file.failed');
  });
});
