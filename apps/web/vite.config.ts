import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { Features } from 'lightningcss';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const workspaceRoot = resolve(__dirname, '../..');
const { compilerOptions } = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'));

// The same @simashe/* aliases as TypeScript; the web app may only reach shared and web libs (lint enforces it).
const alias = Object.entries(compilerOptions.paths as Record<string, string[]>)
  .filter(([name]) => name.startsWith('@simashe/web-') || name === '@simashe/contracts')
  .flatMap(([name, [target]]) => [
    { find: `${name}/styles.css`, replacement: resolve(workspaceRoot, target, '../lib/styles.css') },
    { find: new RegExp(`^${name}$`), replacement: resolve(workspaceRoot, target) },
  ]);

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  resolve: { alias },
  // The minifier would rewrite :dir() for browsers without it as :lang() (the page's language), which is not what it
  // means: the report's lists follow the direction of their own text (ui/styles.css). Browsers without :dir() skip
  // those rules instead.
  css: { lightningcss: { exclude: Features.DirSelector } },
  build: { outDir: resolve(workspaceRoot, 'dist/apps/web'), emptyOutDir: true, sourcemap: true },
  server: { port: 4200, proxy: { '/api': 'http://localhost:3000' } },
});
