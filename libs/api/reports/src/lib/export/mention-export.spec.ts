import type { ProseMirrorJson } from '@simashe/editor';
import JSZip from 'jszip';
import { ExportWords } from './export-words';
import { toDocx } from './to-docx';
import { bodyHtml } from './to-html';
import { toMarkdown } from './to-markdown';

const doc: ProseMirrorJson = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Over to ' },
        { type: 'mention', attrs: { id: '0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33', kind: 'user', label: 'Amina <Odhiambo>' } },
        { type: 'text', text: ' for the survey.' },
      ],
    },
  ],
};
const english = new ExportWords('en');
const header = { title: 'Mentions', organisation: 'Kenya', period: '2026', versionStamp: 'Current text', words: english };

describe('mentions in exports', () => {
  it('read "@Name" in HTML (isolated, escaped), Markdown and Word', async () => {
    expect(bodyHtml(doc, english)).toContain('<bdi data-type="mention" class="mention" dir="auto" data-id="0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33" data-kind="user" data-label="Amina &lt;Odhiambo&gt;">@Amina &lt;Odhiambo&gt;</bdi>');
    expect(toMarkdown(doc, header)).toContain('Over to @Amina &lt;Odhiambo&gt; for the survey.');
    const word = await JSZip.loadAsync(await toDocx(doc, header));
    expect(await word.file('word/document.xml')!.async('string')).toContain('@Amina &lt;Odhiambo&gt;');
  });
});

describe('direction in exports', () => {
  it('gives an action item in HTML the direction of its own text, as paragraphs have', () => {
    const item: ProseMirrorJson = { type: 'doc', content: [{ type: 'actionItem', attrs: { itemId: null }, content: [{ type: 'text', text: 'متابعة مع الوزارة' }] }] };
    expect(bodyHtml(item, english)).toMatch(/<div data-action-item="" dir="auto"[^>]*><strong>Action: <\/strong>متابعة مع الوزارة<\/div>/);
  });
});
