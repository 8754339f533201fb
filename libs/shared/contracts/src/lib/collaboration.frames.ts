/**
 * Updates and awareness changes travel as base64 text. socket.io sends a message that carries binary data as
 * two WebSocket frames (the packet, then the attachment), so a fan-out to fifty editors cost a hundred socket
 * writes; as text it is one frame each. (Joins, which carry whole documents, stay binary.)
 */
type BufferLike = { from(data: ArrayBufferLike | string, offsetOrEncoding?: number | string, length?: number): Uint8Array & { toString(encoding: string): string } };
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

export function encodeFrame(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes from a frame received as base64 text or as binary (ArrayBuffer in browsers, Buffer in Node). */
export function decodeFrame(frame: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof frame !== 'string') return frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  if (NodeBuffer) {
    const buffer = NodeBuffer.from(frame, 'base64');
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const binary = atob(frame);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
