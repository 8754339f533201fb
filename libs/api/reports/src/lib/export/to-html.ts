import { reportExtensions, type ProseMirrorJson } from '@simashe/editor';
import { renderToHTMLString } from '@tiptap/static-renderer';
import type { ExportHeader } from './export-header';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

export function bodyHtml(doc: ProseMirrorJson): string {
  // Rendered from the schema without a DOM: text is escaped, only schema nodes and marks exist.
  return renderToHTMLString({ content: doc as never, extensions: reportExtensions() });
}

export function toHtml(doc: ProseMirrorJson, header: ExportHeader): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(header.title)}</title>
<meta name="generator" content="SIMASHE Workspace">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem}header p{color:#555;margin:.2rem 0}</style>
</head>
<body>
<header>
<h1>${escapeHtml(header.title)}</h1>
<p>${escapeHtml(header.organisation)} · ${escapeHtml(header.period)}</p>
<p>${escapeHtml(header.versionStamp)}</p>
</header>
<main>
${bodyHtml(doc)}
</main>
</body>
</html>
`;
}
