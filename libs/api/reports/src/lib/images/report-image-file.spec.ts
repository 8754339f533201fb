import { ValidationError } from '@simashe/api-core';
import { requireReportImage, sniffImage } from './report-image-file';

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u16le = (n: number) => Buffer.from([n & 0xff, n >> 8]);
const u24le = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, n >> 16]);
const u32be = (n: number) => Buffer.from([n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

// Headers only: what the sniffer reads.
const png = (w: number, h: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), u32be(13), Buffer.from('IHDR'), u32be(w), u32be(h), Buffer.from([8, 6, 0, 0, 0])]);
const gif = (w: number, h: number) => Buffer.concat([Buffer.from('GIF89a'), u16le(w), u16le(h), Buffer.alloc(8)]);
const jpeg = (w: number, h: number) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]), u16be(16), Buffer.from('JFIF\0'), Buffer.alloc(9),
    Buffer.from([0xff, 0xdb]), u16be(4), Buffer.alloc(2),
    Buffer.from([0xff, 0xc2]), u16be(17), Buffer.from([8]), u16be(h), u16be(w), Buffer.alloc(10),
  ]);
const riff = (chunk: string, body: Buffer) => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.from(chunk), Buffer.alloc(4), body, Buffer.alloc(8)]);
const webpLossless = (w: number, h: number) => {
  const bits = (w - 1) | ((h - 1) << 14);
  return riff('VP8L', Buffer.concat([Buffer.from([0x2f]), Buffer.from([bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff])]));
};
const webpLossy = (w: number, h: number) => riff('VP8 ', Buffer.concat([Buffer.alloc(6), u16le(w), u16le(h)]));
const webpExtended = (w: number, h: number) => riff('VP8X', Buffer.concat([Buffer.alloc(4), u24le(w - 1), u24le(h - 1)]));

const upload = (buffer: Buffer, mimetype = 'image/png', originalname = 'picture.png') => ({ buffer, mimetype, originalname, size: buffer.length });

describe('report image files', () => {
  it('recognises PNG, JPEG, GIF and WebP by their bytes, with their size in pixels', () => {
    expect(sniffImage(png(640, 480))).toEqual({ contentType: 'image/png', width: 640, height: 480 });
    expect(sniffImage(jpeg(1024, 768))).toEqual({ contentType: 'image/jpeg', width: 1024, height: 768 });
    expect(sniffImage(gif(16, 9))).toEqual({ contentType: 'image/gif', width: 16, height: 9 });
    expect(sniffImage(webpLossless(300, 200))).toEqual({ contentType: 'image/webp', width: 300, height: 200 });
    expect(sniffImage(webpLossy(301, 201))).toEqual({ contentType: 'image/webp', width: 301, height: 201 });
    expect(sniffImage(webpExtended(4000, 3000))).toEqual({ contentType: 'image/webp', width: 4000, height: 3000 });
  });

  it('recognises nothing else', () => {
    for (const bytes of [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from('%PDF-1.7'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      Buffer.from([0xff, 0xd8, 0xff]),
      Buffer.alloc(64),
      png(0, 10),
    ]) {
      expect(sniffImage(bytes)).toBeNull();
    }
  });

  it('takes the type from the bytes, never from what the browser said', () => {
    expect(requireReportImage(upload(gif(2, 2), 'image/png', 'x.png'))).toMatchObject({ contentType: 'image/gif', name: 'x.png' });
    expect(requireReportImage(upload(png(2, 2), 'application/octet-stream', ''))).toMatchObject({ contentType: 'image/png', name: 'image.png' });
  });

  it('refuses SVG, other files, empty files and huge pictures with a sentence', () => {
    const message = (file: Parameters<typeof requireReportImage>[0]) => {
      try {
        requireReportImage(file);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).message;
      }
      throw new Error('accepted');
    };
    expect(message(upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', 'logo.svg'))).toMatch(/^SVG images are not accepted/);
    expect(message(upload(Buffer.from('<?xml version="1.0"?>\n<svg/>'), 'image/png'))).toMatch(/^SVG images are not accepted/);
    expect(message(upload(Buffer.from('%PDF-1.7 …'), 'application/pdf', 'a.pdf'))).toBe(
      'This file is not a PNG, JPEG, GIF or WebP image (it was sent as application/pdf); only those can be added to a report',
    );
    expect(message(upload(Buffer.from('MZ'), 'image/png'))).toBe('This file is not a PNG, JPEG, GIF or WebP image; only those can be added to a report');
    expect(message(upload(Buffer.alloc(0)))).toBe('The image is empty');
    expect(message(undefined)).toBe('Choose an image to upload (form field "file")');
    expect(message(upload(png(20_000, 10)))).toMatch(/^The image is 20000 × 10 pixels/);
    expect(message(upload(png(8000, 8000)))).toMatch(/40 million pixels$/);
  });
});
