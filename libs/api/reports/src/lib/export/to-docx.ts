import { imageAltText, mentionText, type ProseMirrorJson } from '@simashe/editor';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { chartKey, type RenderedChart } from './chart-embeds';
import type { ExportHeader } from './export-header';
import { imageFor, type ExportImages, type ExportParts } from './export-images';
import { plainText, RTL_LETTER, textDirection } from './rtl-lines';

/**
 * A paragraph reads right to left (Word's "bidi": its start on the right, list numbers there too) when its first
 * letter does, as dir="auto" decides in the editor.
 */
function direction(text: string): { bidirectional?: true } {
  return textDirection(text) === 'rtl' ? { bidirectional: true } : {};
}

/** A run of right-to-left letters is marked so (Word shapes and orders it as such: "w:rtl"). */
function textRun(options: { text: string; bold?: boolean; italics?: boolean; underline?: object; strike?: boolean; style?: string; break?: number }): TextRun {
  return new TextRun({ ...options, ...(RTL_LETTER.test(options.text) ? { rightToLeft: true } : {}) });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

function runs(nodes: ProseMirrorJson[] = []): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    if (node.type === 'hardBreak') return [textRun({ text: '', break: 1 })];
    if (node.type === 'mention') return [textRun({ text: mentionText(node.attrs), bold: true })];
    if (node.type !== 'text') return [];
    const has = (type: string) => node.marks?.some((mark) => mark.type === type) ?? false;
    const run = textRun({
      text: node.text ?? '',
      bold: has('bold'),
      italics: has('italic'),
      underline: has('underline') ? {} : undefined,
      strike: has('strike'),
      style: has('link') ? 'Hyperlink' : undefined,
    });
    const link = node.marks?.find((mark) => mark.type === 'link');
    return link ? [new ExternalHyperlink({ link: String(link.attrs?.['href']), children: [run] })] : [run];
  });
}

/** What Word draws (no WebP). */
const DOCX_IMAGE_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as const;
/** The text's width on an A4 or Letter page with Word's default margins, in pixels at 96 dpi. */
const TEXT_WIDTH_PX = 600;

function imageParagraph(node: ProseMirrorJson, { images, words }: ExportParts, room: number): Paragraph {
  const image = imageFor(images, node.attrs);
  const type = image ? DOCX_IMAGE_TYPES[image.contentType as keyof typeof DOCX_IMAGE_TYPES] : undefined;
  if (!image || !type) {
    const missing = words.imageMissing(node.attrs, image, 'Word');
    return new Paragraph({ children: [textRun({ text: missing, italics: true })], ...direction(missing) });
  }
  const width = Math.min(room, image.width);
  const height = Math.max(1, Math.round((image.height / image.width) * width));
  const alt = imageAltText(node.attrs);
  return new Paragraph({ children: [new ImageRun({ type, data: image.data, transformation: { width, height }, altText: { name: alt || words.image, description: alt, title: alt } })] });
}

/** `room`: the width the blocks have, in pixels (less in table cells), so images fit it. */
function blocks(
  nodes: ProseMirrorJson[] = [],
  list: { reference: string; level: number } | undefined,
  parts: ExportParts,
  room = TEXT_WIDTH_PX,
): Array<Paragraph | Table> {
  const { charts, words } = parts;
  return nodes.flatMap((node): Array<Paragraph | Table> => {
    switch (node.type) {
      case 'image':
        return [imageParagraph(node, parts, room)];
      case 'chartEmbed': {
        const chart = charts.get(chartKey(node.attrs) ?? '');
        if (!chart) {
          const missing = words.chartMissing(node.attrs);
          return [new Paragraph({ children: [textRun({ text: missing, italics: true })], ...direction(missing) })];
        }
        // SVG for Word 2019+ and 365, the PNG for older readers.
        const width = Math.min(600, chart.width);
        const height = Math.round((chart.height / chart.width) * width);
        return [
          new Paragraph({
            children: [
              new ImageRun({
                type: 'svg',
                data: Buffer.from(chart.svg),
                fallback: { type: 'png', data: chart.png },
                transformation: { width, height },
                altText: { name: chart.title, description: chart.title, title: chart.title },
              }),
            ],
          }),
        ];
      }
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[Math.min(Number(node.attrs?.['level'] ?? 1), 6) - 1], children: runs(node.content), ...direction(plainText(node.content)) })];
      case 'paragraph':
        return [new Paragraph({ children: runs(node.content), ...(list ? { numbering: list } : {}), ...direction(plainText(node.content)) })];
      case 'actionItem': {
        // Its label first, the whole line in the direction it starts with (as dir="auto" reads it in HTML).
        const label = words.actionItem(node.attrs);
        return [new Paragraph({ children: [textRun({ text: label, bold: true }), ...runs(node.content)], ...direction(label + plainText(node.content)) })];
      }
      case 'blockquote':
        return blocks(node.content, undefined, parts, room);
      case 'bulletList':
      case 'orderedList': {
        const reference = node.type === 'bulletList' ? 'bullets' : 'numbers';
        const level = list ? list.level + 1 : 0;
        return (node.content ?? []).flatMap((item) => blocks(item.content, { reference, level }, parts, room));
      }
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            // Columns from the right for a right-to-left reader, as their editor and the HTML export show them.
            visuallyRightToLeft: words.rightToLeft,
            rows: (node.content ?? []).map(
              (row) => new TableRow({ children: (row.content ?? []).map((cell) => new TableCell({ children: blocks(cell.content, undefined, parts, Math.max(32, room / Math.max(1, row.content?.length ?? 1) - 16)) as Paragraph[] })) }),
            ),
          }),
        ];
      case 'horizontalRule':
        return [new Paragraph({ children: [new TextRun('———')], alignment: AlignmentType.CENTER })];
      default:
        return node.content ? blocks(node.content, list, parts, room) : [];
    }
  });
}

export function toDocx(doc: ProseMirrorJson, header: ExportHeader, charts: Map<string, RenderedChart | null> = new Map(), images: ExportImages = new Map()): Promise<Buffer> {
  const ownWords = header.words.rightToLeft ? { bidirectional: true as const } : {};
  const document = new Document({
    title: header.title,
    creator: 'SIMASHE Workspace',
    description: `${header.organisation} · ${header.period} · ${header.versionStamp}`,
    numbering: {
      config: [
        { reference: 'bullets', levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT })) },
        { reference: 'numbers', levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.LEFT })) },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [textRun({ text: header.title })], ...direction(header.title) }),
          // The export's own lines read in its language's direction.
          new Paragraph({ children: [textRun({ text: `${header.organisation} · ${header.period}`, italics: true })], ...ownWords }),
          new Paragraph({ children: [textRun({ text: header.versionStamp, italics: true })], ...ownWords }),
          ...blocks(doc.content, undefined, { charts, images, words: header.words }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
