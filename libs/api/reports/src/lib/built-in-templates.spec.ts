import { BLANK_TEMPLATE, PROGRESS_REPORT_TEMPLATE, SIMASHE_PROGRESS_SECTIONS, documentText, type ProseMirrorJson } from '@simashe/editor';
import { localizeTemplate } from './built-in-templates';

const guidance = (doc: ProseMirrorJson) => (doc.content ?? []).map((node) => node.attrs?.['guidance']).filter(Boolean);

describe('built-in templates in the creator’s language', () => {
  it('translates every heading and guidance of the progress report, in order', () => {
    for (const language of ['fr', 'es', 'ar']) {
      const localized = localizeTemplate('progress', PROGRESS_REPORT_TEMPLATE, language);
      const lines = documentText(localized).split('\n').filter(Boolean);
      expect(lines).toHaveLength(1 + SIMASHE_PROGRESS_SECTIONS.length);
      for (const [title] of SIMASHE_PROGRESS_SECTIONS) expect(lines).not.toContain(title);
      expect(guidance(localized)).toHaveLength(SIMASHE_PROGRESS_SECTIONS.length);
      for (const [, hint] of SIMASHE_PROGRESS_SECTIONS) expect(guidance(localized)).not.toContain(hint);
    }
    expect(documentText(localizeTemplate('progress', PROGRESS_REPORT_TEMPLATE, 'es'))).toContain('Hallazgos sobre equidad y desigualdad');
  });

  it('keeps English, the blank template, organisations’ own templates and unknown languages as they are', () => {
    expect(localizeTemplate('progress', PROGRESS_REPORT_TEMPLATE, 'en')).toBe(PROGRESS_REPORT_TEMPLATE);
    expect(localizeTemplate('progress', PROGRESS_REPORT_TEMPLATE, 'de')).toBe(PROGRESS_REPORT_TEMPLATE);
    expect(localizeTemplate('blank', BLANK_TEMPLATE, 'fr')).toBe(BLANK_TEMPLATE);
    expect(localizeTemplate(null, PROGRESS_REPORT_TEMPLATE, 'fr')).toBe(PROGRESS_REPORT_TEMPLATE);
  });

  it('replaces only exact built-in text: a heading someone changed, and body text, stay', () => {
    const changed: ProseMirrorJson = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Context and history' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Context' }] },
      ],
    };
    expect(localizeTemplate('progress', changed, 'fr')).toEqual(changed);
    expect(changed.content?.[0].content?.[0].text).toBe('Context and history'); // not mutated
  });
});
