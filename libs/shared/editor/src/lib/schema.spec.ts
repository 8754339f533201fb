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
