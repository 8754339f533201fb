import type { ProseMirrorJson } from '@simashe/editor';
import { pdfFragments } from '@simashe/api-testing';
import JSZip from 'jszip';
import { ExportWords } from './export-words';
import { toDocx } from './to-docx';
import { toHtml } from './to-html';
import { toMarkdown } from './to-markdown';
import { toPdf } from './to-pdf';

const item = (attrs: Record<string, unknown>, text: string): ProseMirrorJson => ({ type: 'actionItem', attrs, content: [{ type: 'text', text }] });
const owner = { ownerId: '0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33', ownerName: 'Amina <Otieno>', dueDate: '2026-12-01' };

describe('an export’s own words', () => {
  it('label action items in the exporting reader’s language, with the due date as it writes dates', () => {
    expect(new ExportWords('en').actionItem(owner)).toBe('Action — Amina <Otieno>, due 1 December 2026: ');
    expect(new ExportWords('fr').actionItem({ ...owner, done: true })).toBe('[faite] Action — Amina <Otieno>, échéance le 1 décembre 2026 : ');
    expect(new ExportWords('es').actionItem({ dueDate: '2026-12-01' })).toBe('Acción — vence el 1 de diciembre de 2026: ');
    // Western digits, as the app shows dates in Arabic; the Arabic comma between the parts.
    expect(new ExportWords('ar').actionItem(owner)).toBe('إجراء — Amina <Otieno>، الاستحقاق 1 ديسمبر 2026: ');
    expect(new ExportWords('ar').actionItem({})).toBe('إجراء: ');
  });

  it('stamp the current text and versions, naming the status in the language', () => {
    expect(new ExportWords('en').currentStamp('in_review', '4 December 2026, 10:00 (UTC+03:00)')).toBe('Current version (In review), exported 4 December 2026, 10:00 (UTC+03:00)');
    expect(new ExportWords('fr').currentStamp('draft', 'X')).toBe('Version actuelle (Brouillon), exportée le X');
    expect(new ExportWords('es').versionStamp({ kind: 'named', name: 'Antes de la reunión' }, 'A', 'B')).toBe('Versión «Antes de la reunión» del A, exportada el B');
    expect(new ExportWords('fr').versionStamp({ kind: 'restore', name: 'Avant la relecture' }, 'A', 'B')).toBe('Restauration de « Avant la relecture » du A, exportée le B');
    expect(new ExportWords('ar').versionStamp({ kind: 'auto', name: null }, 'A', 'B')).toBe('نسخة تلقائية بتاريخ A، صُدِّرت في B');
  });

  it('write the period’s days, and leave a day that is not one as it is', () => {
    expect(new ExportWords('fr').period('2026-01-01', '2026-06-30')).toBe('1 janvier 2026 – 30 juin 2026');
    expect(new ExportWords('en').day('2026-02-30x')).toBe('2026-02-30x');
    expect(new ExportWords('en').day('not a day')).toBe('not a day');
  });

  it('say what is missing in the language', () => {
    expect(new ExportWords('es').chartMissing({ title: 'Cobertura' })).toBe('[Gráfico no disponible: Cobertura]');
    expect(new ExportWords('fr').imageMissing({ alt: 'Carte' }, { contentType: 'image/webp' } as never, 'Word')).toBe('[Image WEBP, non affichée en Word : Carte]');
    expect(new ExportWords('ar').imageMissing({})).toBe('[الصورة غير متاحة]');
  });
});

describe('exports in the reader’s language', () => {
  const doc: ProseMirrorJson = {
    type: 'doc',
    content: [item(owner, 'Call the ministry'), { type: 'chartEmbed', attrs: { source: 'measure', id: '0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33', title: 'Couverture' } }],
  };
  const header = (words: ExportWords) => ({ title: 'Rapport', organisation: 'Kenya', period: words.period('2026-01-01', '2026-06-30'), versionStamp: words.currentStamp('draft', 'X'), words });

  it('HTML: the page’s language and direction, the action item’s label, the missing chart said so', () => {
    const arabic = toHtml(doc, header(new ExportWords('ar')));
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('<strong>إجراء — Amina &lt;Otieno&gt;، الاستحقاق 1 ديسمبر 2026: </strong>Call the ministry');
    expect(arabic).toContain('[الرسم البياني غير متاح: Couverture]');
    expect(arabic).toContain('النسخة الحالية (مسودة)');
    expect(toHtml(doc, header(new ExportWords('fr')))).toContain('<html lang="fr" dir="ltr">');
  });

  it('Markdown and Word: the same words', async () => {
    const markdown = toMarkdown(doc, header(new ExportWords('es')));
    expect(markdown).toContain('**Acción — Amina &lt;Otieno&gt;, vence el 1 de diciembre de 2026:** Call the ministry');
    expect(markdown).toContain('*Kenya · 1 de enero de 2026 – 30 de junio de 2026*');
    const word = await JSZip.loadAsync(await toDocx(doc, header(new ExportWords('fr'))));
    const xml = await word.file('word/document.xml')!.async('string');
    expect(xml).toContain('Action — Amina &lt;Otieno&gt;, échéance le 1 décembre 2026 : ');
    expect(xml).toContain('[Graphique non disponible : Couverture]');
  });

  it('Word: Arabic paragraphs and the export’s own lines read right to left, English ones left to right', async () => {
    const mixed: ProseMirrorJson = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'نتائج المساواة' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Equity findings' }] },
      ],
    };
    const xml = async (words: ExportWords) => (await JSZip.loadAsync(await toDocx(mixed, header(words)))).file('word/document.xml')!.async('string');
    const paragraphs = (document: string) => [...document.matchAll(/<w:p>.*?<\/w:p>/gs)].map((match) => match[0]);
    const arabic = paragraphs(await xml(new ExportWords('ar')));
    const of = (text: string) => arabic.find((paragraph) => paragraph.includes(text))!;
    expect(of('النسخة الحالية')).toContain('<w:bidi/>');
    expect(of('نتائج المساواة')).toContain('<w:bidi/>');
    expect(of('نتائج المساواة')).toContain('<w:rtl/>');
    expect(of('Equity findings')).not.toContain('<w:bidi/>');
    const english = paragraphs(await xml(new ExportWords('en')));
    expect(english.find((paragraph) => paragraph.includes('Current version'))).not.toContain('<w:bidi/>');
  });

  it('Word and PDF: a table’s columns run from the right for a right-to-left reader, as their editor shows them (they ran from the left)', async () => {
    const cell = (text: string) => ({ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const table: ProseMirrorJson = { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [cell('First'), cell('Second')] }] }] };
    const xml = async (words: ExportWords) => (await JSZip.loadAsync(await toDocx(table, header(words)))).file('word/document.xml')!.async('string');
    expect(await xml(new ExportWords('ar'))).toContain('<w:bidiVisual/>');
    expect(await xml(new ExportWords('en'))).not.toContain('<w:bidiVisual/>');
    const x = async (words: ExportWords) => {
      const fragments = await pdfFragments(() => toPdf(table, header(words)));
      return ['First', 'Second'].map((text) => fragments.find((fragment) => fragment.text === text)!.x);
    };
    const [firstAr, secondAr] = await x(new ExportWords('ar'));
    expect(firstAr).toBeGreaterThan(secondAr);
    const [firstEn, secondEn] = await x(new ExportWords('en'));
    expect(firstEn).toBeLessThan(secondEn);
    // A row with fewer cells (a merged one) is drawn, its cell in the first column from the reader's side.
    const merged: ProseMirrorJson = { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [cell('First'), cell('Second')] }, { type: 'tableRow', content: [cell('Wide')] }] }] };
    const fragments = await pdfFragments(() => toPdf(merged, header(new ExportWords('ar'))));
    const at = (text: string) => fragments.find((fragment) => fragment.text === text)!.x;
    expect(at('Wide')).toBeCloseTo(at('First'), 0);
  });
});
