import { DocumentStore } from '@simashe/api-collaboration';
import { bootTestApp, createOrganisation, signedInMember, type TestApp } from '@simashe/api-testing';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';
import { ReportsModule } from './reports.module';

describe('report search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([ReportsModule]);
  });
  afterAll(() => t.close());

  it('indexes the text again when a version is kept (the document.version_saved event)', async () => {
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN' });
    const editor = await signedInMember(t, kenya.id, 'editor');
    const template = (await editor.get('/api/report-templates')).body.items[0].id;
    const report = await editor.post('/api/reports', { organisationId: kenya.id, title: 'Q3 progress', periodStart: '2026-07-01', periodEnd: '2026-09-30', templateId: template });
    const found = async () => (await editor.get('/api/search?q=qanat')).body.items.map((item: { title: string }) => item.title);
    expect(await found()).toEqual([]);

    // Text written as live edits are (appended to the document's log), which does not touch the search index by itself.
    const store = t.app.get(DocumentStore);
    const { doc } = await store.load(report.body.id);
    const before = Y.encodeStateVector(doc);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Restoring the qanat brought water back to the district.')]);
    doc.getXmlFragment(REPORT_DOCUMENT_FIELD).push([paragraph]);
    await store.append(report.body.id, Y.encodeStateAsUpdate(doc, before), editor.userId);
    expect(await found()).toEqual([]);

    expect((await editor.post(`/api/reports/${report.body.id}/versions`, { name: 'After the field visit' })).status).toBe(201);
    // Indexing starts when the version is stored and does not hold up the request: wait for it.
    for (let attempt = 0; attempt < 200 && (await found()).length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await found()).toEqual(['Q3 progress']);
  });
});
