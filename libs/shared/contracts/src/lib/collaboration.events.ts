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

export interface ClientToServerEvents {
  join: (payload: { reportId: string; stateVector: Uint8Array }, ack: CollabAck<JoinResult>) => void;
  leave: (payload: { reportId: string }, ack: CollabAck) => void;
  update: (payload: { reportId: string; update: Uint8Array }, ack: CollabAck) => void;
  awareness: (payload: { reportId: string; update: Uint8Array }, ack: CollabAck) => void;
}

export interface ServerToClientEvents {
  update: (payload: { reportId: string; update: Uint8Array }) => void;
  awareness: (payload: { reportId: string; update: Uint8Array }) => void;
  /** Access changed while connected (e.g. the report was submitted): read-only from now on, or editable again. */
  access: (payload: { reportId: string; access: 'edit' | 'read' }) => void;
}
