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
    expect(focusAfterNavigation(scene(link, [], true), false)).toBe('heading');
    expect(focusAfterNavigation(scene(null, [], true), false)).toBe('heading');
  });

  it('waits for a page loaded on first use, then settles for its main region', () => {
    expect(focusAfterNavigation(scene(link, [], false), false)).toBe('wait');
    expect(focusAfterNavigation(scene(link, [], false), true)).toBe('main');
  });

  it('leaves the focus where the page put it', () => {
    expect(focusAfterNavigation(scene(field, [field], true), false)).toBe('stay');
    expect(focusAfterNavigation(scene(link, [link], true), false)).toBe('stay');
  });

  it('never takes it from a field outside the page the person may be typing into (the header search box)', () => {
    expect(focusAfterNavigation(scene(search, [], true), false)).toBe('stay');
    expect(focusAfterNavigation(scene(node('TEXTAREA'), [], false), true)).toBe('stay');
    expect(focusAfterNavigation(scene(node('SELECT'), [], true), false)).toBe('stay');
  });
});
