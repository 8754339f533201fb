import { useEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router-dom';

/** What `main` and the document offer the decision below; a real `<main>` and `document` in the app. */
export interface FocusScene {
  active: Element | null;
  body: Element;
  main: { contains(node: Node | null): boolean; querySelector(selector: string): Element | null };
}

/** A field the person may be typing into (the header's search box): focus is never taken from it. */
function isTypingTarget(element: Element): boolean {
  const tag = element.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (element as HTMLElement).isContentEditable === true;
}

/**
 * Where focus goes once another page has been opened in the app: to the new page's heading (its `<main>` while
 * the page has none yet), so that a screen reader reads the new page and Tab continues from its top, as after a
 * full page load. It stays where it is when the page placed it (an autofocused field), when it is in a field outside
 * the page (the header's search box: a page loaded on first use keeps the old one on screen until it arrives, and
 * the person may have started typing meanwhile), and when the person has moved it since the page changed
 * (`focusedBefore`). 'wait' while the new page has no heading yet.
 */
export function focusAfterNavigation(scene: FocusScene, focusedBefore: Element | null, lastTry: boolean): 'stay' | 'wait' | 'heading' | 'main' {
  const { active, body, main } = scene;
  // On <main> itself (where focus lands when what had it went away) it is no one's choice: the heading is better.
  const placed = active !== null && active !== body && active !== (main as unknown);
  if (placed && (main.contains(active) || isTypingTarget(active))) return 'stay';
  // Moved elsewhere by the person while the page was loading (Tab to another link).
  if (placed && focusedBefore !== null && active !== focusedBefore) return 'stay';
  if (main.querySelector('h1')) return 'heading';
  return lastTry ? 'main' : 'wait';
}

const TRIES = 20;
const TRY_EVERY_MS = 100;

/** The page last shown, whichever frame showed it (the public and sign-in pages each mount their own frame). */
let shownPath: string | null = null;

/**
 * Moves the focus to the new page's heading when another page is opened (not on the first page, and not on Back
 * and Forward, where the browser's own habit is kept: the page where it was, focus at the start of the document).
 * The page's `<main id="main">` is found in the document, so frames whose pages bring their own use it too.
 */
export function useFocusAfterNavigation(): void {
  const { pathname } = useLocation();
  const navigation = useNavigationType();
  useEffect(() => {
    const previous = shownPath;
    const opened = previous !== null && previous !== pathname;
    shownPath = pathname;
    if (!opened || navigation === 'POP') return;
    const focusedBefore = document.activeElement === document.body ? null : document.activeElement;
    let tries = 0;
    let done = false;
    let timer: ReturnType<typeof setTimeout>;
    const attempt = () => {
      done = true;
      const main = document.getElementById('main');
      // Counted whether or not the page's <main> is there yet: a page without one stops being waited for.
      const lastTry = ++tries >= TRIES;
      const decision = main ? focusAfterNavigation({ active: document.activeElement, body: document.body, main }, focusedBefore, lastTry) : 'wait';
      if (decision === 'wait') {
        if (tries < TRIES) timer = setTimeout(attempt, TRY_EVERY_MS);
        return;
      }
      if (decision === 'stay' || !main) return;
      const heading = decision === 'heading' ? main.querySelector<HTMLElement>('h1') : null;
      if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      (heading ?? main).focus({ preventScroll: true });
    };
    timer = setTimeout(attempt, 0);
    return () => {
      clearTimeout(timer);
      // Undone before it ran (React's development mode runs an effect twice): the next run still sees the change.
      if (!done) shownPath = previous;
    };
  }, [pathname, navigation]);
}
