import { focusAfterNavigation, type FocusScene } from './navigation-focus';

const node = (name: string) => ({ name }) as unknown as Element;

function scene(active: Element | null, inside: Element[], hasHeading: boolean): FocusScene {
  const body = node('body');
  return {
    active: active === null ? body : active,
    body,
    main: { contains: (candidate) => inside.includes(candidate as Element), querySelector: (selector) => (selector === 'h1' && hasHeading ? node('h1') : null) },
  };
}

describe('focusAfterNavigation', () => {
  const link = node('the clicked link');
  const field = node('an autofocused field');
  const search = node('the header search box');

  it('moves a focus left on the clicked link, or on the body, to the new page heading', () => {
    expect(focusAfterNavigation(scene(link, [], true), link, false)).toBe('heading');
    expect(focusAfterNavigation(scene(null, [], true), link, false)).toBe('heading');
  });

  it('waits for a page loaded on first use, then settles for its main region', () => {
    expect(focusAfterNavigation(scene(link, [], false), link, false)).toBe('wait');
    expect(focusAfterNavigation(scene(link, [], false), link, true)).toBe('main');
  });

  it('leaves the focus where the page put it, or where the person moved it since', () => {
    expect(focusAfterNavigation(scene(field, [field], true), link, false)).toBe('stay');
    expect(focusAfterNavigation(scene(search, [], true), link, false)).toBe('stay');
  });
});
