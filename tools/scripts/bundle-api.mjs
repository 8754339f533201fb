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
// The other tsc outputs stay in dist/apps/api: the benchmarks and start scripts require a few of them directly.
import { rolldown } from 'rolldown';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const main = join(root, 'dist/apps/api/apps/api/src/main.js');
const { loadedOnFirstUse, readFromTheirFolder } = JSON.parse(readFileSync(join(root, 'apps/api/bundle-external.json'), 'utf8'));
const external = new Set([...loadedOnFirstUse, ...readFromTheirFolder]);

/** The largest file of the bundle: see above. */
const MAX_FILE_BYTES = 1_500_000;

const packageOf = (id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]);

const warnings = [];
const bundle = await rolldown({
  input: { main },
  platform: 'node',
  cwd: root,
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
