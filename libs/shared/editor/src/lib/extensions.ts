import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { ActionItem } from './action-item';
import { ChartEmbed } from './chart-embed';
import { ReportMention } from './mention';
import { ReportImage } from './report-image';
import { TemplateGuidance } from './template-guidance';

const SAFE_LINK_PROTOCOLS = ['http', 'https', 'mailto'];

export function isSafeLinkHref(href: string): boolean {
  const trimmed = href.trim();
  if (trimmed.startsWith('/') || trimmed.startsWith('#')) return true;
  try {
    return SAFE_LINK_PROTOCOLS.includes(new URL(trimmed).protocol.replace(':', ''));
  } catch {
    return false;
  }
}

/**
 * The document model of reports and meeting minutes, shared by the browser editor and the API (templates, export, validation).
 * Undo/redo comes from the collaboration extension (it undoes only the local person's changes), so
 * ProseMirror's own history is off. Links only ever carry http(s)/mailto: javascript: URLs never enter.
 * Paragraphs and headings are rendered with dir="auto" (a rendering attribute only: nothing is stored).
 */
export function reportExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      codeBlock: false,
      // Each paragraph and heading takes its direction from its own first strong character, as in Google Docs: an
      // Arabic line in an English report reads right to left, and the other way round (editor and HTML export).
      paragraph: { HTMLAttributes: { dir: 'auto' } },
      heading: { HTMLAttributes: { dir: 'auto' } },
      link: {
        openOnClick: false,
        autolink: true,
        // No `protocols`: http, https and mailto are linkify's own. Registering them again warned "linkifyjs: already
        // initialized" for every editor made after the first (nine per report page); isAllowedUri does the filtering.
        defaultProtocol: 'https',
        isAllowedUri: (url) => isSafeLinkHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    ActionItem,
    ChartEmbed,
    ReportImage,
    TemplateGuidance,
    ReportMention,
  ];
}
