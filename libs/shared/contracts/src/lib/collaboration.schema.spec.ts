import { randomUUID } from 'node:crypto';
import { UpdatePayloadSchema } from './collaboration.schema';
import { encodeFrame } from './collaboration.frames';
import { MAX_COLLAB_FRAME_BYTES } from './constants';

const ref = { kind: 'report' as const, documentId: randomUUID() };
const messages = (payload: unknown) => {
  const result = UpdatePayloadSchema.safeParse(payload);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('collaboration frames', () => {
  it('take an update as base64 text or as binary, and give bytes either way', () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    expect(UpdatePayloadSchema.parse({ ...ref, update: encodeFrame(bytes) }).update).toEqual(bytes);
    expect(UpdatePayloadSchema.parse({ ...ref, update: bytes }).update).toEqual(bytes);
  });

  it('say what is wrong with a frame, whichever form it came in', () => {
    expect(messages({ ...ref, update: new Uint8Array(MAX_COLLAB_FRAME_BYTES + 1) })).toEqual([`Frame larger than ${MAX_COLLAB_FRAME_BYTES / 1024} kB`]);
    expect(messages({ ...ref, update: 'A'.repeat(Math.ceil(MAX_COLLAB_FRAME_BYTES / 3) * 4 + 4) })).toEqual([`Frame larger than ${MAX_COLLAB_FRAME_BYTES / 1024} kB`]);
    expect(messages({ ...ref, update: 'not base64!' })).toEqual(['Expected binary data or base64 text']);
    // Cut short (it was decoded silently into fewer bytes): whole groups of four, padded.
    for (const frame of ['AAAAA', 'AAA', 'AA=']) expect(messages({ ...ref, update: frame })).toEqual(['Expected binary data or base64 text']);
    for (const frame of ['', 'AAA=', 'AA==', 'AAAA']) expect(messages({ ...ref, update: frame })).toEqual([]);
    expect(messages({ ...ref, update: 42 })).toEqual(['Expected binary data or base64 text']);
    expect(messages({ ...ref, update: null })).toEqual(['Expected binary data or base64 text']);
    expect(messages({ ...ref, update: encodeFrame(new Uint8Array([1])), extra: true })).toHaveLength(1);
  });
});
