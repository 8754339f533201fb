/**
 * @jest-environment jsdom
 */
import i18next from 'i18next';
import { act, useEffect, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { keepFocusNear, useConfirm, type ConfirmRequest } from './dialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// No catalogue: the dialog's own words (Cancel, Close) show as their keys.
void i18next.use(initReactI18next).init({ lng: 'en', resources: {}, initAsync: false });

let container: HTMLDivElement;
let root: Root;
let ask: (request: ConfirmRequest) => Promise<boolean>;

function Asker({ onAsk }: { onAsk: (ask: (request: ConfirmRequest) => Promise<boolean>) => void }): ReactNode {
  const confirm = useConfirm();
  useEffect(() => onAsk(confirm.ask), [confirm.ask, onAsk]);
  return (
    <div>
      <button type="button" id="opener">
        Delete
      </button>
      {confirm.dialog}
    </div>
  );
}

const deletion: ConfirmRequest = { title: 'Delete the milestone?', message: 'It cannot be restored.', confirmLabel: 'Delete', danger: true };
const buttons = () => [...container.querySelectorAll<HTMLButtonElement>('dialog footer button')];
const footerButton = (label: string) => buttons().find((button) => button.textContent?.includes(label)) as HTMLButtonElement;
const dialogOpen = () => container.querySelector('dialog')?.hasAttribute('open') ?? false;

/** Asks, lets React render the dialog, and returns the pending answer (wrapped: an async function would wait for it). */
async function asking(request: ConfirmRequest): Promise<{ answer: Promise<boolean> }> {
  let answer!: Promise<boolean>;
  await act(async () => {
    answer = ask(request);
  });
  return { answer };
}

beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <Asker
        onAsk={(given) => {
          ask = given;
        }}
      />,
    ),
  );
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('useConfirm', () => {
  it('shows the question and resolves true when the person confirms', async () => {
    const { answer } = await asking(deletion);
    expect(dialogOpen()).toBe(true);
    expect(container.querySelector('dialog h2')?.textContent).toBe('Delete the milestone?');
    expect(container.querySelector('dialog .dialog-content')?.textContent).toContain('It cannot be restored.');
    await act(async () => footerButton('Delete').click());
    await expect(answer).resolves.toBe(true);
    expect(dialogOpen()).toBe(false);
  });

  it('resolves false on Cancel and on Escape, and closes', async () => {
    const { answer: cancelled } = await asking(deletion);
    await act(async () => buttons()[0].click());
    await expect(cancelled).resolves.toBe(false);
    expect(dialogOpen()).toBe(false);

    const { answer: escaped } = await asking(deletion);
    // The browser fires "cancel" on the <dialog> when Escape is pressed.
    await act(async () => {
      container.querySelector('dialog')?.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    await expect(escaped).resolves.toBe(false);
    expect(dialogOpen()).toBe(false);
  });

  it('answers an earlier question as cancelled when a new one is asked', async () => {
    const { answer: first } = await asking(deletion);
    const { answer: second } = await asking({ ...deletion, title: 'Sign out this device?' });
    await expect(first).resolves.toBe(false);
    expect(container.querySelector('dialog h2')?.textContent).toBe('Sign out this device?');
    await act(async () => footerButton('Delete').click());
    await expect(second).resolves.toBe(true);
  });

  it('starts on Cancel for a deletion or a step that cannot be taken back, and on the confirm button otherwise', async () => {
    await asking(deletion);
    expect(document.activeElement).toBe(buttons()[0]);
    await act(async () => buttons()[0].click());

    await asking({ title: 'Close the cycle?', message: 'Its plan becomes read-only.', confirmLabel: 'Close cycle', startOnCancel: true });
    expect(document.activeElement).toBe(buttons()[0]);
    await act(async () => buttons()[0].click());

    await asking({ title: 'Submit the report?', message: 'Reviewers are told.', confirmLabel: 'Submit' });
    expect(document.activeElement).toBe(footerButton('Submit'));
    expect(footerButton('Submit').className).not.toContain('danger');
  });
});

describe('keepFocusNear', () => {
  let list: HTMLUListElement;
  let item: HTMLLIElement;
  let deleteButton: HTMLButtonElement;

  beforeEach(() => {
    jest.useFakeTimers();
    document.body.innerHTML = '<section><ul><li><button type="button">Delete</button></li></ul><input aria-label="Search"></section>';
    list = document.querySelector('ul') as HTMLUListElement;
    item = document.querySelector('li') as HTMLLIElement;
    deleteButton = document.querySelector('button') as HTMLButtonElement;
  });

  afterEach(() => {
    jest.useRealTimers();
    document.body.innerHTML = '';
  });

  it('moves the focus to the nearest part of the page still there once the button has gone', () => {
    keepFocusNear(deleteButton, 5_000, 100);
    jest.advanceTimersByTime(1_000);
    // The request is slow: nothing moves while the button is still on the page.
    expect(list.hasAttribute('tabindex')).toBe(false);
    item.remove();
    expect(document.activeElement).toBe(document.body);
    jest.advanceTimersByTime(100);
    expect(document.activeElement).toBe(list);
    expect(list.getAttribute('tabindex')).toBe('-1');
  });

  it('leaves the focus alone when the person has moved on, and stops watching after the time given', () => {
    keepFocusNear(deleteButton, 5_000, 100);
    const search = document.querySelector('input') as HTMLInputElement;
    search.focus();
    item.remove();
    jest.advanceTimersByTime(200);
    expect(document.activeElement).toBe(search);

    document.body.innerHTML = '<ul><li><button type="button">Delete</button></li></ul>';
    const late = document.querySelector('button') as HTMLButtonElement;
    keepFocusNear(late, 500, 100);
    jest.advanceTimersByTime(1_000);
    (document.querySelector('li') as HTMLLIElement).remove();
    jest.advanceTimersByTime(1_000);
    expect(document.activeElement).toBe(document.body);
  });
});
