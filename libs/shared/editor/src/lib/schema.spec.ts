import { reportSchema } from './schema';
import { isSafeLinkHref } from './extensions';
import { BLANK_TEMPLATE, PROGRESS_REPORT_TEMPLATE, SIMASHE_PROGRESS_SECTIONS } from './templates';

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
