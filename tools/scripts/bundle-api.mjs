// Bundles the compiled API (tsc's output in dist/apps/api) into one minified file, in place of its main.js.
//
// Why: V8 keeps the source text of every module it loads, beside its compiled code. Loaded file by file from
// node_modules, the API's 2,000 modules held 15.6 MB of source in its heap, about 9 MB of it stored two bytes per
// character because the file had a character outside Latin-1 somewhere (an em dash in a comment is enough).
// Minified, with comments gone and non-ASCII characters escaped, the same code is 6.6 MB of one-byte text, and the
// API's live heap after start fell from 45.5 to 31.3 MB (see the README, "Memory").
//
// The bundle is cut into files of at most 1.5 MB (main.js and bundle/*.js), not one file: V8 compiles a script in
// one go, and the memory it takes for that (up to 50 MB for the whole 6.6 MB) comes from malloc in 32 KiB pieces,
// which stayed in the process after start (30 MB more RSS). Compiled file by file, malloc reuses the same pieces.
//
// What is left out (apps/api/bundle-external.json; bundle.spec checks the result):
// - `loadedOnFirstUse`: packages the API only needs for a rare request (an export, an upload, a mail, a second
//   process). They stay in node_modules and are loaded when first used, as before; bundled, their source would sit
//   in memory from the start. None of them shares a stateful dependency with the bundle (the Tiptap static renderer
//   is bundled, because it must use the bundle's own ProseMirror).
// - `readFromTheirFolder`: packages that find their own files at run time: argon2's loader picks its native binary,
//   and the Swagger UI's assets are served from swagger-ui-dist's folder (`__dirname` in a bundle is the bundle's).
//
// Three more things keep source out of memory (one rolldown plugin each, below):
// - A package installed several times in the same version (npm nests a copy under each dependent that needs an
//   older release than the top level's) is bundled once: engine.io and socket.io's adapter each had ws 8.21.3, and
//   three packages their own mime-db 1.52 (a 175 kB table, parsed at start). The copies are byte for byte the
//   same code, so which one is used does not matter; the first in path order is.
// - TypeORM's DriverFactory requires the classes of all its 19 drivers (0.8 MB of source) to pick one; the API only
//   ever runs on PostgreSQL, so the others are replaced by a class that says so when constructed.
// - iconv-lite's tables for Chinese, Japanese and Korean encodings (0.4 MB) are only read when a request declares
//   such a charset; they stay JSON files in node_modules, required from there when first needed.
//
// The other tsc outputs stay in dist/apps/api: the benchmarks and start scripts require a few of them directly.
import { rolldown } from 'rolldown';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const main = join(root, 'dist/apps/api/apps/api/src/main.js');
const { loadedOnFirstUse, readFromTheirFolder } = JSON.parse(readFileSync(join(root, 'apps/api/bundle-external.json'), 'utf8'));
const external = new Set([...loadedOnFirstUse, ...readFromTheirFolder]);

/** The largest file of the bundle: see above. */
const MAX_FILE_BYTES = 1_500_000;

const packageOf = (id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]);

/**
 * Each installed package folder, mapped to the first folder (in path order, shortest first) that holds the same
 * `name@version`: the copy the bundle uses for all of them.
 */
function firstCopies() {
  const byVersion = new Map();
  const visit = (modules) => {
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const folder = join(modules, entry.name);
      if (entry.name.startsWith('@')) {
        visit(folder);
        continue;
      }
      const manifest = join(folder, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
      if (name && version) byVersion.set(`${name}@${version}`, [...(byVersion.get(`${name}@${version}`) ?? []), folder]);
      if (existsSync(join(folder, 'node_modules'))) visit(join(folder, 'node_modules'));
    }
  };
  visit(join(root, 'node_modules'));
  const first = new Map();
  for (const folders of byVersion.values()) {
    const [chosen] = folders.sort((a, b) => a.length - b.length || a.localeCompare(b));
    for (const folder of folders) first.set(folder, chosen);
  }
  return first;
}

/** The package folder a resolved file is in, e.g. …/node_modules/engine.io/node_modules/ws. */
function packageFolder(file) {
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const parts = file.slice(at + '/node_modules/'.length).split('/');
  return file.slice(0, at + '/node_modules/'.length) + parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/');
}

/** TypeORM's DriverFactory imports other than PostgreSQL's driver (which Aurora's PostgreSQL driver extends). */
const NOT_POSTGRES = /^\.\/(?!postgres\/|aurora-postgres\/)/;
const NOT_BUILT = '\0typeorm-driver-not-built:';

const postgresOnly = {
  name: 'typeorm-postgres-only',
  resolveId(source, importer) {
    return importer?.endsWith('/typeorm/driver/DriverFactory.js') && NOT_POSTGRES.test(source) ? `${NOT_BUILT}${source.split('/').pop()}` : null;
  },
  load(id) {
    if (!id.startsWith(NOT_BUILT)) return null;
    const name = id.slice(NOT_BUILT.length);
    return `exports.${name} = class ${name} { constructor() { throw new Error('This build of the API runs on PostgreSQL only: ${name} is not included.'); } };`;
  },
};

const ICONV_TABLE = /\/node_modules\/(iconv-lite\/encodings\/tables\/[^/]+\.json)$/;
const firstCopy = firstCopies();

/** Resolves as usual, then: iconv-lite's tables stay in node_modules, and each package version is bundled once. */
const onePerVersion = {
  name: 'one-copy-per-version',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved || resolved.external) return resolved;
    const table = ICONV_TABLE.exec(resolved.id);
    if (table) return { id: table[1], external: true };
    const folder = packageFolder(resolved.id);
    const first = folder && firstCopy.get(folder);
    return first && first !== folder ? { ...resolved, id: first + resolved.id.slice(folder.length) } : resolved;
  },
};

const warnings = [];
const bundle = await rolldown({
  input: { main },
  platform: 'node',
  cwd: root,
  plugins: [postgresOnly, onePerVersion],
  external: (id) => id.endsWith('.node') || (!id.startsWith('.') && !id.startsWith('/') && external.has(packageOf(id))),
  onLog: (level, log) => {
    // Optional packages that are not installed (e.g. TypeORM's other drivers, Nest's microservices) stay a
    // require() that fails when called, as they did unbundled; their callers expect that.
    if (log.code === 'UNRESOLVED_IMPORT') return;
    if (level === 'warn') warnings.push(log.message);
  },
});
// tsc's entry point stays beside the bundle as main.tsc.js: run it when a stack trace needs the source's lines.
const unbundled = main.replace(/\.js$/, '.tsc.js');
writeFileSync(unbundled, readFileSync(main, 'utf8').replace('//# sourceMappingURL=main.js.map', '//# sourceMappingURL=main.tsc.js.map'));
renameSync(`${main}.map`, `${unbundled}.map`);
// The bundle's main.js replaces tsc's; its other files go to bundle/ beside it (emptied first: file names carry hashes).
const chunks = join(dirname(main), 'bundle');
rmSync(chunks, { recursive: true, force: true });
await bundle.write({
  dir: dirname(main),
  entryFileNames: '[name].js',
  chunkFileNames: 'bundle/[name]-[hash].js',
  format: 'cjs',
  minify: true,
  keepNames: true,
  charset: 'ascii',
  sourcemap: false,
  codeSplitting: { groups: [{ name: 'packages', test: /node_modules/, maxSize: MAX_FILE_BYTES }, { name: 'app', maxSize: MAX_FILE_BYTES }] },
});
await bundle.close();
if (warnings.length > 0) console.log(`bundle-api: ${warnings.length} warnings, e.g. ${warnings.slice(0, 3).join(' | ')}`);
console.log('bundle-api: dist/apps/api/apps/api/src/main.js (with bundle/) is the bundled API');
