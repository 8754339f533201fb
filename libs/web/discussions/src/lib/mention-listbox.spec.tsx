import { initI18n } from '@simashe/web-i18n';
import { renderToStaticMarkup } from 'react-dom/server';
import { MentionListbox, mentionOptionId, type MentionSuggestions } from './mention-listbox';

const suggestions = (overrides: Partial<MentionSuggestions>): MentionSuggestions => ({
  query: 'am',
  listId: 'list',
  items: [],
  active: 0,
  setActive: () => undefined,
  activeDescendant: undefined,
  status: null,
  handleKey: () => false,
  ...overrides,
});

beforeAll(async () => {
  jest.spyOn(console, 'info').mockImplementation(() => undefined); // i18next's greeting
  await (await initI18n()).changeLanguage('en');
});

describe('MentionListbox', () => {
  it('is a listbox of options, the highlighted one selected, names isolated', () => {
    const html = renderToStaticMarkup(
      <MentionListbox
        suggestions={suggestions({
          items: [
            { kind: 'user', id: '0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33', name: 'Amina Odhiambo', organisationName: 'Kenya pathfinder' },
            { kind: 'org', id: '5d1e7c0a-3b2f-4e8d-a6c9-1f0e2d3c4b5a', name: 'أمانة' },
          ],
          active: 1,
          activeDescendant: mentionOptionId('list', 1),
        })}
        onChoose={() => undefined}
      />,
    );
    expect(html).toMatch(/^<ul id="list" role="listbox" aria-label="People and organisations to mention" class="mention-options ">/);
    expect(html).toContain('<li id="list-option-0" role="option" aria-selected="false" class="mention-option"><bdi dir="auto">@Amina Odhiambo</bdi> <span class="mention-kind">person</span><span class="mention-kind mention-workplace"><bdi dir="auto">Kenya pathfinder</bdi></span></li>');
    // An organisation has no workplace of its own.
    expect(html).not.toMatch(/أمانة<\/bdi>.*mention-workplace/);
    expect(html).toContain('<li id="list-option-1" role="option" aria-selected="true" class="mention-option mention-option-active"><bdi dir="auto">@أمانة</bdi>');
  });

  it('says what is going on when there are no names, and nothing once the text is no longer a name', () => {
    expect(renderToStaticMarkup(<MentionListbox suggestions={suggestions({ query: '', status: 'type' })} onChoose={() => undefined} />)).toBe(
      '<p class="mention-status " role="status">Type a name to mention someone.</p>',
    );
    expect(renderToStaticMarkup(<MentionListbox suggestions={suggestions({ query: 'zz ', status: 'none' })} onChoose={() => undefined} />)).toContain('Nobody called “zz”.');
    expect(renderToStaticMarkup(<MentionListbox suggestions={suggestions({ query: 'zz and then', status: 'none' })} onChoose={() => undefined} />)).toBe('');
    expect(renderToStaticMarkup(<MentionListbox suggestions={suggestions({ query: null })} onChoose={() => undefined} />)).toBe('');
  });
});
