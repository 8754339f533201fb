import { CollabProvider, type CollabProviderState } from '@simashe/collab-client';
import type { DocumentRef } from '@simashe/contracts';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';

/** One Yjs document and its server connection per open document; torn down when the page closes. */
export function useCollaboration({ kind, documentId }: DocumentRef) {
  const [session, setSession] = useState<{ doc: Y.Doc; provider: CollabProvider } | null>(null);
  const [state, setState] = useState<CollabProviderState | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new CollabProvider({ ref: { kind, documentId }, doc });
    setSession({ doc, provider });
    const unsubscribe = provider.subscribe(setState);
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (provider.state.unsaved > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnBeforeLeaving);
    return () => {
      window.removeEventListener('beforeunload', warnBeforeLeaving);
      unsubscribe();
      provider.destroy();
      doc.destroy();
    };
  }, [kind, documentId]);

  return { session, state };
}
