import { safeFileName, ValidationError, type UploadedFileData } from '@simashe/api-core';
import { REPORT_IMAGE_TYPES, type ReportImageType } from '@simashe/contracts';

/** What the bytes of an image are, whatever the browser said: its type and size in pixels. */
export interface SniffedImage {
  contentType: ReportImageType;
  width: number;
  height: number;
}

/** Larger pictures are refused: a browser, pdfkit or Word would decode them whole (a few kB of PNG can be 1 GB of pixels). */
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 40_000_000;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(b: Buffer): SniffedImage | null {
  if (b.length < 24 || !b.subarray(0, 8).equals(PNG) || b.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { contentType: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gif(b: Buffer): SniffedImage | null {
  const magic = b.subarray(0, 6).toString('latin1');
  if (b.length < 10 || (magic !== 'GIF87a' && magic !== 'GIF89a')) return null;
  return { contentType: 'image/gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

function jpeg(b: Buffer): SniffedImage | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  // Walk the segments to the first frame header (SOF0–SOF15, except DHT, JPG and DAC), which holds the size.
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { contentType: 'image/jpeg', width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webp(b: Buffer): SniffedImage | null {
  if (b.length < 30 || b.subarray(0, 4).toString('latin1') !== 'RIFF' || b.subarray(8, 12).toString('latin1') !== 'WEBP') return null;
  const chunk = b.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8 ') return { contentType: 'image/webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { contentType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { contentType: 'image/webp', width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** The image the bytes hold (PNG, JPEG, GIF or WebP, read from their headers), or null. */
export function sniffImage(bytes: Buffer): SniffedImage | null {
  const image = png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes);
  return image && image.width > 0 && image.height > 0 ? image : null;
}

function refuse(message: string): never {
  throw new ValidationError(message, [{ path: 'file', message }]);
}

/** The uploaded image, checked by its bytes: 400 with a sentence saying why when it is missing, not an image we take, or too large. */
export function requireReportImage(file: UploadedFileData | undefined): SniffedImage & { name: string; data: Buffer; size: number } {
  if (!file) refuse('Choose an image to upload (form field "file")');
  if (file.size === 0 || file.buffer.length === 0) refuse('The image is empty');
  const image = sniffImage(file.buffer);
  if (!image) {
    const head = file.buffer.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
    const svg = file.mimetype === 'image/svg+xml' || head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
    refuse(
      svg
        ? 'SVG images are not accepted (they can carry scripts); export the picture as PNG and upload that'
        : `This file is not a PNG, JPEG, GIF or WebP image${file.mimetype && !(file.mimetype in REPORT_IMAGE_TYPES) ? ` (it was sent as ${file.mimetype.slice(0, 100)})` : ''}; only those can be added to a report`,
    );
  }
  if (image.width > MAX_IMAGE_SIDE || image.height > MAX_IMAGE_SIDE || image.width * image.height > MAX_IMAGE_PIXELS) {
    refuse(`The image is ${image.width} × ${image.height} pixels; images are at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} million pixels`);
  }
  const extension = REPORT_IMAGE_TYPES[image.contentType];
  // A pasted screenshot arrives as "image.png"; a name without a fitting extension gets one, so a download opens right.
  const name = safeFileName(file.originalname, 'image/png').replace(/^evidence\.png$/, `image.${extension}`);
  return { ...image, name, data: file.buffer, size: file.buffer.length };
}
