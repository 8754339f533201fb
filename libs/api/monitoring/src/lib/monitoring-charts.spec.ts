import { DocumentStore } from '@simashe/api-collaboration';
import { binaryBody, bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { demoDatasetCsv } from './demo-monitoring';
import { MonitoringModule } from './monitoring.module';

describe('monitoring charts embedded in reports', () => {
  let t: TestApp;
  let editor: TestClient;
  let stranger: TestClient;
  let datasetId: string;
  let reportId: string;
  const WEALTH = 'Economic status (wealth quintile)';

  const upload = (csv: string) => editor.request('post', `/api/datasets/${datasetId}/versions`).attach('file', Buffer.from(csv, 'utf8'), { filename: 'kenya.csv', contentType: 'text/csv' });
  const download = (format: string) => editor.get(`/api/reports/${reportId}/export?format=${format}`).buffer(true).parse(binaryBody);
  const embed = async (id: string, title: string) => {
    const store = t.app.get(DocumentStore);
    const { doc } = await store.load(reportId);
    const before = Y.encodeStateVector(doc);
    const node = new Y.XmlElement('chartEmbed');
    node.setAttribute('source', 'monitoring');
    node.setAttribute('id', id);
    node.setAttribute('title', title);
    doc.getXmlFragment(REPORT_DOCUMENT_FIELD).push([node]);
    await store.append(reportId, Y.encodeStateAsUpdate(doc, before), null);
  };

  beforeAll(async () => {
    t = await bootTestApp([MonitoringModule]);
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    editor = await signedInMember(t, kenya.id, 'editor');
    stranger = await signedInMember(t, brazil.id, 'editor');
    datasetId = (await editor.post('/api/datasets', { organisationId: kenya.id, name: 'Kenya equity data' })).body.id;
    expect((await upload(demoDatasetCsv(['Kenya']))).body.saved).toBe(true);
    const templates = (await editor.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    reportId = (await editor.post('/api/reports', { organisationId: kenya.id, title: 'Equity progress', periodStart: '2026-01-01', periodEnd: '2026-06-30', templateId: templates.find((x) => x.name === 'Blank report')!.id })).body.id;
  });
  afterAll(() => t.close());

  it('saves a chart that follows the current version, or one pinned to a version', async () => {
    const following = await editor.post(`/api/datasets/${datasetId}/charts`, { kind: 'disaggregated', indicator: 'anc4', dimension: WEALTH, setting: 'Kenya' });
    expect(following.status).toBe(201);
    expect(following.body).toMatchObject({ kind: 'disaggregated', version: 1, pinnedVersion: null, date: null });
    const pinned = await editor.post(`/api/datasets/${datasetId}/charts`, { kind: 'disaggregated', indicator: 'anc4', dimension: WEALTH, setting: 'Kenya', pinnedVersion: 1 });
    const view1 = (await editor.get(`/api/monitoring-charts/${following.body.id}`)).body;
    expect(view1.date).toBe(2022);
    expect(view1.rows.map((row: { subgroup: string }) => row.subgroup)).toEqual(['Quintile 1 (poorest)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (richest)']);

    // A new version of the dataset: the following chart shows it, the pinned one keeps version 1.
    expect((await upload(demoDatasetCsv(['Kenya']).replace(/^Kenya,2022,DHS,anc4,([^,]+),Economic status \(wealth quintile\),Quintile 1 \(poorest\),[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,/m, 'Kenya,2022,DHS,anc4,$1,Economic status (wealth quintile),Quintile 1 (poorest),12.5,1,10.5,14.5,'))).body.version).toBe(2);
    const view2 = (await editor.get(`/api/monitoring-charts/${following.body.id}`)).body;
    expect(view2.version).toBe(2);
    expect(view2.rows[0].estimate).toBe(12.5);
    const pinnedView = (await editor.get(`/api/monitoring-charts/${pinned.body.id}`)).body;
    expect(pinnedView.version).toBe(1);
    expect(pinnedView.rows[0].estimate).toBe(view1.rows[0].estimate);

    expect((await stranger.get(`/api/monitoring-charts/${following.body.id}`)).status).toBe(404);
    expect((await editor.post(`/api/datasets/${datasetId}/charts`, { kind: 'trend', indicator: 'anc4', dimension: WEALTH, setting: 'Kenya' })).status).toBe(400);
    expect((await editor.post(`/api/datasets/${datasetId}/charts`, { kind: 'disaggregated', indicator: 'nope', dimension: WEALTH, setting: 'Kenya' })).status).toBe(400);
    // A trend of a measure that cannot apply to the dimension would draw empty axes: refused with the reason.
    const sii = await editor.post(`/api/datasets/${datasetId}/charts`, { kind: 'trend', indicator: 'anc4', dimension: 'Sex', setting: 'Kenya', measure: 'sii' });
    expect(sii.status).toBe(400);
    expect(sii.body.message).toMatch(/^SII does not apply to the dimension "Sex"/);
    // A version that does not exist: 404; one beyond any version (above 2^31 it was a 500): 400.
    const chart = { kind: 'disaggregated', indicator: 'anc4', dimension: WEALTH, setting: 'Kenya' };
    expect((await editor.post(`/api/datasets/${datasetId}/charts`, { ...chart, pinnedVersion: 1_000_000 })).status).toBe(404);
    for (const pinnedVersion of [2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      const huge = await editor.post(`/api/datasets/${datasetId}/charts`, { ...chart, pinnedVersion });
      expect(huge.status).toBe(400);
      expect(huge.body.details).toEqual([{ path: 'pinnedVersion', message: 'There is no such version' }]);
    }
  });

  it('draws trends of a measure and measure tables, and prints them in PDF, Word and HTML exports', async () => {
    const trend = await editor.post(`/api/datasets/${datasetId}/charts`, { kind: 'trend', indicator: 'anc4', dimension: WEALTH, setting: 'Kenya', measure: 'sii' });
    const table = await editor.post(`/api/datasets/${datasetId}/charts`, { kind: 'measures', indicator: 'anc4', dimension: WEALTH, setting: 'Kenya', date: 2018 });
    const trendView = (await editor.get(`/api/monitoring-charts/${trend.body.id}`)).body;
    expect(trendView.measures.map((m: { date: number; measure: string }) => `${m.date}:${m.measure}`)).toEqual(['2014:sii', '2018:sii', '2022:sii']);
    const tableView = (await editor.get(`/api/monitoring-charts/${table.body.id}`)).body;
    // An ordered dimension: the measures for non-ordered dimensions are left out, not listed empty.
    expect(tableView.measures.map((m: { measure: string }) => m.measure)).toEqual(['d', 'r', 'par', 'paf', 'sii', 'rii', 'aci', 'rci']);
    const svg = await editor.get(`/api/monitoring-charts/${table.body.id}/svg?lang=fr`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(String(svg.body ?? svg.text)).toContain('Indice de pente des inégalités (SII)');

    const blankPdf = (await download('pdf')).body;
    await embed(trend.body.id, trend.body.title);
    await embed(table.body.id, table.body.title);
    const html = (await download('html')).body.toString('utf8');
    expect((html.match(/<figure><svg/g) ?? []).length).toBe(2);
    expect(html).toContain(table.body.title.replace(/&/g, '&amp;'));
    const docx = await JSZip.loadAsync((await download('docx')).body);
    expect(Object.keys(docx.files).filter((name) => name.startsWith('word/media/') && name.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    const pdf = (await download('pdf')).body;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Both charts drawn as vector paths (compressed): several kilobytes more than the report without them.
    expect(pdf.length).toBeGreaterThan(blankPdf.length + 4_000);
  });
});
