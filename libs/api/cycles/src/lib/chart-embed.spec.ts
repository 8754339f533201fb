import { DocumentStore } from '@simashe/api-collaboration';
import { binaryBody, bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { CyclesModule } from './cycles.module';

describe('measure charts embedded in reports', () => {
  let t: TestApp;
  let editor: TestClient;
  let reportId: string;
  let measureId: string;
  let kenyaId: string;

  beforeAll(async () => {
    t = await bootTestApp([CyclesModule]);
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    kenyaId = kenya.id;
    editor = await signedInMember(t, kenya.id, 'editor');
    const initiative = await editor.post('/api/initiatives', { organisationId: kenya.id, title: 'Air quality around schools', aimWhat: 'Fewer bad-air days at schools' });
    const measure = await editor.post(`/api/initiatives/${initiative.body.id}/measures`, { name: 'Bad-air alerts relayed', kind: 'process', direction: 'higher_is_better', chartType: 'xmr' });
    measureId = measure.body.id;
    const templates = (await editor.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const report = await editor.post('/api/reports', {
      organisationId: kenya.id,
      title: 'Quarterly progress',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      templateId: templates.find((x) => x.name === 'Blank report')!.id,
    });
    reportId = report.body.id;
    // The editor inserts the chart node (the same structure the web editor writes), plus one the reader cannot see.
    const store = t.app.get(DocumentStore);
    const { doc } = await store.load(reportId);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      const visible = new Y.XmlElement('chartEmbed');
      visible.setAttribute('source', 'measure');
      visible.setAttribute('id', measureId);
      visible.setAttribute('title', 'Bad-air alerts relayed');
      const hidden = new Y.XmlElement('chartEmbed');
      hidden.setAttribute('source', 'measure');
      hidden.setAttribute('id', '00000000-0000-4000-8000-000000000000');
      hidden.setAttribute('title', 'Someone else’s measure');
      doc.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [visible, hidden]);
    });
    await store.append(reportId, Y.encodeStateAsUpdate(doc, before), null);
  });
  afterAll(() => t.close());

  const download = (format: string) => editor.get(`/api/reports/${reportId}/export?format=${format}`).buffer(true).parse(binaryBody);

  it('exports the dashboard as a PDF with its charts', async () => {
    const response = await editor.get('/api/cycles-dashboard/export?format=pdf').buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.body.length).toBeGreaterThan(10_000);
    expect((await editor.get('/api/cycles-dashboard/export?format=xls')).status).toBe(400);
  });

  it('lists the measures one may embed', async () => {
    const list = await editor.get('/api/measures');
    expect(list.body.items).toEqual([expect.objectContaining({ id: measureId, name: 'Bad-air alerts relayed', initiativeTitle: 'Air quality around schools', organisationName: 'Kenya pathfinder' })]);
  });

  it('draws the chart from current data in HTML, Word and PDF, and says when a chart is not available', async () => {
    await editor.post(`/api/measures/${measureId}/points`, { points: [{ date: '2026-01-01', value: 4 }, { date: '2026-02-01', value: 7 }, { date: '2026-03-01', value: 5 }] });
    const html = (await download('html')).body.toString('utf8');
    expect(html).toMatch(/<figure><svg[^>]*>[\s\S]*<\/svg><figcaption>Bad-air alerts relayed<\/figcaption><\/figure>/);
    expect(html).toContain('[Chart not available: Someone else’s measure]');
    const firstSvg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));

    // New data: the next export redraws the chart.
    await editor.post(`/api/measures/${measureId}/points`, { points: [{ date: '2026-04-01', value: 11 }] });
    const redrawn = (await download('html')).body.toString('utf8');
    expect(redrawn.slice(redrawn.indexOf('<svg'), redrawn.indexOf('</svg>'))).not.toBe(firstSvg);

    const docx = await JSZip.loadAsync((await download('docx')).body);
    const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
    expect(media.some((name) => name.endsWith('.png'))).toBe(true);
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Bad-air alerts relayed');
    expect(xml).toContain('[Chart not available: Someone else’s measure]');

    const pdf = (await download('pdf')).body;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const markdown = (await download('md')).body.toString('utf8');
    expect(markdown).toContain('*[Chart: Bad-air alerts relayed]*');
  });

  describe('in the reader’s language', () => {
    let reader: TestClient;
    const speaks = async (language: string) => expect((await reader.patch('/api/me/profile', { preferredLanguage: language })).status).toBe(200);
    const svg = async (query = '') => {
      const response = await reader.get(`/api/measures/${measureId}/chart.svg${query}`);
      expect(response.status).toBe(200);
      return String(response.body ?? response.text);
    };

    beforeAll(async () => {
      reader = await signedInMember(t, kenyaId, 'viewer');
      await editor.post(`/api/measures/${measureId}/points`, { points: [{ date: '2026-05-01', value: 1234.5 }] });
    });

    it('draws the measure chart SVG in the user’s preferred language, or the one asked for with ?lang=', async () => {
      await speaks('fr');
      const french = await svg();
      // Legend, axis dates and numbers as the web draws them in French.
      expect(french).toContain('>Valeur<');
      expect(french).toContain('>Moyenne<');
      expect(french).toContain('>Étendue mobile<');
      expect(french).toContain('janv. 2026');
      expect(french).not.toContain('>Mean<');

      await speaks('ar');
      const arabic = await svg();
      expect(arabic).toContain('>القيمة<');
      expect(arabic).toContain('>المتوسط<');
      expect(arabic).toMatch(/يناير/);

      const spanish = await svg('?lang=es');
      expect(spanish).toContain('>Media<');
      expect(spanish).not.toContain('المتوسط');
      const wrong = await reader.get(`/api/measures/${measureId}/chart.svg?lang=de`);
      expect(wrong.status).toBe(400);
      // The reader speaks Arabic here, so the API's own sentence is Arabic too.
      expect(wrong.body.details[0]).toMatchObject({ path: 'lang', message: 'يجب أن تكون قيمة اللغة إحدى القيم التالية: en, fr, es, ar' });
    });

    it('writes the dashboard CSV headings and stage names in the reader’s language, numbers as a spreadsheet reads them', async () => {
      await speaks('fr');
      const french = await reader.get('/api/cycles-dashboard/export?format=csv');
      expect(french.status).toBe(200);
      const [header, row] = french.text.replace(/^\uFEFF/, '').split('\n');
      expect(header).toBe(
        'Pays pionnier,Pays,Région OMS,Initiatives,Étape,Jours à cette étape,Jalons en retard,Dernier rapport,Statut du rapport,Réunions (90 jours),Participation (90 jours),Enseignements publiés,Indicateurs en amélioration,Indicateurs préoccupants',
      );
      // Kenya has one initiative, no cycle running, a draft report, and the 1234.5 point is an improvement signal.
      expect(row).toMatch(/^Kenya pathfinder,KEN,AFRO,1,Aucun cycle actif,,0,Quarterly progress,Brouillon,0,,0,1,0$/);

      const english = await reader.get('/api/cycles-dashboard/export?format=csv&lang=en');
      expect(english.text.split('\n')[0]).toBe(
        '\uFEFFPathfinder,Country,WHO region,Initiatives,Stage,Days in stage,Overdue milestones,Last report,Report status,Meetings (90 days),Attendance (90 days),Lessons published,Measures improving,Measures of concern',
      );
      expect((await reader.get('/api/cycles-dashboard/export?format=csv&lang=xx')).status).toBe(400);
    });

    it('draws charts embedded in an exported report in the exporting reader’s language, Arabic in PDF too', async () => {
      await speaks('fr');
      const html = (await reader.get(`/api/reports/${reportId}/export?format=html`).buffer(true).parse(binaryBody)).body.toString('utf8');
      expect(html).toContain('>Moyenne<');
      await speaks('ar');
      const arabic = (await reader.get(`/api/reports/${reportId}/export?format=html`).buffer(true).parse(binaryBody)).body.toString('utf8');
      expect(arabic).toContain('>المتوسط<');
      const pdf = await reader.get(`/api/reports/${reportId}/export?format=pdf`).buffer(true).parse(binaryBody);
      expect(pdf.status).toBe(200);
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      // The dashboard PDF is in Arabic (declared, in the Arabic font; its charts' words laid out by chartSvg).
      const dashboard = await reader.get('/api/cycles-dashboard/export?format=pdf').buffer(true).parse(binaryBody);
      expect(dashboard.status).toBe(200);
      expect(dashboard.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(dashboard.body.toString('latin1')).toContain('/Lang (ar)');
      expect(dashboard.body.includes('Amiri')).toBe(true);
      const french = await reader.get('/api/cycles-dashboard/export?format=pdf&lang=fr').buffer(true).parse(binaryBody);
      expect(french.body.toString('latin1')).toContain('/Lang (fr)');
    });
  });
});
