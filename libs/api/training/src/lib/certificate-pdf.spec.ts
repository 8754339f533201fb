import { lineFromRight, pdfFragments } from '@simashe/api-testing';
import { certificatePdf } from './certificate-pdf';

const certificate = { code: '7K2M-Q9XD-4HZA', learnerName: 'Amina Hassan', courseTitle: 'Measuring inequality', organisationName: 'WHO EMRO', completedAt: '2026-12-01T10:00:00.000Z' };

describe('certificate PDF', () => {
  it('speaks Arabic to an Arabic reader, each line read from the right, in the Arabic font (it was English)', async () => {
    let pdf: Buffer = Buffer.alloc(0);
    const fragments = await pdfFragments(async () => (pdf = await certificatePdf(certificate, 'ar', 'https://simashe.example.org')));
    const text = fragments.map((fragment) => fragment.text).join(' ');
    expect(text).toContain('شهادة');
    expect(text).not.toContain('Certificate of completion');
    expect(pdf.includes('Amiri')).toBe(true);
    // The code's label at the right, the code (read left to right) on its left.
    const code = lineFromRight(fragments, 'التحقق').map((fragment) => fragment.text.trim());
    expect(code[0]).toBe('رمز');
    expect(code[1]).toBe('التحقق');
    // Seen from the left: the code, then the colon against the label's last word.
    expect(code.slice(2).reverse().join('')).toBe('7K2M-Q9XD-4HZA :');
    // The day in Arabic, the organisation's Latin name inside the sentence; the check address on its own line.
    const offered = lineFromRight(fragments, 'بتاريخ').map((fragment) => fragment.text.trim());
    // From the right: the words, the Latin name read left to right, the Arabic comma after it, then the day.
    expect(offered).toEqual(['التي', 'تقدّمها', 'EMRO', 'WHO', '،', 'بتاريخ', '1', 'ديسمبر', '2026']);
    const address = lineFromRight(fragments, 'https://').reverse();
    expect(address.map((fragment) => fragment.text).join('')).toBe('https://simashe.example.org/verify/7K2M-Q9XD-4HZA');
    expect(address.some((fragment) => /[\u0600-\u06FF]/u.test(fragment.text))).toBe(false);
  });

  it('keeps an English reader’s certificate in English and Roboto alone', async () => {
    let pdf: Buffer = Buffer.alloc(0);
    const fragments = await pdfFragments(async () => (pdf = await certificatePdf(certificate, 'en', 'https://simashe.example.org', 'Europe/Moscow')));
    const text = fragments.map((fragment) => fragment.text).join('');
    expect(text).toContain('Certificate of completion');
    expect(text).toContain('offered by WHO EMRO, on 1 December 2026');
    expect(pdf.includes('Amiri')).toBe(false);
  });

  it('wraps a long Arabic course title in reading order: its first words on the first line, from the right', async () => {
    const long = { ...certificate, courseTitle: ['البداية', ...Array<string>(40).fill('كلمة'), 'النهاية'].join(' ') };
    const fragments = await pdfFragments(() => certificatePdf(long, 'ar', 'https://simashe.example.org'));
    const first = lineFromRight(fragments, 'البداية').map((fragment) => fragment.text.trim());
    const last = lineFromRight(fragments, 'النهاية').map((fragment) => fragment.text.trim());
    expect(first[0]).toBe('البداية');
    expect(first).not.toContain('النهاية');
    expect(last[last.length - 1]).toBe('النهاية');
    // The first words on the upper line (wrapping a line already turned round put the end on top).
    const top = (word: string) => fragments.find((fragment) => fragment.text.trim() === word)!.y;
    expect(top('البداية')).toBeLessThan(top('النهاية'));
  });
});
