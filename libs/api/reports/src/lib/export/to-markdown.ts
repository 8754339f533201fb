import { isReportImageSrc, type ProseMirrorJson } from '@simashe/editor';
import type TurndownModule from 'turndown';
import type { RenderedChart } from './chart-embeds';
import type { ExportHeader } from './export-header';
import { bodyHtml } from './to-html';

/** Turndown and its DOM (large) are loaded on the first Markdown export. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Turndown = (): typeof TurndownModule => require('turndown');

/** `publicUrl`: where the app is served; images are linked there (the reader signs in to see them). */
export function toMarkdown(doc: ProseMirrorJson, header: ExportHeader, _charts?: Map<string, RenderedChart | null>, publicUrl = ''): string {
  const turndown = new (Turndown())({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*' });
  // Text that looks like HTML stays text: Markdown renderers would otherwise run "<img onerror=…>" typed in a paragraph.
  const escapeMarkdown = turndown.escape.bind(turndown);
  turndown.escape = (text: string) => escapeMarkdown(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Markdown has no tables of its own; GitHub-flavoured Markdown renders the HTML kept here.
  turndown.keep(['table']);
  // A chart becomes its caption in Markdown (the SVG is in the HTML, Word and PDF exports).
  turndown.addRule('figure', { filter: ['figure'], replacement: (_content, node) => `\n\n*${header.words.chartCaption((node as { textContent?: string }).textContent?.trim() ?? '')}*\n\n` });
  // Images: ![alt](address in the app). Brackets and backslashes in the alternative text cannot end it early.
  turndown.addRule('image', {
    filter: ['img'],
    replacement: (_content, node) => {
      const element = node as { getAttribute(name: string): string | null };
      const src = element.getAttribute('src') ?? '';
      const alt = (element.getAttribute('alt') ?? '').replace(/\s+/g, ' ').replace(/([\\[\]])/g, '\\$1');
      return isReportImageSrc(src) ? `\n\n![${alt}](${publicUrl}${src})\n\n` : '';
    },
  });
  turndown.addRule('underline', { filter: ['u'], replacement: (content) => `<u>${content}</u>` });
  const body = turndown.turndown(bodyHtml(doc, header.words));
  const escape = (text: string) => text.replace(/([\\`*_[\]#<>])/g, '\\$1');
  return `# ${escape(header.title)}\n\n*${escape(header.organisation)} · ${escape(header.period)}*  \n*${escape(header.versionStamp)}*\n\n---\n\n${body}\n`;
}
