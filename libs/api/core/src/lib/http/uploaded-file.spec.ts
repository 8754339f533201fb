import { safeFileName } from './uploaded-file';

describe('safeFileName', () => {
  it('keeps a plain name, in any script', () => {
    expect(safeFileName('Évaluation 2026.pdf', 'application/pdf')).toBe('Évaluation 2026.pdf');
    expect(safeFileName('تقرير.pdf', 'application/pdf')).toBe('تقرير.pdf');
  });

  it('reads back a UTF-8 name that the multipart parser took as Latin-1', () => {
    expect(safeFileName(Buffer.from('Évaluation.pdf', 'utf8').toString('latin1'), 'application/pdf')).toBe('Évaluation.pdf');
  });

  it('drops folders, control characters, quotes and bidi overrides (a name must read as what it is)', () => {
    expect(safeFileName('C:\\Users\\me\\notes.pdf', 'application/pdf')).toBe('notes.pdf');
    expect(safeFileName('a\u0000b"c.pdf', 'application/pdf')).toBe('abc.pdf');
    expect(safeFileName('evil\u202Ecod.exe', 'application/pdf')).toBe('evilcod.exe');
    // As the multipart parser hands it over (its UTF-8 bytes read as Latin-1).
    expect(safeFileName(Buffer.from('evil\u202Ecod.exe', 'utf8').toString('latin1'), 'application/pdf')).toBe('evilcod.exe');
    expect(safeFileName('\u2066report\u2069.pdf', 'application/pdf')).toBe('report.pdf');
  });

  it('names a file with nothing left of its name after its type', () => {
    expect(safeFileName('\u202E', 'application/pdf')).toBe('evidence.pdf');
  });
});
