import { Extension } from '@tiptap/core';

/**
 * Template guidance ("What was done, by whom and when.") kept on an empty paragraph as an attribute, not as text:
 * the editor shows it as a placeholder while the paragraph is empty, so the writer never has to delete it. An
 * action item keeps it too (a paragraph turned into one and back still shows it).
 * Never rendered to HTML nor read from it (exports and pasted HTML never carry it), and not carried over when
 * the paragraph is split.
 */
export const TemplateGuidance = Extension.create({
  name: 'templateGuidance',
  addGlobalAttributes() {
    return [{ types: ['paragraph', 'actionItem'], attributes: { guidance: { default: null, rendered: false, keepOnSplit: false } } }];
  },
});

/** The guidance an empty paragraph shows, if any. */
export function guidanceOf(attrs: Record<string, unknown>): string | null {
  const guidance = attrs['guidance'];
  return typeof guidance === 'string' && guidance.trim() !== '' ? guidance : null;
}
