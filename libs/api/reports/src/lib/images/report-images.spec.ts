import { DocumentStore } from '@simashe/api-collaboration';
import { binaryBody, bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import { reportImageSrc } from '@simashe/editor';
import { Resvg } from '@resvg/resvg-js';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { ReportsModule } from '../reports.module';

/** A real PNG (pdfkit and Word decode it): 120 × 60 pixels of colour. */
const PNG = Buffer.from(
  new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#0a7"/><circle cx="60" cy="30" r="20" fill="#fc0"/></svg>').render().asPng(),
);
const GIF = Buffer.from('R0lGODdhAQABAIABAP8AAAAAACwAAAAAAQABAAACAkQBADs=', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');

describe('report images', () => {
  let t: TestApp;
  let editor: TestClient;
  let admin: TestClient;
  let viewer: TestClient;
  let regional: TestClient;
  let outsider: TestClient;
  let reportId: string;

  const upload = (client: TestClient, bytes: Buffer, filename: string, contentType: string, id = reportId) =>
    client.request('post', `/api/reports/${id}/images`).attach('file', bytes, { filename, contentType });
  const fetchImage = (client: TestClient, src: string) => client.get(src).buffer(true).parse(binaryBody);

  beforeAll(async () => {
    t = await bootTestApp([ReportsModule]);
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const afro = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO office' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA' });
    editor = await signedInMember(t, kenya.id, 'editor');
    viewer = await signedInMember(t, kenya.id, 'viewer');
    admin = await signedInMember(t, kenya.id, 'admin');
    regional = await signedInMember(t, afro.id, 'editor');
    outsider = await signedInMember(t, brazil.id, 'admin');
    const templates = (await editor.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const created = await editor.post('/api/reports', {
      organisationId: kenya.id,
      title: 'Drains in pictures',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      templateId: templates.find((x) => x.name === 'Blank report')!.id,
    });
    reportId = created.body.id;
  });
  afterAll(() => t.close());

  it('takes an image from the document’s writers and shows it to its readers, as the type its bytes are', async () => {
    const response = await upload(editor, PNG, 'Kibera drain.png', 'image/png');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      reportId,
      src: reportImageSrc(reportId, response.body.id),
      name: 'Kibera drain.png',
      contentType: 'image/png',
      size: PNG.length,
      width: 120,
      height: 60,
      createdAt: expect.any(String),
    });
    for (const reader of [editor, viewer, regional]) {
      const image = await fetchImage(reader, response.body.src);
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(image.headers['cache-control']).toBe('private, max-age=86400');
      expect(image.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('Kibera drain.png')}`);
      expect(Buffer.compare(image.body, PNG)).toBe(0);
    }
    // Strangers to the report do not learn it exists.
    expect((await outsider.get(response.body.src)).status).toBe(404);
    expect((await t.http().get(response.body.src)).status).toBe(401);
  });

  it('recognises a GIF sent as PNG and stores what it is', async () => {
    const response = await upload(editor, GIF, 'dot.png', 'image/png');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ contentType: 'image/gif', width: 1, height: 1 });
    expect((await fetchImage(viewer, response.body.src)).headers['content-type']).toBe('image/gif');
  });

  it('refuses SVG and anything that is not a PNG, JPEG, GIF or WebP with a 400 that says why', async () => {
    const svg = await upload(editor, SVG, 'logo.svg', 'image/svg+xml');
    expect(svg.status).toBe(400);
    expect(svg.body).toMatchObject({ id: 'validation_error', message: expect.stringMatching(/^SVG images are not accepted/), details: [{ path: 'file', message: expect.any(String) }] });
    const html = await upload(editor, Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', 'image/png');
    expect(html.status).toBe(400);
    expect(html.body.message).toBe('This file is not a PNG, JPEG, GIF or WebP image; only those can be added to a report');
    const nul = await upload(editor, Buffer.from('\u0000\u0000\u0000'), 'a\u0000b.png', 'image/png');
    expect(nul.status).toBe(400);
    expect((await editor.post(`/api/reports/${reportId}/images`, {})).body).toMatchObject({ statusCode: 400, message: 'Choose an image to upload (form field "file")' });
    const huge = await upload(editor, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'big.png', 'image/png');
    expect(huge.status).toBe(413);
  });

  it('lets only those who may type in the document add images', async () => {
    expect((await upload(viewer, PNG, 'x.png', 'image/png')).status).toBe(403);
    const refused = await upload(regional, PNG, 'x.png', 'image/png');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Only editors and admins of this organisation can add images to this report while it is a draft or in review');
    expect((await upload(outsider, PNG, 'x.png', 'image/png')).status).toBe(404);
    await t.db.query(`UPDATE reports SET status = 'submitted' WHERE id = $1`, [reportId]);
    expect((await upload(editor, PNG, 'x.png', 'image/png')).status).toBe(403);
    await t.db.query(`UPDATE reports SET status = 'draft' WHERE id = $1`, [reportId]);
  });

  it('answers 400 to malformed identifiers and 404 to unknown ones, never a 500', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await editor.get(`/api/reports/${reportId}/images/not-a-uuid`)).status).toBe(400);
    expect((await editor.get(`/api/reports/${reportId}/images/%00`)).status).toBe(400);
    expect((await editor.get(`/api/reports/${reportId}/images/${unknown}`)).body).toMatchObject({ statusCode: 404, message: expect.stringMatching(/image/) });
    expect((await editor.get(`/api/reports/${unknown}/images/${unknown}`)).status).toBe(404);
    expect((await upload(editor, PNG, 'x.png', 'image/png', 'nope')).status).toBe(400);
    expect((await upload(editor, PNG, 'x.png', 'image/png', unknown)).status).toBe(404);
    // Another report's image is not reachable through this report's address.
    const other = await editor.post('/api/reports', { organisationId: (await t.db.query('SELECT organisation_id FROM reports WHERE id = $1', [reportId]))[0].organisation_id, title: 'Other', periodStart: '2026-01-01', periodEnd: '2026-03-31', templateId: (await editor.get('/api/report-templates')).body.items[0].id });
    const image = await upload(editor, PNG, 'x.png', 'image/png', other.body.id);
    expect((await editor.get(`/api/reports/${reportId}/images/${image.body.id}`)).status).toBe(404);
  });

  describe('exports', () => {
    let src: string;
    let gifSrc: string;
    const download = (format: string) => editor.get(`/api/reports/${reportId}/export?format=${format}`).buffer(true).parse(binaryBody);

    beforeAll(async () => {
      src = (await upload(editor, PNG, 'drain.png', 'image/png')).body.src;
      gifSrc = (await upload(editor, GIF, 'dot.gif', 'image/gif')).body.src;
      const otherReportImage = (await t.db.query('SELECT report_id, id FROM report_images WHERE report_id <> $1 LIMIT 1', [reportId]))[0];
      const store = t.app.get(DocumentStore);
      const { doc } = await store.load(reportId);
      const before = Y.encodeStateVector(doc);
      const image = (address: string, alt: string) => {
        const element = new Y.XmlElement('image');
        element.setAttribute('src', address);
        element.setAttribute('alt', alt);
        return element;
      };
      doc.transact(() => {
        doc.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [
          image(src, 'The Kibera drain [after] cleaning'),
          image(gifSrc, 'A dot'),
          // Hand-made updates: another report's image and an outside address never reach an export.
          image(reportImageSrc(otherReportImage.report_id, otherReportImage.id), 'Someone else’s'),
          image('https://tracker.example/pixel.png', 'Tracker'),
        ]);
        // Inside a table cell of a two-column table, the picture shrinks to the cell.
        const table = new Y.XmlElement('table');
        const row = new Y.XmlElement('tableRow');
        const cells = [new Y.XmlElement('tableCell'), new Y.XmlElement('tableCell')];
        cells[0].insert(0, [image(src, 'In a cell')]);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Beside it')]);
        cells[1].insert(0, [paragraph]);
        row.insert(0, cells);
        table.insert(0, [row]);
        doc.getXmlFragment(REPORT_DOCUMENT_FIELD).push([table]);
      });
      await store.append(reportId, Y.encodeStateAsUpdate(doc, before), null);
    });

    it('embeds the image in the PDF, scaled to the page', async () => {
      const withImage = await download('pdf');
      expect(withImage.status).toBe(200);
      const pdf = withImage.body.toString('latin1');
      expect(pdf).toMatch(/\/Subtype \/Image/);
      expect(pdf).toMatch(/\/Width 120/);
      // pdfkit draws PNG and JPEG only: the GIF is named in the text.
      expect(pdf).not.toContain('Tracker');
    });

    it('embeds the images Word can show in the DOCX, with their alternative text', async () => {
      const response = await download('docx');
      const zip = await JSZip.loadAsync(response.body);
      const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
      expect(media).toHaveLength(2);
      const pngs = await Promise.all(media.map((name) => zip.file(name)!.async('nodebuffer')));
      expect(pngs.some((bytes) => Buffer.compare(bytes, PNG) === 0)).toBe(true);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('descr="The Kibera drain [after] cleaning"');
      // 120 px wide at 9,525 EMU a pixel, in the text and in half a table (it fits both).
      expect(xml).toContain('descr="In a cell"');
      expect(xml).toContain('cx="1143000"');
      expect(xml).not.toContain('Someone else');
      expect(xml).not.toContain('tracker.example');
    });

    it('makes the HTML file self-contained and links the images in Markdown', async () => {
      const html = (await download('html')).body.toString('utf8');
      expect(html).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="The Kibera drain [after] cleaning">`);
      expect(html).toContain('data:image/gif;base64,');
      expect(html).not.toContain('tracker.example');
      expect(html).not.toContain('Someone else');
      const markdown = (await download('md')).body.toString('utf8');
      expect(markdown).toContain(`![The Kibera drain \\[after\\] cleaning](http://localhost:3999${src})`);
      expect(markdown).not.toContain('tracker.example');
    });

    it('keeps images out of a template made from the report (reports made from it could not read them)', async () => {
      const template = await admin.post(`/api/reports/${reportId}/save-as-template`, { name: 'With pictures', description: '' });
      expect(template.status).toBe(201);
      const [row] = await t.db.query('SELECT content FROM report_templates WHERE id = $1', [template.body.id]);
      expect(JSON.stringify(row.content)).not.toContain('"image"');
      expect(JSON.stringify(row.content)).not.toContain('/images/');
    });
  });
});
