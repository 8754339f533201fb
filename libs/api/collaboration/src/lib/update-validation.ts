import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';

/** Where an inserted item sits: the document field itself, an element (paragraph, table cell...) or a run of text. */
type ParentKind = 'field' | 'element' | 'text' | 'other';

const isElement = (type: unknown) => type instanceof Y.XmlElement;
const isText = (type: unknown) => type instanceof Y.XmlText;

function kindOfType(type: unknown, doc: Y.Doc | undefined): ParentKind {
  if (isText(type)) return 'text';
  if (isElement(type)) return 'element';
  if (doc && type === doc.share.get(REPORT_DOCUMENT_FIELD)) return 'field';
  return 'other';
}

/** The structs of a decoded update, by client, for finding the one that holds an id. */
function indexStructs(structs: Array<Y.Item | Y.GC | Y.Skip>): Map<number, Array<Y.Item | Y.GC | Y.Skip>> {
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  for (const struct of structs) {
    const own = byClient.get(struct.id.client);
    if (own) own.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  return byClient;
}

/** The struct of `structs` (one client's, in clock order, as an update holds them) that holds `clock`. */
function holding(structs: Array<Y.Item | Y.GC | Y.Skip> | undefined, clock: number): Y.Item | Y.GC | Y.Skip | null {
  if (!structs) return null;
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const struct = structs[middle];
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return struct;
  }
  return null;
}

/**
 * Rejects frames that are not Yjs updates, or whose content the editor cannot hold: the report is an XML fragment
 * (ProseMirror's nodes as elements, their text as XML text), and a client could otherwise insert other root types,
 * arrays, maps, binary data or sub-documents, which the editor never shows and which break versions, exports and
 * search for everyone. `doc`, the room's live document, tells where an item inserted next to existing content goes
 * (Yjs leaves an item's parent out of the update when it has a neighbour). Text may not hold NUL characters
 * (PostgreSQL's text cannot store them, so the report could no longer be indexed), as no HTTP body may.
 * Returns a reason, or null when fine.
 */
export function invalidUpdateReason(update: Uint8Array, doc?: Y.Doc): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'Not a valid Yjs update';
  }
  const inUpdate = indexStructs(decoded.structs);
  const find = (id: Y.ID): Y.Item | null => {
    const own = holding(inUpdate.get(id.client), id.clock);
    if (own) return own instanceof Y.Item ? own : null;
    if (!doc?.store.clients.has(id.client)) return null;
    try {
      const item = Y.getItem(doc.store, id);
      return item instanceof Y.Item ? item : null;
    } catch {
      return null; // not there (yet): Yjs keeps such an update pending until what it needs arrives
    }
  };
  const known = new Map<Y.Item, ParentKind | null>();
  /** The kind of `item`'s parent, or null when it cannot be told (its neighbours are not known). */
  const parentKind = (item: Y.Item, depth = 0): ParentKind | null => {
    if (!known.has(item)) known.set(item, kindOfParent(item, depth));
    return known.get(item) ?? null;
  };
  const kindOfParent = (item: Y.Item, depth: number): ParentKind | null => {
    if (typeof item.parent === 'string') return item.parent === REPORT_DOCUMENT_FIELD ? 'field' : 'other';
    if (item.parent instanceof Y.ID) {
      const parent = find(item.parent);
      return parent ? (parent.content instanceof Y.ContentType ? kindOfType(parent.content.type, undefined) : 'other') : null;
    }
    if (item.parent) return kindOfType(item.parent, doc); // integrated: the type itself
    // Decoded with a neighbour: the neighbour's parent is this one's.
    const neighbour = (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin));
    return neighbour && depth < 64 ? parentKind(neighbour, depth + 1) : null;
  };
  const attributes = new Map<Y.Item, boolean | null>();
  /**
   * Whether `item` is an attribute (a map entry of its parent), or null when it cannot be told. An update leaves out
   * the key with the parent when an item has a neighbour (an attribute's is the value it replaces).
   */
  const isAttribute = (item: Y.Item, depth = 0): boolean | null => {
    if (!attributes.has(item)) {
      let answer: boolean | null;
      if (item.parentSub !== null) answer = true;
      else if (item.parent !== null || (item.origin === null && item.rightOrigin === null)) answer = false;
      else {
        const neighbour = (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin));
        answer = neighbour && depth < 64 ? isAttribute(neighbour, depth + 1) : null;
      }
      attributes.set(item, answer);
    }
    return attributes.get(item) ?? null;
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDeleted) continue;
    const where = parentKind(struct);
    if (where === 'other') return `Updates may only change the "${REPORT_DOCUMENT_FIELD}" document field`;
    const attribute = isAttribute(struct);
    if (content instanceof Y.ContentType) {
      if (!isElement(content.type) && !isText(content.type)) return 'Only elements and text may be added to a report';
      if (attribute === true || where === 'text') return 'Elements and text may only be added inside the report or an element';
    } else if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) {
      if (attribute === true || (where !== null && where !== 'text')) return 'Text may only be added inside a text node';
      if (content instanceof Y.ContentString && content.str.includes('\u0000')) return 'Text may not contain NUL characters';
    } else if (content instanceof Y.ContentAny) {
      if (attribute === false || where === 'field') return 'Values may only be set as attributes of an element';
    } else {
      return 'Only elements and text may be added to a report';
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
