import { bootTestApp, createOrganisation, eventually, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import type { DatasetImportResult } from '@simashe/contracts';
import type * as ExcelJSModule from 'exceljs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonitoringModule } from './monitoring.module';

const HEADER = 'setting,date,source,indicator_abbr,indicator_name,dimension,subgroup,estimate,se,ci_lb,ci_ub,population,flag,setting_average,iso3,favourable_indicator,indicator_scale,ordered_dimension,subgroup_order,reference_subgroup';

/** A small valid file: one ordered dimension (wealth quintiles) and one binary (place of residence), two years. */
function validCsv(shift = 0): string {
  const lines = [HEADER];
  for (const year of [2014, 2022]) {
    [40, 50, 60, 70, 80].forEach((base, index) => {
      const estimate = base + shift + (year === 2022 ? 5 : 0);
      lines.push(`Kenya,${year},DHS,anc4,Antenatal care (4+ visits),Economic status (wealth quintile),Quintile ${index + 1},${estimate},1.5,${estimate - 3},${estimate + 3},1000,,60,KEN,1,100,1,${index + 1},0`);
    });
    lines.push(`Kenya,${year},DHS,anc4,Antenatal care (4+ visits),Place of residence,Rural,55,2,51,59,3000,,60,KEN,1,100,0,0,0`);
    lines.push(`Kenya,${year},DHS,anc4,Antenatal care (4+ visits),Place of residence,Urban,72,2,68,76,2000,,60,KEN,1,100,0,0,1`);
  }
  return lines.join('\n');
}

describe('inequality monitoring datasets', () => {
  let t: TestApp;
  let kenya: { id: string };
  let brazil: { id: string };
  let kenyaEditor: TestClient;
  let kenyaViewer: TestClient;
  let kenyaAdmin: TestClient;
  let afroOfficer: TestClient;
  let brazilEditor: TestClient;
  let secretariatAdmin: TestClient;

  const upload = (client: TestClient, id: string, body: string | Buffer, filename = 'data.csv', contentType = 'text/csv', query = '') =>
    client.request('post', `/api/datasets/${id}/versions${query}`).attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), { filename, contentType });
  const newDataset = async (name = 'Kenya DHS equity data') => {
    const created = await kenyaEditor.post('/api/datasets', { organisationId: kenya.id, name, description: 'Made-up figures for tests' });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  beforeAll(async () => {
    // People and organisations are renamed behind the API here: names are read on every request (AUTH_CACHE_SECONDS 0).
    t = await bootTestApp([MonitoringModule], { authCacheSeconds: 0 });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    const afro = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO office' });
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaViewer = await signedInMember(t, kenya.id, 'viewer');
    kenyaAdmin = await signedInMember(t, kenya.id, 'admin');
    brazilEditor = await signedInMember(t, brazil.id, 'editor');
    afroOfficer = await signedInMember(t, afro.id, 'editor');
    secretariatAdmin = await signedInMember(t, secretariat.id, 'admin');
  });
  afterAll(() => t.close());

  it('imports a file in the HEAT Plus layout as version 1, and lists what it holds', async () => {
    const id = await newDataset();
    const result = await upload(kenyaEditor, id, validCsv());
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ saved: true, version: 1, rows: 14, problemCount: 0, problems: [] });
    const dataset = (await kenyaEditor.get(`/api/datasets/${id}`)).body;
    expect(dataset).toMatchObject({ currentVersion: 1, rows: 14, versions: [{ version: 1, fileName: 'data.csv', rows: 14 }], permissions: { write: true, publish: false, delete: false } });
    const [{ name: importer }] = await t.db.query('SELECT name FROM users WHERE id = $1', [kenyaEditor.userId]);
    expect(dataset.versions[0].importedByName).toBe(importer);
    const catalogue = (await kenyaViewer.get(`/api/datasets/${id}/catalogue`)).body;
    expect(catalogue).toEqual({
      version: 1,
      settings: [{ name: 'Kenya', iso3: 'KEN' }],
      dates: [2014, 2022],
      indicators: [{ abbr: 'anc4', name: 'Antenatal care (4+ visits)', scale: 100, favourable: true }],
      dimensions: [
        { name: 'Economic status (wealth quintile)', ordered: true, subgroups: 5 },
        { name: 'Place of residence', ordered: false, subgroups: 2 },
      ],
    });
    const data = (await kenyaViewer.get(`/api/datasets/${id}/data?dimension=${encodeURIComponent('Economic status (wealth quintile)')}&date=2022`)).body;
    expect(data.items.map((row: { subgroup: string; estimate: number }) => [row.subgroup, row.estimate])).toEqual([
      ['Quintile 1', 45],
      ['Quintile 2', 55],
      ['Quintile 3', 65],
      ['Quintile 4', 75],
      ['Quintile 5', 85],
    ]);
    expect(data.items[0]).toMatchObject({ se: 1.5, ciLb: 42, ciUb: 48, population: 1000, ordered: true, subgroupOrder: 1, reference: false, iso3: 'KEN' });
  });

  it('lists every problem by line and column, and saves nothing from a file with any error', async () => {
    const id = await newDataset('With errors');
    const good = validCsv().split('\n');
    const bad = [
      good[0],
      good[1].replace(',40,1.5,', ',forty,1.5,'), // line 2: non-numeric estimate
      good[2].replace(',1000,', ',-5,'), // line 3: negative population
      good[3].replace(',60,1.5,57,63,', ',60,1.5,61,63,'), // line 4: bounds exclude the estimate
      good[4].replace(',1,4,0', ',1,9,0'), // line 5: order 9 of 5 → incomplete order
      good[5],
      good[6].replace(/,0,0,0$/, ',0,0,1'), // line 7: rural marked as reference too → two references
      good[7],
      good[8].replace(',1,100,1,1,0', ',1,1000,1,1,0'), // line 9: another scale for the same indicator
    ].join('\n');
    const result = await upload(kenyaEditor, id, bad);
    expect(result.status).toBe(200);
    const body = result.body as DatasetImportResult;
    expect(body.saved).toBe(false);
    expect(body.version).toBeNull();
    const found = body.problems.map((p) => [p.line, p.column, p.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        [2, 'estimate', 'not_a_number'],
        [3, 'population', 'negative'],
        [4, 'estimate', 'bounds_exclude_estimate'],
        [9, 'indicator_scale', 'mixed_scale'],
        [2, 'subgroup_order', 'incomplete_order'],
        [7, 'reference_subgroup', 'duplicate_reference'],
      ]),
    );
    expect(body.problemCount).toBe(body.problems.length);
    expect(body.problems.find((p) => p.code === 'not_a_number')?.message).toBe('estimate must be a number, not "forty"');
    const dataset = (await kenyaEditor.get(`/api/datasets/${id}`)).body;
    expect(dataset).toMatchObject({ currentVersion: null, rows: 0, versions: [] });
    expect((await t.db.query('SELECT count(*)::int AS n FROM dataset_versions WHERE dataset_id = $1', [id]))[0].n).toBe(0);
  });

  it('names missing and unknown columns, a missing reference, and an ordered dimension without a complete order', async () => {
    const id = await newDataset('Header problems');
    const header = await upload(kenyaEditor, id, 'setting,date,source,estimate,colour\nKenya,2020,DHS,4,red');
    expect(header.body.saved).toBe(false);
    expect(header.body.problems.map((p: { column: string; code: string }) => `${p.code}:${p.column}`)).toEqual(
      expect.arrayContaining(['unknown_column:colour', 'missing_column:indicator_abbr', 'missing_column:subgroup_order', 'missing_column:reference_subgroup']),
    );
    const noReference = validCsv()
      .split('\n')
      .map((line) => line.replace(/Urban,72,2,68,76,2000,,60,KEN,1,100,0,0,1$/, 'Urban,72,2,68,76,2000,,60,KEN,1,100,0,0,0'))
      .join('\n');
    const missing = await upload(kenyaEditor, id, noReference);
    expect(missing.body.problems.map((p: { code: string }) => p.code)).toEqual(['missing_reference', 'missing_reference']);
    const noOrder = validCsv().replace(',1,3,0\n', ',1,0,0\n');
    expect((await upload(kenyaEditor, id, noOrder)).body.problems.map((p: { code: string; line: number }) => `${p.line}:${p.code}`)).toEqual(['4:not_an_order', '2:incomplete_order']);
    const empty = await upload(kenyaEditor, id, `${HEADER}\n`);
    expect(empty.body).toMatchObject({ saved: false, problems: [{ code: 'empty_file', line: 0 }] });
  });

  it('keeps every version: re-importing makes version 2, and version 1 stays readable', async () => {
    const id = await newDataset('Versions');
    await upload(kenyaEditor, id, validCsv());
    const second = await upload(kenyaEditor, id, validCsv(2), 'data-2024.csv');
    expect(second.body).toMatchObject({ saved: true, version: 2 });
    const dataset = (await kenyaViewer.get(`/api/datasets/${id}`)).body;
    expect(dataset.currentVersion).toBe(2);
    expect(dataset.versions.map((v: { version: number; fileName: string }) => [v.version, v.fileName])).toEqual([
      [2, 'data-2024.csv'],
      [1, 'data.csv'],
    ]);
    const first = (await kenyaViewer.get(`/api/datasets/${id}/data?version=1&date=2014&dimension=${encodeURIComponent('Economic status (wealth quintile)')}`)).body;
    const current = (await kenyaViewer.get(`/api/datasets/${id}/data?date=2014&dimension=${encodeURIComponent('Economic status (wealth quintile)')}`)).body;
    expect(first.items[0].estimate).toBe(40);
    expect(current.items[0].estimate).toBe(42);
    expect((await kenyaViewer.get(`/api/datasets/${id}/data?version=7`)).status).toBe(404);
    // A dry run checks without saving.
    expect((await upload(kenyaEditor, id, validCsv(3), 'data.csv', 'text/csv', '?dryRun=true')).body).toMatchObject({ saved: false, problemCount: 0, rows: 14 });
    expect((await kenyaViewer.get(`/api/datasets/${id}`)).body.currentVersion).toBe(2);
  });

  it('imports Excel workbooks and semicolon-separated CSV, and exports the data so it imports again', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS: typeof ExcelJSModule = require('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (const line of validCsv().split('\n')) sheet.addRow(line.split(',').map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const id = await newDataset('From Excel');
    const imported = await upload(kenyaEditor, id, xlsx, 'kenya.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(imported.body).toMatchObject({ saved: true, version: 1, rows: 14 });
    const semicolons = await upload(kenyaEditor, id, validCsv().replace(/,/g, ';'), 'point-virgule.csv');
    expect(semicolons.body).toMatchObject({ saved: true, version: 2, rows: 14 });

    const exported = await kenyaViewer.request('get', `/api/datasets/${id}/export?format=csv`).buffer(true);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const again = await upload(kenyaEditor, id, exported.text, 'export.csv');
    expect(again.body).toMatchObject({ saved: true, version: 3, rows: 14 });
    const xlsxExport = await kenyaViewer.request('get', `/api/datasets/${id}/export?format=xlsx`).buffer(true);
    expect(xlsxExport.headers['content-type']).toContain('spreadsheetml');
    expect((await kenyaViewer.get(`/api/datasets/${id}/export?format=pdf`)).status).toBe(400);
  });

  it('reads decimal commas in semicolon files, Windows-1252 and UTF-16 text, and refuses percentages beyond 100', async () => {
    const id = await newDataset('Spreadsheet habits');
    // Saved by a French or Spanish spreadsheet app: semicolons between cells, commas in numbers.
    const french = validCsv()
      .split('\n')
      .map((line) => line.replace(/,/g, ';').replace(/;1\.5;/g, ';1,5;'))
      .join('\n')
      .replace('Quintile 1;40;1,5;37;43', 'Quintile 1;40,5;1,5;37,5;43,5');
    expect((await upload(kenyaEditor, id, french, 'fr.csv')).body).toMatchObject({ saved: true, rows: 14 });
    const quintile1 = (await kenyaEditor.get(`/api/datasets/${id}/data?date=2014&dimension=${encodeURIComponent('Economic status (wealth quintile)')}`)).body.items[0];
    expect(quintile1).toMatchObject({ subgroup: 'Quintile 1', estimate: 40.5, se: 1.5, ciLb: 37.5, ciUb: 43.5 });

    // Excel's default on Windows: "Côte d’Ivoire" in Windows-1252 (ô is 0xF4, ’ is 0x92).
    const cp1252 = Buffer.from(validCsv().replace(/Kenya,/g, 'C\u00f4te d\u0092Ivoire,'), 'latin1');
    expect((await upload(kenyaEditor, id, cp1252, 'ci.csv')).body).toMatchObject({ saved: true });
    expect((await kenyaEditor.get(`/api/datasets/${id}/catalogue`)).body.settings).toEqual([{ name: 'Côte d’Ivoire', iso3: 'KEN' }]);
    // "Unicode text" from Excel: UTF-16 with its byte-order mark.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validCsv().replace(/Kenya,/g, 'Sénégal,'), 'utf16le')]);
    expect((await upload(kenyaEditor, id, utf16, 'sn.csv')).body).toMatchObject({ saved: true });
    expect((await kenyaEditor.get(`/api/datasets/${id}/catalogue`)).body.settings[0].name).toBe('Sénégal');

    // A decimal comma read as a thousands separator would make 80,5 into 805: a percentage cannot pass 100.
    const over = await upload(kenyaEditor, id, validCsv().replace('Quintile 5,80,1.5,77,83', 'Quintile 5,182.1,1.5,180,184').replace(',1000,,60,KEN', ',1e300,,60,KEN'));
    expect(over.body.problems.map((p: { line: number; column: string; code: string }) => `${p.line}:${p.column}:${p.code}`)).toEqual(['2:population:number_too_large', '6:estimate:outside_scale']);
  });

  it('refuses what is not a dataset file with a clear 400', async () => {
    const id = await newDataset('Refusals');
    const noFile = await kenyaEditor.post(`/api/datasets/${id}/versions`, {});
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toBe('Choose a CSV or Excel file to upload');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const image = await upload(kenyaEditor, id, png, 'chart.png', 'image/png');
    expect(image.status).toBe(400);
    expect(image.body.message).toBe('Upload the data as CSV or Excel (XLSX), in the HEAT Plus template layout');
    const fakeXlsx = await upload(kenyaEditor, id, 'not a zip', 'fake.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(fakeXlsx.status).toBe(400);
    const nul = await upload(kenyaEditor, id, `${HEADER}\nKenya\u0000,2020`);
    expect(nul.status).toBe(400);
    const broken = await upload(kenyaEditor, id, `${HEADER}\n"Kenya,2020,DHS`);
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ saved: false });
    expect(broken.body.problems[0].code).toMatch(/unreadable_file|required/);
    expect((await kenyaEditor.get(`/api/datasets/${id}/data`)).status).toBe(404);
  });

  it('refuses a form field beside the file, and a bad option, leaving no temporary file behind', async () => {
    const id = await newDataset('Extra fields');
    const marker = `extra-field-marker-${Date.now()}`;
    const withField = await upload(kenyaEditor, id, `${validCsv()}\n${marker}`).field('note', 'hello');
    expect(withField.status).toBe(400);
    expect(withField.body.details).toEqual([{ path: '(body)', message: 'Unknown field(s): note' }]);
    const badOption = await upload(kenyaEditor, id, `${validCsv()}\n${marker}`, 'data.csv', 'text/csv', '?dryRun=maybe');
    expect(badOption.status).toBe(400);
    expect((await kenyaEditor.get(`/api/datasets/${id}/data`)).status).toBe(404);
    // multer wrote each file to disk before the refusal; neither may stay there (Nest's FileInterceptor removes it
    // when a pipe refuses the request).
    const folder = join(tmpdir(), 'simashe-dataset-uploads');
    const leftOver = async () => {
      const names = await readdir(folder);
      const contents = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8').catch(() => '')));
      return contents.filter((text) => text.includes(marker)).length;
    };
    await eventually(async () => (await leftOver()) === 0, 5_000, 'the refused uploads removed');
  });

  it('stores the same lines whether they take the fast path or are spelled otherwise, and deleting a dataset leaves no line', async () => {
    // Plain lines: stored as written (the fast path).
    const plainId = await newDataset('Plain spelling');
    expect((await upload(kenyaEditor, plainId, validCsv(0.5))).body.saved).toBe(true);
    // The same figures as a French spreadsheet writes them: semicolons, decimal commas, quoted names, lower-case codes.
    const french = validCsv(0.5)
      .split('\n')
      .map((line, index) => {
        if (index === 0) return line.replace(/,/g, ';');
        const cells = line.split(',');
        cells[6] = `"${cells[6]}"`;
        cells[14] = cells[14].toLowerCase();
        return cells.map((cell) => cell.replace('.', ',')).join(';');
      })
      .join('\r\n');
    const otherId = await newDataset('Other spelling');
    const other = await upload(kenyaEditor, otherId, french);
    expect(other.body).toMatchObject({ saved: true, rows: 14 });
    const plainRows = (await kenyaEditor.get(`/api/datasets/${plainId}/data`)).body.items;
    expect(plainRows).toHaveLength(14);
    expect(plainRows[0]).toMatchObject({ estimate: 40.5, ciLb: 37.5, iso3: 'KEN', subgroupOrder: 1 });
    expect(plainRows.find((row: { subgroup: string }) => row.subgroup === 'Urban')).toMatchObject({ subgroupOrder: null, reference: true });
    expect((await kenyaEditor.get(`/api/datasets/${otherId}/data`)).body.items).toEqual(plainRows);

    const versions = await t.db.query('SELECT id FROM dataset_versions WHERE dataset_id = $1', [plainId]);
    expect((await kenyaAdmin.delete(`/api/datasets/${plainId}`)).status).toBe(204);
    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM dataset_rows WHERE version_id = ANY($1)', [versions.map((v: { id: string }) => v.id)]);
    expect(count).toBe(0);
  });

  it('follows the access rules: readers read, writers import, admins delete, the secretariat publishes to the network', async () => {
    const id = await newDataset('Access');
    expect((await upload(kenyaViewer, id, validCsv())).status).toBe(403);
    expect((await kenyaViewer.post('/api/datasets', { organisationId: kenya.id, name: 'Viewer data' })).status).toBe(403);
    expect((await upload(kenyaEditor, id, validCsv())).body.saved).toBe(true);
    expect((await afroOfficer.get(`/api/datasets/${id}`)).status).toBe(200);
    expect((await upload(afroOfficer, id, validCsv())).status).toBe(403);
    expect((await brazilEditor.get(`/api/datasets/${id}`)).status).toBe(404);
    expect((await brazilEditor.get(`/api/datasets/${id}/data`)).status).toBe(404);
    expect((await brazilEditor.get('/api/datasets')).body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await brazilEditor.post('/api/datasets', { organisationId: kenya.id, name: 'Not mine' })).status).toBe(404);

    const refused = await kenyaAdmin.post(`/api/datasets/${id}/publish`, { published: true });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Only administrators of the secretariat can publish a dataset to the network');
    const published = await secretariatAdmin.post(`/api/datasets/${id}/publish`, { published: true });
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).not.toBeNull();
    expect((await brazilEditor.get(`/api/datasets/${id}/data`)).status).toBe(200);
    expect((await brazilEditor.get('/api/datasets')).body.items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await upload(brazilEditor, id, validCsv())).status).toBe(403);
    // The organisation's name is api-organisations': a renamed organisation shows its new name in the list and the dataset.
    const listedFor = async (client: TestClient) => (await client.get('/api/datasets')).body.items.find((d: { id: string }) => d.id === id);
    expect(await listedFor(brazilEditor)).toMatchObject({ organisationId: kenya.id, organisationName: 'Kenya pathfinder' });
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [kenya.id, 'Kenya pathfinder (renamed)']);
    expect(await listedFor(brazilEditor)).toMatchObject({ organisationName: 'Kenya pathfinder (renamed)' });
    expect((await brazilEditor.get(`/api/datasets/${id}`)).body).toMatchObject({ organisationId: kenya.id, organisationName: 'Kenya pathfinder (renamed)' });
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [kenya.id, 'Kenya pathfinder']);

    expect((await kenyaEditor.delete(`/api/datasets/${id}`)).status).toBe(403);
    expect((await kenyaAdmin.delete(`/api/datasets/${id}`)).status).toBe(204);
    expect((await kenyaAdmin.get(`/api/datasets/${id}`)).status).toBe(404);
  });

  it("computes HEAT's summary measures per year, refuses measures that cannot apply, and compares settings", async () => {
    const id = await newDataset('Measures');
    await upload(kenyaEditor, id, validCsv());
    const wealth = encodeURIComponent('Economic status (wealth quintile)');
    const measures = await kenyaViewer.get(`/api/datasets/${id}/measures?indicator=anc4&dimension=${wealth}&setting=Kenya`);
    expect(measures.status).toBe(200);
    expect(measures.body.items).toHaveLength(2 * 21);
    const d2014 = measures.body.items.find((m: { measure: string; date: number }) => m.measure === 'd' && m.date === 2014);
    // Most advantaged (quintile 5, 80) minus least advantaged (quintile 1, 40); SE √(1.5² + 1.5²).
    const halfWidth = 1.959963984540054 * Math.sqrt(1.5 ** 2 + 1.5 ** 2); // z of the 97.5th centile
    expect(d2014).toMatchObject({ setting: 'Kenya', dimension: 'Economic status (wealth quintile)', value: 40, ciMethod: 'analytic' });
    expect(d2014.lower).toBeCloseTo(40 - halfWidth, 9);
    expect(d2014.upper).toBeCloseTo(40 + halfWidth, 9);
    expect(measures.body.items.find((m: { measure: string; date: number }) => m.measure === 'r' && m.date === 2022).value).toBeCloseTo(85 / 45, 12);
    // Between-group variance is for non-ordered dimensions: listed as not applicable, with the reason.
    expect(measures.body.items.find((m: { measure: string }) => m.measure === 'bgv')).toMatchObject({ value: null, reasonCode: 'needs_non_ordered_dimension' });

    const residence = encodeURIComponent('Place of residence');
    const sii = await kenyaViewer.get(`/api/datasets/${id}/measures?indicator=anc4&dimension=${residence}&measures=sii`);
    expect(sii.status).toBe(400);
    expect(sii.body.message).toMatch(/^SII does not apply to the dimension "Place of residence"/);
    expect((await kenyaViewer.get(`/api/datasets/${id}/measures?indicator=anc4&dimension=${residence}&measures=d,r`)).body.items).toHaveLength(4);
    expect((await kenyaViewer.get(`/api/datasets/${id}/measures?indicator=anc4&dimension=${residence}&measures=xyz`)).status).toBe(400);
    expect((await kenyaViewer.get(`/api/datasets/${id}/measures?dimension=${residence}`)).status).toBe(400);

    const compare = await kenyaViewer.get(`/api/datasets/${id}/compare?indicator=anc4&dimension=${wealth}&measure=sii`);
    expect(compare.status).toBe(200);
    expect(compare.body.items).toEqual([expect.objectContaining({ setting: 'Kenya', iso3: 'KEN', date: 2022, settingAverage: 60 })]);
    expect(compare.body.items[0].value).toBeGreaterThan(0);
    expect((await kenyaViewer.get(`/api/datasets/${id}/compare?indicator=anc4&dimension=${residence}&measure=sii`)).status).toBe(400);

    const table = await kenyaViewer.get(`/api/datasets/${id}/export?format=csv&table=measures&indicator=anc4`);
    expect(table.status).toBe(200);
    expect(table.text.split('\n')[0]).toContain('setting,date,indicator_abbr,dimension,measure,value,ci_lb,ci_ub');
    expect(table.text).toContain(',SII,');
  });

  it('answers bad requests with 400, never 500', async () => {
    const id = await newDataset('Bad requests');
    expect((await kenyaEditor.get('/api/datasets/not-a-uuid')).status).toBe(400);
    expect((await kenyaEditor.post('/api/datasets', { organisationId: kenya.id, name: '\u200b\u200b\u200b' })).status).toBe(400);
    expect((await kenyaEditor.post('/api/datasets', { organisationId: kenya.id, name: 'x'.repeat(300) })).status).toBe(400);
    expect((await kenyaEditor.get(`/api/datasets/${id}/data?version=99999999999999999999`)).status).toBe(400);
    expect((await kenyaEditor.get(`/api/datasets/${id}/data?date=20221`)).status).toBe(400);
    expect((await kenyaEditor.get(`/api/datasets/${id}/data?indicator=${'a'.repeat(500)}`)).status).toBe(400);
    expect((await kenyaEditor.post(`/api/datasets/${id}/publish`, { published: 'yes' })).status).toBe(400);
    expect((await kenyaEditor.patch(`/api/datasets/${id}`, { name: 'Renamed data' })).body.name).toBe('Renamed data');
  });
});
