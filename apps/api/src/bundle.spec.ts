import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILT_MAIN } from './testing/api-process';

/**
 * The built API is one minified bundle (tools/scripts/bundle-api.mjs), main.js and the files in bundle/ beside it:
 * V8 keeps every loaded module's source in the heap, one byte per character only when the text is all Latin-1. The
 * API's process specs and the e2e journeys run this bundle; these checks keep the build's promises that they cannot
 * see.
 */
describe('the bundled API', () => {
  const root = join(__dirname, '../../..');
  const folder = join(dirname(BUILT_MAIN), 'bundle');
  const files = [BUILT_MAIN, ...readdirSync(folder).map((name) => join(folder, name))];
  const source = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  const { loadedOnFirstUse, readFromTheirFolder } = JSON.parse(readFileSync(join(root, 'apps/api/bundle-external.json'), 'utf8')) as Record<string, string[]>;

  it('is ASCII, so V8 stores its source one byte per character', () => {
    expect(source.length).toBeGreaterThan(1_000_000);
    expect(source.match(/[\u0080-\uffff]/g)?.slice(0, 5) ?? []).toEqual([]);
  });

  it('is cut into files of at most 1.5 MB, which V8 compiles one at a time', () => {
    expect(files.length).toBeGreaterThan(2);
    const sizes = files.map((file) => statSync(file).size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1_500_000);
    expect(source).toContain('require("./bundle/');
  });

  it('requires the packages used only on first use, and the ones that read their own folder, at run time', () => {
    for (const name of [...loadedOnFirstUse, ...readFromTheirFolder]) {
      expect([name, source.includes(`require("${name}`)]).toEqual([name, true]);
    }
    // e.g. the Word writer's own code, full of its XML namespace, is not inside the bundle.
    expect(readFileSync(require.resolve('docx'), 'utf8')).toContain('schemas.openxmlformats.org/wordprocessingml');
    expect(source).not.toContain('schemas.openxmlformats.org/wordprocessingml');
  });

  it('holds one copy of a package installed twice in the same version', () => {
    // ws 8.21.3 is installed under engine.io and under socket.io's adapter; both use it.
    const receivers = ['engine.io', 'socket.io-adapter'].map((dependent) =>
      readFileSync(join(root, 'node_modules', dependent, 'node_modules/ws/lib/receiver.js'), 'utf8'),
    );
    expect(receivers[0]).toBe(receivers[1]);
    expect(source.split('invalid opcode 0').length - 1).toBe(1);
  });

  it("leaves iconv-lite's Asian encoding tables in node_modules, where the bundle finds them", () => {
    const tables = [...new Set(source.match(/require\("iconv-lite\/encodings\/tables\/[^"]+"\)/g) ?? [])];
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const call of tables) {
      const table = /"([^"]+)"/.exec(call)?.[1] ?? '';
      expect(() => require.resolve(table, { paths: [dirname(BUILT_MAIN)] })).not.toThrow();
    }
  });

  it("holds TypeORM's PostgreSQL driver only, and says so if another is asked for", () => {
    expect(readFileSync(join(root, 'node_modules/typeorm/driver/mysql/MysqlQueryRunner.js'), 'utf8')).toContain('SELECT DATABASE()');
    expect(source).not.toContain('SELECT DATABASE()');
    expect(source).toContain('This build of the API runs on PostgreSQL only: MysqlDriver is not included.');
    expect(source).toContain('PostgresQueryRunner');
  });

  it('holds no path of the machine it was built on, so it runs from any folder', () => {
    expect(source).not.toContain(root);
  });
});
