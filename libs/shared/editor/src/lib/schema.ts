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

/** The document, minus anything the report schema does not allow (see sanitizeDocument). */
export function safeReportJson(json: Record<string, unknown>): ProseMirrorJson {
  const schema = reportSchema();
  const clean = sanitizeDocument(json as unknown as ProseMirrorJson, new Set(Object.keys(schema.nodes)), new Set(Object.keys(schema.marks)));
  return clean ?? { type: 'doc', content: [] };
}
