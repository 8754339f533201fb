/**
 * The real-time protocol between the report editor and the API (socket.io namespace /collaboration).
 * Binary payloads are Yjs updates / state vectors and y-protocols awareness updates.
 * Every client → server event takes an acknowledgement callback; an update is acknowledged only after
 * it is stored in PostgreSQL.
 */
export const COLLABORATION_NAMESPACE = '/collaboration';

export type CollabAck<T = object> = (response: ({ ok: true } & T) | { ok: false; error: CollabError }) => void;

export interface CollabError {
  id: 'validation_error' | 'unauthenticated' | 'forbidden' | 'not_found' | 'payload_too_large' | 'internal_error';
  message: string;
  /** A passing condition (the database away or busy): the same request may succeed shortly. */
  retryable?: boolean;
}

export interface JoinResult {
  access: 'edit' | 'read';
  /** The server's full state relative to the client's state vector. */
  update: Uint8Array;
  /** The server's state vector: the client answers with whatever the server lacks (offline edits). */
  stateVector: Uint8Array;
  /** Current awareness states of the others in the room. */
  awareness: Uint8Array;
}

/** Documents edited in real time. */
export const COLLAB_DOCUMENT_KINDS = ['report', 'meeting_minutes', 'publication'] as const;
export type CollabDocumentKind = (typeof COLLAB_DOCUMENT_KINDS)[number];

export interface DocumentRef {
  kind: CollabDocumentKind;
  documentId: string;
}

export interface ClientToServerEvents {
  join: (payload: DocumentRef & { stateVector: Uint8Array }, ack: CollabAck<JoinResult>) => void;
  leave: (payload: DocumentRef, ack: CollabAck) => void;
  /** The update as base64 text (encodeFrame: one WebSocket frame) or binary. */
  update: (payload: DocumentRef & { update: string | Uint8Array }, ack: CollabAck) => void;
  awareness: (payload: DocumentRef & { update: string | Uint8Array }, ack: CollabAck) => void;
}

export interface ServerToClientEvents {
  /** Base64 text (decodeFrame). */
  update: (payload: DocumentRef & { update: string }) => void;
  awareness: (payload: DocumentRef & { update: string }) => void;
  /** Access changed while connected (e.g. the report was submitted): read-only from now on, or editable again. */
  access: (payload: DocumentRef & { access: 'edit' | 'read' }) => void;
}
