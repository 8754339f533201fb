/** A piece of text pdfkit was asked to draw, where (points from the page's top left) and how wide. */
export interface PdfFragment {
  text: string;
  x: number;
  y: number;
  width: number;
}

/** What pdfkit (the one pdfmake draws with) is asked to draw, fragment by fragment, while `work` runs. */
export async function pdfFragments(work: () => Promise<unknown>): Promise<PdfFragment[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PDFDocument = require('@foliojs-fork/pdfkit');
  const fragments: PdfFragment[] = [];
  const original = PDFDocument.prototype._fragment;
  PDFDocument.prototype._fragment = function (this: unknown, ...args: unknown[]) {
    fragments.push({ text: String(args[0]), x: Number(args[1]), y: Number(args[2]), width: Number((args[3] as { textWidth?: number })?.textWidth ?? 0) });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    PDFDocument.prototype._fragment = original;
  }
  return fragments;
}

/** The fragments of the line holding `text` (within 4 pt: Arabic and Latin fragments sit on slightly different tops), from the right. */
export function lineFromRight(fragments: PdfFragment[], text: string): PdfFragment[] {
  const first = fragments.find((fragment) => fragment.text.includes(text));
  return fragments.filter((fragment) => first && Math.abs(fragment.y - first.y) < 4 && fragment.text.trim() !== '').sort((a, b) => b.x - a.x);
}
