import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, { statusCode: number; id: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { statusCode: 431, id: 'payload_too_large', message: 'The address or the headers of the request are too long' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { statusCode: 413, id: 'payload_too_large', message: 'Request body is too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { statusCode: 408, id: 'validation_error', message: 'The request took too long to arrive' },
};
const UNREADABLE = { statusCode: 400, id: 'validation_error', message: 'The request could not be read' };

/**
 * Requests Node cannot read (an address or headers past its 16 KB limit, a malformed request line or body, a request
 * too slow to arrive) get the API's error shape with a sentence, as every other error does. Node's own answer is a
 * bare status line ("431", "400") with no body. Nothing of the request could be read, the reader's language
 * included: the sentence is in English.
 */
export function answerUnreadableRequests(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    // Gone, or an answer already started: nothing sensible to write (Node's own rule).
    const answering = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const { statusCode, id, message } = ANSWERS[error.code ?? ''] ?? UNREADABLE;
    const body = JSON.stringify({ statusCode, id, message, requestId });
    // Closed once written, as Node's own answer is: the connection's parser cannot read anything after this.
    socket.end(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    );
  });
}
