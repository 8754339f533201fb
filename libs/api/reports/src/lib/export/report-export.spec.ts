import { DocumentStore } from '@simashe/api-collaboration';
import { binaryBody, bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { ReportsModule } from '../reports.module';

describe('report export', () => {
  let t: TestApp;
  let editor: TestClient;
  let reportId: string;

  beforeAll(async () => {
    t = await bootTestApp([ReportsModule]);
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    editor = await signedInMember(t, kenya.id, 'editor');
    const templates = (await editor.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const created = await editor.post('/api/reports', {
      organisationId: kenya.id,
      title: 'Quarterly progress Q1',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      templateId: templates.find((x) => x.name === 'SIMASHE progress report')!.id,
    });
    reportId = created.body.id;
    // A hand-made update, as a hostile client could send: a javascript: link inside the text.
    const store = t.app.get(DocumentStore);
    const { doc } = await store.load(reportId);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      doc.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(1, [paragraph]);
      text.insert(0, 'Nairobi housing pilot', { bold: {}, link: { href: 'javascript:alert(1)' } });
      const raw = new Y.XmlElement('paragraph');
      const rawText = new Y.XmlText();
      raw.insert(0, [rawText]);
      doc.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(2, [raw]);
      rawText.insert(0, 'Budget <img src=x onerror=alert(1)> & more');
    });
    await store.append(reportId, Y.encodeStateAsUpdate(doc, before), null);
  });
  afterAll(() => t.close());

  const download = (format: string, query = '') => editor.get(`/api/reports/${reportId}/export?format=${format}${query}`).buffer(true).parse(binaryBody);

  it('exports HTML with title, organisation, period and version stamp, and inert links', async () => {
    const response = await download('html');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="quarterly-progress-q1.html"');
    const html = response.body.toString('utf8');
    for (const expected of ['<h1>Quarterly progress Q1</h1>', 'Kenya pathfinder', '1 January 2026 – 31 March 2026', 'Current version (Draft), exported', 'Equity and inequality findings', '<strong>Nairobi housing pilot</strong>']) {
      expect(html).toContain(expected);
    }
    expect(html).not.toContain('javascript:');
  });

  it('exports Markdown', async () => {
    const markdown = (await download('md')).body.toString('utf8');
    expect(markdown.startsWith('# Quarterly progress Q1\n')).toBe(true);
    expect(markdown).toContain('## Equity and inequality findings');
    expect(markdown).toContain('**Nairobi housing pilot**');
    // HTML typed as text stays text.
    expect(markdown).toContain('Budget &lt;img src=x onerror=alert(1)&gt; &amp; more');
    expect(markdown).not.toContain('<img');
  });

  it('exports a Word document', async () => {
    const response = await download('docx');
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(response.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Quarterly progress Q1');
    expect(xml).toContain('Equity and inequality findings');
    expect(xml).not.toContain('javascript:');
  });

  it('exports a PDF', async () => {
    const response = await download('pdf');
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.body.length).toBeGreaterThan(5000);
    expect(response.body.toString('latin1')).toContain('Quarterly progress Q1');
  });

  it('exports a past version with its stamp', async () => {
    const version = await editor.post(`/api/reports/${reportId}/versions`, { name: 'Submitted draft' });
    const html = (await download('html', `&versionId=${version.body.id}`)).body.toString('utf8');
    expect(html).toContain('Version “Submitted draft” of');
  });

  it('stamps exports in the exporting person’s time zone, with its offset', async () => {
    expect((await editor.patch('/api/me/profile', { timeZone: 'Asia/Kolkata' })).status).toBe(200);
    const html = (await download('html')).body.toString('utf8');
    const stamp = /exported (\d{1,2} \w+ \d{4}, \d{2}:\d{2}) \(UTC\+05:30\)/.exec(html);
    expect(stamp).not.toBeNull();
    const now = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Kolkata' }).format(new Date());
    expect(stamp![1].startsWith(now)).toBe(true);
    expect(html).not.toMatch(/exported [^<]* UTC</);
    await t.db.query('UPDATE users SET time_zone = $1 WHERE id = $2', ['UTC', editor.userId]);
  });

  it('speaks the exporting person’s language: stamp, period and page language', async () => {
    expect((await editor.patch('/api/me/profile', { preferredLanguage: 'fr' })).status).toBe(200);
    try {
      const html = (await download('html')).body.toString('utf8');
      expect(html).toContain('<html lang="fr" dir="ltr">');
      expect(html).toContain('1 janvier 2026 – 31 mars 2026');
      expect(html).toMatch(/Version actuelle \(Brouillon\), exportée le \d{1,2} \S+ \d{4}/);
    } finally {
      await editor.patch('/api/me/profile', { preferredLanguage: 'en' });
    }
  });

  it('rejects unknown formats and hides other organisations’ reports', async () => {
    expect((await editor.get(`/api/reports/${reportId}/export?format=exe`)).status).toBe(400);
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA' });
    const outsider = await signedInMember(t, brazil.id, 'admin');
    expect((await outsider.get(`/api/reports/${reportId}/export?format=pdf`)).status).toBe(404);
  });
});
