import { reportExtensions, type ProseMirrorJson } from '@simashe/editor';
import type * as StaticRendererModule from '@tiptap/static-renderer';
import type { RenderedChart } from './chart-embeds';
import type { ExportHeader } from './export-header';
import { imageDataUrl, type ExportImages } from './export-images';
import type { ExportWords } from './export-words';
import { escapeHtml, unescapeMarkup } from './markup-text';

/** Loaded on the first export. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const staticRenderer = (): typeof StaticRendererModule => require('@tiptap/static-renderer');


/** Attribute values of the opening tag `attributes`, as the renderer escaped them. */
function tagAttribute(attributes: string, name: string): string | undefined {
  const value = new RegExp(`data-${name}="([^"]*)"`).exec(attributes)?.[1];
  return value === undefined ? undefined : unescapeMarkup(value);
}

/**
 * The document's blocks as HTML, action items led by their label (owner, due date) in the export's words. Without
 * `charts`, embedded charts stay as a captioned placeholder figure (Markdown uses the caption).
 */
export function bodyHtml(doc: ProseMirrorJson, words: ExportWords, charts?: Map<string, RenderedChart | null>): string {
  // Rendered from the schema without a DOM: text is escaped, only schema nodes and marks exist.
  const html = staticRenderer()
    .renderToHTMLString({ content: doc as never, extensions: reportExtensions() })
    .replace(/<div data-action-item=""([^>]*)>/g, (tag, attributes: string) => {
      const label = words.actionItem({ ownerName: tagAttribute(attributes, 'owner-name'), dueDate: tagAttribute(attributes, 'due-date'), done: tagAttribute(attributes, 'done') === 'true' });
      return `${tag}<strong>${escapeHtml(label)}</strong>`;
    });
  if (!charts) return html;
  // Embedded charts: the figure the schema renders gets the chart drawn on the server (our own ECharts SVG).
  return html.replace(/<figure data-chart-embed=""([^>]*)>(?:<figcaption>[^<]*<\/figcaption>)?<\/figure>/g, (_match, attributes: string) => {
    const attr = (name: string) => tagAttribute(attributes, name) ?? '';
    const chart = charts.get(`${attr('source')}:${attr('id')}`);
    const caption = escapeHtml(chart?.title ?? attr('title'));
    return chart ? `<figure>${chart.svg}<figcaption>${caption}</figcaption></figure>` : `<p><em>${escapeHtml(words.chartMissing({ title: attr('title') }))}</em></p>`;
  });
}

/**
 * The report's images as data URLs, so the HTML file shows them wherever it is opened (it is a download, and the
 * report's addresses need a signed-in browser). An image not found stays its alternative text.
 */
export function embedImages(html: string, images: ExportImages, words: ExportWords): string {
  return html.replace(/<img src="([^"]*)"(?: alt="([^"]*)")?\s*\/?>/g, (_match, src: string, alt = '') => {
    const image = images.get(src);
    return image ? `<img src="${imageDataUrl(image)}" alt="${alt}">` : `<p><em>${escapeHtml(words.imageMissing({ alt: unescapeMarkup(alt) }))}</em></p>`;
  });
}

export function toHtml(doc: ProseMirrorJson, header: ExportHeader, charts: Map<string, RenderedChart | null> = new Map(), images: ExportImages = new Map()): string {
  return `<!doctype html>
<html lang="${header.words.language}" dir="${header.words.rightToLeft ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(header.title)}</title>
<meta name="generator" content="SIMASHE Workspace">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse}img{max-width:100%;height:auto}td,th{border:1px solid #999;padding:.3rem}header p{color:#555;margin:.2rem 0}</style>
</head>
<body>
<header>
<h1>${escapeHtml(header.title)}</h1>
<p><bdi>${escapeHtml(header.organisation)}</bdi> · <bdi>${escapeHtml(header.period)}</bdi></p>
<p>${escapeHtml(header.versionStamp)}</p>
</header>
<main>
${embedImages(bodyHtml(doc, header.words, charts), images, header.words)}
</main>
</body>
</html>
`;
}
