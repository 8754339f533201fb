import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { reportExtensions } from './extensions';
import { sanitizeDocument } from './sanitize';
import type { ProseMirrorJson } from './templates';

let schema: Schema | undefined;

export function reportSchema(): Schema {
  schema ??= getSchema(reportExtensions());
  return schema;
}

/**
 * The document, minus anything the report schema does not allow (see sanitizeDocument). `reportId`: the report whose
 * document it is, so that only its own images are kept.
 */
export function safeReportJson(json: Record<string, unknown>, options: { reportId?: string | null } = {}): ProseMirrorJson {
  const schema = reportSchema();
  const clean = sanitizeDocument(json as unknown as ProseMirrorJson, new Set(Object.keys(schema.nodes)), new Set(Object.keys(schema.marks)), options.reportId);
  return clean ?? { type: 'doc', content: [] };
}
