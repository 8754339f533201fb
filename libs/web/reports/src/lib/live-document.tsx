import type { CollabProviderState } from '@simashe/collab-client';
import type { CurrentUser, DocumentRef } from '@simashe/contracts';
import { Alert, LoadingState } from '@simashe/web-ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItemOwner } from './action-item-tools';
import { ConnectionStatus } from './connection-status';
import { useCollaboration } from './use-collaboration';

// The editor (Tiptap, ProseMirror) loads only when a document is opened, keeping it out of the first page load.
const CollaborativeEditor = lazy(() => import('./collaborative-editor').then((module) => ({ default: module.CollaborativeEditor })));

interface LiveDocumentProps {
  documentRef: DocumentRef;
  user: CurrentUser;
  canEdit: boolean;
  label: string;
  comments?: { reportId: string; canModerate: boolean };
  owners?: ActionItemOwner[];
  /** Reports: where images are uploaded (see CollaborativeEditor). */
  imagesReportId?: string;
}

/**
 * A real-time document (a report, meeting minutes) with its connection state. The live connection is the
 * authority on editing rights: they can change while the page is open (a report is submitted).
 */
export function LiveDocument({ documentRef, ...props }: LiveDocumentProps) {
  const live = useCollaboration(documentRef);
  return <LiveDocumentView live={live} {...props} />;
}

/**
 * Whether the editor takes typing: not before the first sync (typing into an empty copy would add stray paragraphs
 * to the real text once it arrives); after it, also while offline or while the server is asked again (the edits are
 * kept and sent when it answers), unless the server says the document is read-only.
 */
export function canTypeIn(canEdit: boolean, state: Pick<CollabProviderState, 'synced' | 'access'> | null | undefined): boolean {
  return canEdit && !!state?.synced && (state.access ?? 'edit') === 'edit';
}

/** The same over a connection the page holds itself (the report page also compares versions with its text). */
export function LiveDocumentView({
  live: { session, state },
  user,
  canEdit,
  label,
  comments,
  owners,
  imagesReportId,
}: Omit<LiveDocumentProps, 'documentRef'> & { live: ReturnType<typeof useCollaboration> }) {
  const { t } = useTranslation();
  const editable = canTypeIn(canEdit, state);
  return (
    <>
      <ConnectionStatus state={state} />
      {state?.error && state.error.id !== 'forbidden' && <Alert kind="error">{state.error.message}</Alert>}
      {session && (
        <Suspense fallback={<LoadingState label={t('common.loading')} />}>
          <CollaborativeEditor doc={session.doc} provider={session.provider} user={user} editable={editable} label={label} comments={comments} owners={owners} imagesReportId={imagesReportId} />
        </Suspense>
      )}
    </>
  );
}
