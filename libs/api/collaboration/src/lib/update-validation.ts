import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';

/**
 * Rejects frames that are not Yjs updates, or that create root types other than the editor's field
 * (a client could otherwise grow hidden data the editor never shows). Returns a reason, or null when fine.
 */
export function invalidUpdateReason(update: Uint8Array): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'Not a valid Yjs update';
  }
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && typeof struct.parent === 'string' && struct.parent !== REPORT_DOCUMENT_FIELD) {
      return `Updates may only change the "${REPORT_DOCUMENT_FIELD}" document field`;
    }
  }
  return null;
}

export function isValidStateVector(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector);
    return true;
  } catch {
    return false;
  }
}
