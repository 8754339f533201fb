import { CollabProvider, type CollabProviderState } from '@simashe/collab-client';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';

/** One Yjs document and its server connection per open report; torn down when the page closes. */
export function useCollaboration(reportId: string) {
  const [session, setSession] = useState<{ doc: Y.Doc; provider: CollabProvider } | null>(null);
  const [state, setState] = useState<CollabProviderState | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new CollabProvider({ ref: { kind: 'report', documentId: reportId }, doc });
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
  }, [reportId]);

  return { session, state };
}
