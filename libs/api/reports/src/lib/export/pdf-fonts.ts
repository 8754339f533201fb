import type PdfPrinterClass from 'pdfmake';
import { readFileSync } from 'node:fs';
import { tokens, type Token } from './rtl-lines';

/**
 * The font of text in Arabic script: Amiri, a Naskh with Latin letters and figures too, whose letters carry their dots
 * (Noto Naskh Arabic draws dots apart: its PDFs looked right but copied, searched and read aloud as other letters).
 */
export const ARABIC_FONT = 'Amiri';

// pdfmake ships Roboto as base64 in its virtual file system; the server reads the same files. They and the Arabic
// font are loaded on the first PDF asked for (about 10 MB the API otherwise never needs).
let printer: PdfPrinterClass | null = null;
/** The fonts' files, by family and style (for measuring text: see measure). */
let fontFiles: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', Buffer>> = {};
export function pdfPrinter(): PdfPrinterClass {
  if (printer) return printer;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PdfPrinter: typeof PdfPrinterClass = require('pdfmake');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vfs: Record<string, string> = require('pdfmake/build/vfs_fonts');
  const font = (name: string) => Buffer.from(vfs[name], 'base64');
  const arabic = (style: string) => readFileSync(require.resolve(`@expo-google-fonts/amiri/${style}/Amiri_${style}.ttf`));
  fontFiles = {
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
    [ARABIC_FONT]: { normal: arabic('400Regular'), bold: arabic('700Bold'), italics: arabic('400Regular_Italic'), bolditalics: arabic('700Bold_Italic') },
  };
  printer = new PdfPrinter(fontFiles);
  return printer;
}

/**
 * A PDF document never written, whose fonts measure words as pdfmake will draw them. One per PDF (dropped once its
 * content is laid out: pdfkit keeps every word it measured).
 */
let measuring: PDFKit.PDFDocument | null = null;

/** A piece's width in points, in its font (the Arabic one for Arabic text, as withScriptFonts chooses) and style. */
export function measure(text: string, style: { bold?: boolean; italics?: boolean; fontSize: number; font?: string }): number {
  if (!measuring) {
    const document = pdfPrinter().createPdfKitDocument({ content: [] });
    for (const [family, files] of Object.entries(fontFiles)) for (const [variant, file] of Object.entries(files)) document.registerFont(`${family}-${variant}`, file);
    measuring = document;
  }
  const variant = style.bold ? (style.italics ? 'bolditalics' : 'bold') : style.italics ? 'italics' : 'normal';
  return measuring.font(`${style.font ?? 'Roboto'}-${variant}`).fontSize(style.fontSize).widthOfString(text);
}

/** Characters of the Arabic blocks (letters, and the Arabic comma, question mark and percent): Roboto has none. */
export const ARABIC_TEXT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** Pieces of text with their font: the Arabic one for a piece with Arabic characters. */
export function withFonts(pieces: Token[]): Token[] {
  return pieces.map((piece) => (ARABIC_TEXT.test(piece.text) ? { ...piece, font: ARABIC_FONT } : piece));
}

/** Drops the measuring document (pdfkit keeps every word it measured): once a PDF's content is laid out. */
export function releaseMeasuring(): void {
  measuring = null;
}

/**
 * A text's width as the PDF fonts draw it (Roboto, Amiri for Arabic pieces), for ECharts laying a chart out on the
 * server (`font`: a CSS font, "bold 12px sans-serif"). Without a canvas ECharts counted every letter it has no width
 * for as a whole em: an Arabic legend took twice its room, wrapped, and ran into the plot.
 */
export function textWidth(text: string, font: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(font);
  return withFonts(tokens([{ text }])).reduce((sum, piece) => sum + (piece.kind === 'break' ? 0 : measure(piece.text, { fontSize: size, bold, font: piece.font })), 0);
}
