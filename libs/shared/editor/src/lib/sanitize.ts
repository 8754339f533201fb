import { isSafeLinkHref } from './extensions';
import type { ProseMirrorJson } from './templates';

/**
 * Removes what the editor itself would never produce but a hand-made Yjs update could carry: link marks with
 * unsafe addresses, and nodes or marks the report schema does not know. Applied before anything is rendered
 * outside the editor (exports, version views).
 */
export function sanitizeDocument(node: ProseMirrorJson, knownNodes: Set<string>, knownMarks: Set<string>): ProseMirrorJson | null {
  if (!knownNodes.has(node.type)) return null;
  const marks = node.marks?.filter(
    (mark) => knownMarks.has(mark.type) && (mark.type !== 'link' || isSafeLinkHref(String(mark.attrs?.['href'] ?? ''))),
  );
  const content = node.content
    ?.map((child) => sanitizeDocument(child, knownNodes, knownMarks))
    .filter((child): child is ProseMirrorJson => child !== null);
  return { ...node, ...(marks ? { marks } : {}), ...(content ? { content } : {}) };
}
