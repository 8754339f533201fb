import { reportSchema } from './schema';
import { isSafeLinkHref } from './extensions';
import { BLANK_TEMPLATE, documentText, PROGRESS_REPORT_TEMPLATE, SIMASHE_PROGRESS_SECTIONS } from './templates';
import { guidanceOf } from './template-guidance';

describe('report document model', () => {
  it('accepts both built-in templates', () => {
    const schema = reportSchema();
    const progress = schema.nodeFromJSON(PROGRESS_REPORT_TEMPLATE);
    progress.check();
    const headings: string[] = [];
    progress.descendants((node) => {
      if (node.type.name === 'heading' && node.attrs['level'] === 2) headings.push(node.textContent);
    });
    expect(headings).toEqual(SIMASHE_PROGRESS_SECTIONS.map(([title]) => title));
    schema.nodeFromJSON(BLANK_TEMPLATE).check();
  });

  it('knows tables, lists, quotes, links and underline', () => {
    const names = Object.keys(reportSchema().nodes).concat(Object.keys(reportSchema().marks));
    expect(names).toEqual(expect.arrayContaining(['table', 'tableRow', 'tableCell', 'tableHeader', 'bulletList', 'orderedList', 'blockquote', 'link', 'underline', 'bold', 'italic']));
  });

  it('keeps template guidance as placeholders on empty paragraphs, out of the text and the HTML', () => {
    const schema = reportSchema();
    const progress = schema.nodeFromJSON(PROGRESS_REPORT_TEMPLATE);
    const guidance: string[] = [];
    progress.descendants((node) => {
      const text = node.type.name === 'paragraph' ? guidanceOf(node.attrs) : null;
      if (text) {
        expect(node.childCount).toBe(0);
        expect(schema.nodes['paragraph'].spec.toDOM?.(node)).toEqual(['p', { dir: 'auto' }, 0]);
        guidance.push(text);
      }
    });
    expect(guidance).toEqual(SIMASHE_PROGRESS_SECTIONS.map(([, text]) => text));
    expect(documentText(PROGRESS_REPORT_TEMPLATE)).not.toContain(SIMASHE_PROGRESS_SECTIONS[0][1]);
    // Typing into it and pressing Enter: the new paragraph does not inherit the guidance.
    expect(schema.nodes['paragraph'].spec.attrs?.['guidance']).toBeDefined();
  });

  it('renders paragraphs and headings with dir="auto", and stores no direction', () => {
    const schema = reportSchema();
    const paragraph = schema.nodeFromJSON({ type: 'paragraph', content: [{ type: 'text', text: 'مرحبا' }] });
    const heading = schema.nodeFromJSON({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Context' }] });
    expect(schema.nodes['paragraph'].spec.toDOM?.(paragraph)).toEqual(['p', { dir: 'auto' }, 0]);
    expect(schema.nodes['heading'].spec.toDOM?.(heading)).toEqual(['h2', { dir: 'auto' }, 0]);
    expect(paragraph.attrs).not.toHaveProperty('dir');
    expect(heading.attrs).not.toHaveProperty('dir');
  });

  it('only allows http(s), mailto and relative links', () => {
    expect(isSafeLinkHref('https://www.who.int')).toBe(true);
    expect(isSafeLinkHref('mailto:team@example.org')).toBe(true);
    expect(isSafeLinkHref('javascript:alert(1)')).toBe(false);
    expect(isSafeLinkHref(' JavaScript:alert(1)')).toBe(false);
    expect(isSafeLinkHref('data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
  });
});

describe('safeReportJson', () => {
  it('drops javascript: links and unknown nodes but keeps the text', () => {
    const { safeReportJson } = jest.requireActual('./schema') as typeof import('./schema');
    const dirty = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'click me', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }] }] },
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'WHO', marks: [{ type: 'link', attrs: { href: 'https://www.who.int' } }] }] },
      ],
    };
    const clean = safeReportJson(dirty);
    expect(JSON.stringify(clean)).not.toContain('javascript:');
    expect(JSON.stringify(clean)).not.toContain('script');
    expect(clean.content?.[0].content?.[0]).toEqual({ type: 'text', text: 'click me', marks: [{ type: 'bold' }] });
    expect(JSON.stringify(clean)).toContain('https://www.who.int');
  });
});
