import { stripBidiControls, UPLOAD_FILE_TYPES } from '@simashe/contracts';
import type { Response } from 'express';
import { ValidationError } from '../errors';

/** What multer hands over for one uploaded file. */
export interface UploadedFileData {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  pdf: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  // Office documents are ZIP packages.
  docx: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  xlsx: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  pptx: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  // Text: no NUL bytes, valid UTF-8.
  csv: (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
  txt: (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
};

/** Why a file is refused (type not allowed, or its bytes are not what its type says), or null. */
export function fileProblem(file: UploadedFileData): string | null {
  const kind = UPLOAD_FILE_TYPES[file.mimetype];
  if (!kind) return `Files of type ${file.mimetype || 'unknown'} are not accepted; use PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG`;
  if (file.size === 0) return 'The file is empty';
  if (!SIGNATURES[kind](file.buffer)) return `The file's content is not a ${kind.toUpperCase()} file`;
  return null;
}

/** A plain file name: no folders, no control characters, at most 200 characters. */
export function safeFileName(name: string, contentType: string): string {
  // Multipart parsers hand over UTF-8 names read as Latin-1 ("Ã‰valuation"); read them back when they were UTF-8.
  // A name holding a character beyond Latin-1 was not read that way (cut to bytes, "تقرير" became "*B1J1").
  const latin1 = [...name].every((character) => character.charCodeAt(0) <= 0xff);
  const utf8 = latin1 ? Buffer.from(name, 'latin1').toString('utf8') : name;
  const decoded = utf8.includes('\uFFFD') ? name : utf8;
  // Bidi overrides go too: "evil\u202Ecod.exe" would be offered for download reading as "evilexe.doc".
  const base = stripBidiControls(decoded.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return base || `evidence.${UPLOAD_FILE_TYPES[contentType]}`;
}

/** The uploaded file, checked: 400 naming the field when it is missing, of a refused type, or not what it claims. */
export function requireAcceptableFile(file: UploadedFileData | undefined): UploadedFileData & { safeName: string } {
  if (!file) throw new ValidationError('Choose a file to upload', [{ path: 'file', message: 'No file in the upload (form field "file")' }]);
  const problem = fileProblem(file);
  if (problem) throw new ValidationError(problem, [{ path: 'file', message: problem }]);
  return { ...file, safeName: safeFileName(file.originalname, file.mimetype) };
}

/** Always a download (never shown inline, never sniffed), so an uploaded file cannot run as a page of the app. */
export function sendAttachment(response: Response, file: { name: string; contentType: string; data: Buffer }): void {
  response
    .status(200)
    .setHeader('Content-Type', file.contentType)
    .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .setHeader('X-Content-Type-Options', 'nosniff')
    .send(file.data);
}
