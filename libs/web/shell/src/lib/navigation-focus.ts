import { useEffect, type RefObject } from 'react';

/** What `main` and the document offer the decision below; a real `<main>` and `document` in the app. */
export interface FocusScene {
  active: Element | null;
  body: Element;
  main: { contains(node: Node | null): boolean; querySelector(selector: string): Element | null };
}

/**
 * Where focus goes once another page has been opened in the app: to the new page's heading (its `<main>` while
 * the page has none yet), so that a screen reader reads the new page and Tab continues from its top, as after a
 * full page load. It stays where it is when the page placed it (an autofocused field) or the person has moved it
 * since (into the search box, say): only a focus left on `<body>` or on what was focused when the page changed is
 * moved. 'wait' while a page loaded on first use has no heading yet.
 */
export function focusAfterNavigation(scene: FocusScene, focusedBefore: Element | null, lastTry: boolean): 'stay' | 'wait' | 'heading' | 'main' {
  const { active, body, main } = scene;
  if (active && active !== body && active !== focusedBefore) return 'stay';
  if (active && main.contains(active)) return 'stay';
  if (main.querySelector('h1')) return 'heading';
  return lastTry ? 'main' : 'wait';
}

const TRIES = 20;
const TRY_EVERY_MS = 100;

/** The page last shown, whichever frame showed it (the public pages each mount their own frame). */
let shownPath: string | null = null;

/** Moves the focus to the new page's heading when `pathname` changes (not on the first page opened). */
export function useFocusAfterNavigation(main: RefObject<HTMLElement | null>, pathname: string): void {
  useEffect(() => {
    const opened = shownPath !== null && shownPath !== pathname;
    shownPath = pathname;
    if (!opened) return;
    const focusedBefore = document.activeElement;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const attempt = () => {
      const element = main.current;
      if (!element) return;
      const decision = focusAfterNavigation({ active: document.activeElement, body: document.body, main: element }, focusedBefore, ++tries >= TRIES);
      if (decision === 'wait') {
        timer = setTimeout(attempt, TRY_EVERY_MS);
        return;
      }
      if (decision === 'stay') return;
      const heading = decision === 'heading' ? element.querySelector<HTMLElement>('h1') : null;
      if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      (heading ?? element).focus({ preventScroll: true });
    };
    timer = setTimeout(attempt, 0);
    return () => clearTimeout(timer);
  }, [main, pathname]);
}
