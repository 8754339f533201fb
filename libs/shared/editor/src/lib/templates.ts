import { MENTION_NODE, mentionText } from './mention';

/** ProseMirror JSON for the built-in report templates (the server turns them into the first Yjs state). */
export interface ProseMirrorJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJson[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

const heading = (level: number, text: string): ProseMirrorJson => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
// Guidance is an empty paragraph's placeholder (TemplateGuidance), never text the writer must delete.
const hint = (guidance: string): ProseMirrorJson => ({ type: 'paragraph', attrs: { guidance } });

export const SIMASHE_PROGRESS_SECTIONS: Array<[string, string]> = [
  ['Context', 'The setting: population, policy environment and the determinants of health this work addresses.'],
  ['Objectives', 'What the pathfinder set out to change in this period, and for whom.'],
  ['Actions taken', 'What was done, by whom and when.'],
  ['Intersectoral partners', 'Sectors and organisations involved (labour, housing, education, social protection, environment, finance, local government…).'],
  ['Results and evidence', 'What changed, with the evidence for it.'],
  ['Equity and inequality findings', 'Disaggregated indicators and summary measures of inequality; who benefited and who did not.'],
  ['Challenges', 'What got in the way and how it was handled.'],
  ['Lessons learned', 'What others could reuse from this experience.'],
  ['Next steps', 'Planned actions for the next cycle.'],
];

export const PROGRESS_REPORT_TEMPLATE: ProseMirrorJson = {
  type: 'doc',
  content: [
    heading(1, 'SIMASHE progress report'),
    ...SIMASHE_PROGRESS_SECTIONS.flatMap(([title, guidance]) => [heading(2, title), hint(guidance)]),
  ],
};

export const BLANK_TEMPLATE: ProseMirrorJson = { type: 'doc', content: [{ type: 'paragraph' }] };

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'tableRow', 'actionItem']);

/** The words of a document, one block per line, for search and previews. */
export function documentText(node: ProseMirrorJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === MENTION_NODE) return mentionText(node.attrs);
  const inner = (node.content ?? []).map(documentText).join(node.type === 'tableRow' ? ' | ' : '');
  return BLOCKS.has(node.type) ? `${inner.trim()}\n` : inner;
}
