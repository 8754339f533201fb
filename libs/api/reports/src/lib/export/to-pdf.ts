import { mentionText, type ProseMirrorJson } from '@simashe/editor';
import type { Column, Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { chartKey, type RenderedChart } from './chart-embeds';
import type { ExportHeader } from './export-header';
import { imageDataUrl, imageFor, type ExportImages, type ExportParts } from './export-images';
import { escapeHtml, unescapeMarkup } from './markup-text';
import { ARABIC_FONT, ARABIC_TEXT, measure, pdfPrinter, releaseMeasuring, withFonts } from './pdf-fonts';
import { breakLines, DIRECTION_MARKS, lineRuns, plainText, RTL_LETTER, seenString, textDirection, tokens, withDirections, type Direction, type Token } from './rtl-lines';



/** One line of text in the order it is seen (a title, a name), for text pdfmake would draw back to front. */
function seenInOrder(text: string): ContentText[] {
  return lineRuns(withFonts(tokens([{ text }])), textDirection(text) ?? 'ltr');
}

/** A text as withScriptFonts gives it: in the order it is seen, or in the Arabic font; null when it needs neither. */
function scripted(text: string): { text: ContentText[] } | { text: string; font: string } | null {
  if (RTL_LETTER.test(text)) return { text: seenInOrder(text) };
  return ARABIC_TEXT.test(text) ? { text, font: ARABIC_FONT } : null;
}

/** Keys whose values hold content (blocks or text), as opposed to settings (style, widths, colours...). */
const CONTENT_KEYS = new Set(['content', 'stack', 'columns', 'ul', 'ol', 'table', 'body']);

/**
 * Every text of a pdfmake document tree with Arabic characters in the Arabic font (Roboto has none: they were drawn
 * as empty boxes), and a text with right-to-left words put in the order it is seen (titles, names, labels of the
 * dashboards and certificates: short texts, laid out as one line; a longer one that pdfmake wraps keeps that order
 * within each of its lines only, so text that may wrap is laid out first: see textInColumn). A text with a font of
 * its own is left as it is (a report's blocks come laid out).
 */
export function withScriptFonts<T>(node: T): T {
  if (typeof node === 'string') return (scripted(node) ?? node) as T;
  if (Array.isArray(node)) return node.map((child) => withScriptFonts(child)) as T;
  if (node === null || typeof node !== 'object' || Buffer.isBuffer(node)) return node;
  const result: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text') {
      if (typeof value !== 'string') result[key] = withScriptFonts(value);
      else if (result['font'] === undefined) Object.assign(result, scripted(value));
    } else if (CONTENT_KEYS.has(key)) {
      result[key] = withScriptFonts(value);
    }
  }
  return result as T;
}

/** The report's text styles (pdfmake styles; the font sizes also measure right-to-left lines). */
const BODY_SIZE = 10.5;
const STYLES = {
  title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
  h1: { fontSize: 17, bold: true, margin: [0, 10, 0, 4] },
  h2: { fontSize: 14, bold: true, margin: [0, 8, 0, 4] },
  h3: { fontSize: 12, bold: true, margin: [0, 6, 0, 3] },
} satisfies Record<string, { fontSize: number; bold: boolean; margin: [number, number, number, number] }>;

/**
 * A block of text runs in its direction (`direction`: the block's, from its words without mentions, as dir="auto"
 * sees them in the editor). Text with right-to-left words is laid out line by line by rtl-lines (pdfmake would draw
 * them back to front), Arabic in the Arabic font, right-aligned when the block reads right to left; any other as
 * textBlock does.
 */
function directedBlock(
  runs: ContentText[],
  props: Omit<ContentText, 'text' | 'style'> & { style?: keyof typeof STYLES },
  width: number,
  direction: Direction | null = textDirection(runs.map((run) => String(run.text)).join('')),
): Content {
  if (direction !== 'rtl' && !runs.some((run) => RTL_LETTER.test(String(run.text)))) return textBlock(runs, props);
  const base = direction ?? 'ltr';
  const style: keyof typeof STYLES | undefined = props.style;
  const size = style ? STYLES[style] : { fontSize: props.fontSize ?? BODY_SIZE, bold: false };
  const widthOf = (piece: Token) => measure(piece.text, { fontSize: size.fontSize, bold: Boolean(piece.style.bold ?? size.bold), italics: Boolean(piece.style.italics), font: piece.font });
  // A little room to spare: pdfmake must never find a line too long and break it again.
  const lines = breakLines(withDirections(withFonts(tokens(runs)), base), widthOf, width * 0.97);
  const alignment = props.alignment ? { alignment: props.alignment } : base === 'rtl' ? { alignment: 'right' } : {};
  // Trailing spaces kept: a right-to-left word's space is drawn on its left, and counts in the line's width.
  return { stack: lines.map((line) => ({ text: line.length > 0 ? lineRuns(line, base) : ' ', preserveTrailingSpaces: true, ...alignment })), ...props } as Content;
}

/**
 * A short text (a table cell, a title, a line of a certificate) laid out for a known width: with right-to-left words,
 * broken into lines here and each line put in the order it is seen (pdfmake would wrap the line it was given, showing
 * its end first); any other text is left to pdfmake. `direction`: the line's, when it is the page's own words (an
 * Arabic page's lines read from the right whatever word comes first); else taken from the text's first letter.
 */
export function textInColumn(text: string, width: number, props: { fontSize: number; bold?: boolean; italics?: boolean; alignment?: 'left' | 'right' | 'center'; margin?: [number, number, number, number] }, direction?: Direction): Content {
  const { bold, italics, ...rest } = props;
  return directedBlock([{ text, ...(bold ? { bold } : {}), ...(italics ? { italics } : {}) }], rest, width, direction ?? textDirection(text));
}

/**
 * A chart's SVG for pdfmake, in any of the four languages: with Arabic in it, its text in the Arabic font (Roboto drew
 * empty boxes), and each text with right-to-left words put in the order it is seen (`direction`: the chart's, the
 * reader's; see seenString), its words laid out one by one (`word-spacing`: laid out as one run, Amiri's spaces
 * between Arabic words came out as nothing). Intl's direction marks go (Arabic dates carry them; the fonts draw them
 * as boxes), and so does a `direction="rtl"` (the text comes in the order it is seen: an end-anchored text would
 * otherwise start at its anchor and run off the chart). Arabic charts in PDFs were English until 5 December.
 */
export function chartSvg(svg: string, width: number, direction: Direction = 'ltr'): { svg: string; width: number; font?: string } {
  const text = svg
    .replace(DIRECTION_MARKS, '')
    .replace(/\sdirection="rtl"/g, '')
    .replace(SVG_TEXT, (all, open: string, words: string) =>
      RTL_LETTER.test(words) ? `${open.replace(/>$/, ' word-spacing="0.1">')}${escapeHtml(seenString(unescapeMarkup(words), direction))}<` : all,
    );
  return { svg: text, width, ...(ARABIC_TEXT.test(text) ? { font: ARABIC_FONT } : {}) };
}

/** The words of an SVG's text and tspan elements (ECharts writes them without nested markup). */
const SVG_TEXT = /(<(?:text|tspan)\b[^>]*>)([^<]+)</g;

/** Whether a block's words read right to left (by its first letter, as dir="auto" decides). */
function readsRightToLeft(nodes: ProseMirrorJson[] | undefined): boolean {
  return textDirection(plainText(nodes)) === 'rtl';
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
function blocks(nodes: ProseMirrorJson[] = [], parts: ExportParts, width = TEXT_WIDTH): Content[] {
  const { charts, images, words } = parts;
  return nodes.flatMap((node): Content[] => {
    switch (node.type) {
      case 'image': {
        const image = imageFor(images, node.attrs);
        if (!image || !PDF_IMAGE_TYPES.has(image.contentType)) return [directedBlock([{ text: words.imageMissing(node.attrs, image, 'PDF'), italics: true }], { margin: [0, 0, 0, 6], color: '#666666' }, width)];
        // A pixel is 0.75 pt at 96 dpi: small images keep their size, large ones shrink to the room they have (and a page's height).
        return [{ image: imageDataUrl(image), fit: [Math.min(width, image.width * 0.75), Math.min(TEXT_HEIGHT, image.height * 0.75)], margin: [0, 4, 0, 8] }];
      }
      case 'chartEmbed': {
        const chart = charts.get(chartKey(node.attrs) ?? '');
        return chart
          ? [{ ...chartSvg(chart.svg, Math.min(480, chart.width), words.rightToLeft ? 'rtl' : 'ltr'), margin: [0, 4, 0, 8] }]
          : [directedBlock([{ text: words.chartMissing(node.attrs), italics: true }], { margin: [0, 0, 0, 6], color: '#666666' }, width)];
      }
      case 'heading': {
        const level = Number(node.attrs?.['level']);
        const style = `h${Number.isFinite(level) ? Math.min(Math.max(1, Math.round(level)), 3) : 1}` as 'h1' | 'h2' | 'h3';
        return [directedBlock(inline(node.content), { style }, width, textDirection(plainText(node.content)))];
      }
      case 'paragraph':
        return [directedBlock(inline(node.content), { margin: [0, 0, 0, 6] }, width, textDirection(plainText(node.content)))];
      case 'actionItem': {
        // The label comes first, the line in the direction it starts with (as dir="auto" reads it in HTML).
        const label = words.actionItem(node.attrs);
        return [directedBlock([{ text: label, bold: true }, ...inline(node.content)], { margin: [0, 0, 0, 6] }, width, textDirection(label + plainText(node.content)))];
      }
      case 'blockquote': {
        // The indent on the side the quote starts from.
        const margin: [number, number, number, number] = readsRightToLeft(node.content) ? [0, 0, 18, 6] : [18, 0, 0, 6];
        return [{ stack: blocks(node.content, parts, width - 18), margin, color: '#444444' }];
      }
      case 'bulletList':
      case 'orderedList': {
        const items = node.content ?? [];
        // As wide as their column beside the marker (18 pt and a 4 pt gap).
        const stacks = items.map((item) => ({ stack: blocks(item.content, parts, width - 22) }));
        // A list follows its first item, as in the editor: pdfmake puts markers on the left only, so a right-to-left
        // list is drawn as rows with the marker in a column on the right.
        if (readsRightToLeft(items[0]?.content)) {
          return [
            {
              stack: stacks.map((item, index) => ({
                columns: [{ ...item, width: '*' }, { text: node.type === 'orderedList' ? `.${index + 1}` : '•', width: 18, alignment: 'right' }],
                columnGap: 4,
              })),
              margin: [0, 0, 0, 6],
            },
          ];
        }
        return [node.type === 'orderedList' ? { ol: stacks, margin: [0, 0, 0, 6] } : { ul: stacks, margin: [0, 0, 0, 6] }];
      }
      case 'table': {
        const rows = node.content ?? [];
        // Lines laid out by rtl-lines must fit their cell as measured: columns of equal width then, as the cells were
        // measured (pdfmake's own widths follow the content, and would break those lines again, out of order).
        const columns = Math.max(1, ...rows.map((row) => row.content?.length ?? 0));
        const widths = RTL_LETTER.test(plainText(rows)) ? { widths: Array<string>(columns).fill('*') } : {};
        // Columns from the right for a right-to-left reader, as their editor and the HTML export show them. A row with
        // fewer cells (merged ones) is filled up with empty ones: pdfmake refused it ("Malformed table row").
        const inOrder = (cells: Content[]): Content[] => {
          const full = [...cells, ...Array.from({ length: columns - cells.length }, () => ({ text: '' }))];
          return parts.words.rightToLeft ? full.reverse() : full;
        };
        return [
          {
            table: {
              ...widths,
              body: rows.map((row) =>
                inOrder((row.content ?? []).map((cell) => ({ stack: blocks(cell.content, parts, Math.max(24, width / Math.max(1, row.content?.length ?? 1) - 12)) }))),
              ),
            },
            margin: [0, 0, 0, 8],
          },
        ];
      }
      default:
        return node.content ? blocks(node.content, parts, width) : [];
    }
  });
}

export function toPdf(doc: ProseMirrorJson, header: ExportHeader, charts: Map<string, RenderedChart | null> = new Map(), images: ExportImages = new Map()): Promise<Buffer> {
  // The lines in the export's own words (stamp, footer) read in their language's direction (else by their text).
  const ownWords: Direction | null = header.words.rightToLeft ? 'rtl' : null;
  const footer = directedBlock([{ text: `${header.title} · ${header.versionStamp}` }], { fontSize: 8, alignment: 'center', color: '#666666' }, TEXT_WIDTH - 40, ownWords);
  const definition: TDocumentDefinitions = {
    info: { title: header.title, author: header.organisation, subject: `${header.period} · ${header.versionStamp}`, creator: 'SIMASHE Workspace' },
    pageMargins: [56, 56, 56, 56],
    // Laid out here, not while pages are drawn (measuring words then would start another document mid-drawing); the
    // page number in a column of its own, at the line's end.
    footer: (page, pages) => {
      const number: Column = { text: `${page}/${pages}`, width: 40, fontSize: 8, color: '#666666', alignment: ownWords === 'rtl' ? 'left' : 'right' };
      const text = { ...(structuredClone(footer) as object), width: '*' } as Column;
      return { columns: ownWords === 'rtl' ? [number, text] : [text, number], margin: [56, 0, 56, 0] };
    },
    content: [
      directedBlock([{ text: header.title }], { style: 'title' }, TEXT_WIDTH),
      // Read right to left, the period first: after the organisation's Latin name, a date's leading day would be read
      // with the name, away from its month.
      directedBlock([{ text: ownWords === 'rtl' ? `${header.period} · ${header.organisation}` : `${header.organisation} · ${header.period}`, italics: true }], {}, TEXT_WIDTH, ownWords),
      directedBlock([{ text: header.versionStamp, italics: true }], { margin: [0, 0, 0, 16] }, TEXT_WIDTH, ownWords),
      ...blocks(doc.content, { charts, images, words: header.words }),
    ],
    styles: STYLES,
    defaultStyle: { font: 'Roboto', fontSize: BODY_SIZE, lineHeight: 1.25 },
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
  // Laid out by now: the measuring document goes (see measure).
  releaseMeasuring();
  return new Promise((resolve, reject) => {
    const { footer } = definition;
    // The footer too: drawn page by page, its text given then.
    const scriptedFooter = typeof footer === 'function' ? (...args: Parameters<typeof footer>) => withScriptFonts(footer(...args)) : footer && withScriptFonts(footer);
    const pdf = pdfPrinter().createPdfKitDocument({ ...definition, footer: scriptedFooter, content: withScriptFonts(withBreakableWords(definition.content)) });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
