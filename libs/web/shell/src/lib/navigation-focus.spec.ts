import { focusAfterNavigation, type FocusScene } from './navigation-focus';

const node = (tagName: string) => ({ tagName }) as unknown as Element;

function scene(active: Element | null, inside: Element[], hasHeading: boolean): FocusScene {
  const body = node('BODY');
  return {
    active: active === null ? body : active,
    body,
    main: { contains: (candidate) => inside.includes(candidate as Element), querySelector: (selector) => (selector === 'h1' && hasHeading ? node('H1') : null) },
  };
}

describe('focusAfterNavigation', () => {
  const link = node('A');
  const field = node('INPUT');
  const search = node('INPUT');

  it('moves a focus left on the clicked link, or on the body, to the new page heading', () => {
    expect(focusAfterNavigation(scene(link, [], true), link, false)).toBe('heading');
    expect(focusAfterNavigation(scene(null, [], true), link, false)).toBe('heading');
  });

  it('waits for a page loaded on first use, then settles for its main region', () => {
    expect(focusAfterNavigation(scene(link, [], false), link, false)).toBe('wait');
    expect(focusAfterNavigation(scene(link, [], false), link, true)).toBe('main');
  });

  it('leaves the focus where the page put it', () => {
    expect(focusAfterNavigation(scene(field, [field], true), link, false)).toBe('stay');
    expect(focusAfterNavigation(scene(link, [link], true), link, false)).toBe('stay');
  });

  it('leaves it where the person moved it while the page loaded, and takes it from the main region itself', () => {
    const otherLink = node('A');
    expect(focusAfterNavigation(scene(otherLink, [], true), link, false)).toBe('stay');
    const page = scene(null, [], true);
    const onMain = { ...page, active: page.main as unknown as Element };
    expect(focusAfterNavigation(onMain, link, false)).toBe('heading');
  });

  it('never takes it from a field outside the page the person may be typing into (the header search box)', () => {
    expect(focusAfterNavigation(scene(search, [], true), link, false)).toBe('stay');
    expect(focusAfterNavigation(scene(node('TEXTAREA'), [], false), link, true)).toBe('stay');
    expect(focusAfterNavigation(scene(node('SELECT'), [], true), link, false)).toBe('stay');
  });
});
