import { MENTION_NODE, readMentionAttributes, type MentionKind } from '@simashe/editor';
import * as Y from 'yjs';

export interface AddedMention {
  kind: MentionKind;
  id: string;
}

/** The node's name as the update's bytes carry it: an update without it cannot create a mention. */
const MENTION_BYTES = Buffer.from(MENTION_NODE, 'utf8');

/**
 * The people and organisations that `update` (already applied to `doc`) newly mentions: mention elements it
 * creates and that are still in the document, read from the live document (so attributes set in any order count).
 * Typing around a mention, moving it or deleting it adds none; an undo that brings one back adds it again (the
 * owner of the document remembers who was already told). Costs one byte search for the ordinary keystroke.
 */
export function mentionsAdded(doc: Y.Doc, update: Uint8Array): AddedMention[] {
  if (Buffer.from(update.buffer, update.byteOffset, update.byteLength).indexOf(MENTION_BYTES) === -1) return [];
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return [];
  }
  const found = new Map<string, AddedMention>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
    const created = struct.content.type;
    if (!(created instanceof Y.XmlElement) || created.nodeName !== MENTION_NODE) continue;
    let live: Y.Item | null = null;
    try {
      live = Y.getItem(doc.store, struct.id) as Y.Item;
    } catch {
      continue; // not integrated (it waits for a change the server has not seen)
    }
    if (!live || live.deleted || !(live.content instanceof Y.ContentType) || !(live.content.type instanceof Y.XmlElement)) continue;
    const mention = readMentionAttributes(live.content.type.getAttributes());
    if (mention) found.set(`${mention.kind}:${mention.id}`, { kind: mention.kind, id: mention.id });
  }
  return [...found.values()];
}
