import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { Features } from 'lightningcss';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const workspaceRoot = resolve(__dirname, '../..');
const { compilerOptions } = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'));

// The same @simashe/* aliases as TypeScript; the web app may only reach shared and web libs (lint enforces it).
const alias = Object.entries(compilerOptions.paths as Record<string, string[]>)
  .filter(([name]) => name.startsWith('@simashe/web-') || name === '@simashe/contracts')
  .flatMap(([name, [target]]) => [
    { find: `${name}/styles.css`, replacement: resolve(workspaceRoot, target, '../lib/styles.css') },
    { find: new RegExp(`^${name}$`), replacement: resolve(workspaceRoot, target) },
  ]);

/**
 * Writes each script, style sheet and SVG of the build (1 kB or more) beside itself compressed with brotli and gzip,
 * at their highest settings, once per build: the API sends these to browsers that accept them (serveWebAssets),
 * about a third of the bytes on a slow link, with no compression work per request.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'simashe-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const directory = options.dir ?? resolve(workspaceRoot, 'dist/apps/web');
      const names = Object.keys(bundle).filter((name) => /\.(js|css|svg)$/.test(name));
      await Promise.all(
        names.map(async (name) => {
          const path = resolve(directory, name);
          const data = await readFile(path);
          if (data.length < 1024) return;
          const params = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length };
          await writeFile(`${path}.br`, await brotli(data, { params }));
          await writeFile(`${path}.gz`, await gzipped(data, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: __dirname,
  plugins: [react(), precompress()],
  resolve: { alias },
  // The minifier would rewrite :dir() for browsers without it as :lang() (the page's language), which is not what it
  // means: the report's lists follow the direction of their own text (ui/styles.css). Browsers without :dir() skip
  // those rules instead.
  css: { lightningcss: { exclude: Features.DirSelector } },
  build: { outDir: resolve(workspaceRoot, 'dist/apps/web'), emptyOutDir: true, sourcemap: true },
  server: { port: 4200, proxy: { '/api': 'http://localhost:3000' } },
});
