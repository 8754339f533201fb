import { z } from 'zod';
import { UuidSchema } from './common.schema';
import { COLLAB_DOCUMENT_KINDS } from './collaboration.events';
import { MAX_COLLAB_FRAME_BYTES } from './constants';

const BinaryFrameSchema = z
  .instanceof(Uint8Array, { message: 'Expected binary data' })
  .refine((bytes) => bytes.byteLength <= MAX_COLLAB_FRAME_BYTES, {
    message: `Frame larger than ${MAX_COLLAB_FRAME_BYTES / 1024} kB`,
  });

export const DocumentRefSchema = z.strictObject({
  kind: z.enum(COLLAB_DOCUMENT_KINDS),
  documentId: UuidSchema,
});

export const JoinPayloadSchema = DocumentRefSchema.extend({ stateVector: BinaryFrameSchema });
export const UpdatePayloadSchema = DocumentRefSchema.extend({ update: BinaryFrameSchema });
