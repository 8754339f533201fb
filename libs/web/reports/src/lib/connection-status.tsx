import type { CollabProviderState } from '@simashe/collab-client';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConnectionView {
  kind: 'connecting' | 'offline' | 'online';
  message: 'connecting' | 'reconnecting' | 'offline' | 'offlineSaved' | 'saving' | 'online';
  /** Changes not yet saved. */
  count: number;
}

/**
 * What the status line says. The browser knowing it is offline counts too: a connection whose network went quiet
 * does not notice for a while (until its heartbeat fails), and meanwhile "saving" would read as progress.
 */
export function connectionView(state: CollabProviderState | null, browserOnline: boolean): ConnectionView {
  const count = state?.unsaved ?? 0;
  if (!browserOnline || state?.status === 'offline') return { kind: 'offline', message: count > 0 ? 'offline' : 'offlineSaved', count };
  if (!state || state.status === 'connecting') return { kind: 'connecting', message: count > 0 ? 'reconnecting' : 'connecting', count };
  return { kind: 'online', message: count > 0 ? 'saving' : 'online', count };
}

/**
 * Whether a change of the status line is read out (it is a live region): going offline, connecting and coming back
 * online are; "saving" and "saved" alternating with every keystroke while online, or the count while offline, are
 * not (a screen reader said them after each key).
 */
export function announced(previous: ConnectionView['kind'], now: ConnectionView['kind']): boolean {
  return now !== previous;
}

function subscribe(changed: () => void): () => void {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

function useBrowserOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
}

export function ConnectionStatus({ state }: { state: CollabProviderState | null }) {
  const { t } = useTranslation();
  const view = connectionView(state, useBrowserOnline());
  // Whether the latest change of the text is read out (kept from the render that changed it).
  const [last, setLast] = useState({ kind: view.kind, text: '', live: false });
  const text = {
    connecting: () => t('editor.connecting'),
    reconnecting: () => t('editor.reconnecting', { count: view.count }),
    offline: () => t('editor.offline', { count: view.count }),
    offlineSaved: () => t('editor.offlineSaved'),
    saving: () => t('editor.saving', { count: view.count }),
    online: () => t('editor.online'),
  }[view.message]();
  let live = last.live;
  if (last.text !== text || last.kind !== view.kind) {
    live = announced(last.kind, view.kind);
    setLast({ kind: view.kind, text, live });
  }
  return (
    <p className={`connection connection-${view.kind}`} role="status" aria-live={live ? 'polite' : 'off'} data-unsaved={view.kind === 'online' ? view.count : undefined}>
      {text}
    </p>
  );
}
