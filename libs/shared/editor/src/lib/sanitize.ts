import { isSafeLinkHref } from './extensions';
import { imageAltText, isReportImageSrc } from './report-image';
import { MENTION_NODE, readMentionAttributes } from './mention';
import type { ProseMirrorJson } from './templates';

/**
 * Removes what the editor itself would never produce but a hand-made Yjs update could carry: link marks with
 * unsafe addresses, images that are not in this report's image store (`reportId`; any report's when not given),
 * and nodes or marks the report schema does not know. Applied before anything is rendered outside the editor
 * (exports, version views).
 */
export function sanitizeDocument(node: ProseMirrorJson, knownNodes: Set<string>, knownMarks: Set<string>, reportId?: string | null): ProseMirrorJson | null {
  if (!knownNodes.has(node.type)) return null;
  if (node.type === 'image') {
    if (!isReportImageSrc(node.attrs?.['src'], reportId)) return null;
    return { type: 'image', attrs: { src: node.attrs?.['src'], alt: imageAltText(node.attrs) } };
  }
  if (node.type === MENTION_NODE) {
    // Only a well-formed person or organisation, with nothing but its three attributes.
    const mention = readMentionAttributes(node.attrs);
    return mention ? { type: MENTION_NODE, attrs: { ...mention } } : null;
  }
  const marks = node.marks?.filter(
    (mark) => knownMarks.has(mark.type) && (mark.type !== 'link' || isSafeLinkHref(String(mark.attrs?.['href'] ?? ''))),
  );
  const content = node.content
    ?.map((child) => sanitizeDocument(child, knownNodes, knownMarks, reportId))
    .filter((child): child is ProseMirrorJson => child !== null);
  return { ...node, ...(marks ? { marks } : {}), ...(content ? { content } : {}) };
}
