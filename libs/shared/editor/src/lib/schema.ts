import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { reportExtensions } from './extensions';

let schema: Schema | undefined;

export function reportSchema(): Schema {
  schema ??= getSchema(reportExtensions());
  return schema;
}
