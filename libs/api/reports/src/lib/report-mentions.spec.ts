import { bootTestApp, collabClient, createOrganisation, eventually, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import type { CollabProvider } from '@simashe/collab-client';
import { REPORT_DOCUMENT_FIELD, type DocumentRef } from '@simashe/contracts';
import * as Y from 'yjs';
import { ReportsModule } from './reports.module';

/** What the editor stores for "@Name": a mention element with id, kind and label (see @simashe/editor's ReportMention). */
function mention(kind: 'user' | 'org', id: string, label: string): Y.XmlElement {
  const element = new Y.XmlElement('mention');
  element.setAttribute('id', id);
  element.setAttribute('kind', kind);
  element.setAttribute('label', label);
  return element;
}

/** The first paragraph, where these tests type. */
function paragraph(doc: Y.Doc): Y.XmlElement {
  const found = doc
    .getXmlFragment(REPORT_DOCUMENT_FIELD)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  if (!found) throw new Error('no paragraph');
  return found;
}

describe('mentions in a report’s text', () => {
  let t: TestApp;
  let kenya: { id: string; name: string };
  let author: TestClient;
  let coEditor: TestClient;
  let colleague: TestClient;
  let viewer: TestClient;
  let admin: TestClient;
  let stranger: TestClient;
  const providers: CollabProvider[] = [];

  const open = (client: TestClient, ref: DocumentRef) => {
    const provider = collabClient(t.baseUrl, client.cookie, ref);
    providers.push(provider);
    return provider;
  };
  const newReport = async (title: string): Promise<DocumentRef> => {
    const templates = (await author.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const created = await author.post('/api/reports', {
      organisationId: kenya.id,
      title,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      templateId: templates.find((x) => x.name === 'Blank report')!.id,
    });
    expect(created.status).toBe(201);
    return { kind: 'report', documentId: created.body.id };
  };
  const mentions = async (client: TestClient) =>
    ((await client.get('/api/notifications')).body.items as Array<{ kind: string; title: string; link: string }>).filter((n) => n.kind === 'mention');
  const name = (client: TestClient) => client.session.user.name;
  const told = async (reportId: string) =>
    ((await t.db.query('SELECT user_id, mentioned_by FROM report_mentions WHERE report_id = $1 ORDER BY created_at', [reportId])) as Array<{ user_id: string; mentioned_by: string }>);

  beforeAll(async () => {
    t = await bootTestApp([ReportsModule], {}, { listen: true });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA' });
    author = await signedInMember(t, kenya.id, 'editor');
    coEditor = await signedInMember(t, kenya.id, 'editor');
    colleague = await signedInMember(t, kenya.id, 'editor');
    viewer = await signedInMember(t, kenya.id, 'viewer');
    admin = await signedInMember(t, kenya.id, 'admin');
    stranger = await signedInMember(t, brazil.id, 'admin');
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });
  afterAll(() => t.close());

  it('tells a mentioned reader once, however often the mention is typed, and never someone who cannot read the report', async () => {
    const ref = await newReport('Housing progress');
    const a = open(author, ref);
    await a.whenSynced();
    paragraph(a.doc).insert(0, [new Y.XmlText('Over to '), mention('user', colleague.userId, name(colleague)), mention('user', stranger.userId, name(stranger)), mention('user', author.userId, name(author))]);
    await a.whenSaved();

    await eventually(async () => (await mentions(colleague)).length > 0, 10_000, 'the colleague to be told');
    expect(await mentions(colleague)).toEqual([
      expect.objectContaining({ title: `${name(author)} mentioned you in “Housing progress”`, link: `/reports/${ref.documentId}` }),
    ]);
    // Brazil's admin cannot read Kenya's report: told nothing, and not recorded as told. Nobody hears of themself.
    expect(await mentions(stranger)).toEqual([]);
    expect(await mentions(author)).toEqual([]);
    expect(await told(ref.documentId)).toEqual([{ user_id: colleague.userId, mentioned_by: author.userId }]);

    // Typing around the mention, deleting it and typing it again, and a co-editor mentioning the colleague too: the
    // colleague is not told again. The co-editor's change also names the viewer, who is told (and shows the
    // change was handled).
    (paragraph(a.doc).get(0) as Y.XmlText).insert(8, 'you, ');
    paragraph(a.doc).delete(1, 1);
    paragraph(a.doc).insert(1, [mention('user', colleague.userId, name(colleague))]);
    await a.whenSaved();
    const b = open(coEditor, ref);
    await b.whenSynced();
    paragraph(b.doc).insert(0, [mention('user', colleague.userId, name(colleague)), mention('user', viewer.userId, name(viewer))]);
    await b.whenSaved();
    await eventually(async () => (await mentions(viewer)).length > 0, 10_000, 'the viewer to be told');
    expect(await mentions(viewer)).toEqual([expect.objectContaining({ title: `${name(coEditor)} mentioned you in “Housing progress”` })]);
    expect(await mentions(colleague)).toHaveLength(1);
    expect(await mentions(stranger)).toEqual([]);
    expect((await told(ref.documentId)).map((row) => row.user_id).sort()).toEqual([colleague.userId, viewer.userId].sort());
  });

  it('tells the members of a mentioned organisation who may read the report, in their language', async () => {
    const ref = await newReport('Rapport logement');
    await t.db.query(`UPDATE users SET preferred_language = 'fr' WHERE id = $1`, [admin.userId]);
    const a = open(author, ref);
    await a.whenSynced();
    paragraph(a.doc).insert(0, [mention('org', kenya.id, kenya.name), new Y.XmlText(' à relire')]);
    await a.whenSaved();
    await eventually(async () => (await mentions(admin)).some((n) => n.link === `/reports/${ref.documentId}`), 10_000, 'the admin to be told');
    expect((await mentions(admin)).filter((n) => n.link === `/reports/${ref.documentId}`)).toEqual([
      expect.objectContaining({ title: `${name(author)} vous a mentionné dans « Rapport logement »` }),
    ]);
    expect((await mentions(author)).filter((n) => n.link === `/reports/${ref.documentId}`)).toEqual([]);
    expect((await mentions(stranger)).filter((n) => n.link === `/reports/${ref.documentId}`)).toEqual([]);
  });

  it('does not take mentions from someone who may only read the report', async () => {
    const ref = await newReport('Read only');
    const v = open(viewer, ref);
    await v.whenSynced();
    paragraph(v.doc).insert(0, [mention('user', colleague.userId, name(colleague))]);
    await eventually(() => v.state.error?.id === 'forbidden', 5000, 'forbidden');
    expect(await told(ref.documentId)).toEqual([]);
  });
});
