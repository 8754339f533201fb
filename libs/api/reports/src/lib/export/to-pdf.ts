import type { Language } from '@simashe/contracts';
import { actionItemLabel, mentionText, type ProseMirrorJson } from '@simashe/editor';
import type PdfPrinterClass from 'pdfmake';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { chartKey, missingChartText, type RenderedChart } from './chart-embeds';
import type { ExportHeader } from './export-header';
import { imageDataUrl, imageFor, missingImageText, type ExportImages } from './export-images';

// pdfmake ships Roboto as base64 in its virtual file system; the server reads the same files. Both are loaded on
// the first PDF asked for (about 10 MB the API otherwise never needs).
let printer: PdfPrinterClass | null = null;
function pdfPrinter(): PdfPrinterClass {
  if (printer) return printer;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PdfPrinter: typeof PdfPrinterClass = require('pdfmake');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vfs: Record<string, string> = require('pdfmake/build/vfs_fonts');
  const font = (name: string) => Buffer.from(vfs[name], 'base64');
  printer = new PdfPrinter({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  return printer;
}

/**
 * The language a PDF drawn with these fonts can be written in. Roboto has no Arabic glyphs and pdfmake lays words
 * out left to right without shaping them into a right-to-left line, so an Arabic reader's PDF speaks English until an
 * Arabic font and a bidirectional layout are bundled; the SVG, HTML and Word exports do speak Arabic.
 */
export function pdfLanguage(language: Language): Language {
  return language === 'ar' ? 'en' : language;
}

function inline(nodes: ProseMirrorJson[] = []): ContentText[] {
  return nodes.flatMap((node): ContentText[] => {
    if (node.type === 'hardBreak') return [{ text: '\n' }];
    if (node.type === 'mention') return [{ text: mentionText(node.attrs), bold: true }];
    if (node.type !== 'text') return [];
    const has = (type: string) => node.marks?.some((mark) => mark.type === type) ?? false;
    const link = node.marks?.find((mark) => mark.type === 'link');
    return [
      {
        text: node.text ?? '',
        bold: has('bold'),
        italics: has('italic'),
        decoration: has('underline') ? 'underline' : has('strike') ? 'lineThrough' : undefined,
        ...(link ? { link: String(link.attrs?.['href']), color: '#00538a' } : {}),
      },
    ];
  });
}

/** See textBlock. */
export const LONGEST_PIECE = 8000;

/**
 * A block of text runs. pdfmake weighs each word of a paragraph against a copy of every word after it, so its time
 * grows with the square of the paragraph: one paragraph of 300 kB took 34 s, and the API answered nothing else
 * meanwhile. A longer paragraph is laid out as consecutive pieces of at most LONGEST_PIECE characters, cut at a
 * space (a line ends early where one piece meets the next, about every hundred lines).
 */
export function textBlock(runs: ContentText[], props: Omit<ContentText, 'text'>): Content {
  const pieces: ContentText[][] = [[]];
  let length = 0;
  for (const run of runs) {
    let text = String(run.text);
    while (length + text.length > LONGEST_PIECE) {
      const room = LONGEST_PIECE - length;
      const space = text.lastIndexOf(' ', room - 1);
      const cut = space > 0 ? space + 1 : length > 0 ? 0 : room;
      if (cut > 0) pieces[pieces.length - 1].push({ ...run, text: text.slice(0, cut) });
      pieces.push([]);
      length = 0;
      text = text.slice(cut);
    }
    if (text) {
      pieces[pieces.length - 1].push({ ...run, text });
      length += text.length;
    }
  }
  if (pieces.length === 1) return { text: runs, ...props };
  return { stack: pieces.filter((piece) => piece.length > 0).map((piece) => ({ text: piece })), ...props } as Content;
}

/** A4 less the page margins, in points: images are never wider than the text. */
const TEXT_WIDTH = 595.28 - 2 * 56;
const TEXT_HEIGHT = 841.89 - 2 * 56 - 40;
/** What pdfkit draws; GIF and WebP stay a line of text. */
const PDF_IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/** `width`: what the blocks have across, in points (less inside quotes, lists and table cells), so images fit it. */
function blocks(nodes: ProseMirrorJson[] = [], charts: Map<string, RenderedChart | null> = new Map(), images: ExportImages = new Map(), width = TEXT_WIDTH): Content[] {
  return nodes.flatMap((node): Content[] => {
    switch (node.type) {
      case 'image': {
        const image = imageFor(images, node.attrs);
        if (!image || !PDF_IMAGE_TYPES.has(image.contentType)) return [{ text: missingImageText(node.attrs, image, 'PDF'), italics: true, color: '#666666', margin: [0, 0, 0, 6] }];
        // A pixel is 0.75 pt at 96 dpi: small images keep their size, large ones shrink to the room they have (and a page's height).
        return [{ image: imageDataUrl(image), fit: [Math.min(width, image.width * 0.75), Math.min(TEXT_HEIGHT, image.height * 0.75)], margin: [0, 4, 0, 8] }];
      }
      case 'chartEmbed': {
        const chart = charts.get(chartKey(node.attrs) ?? '');
        return chart
          ? [{ svg: chart.svg, width: Math.min(480, chart.width), margin: [0, 4, 0, 8] }]
          : [{ text: missingChartText(node.attrs), italics: true, color: '#666666', margin: [0, 0, 0, 6] }];
      }
      case 'heading':
        return [textBlock(inline(node.content), { style: `h${Math.min(Number(node.attrs?.['level'] ?? 1), 3)}` })];
      case 'paragraph':
        return [textBlock(inline(node.content), { margin: [0, 0, 0, 6] })];
      case 'actionItem':
        return [textBlock([{ text: actionItemLabel(node.attrs), bold: true }, ...inline(node.content)], { margin: [0, 0, 0, 6] })];
      case 'blockquote':
        return [{ stack: blocks(node.content, charts, images, width - 18), margin: [18, 0, 0, 6], color: '#444444' }];
      case 'bulletList':
        return [{ ul: (node.content ?? []).map((item) => ({ stack: blocks(item.content, charts, images, width - 18) })), margin: [0, 0, 0, 6] }];
      case 'orderedList':
        return [{ ol: (node.content ?? []).map((item) => ({ stack: blocks(item.content, charts, images, width - 18) })), margin: [0, 0, 0, 6] }];
      case 'table':
        return [
          {
            table: {
              body: (node.content ?? []).map((row) =>
                (row.content ?? []).map((cell) => ({ stack: blocks(cell.content, charts, images, Math.max(24, width / Math.max(1, row.content?.length ?? 1) - 12)) })),
              ),
            },
            margin: [0, 0, 0, 8],
          },
        ];
      default:
        return node.content ? blocks(node.content, charts, images, width) : [];
    }
  });
}

export function toPdf(doc: ProseMirrorJson, header: ExportHeader, charts: Map<string, RenderedChart | null> = new Map(), images: ExportImages = new Map()): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: header.title, author: header.organisation, subject: `${header.period} · ${header.versionStamp}`, creator: 'SIMASHE Workspace' },
    pageMargins: [56, 56, 56, 56],
    footer: (page, pages) => ({ text: `${header.title} · ${header.versionStamp} · ${page}/${pages}`, fontSize: 8, alignment: 'center', color: '#666666' }),
    content: [
      { text: header.title, style: 'title' },
      { text: `${header.organisation} · ${header.period}`, italics: true },
      { text: header.versionStamp, italics: true, margin: [0, 0, 0, 16] },
      ...blocks(doc.content, charts, images),
    ],
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      h1: { fontSize: 17, bold: true, margin: [0, 10, 0, 4] },
      h2: { fontSize: 14, bold: true, margin: [0, 8, 0, 4] },
      h3: { fontSize: 12, bold: true, margin: [0, 6, 0, 3] },
    },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
  };
  return pdfBuffer(definition);
}

/** A run of more than 60 characters without a space gets a break opportunity after every 30 characters. */
const LONG_RUN = /\S{61,}/gu;
const EVERY_30 = /.{30}(?=.)/gsu;
/** Values of these keys are not text (a data URL, an SVG, a link target): never changed. */
const NOT_TEXT = new Set(['image', 'svg', 'link', 'linkToDestination', 'id']);

/**
 * pdfmake splits a word too wide for its line one character at a time, at a cost that grows with the square of its
 * length: a 8,000-character word took 2.4 s and 300 MB, and one of 50,000 characters (a pasted hash, a URL, a
 * keyboard held down) ran the API out of memory. Long runs get zero-width spaces (drawn as nothing; Roboto has the
 * glyph) where a line may break.
 */
export function breakLongWords(text: string): string {
  return text.replace(LONG_RUN, (run) => run.replace(EVERY_30, '$&\u200b'));
}

/** Every text of a pdfmake document tree, with long words made breakable (see breakLongWords). */
export function withBreakableWords<T>(node: T): T {
  if (typeof node === 'string') return breakLongWords(node) as T;
  if (Array.isArray(node)) return node.map((child) => withBreakableWords(child)) as T;
  if (node === null || typeof node !== 'object' || Buffer.isBuffer(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, NOT_TEXT.has(key) ? value : withBreakableWords(value)])) as T;
}

/** Any pdfmake document as a PDF file, with the fonts bundled in the app (nothing read from the system). */
export function pdfBuffer(definition: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = pdfPrinter().createPdfKitDocument({ ...definition, content: withBreakableWords(definition.content) });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
