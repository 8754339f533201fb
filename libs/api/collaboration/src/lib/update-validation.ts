import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
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

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * The structs of a decoded update, by client, for finding the one that holds an id; null when a client's structs
 * come in two groups or out of clock order (Yjs would integrate only the last group: what was checked would not be
 * what is applied).
 */
function indexStructs(structs: Struct[]): Map<number, Struct[]> | null {
  const byClient = new Map<number, Struct[]>();
  let current: Struct[] | null = null;
  for (const struct of structs) {
    const own = byClient.get(struct.id.client);
    if (own && own !== current) return null;
    if (own) {
      const last = own[own.length - 1];
      if (struct.id.clock < last.id.clock + last.length) return null;
      own.push(struct);
    } else {
      current = [struct];
      byClient.set(struct.id.client, current);
    }
  }
  return byClient;
}

/** The struct of `structs` (one client's, in clock order, as an update holds them) that holds `clock`. */
function holding(structs: Struct[] | undefined, clock: number): Struct | null {
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

/** Whether a string, or any string inside a value (keys included), holds a NUL character. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => hasNul(key) || hasNul(inner));
  return false;
}

/**
 * The reason given when an update needs a change this copy has not received: Yjs would hold it back and slot it in
 * later, where what it inserts was never checked (a plain value sent before the paragraph it follows was taken, then
 * placed at the top of the report, and every export failed). Not the sender's fault as a rule (another instance's
 * change on its way, a resend racing its predecessor), so it is answered as worth sending again.
 */
export const DEPENDS_ON_UNKNOWN = 'The change depends on another this server has not received yet; it will be sent again';

/**
 * Whether integrating the update now would leave part of it pending: a gap before a client's first struct or a
 * skipped range the document lacks, a struct whose left or right neighbour or parent is neither in the document nor
 * in the update, or a deletion of what neither holds.
 */
function dependsOnUnknown(decoded: ReturnType<typeof Y.decodeUpdate>, inUpdate: Map<number, Struct[]>, doc: Y.Doc): boolean {
  const known = (client: number, clock: number): boolean => {
    if (clock < Y.getState(doc.store, client)) return true;
    const own = holding(inUpdate.get(client), clock);
    return own !== null && !(own instanceof Y.Skip);
  };
  for (const [client, structs] of inUpdate) {
    if (structs[0].id.clock > Y.getState(doc.store, client)) return true;
    for (const struct of structs) {
      // A skipped range (merged updates around an acknowledged one) is fine when the document has it.
      if (struct instanceof Y.Skip) {
        if (struct.id.clock + struct.length > Y.getState(doc.store, client)) return true;
        continue;
      }
      if (!(struct instanceof Y.Item)) continue;
      if (struct.origin && !known(struct.origin.client, struct.origin.clock)) return true;
      if (struct.rightOrigin && !known(struct.rightOrigin.client, struct.rightOrigin.clock)) return true;
      if (struct.parent instanceof Y.ID && !known(struct.parent.client, struct.parent.clock)) return true;
    }
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const deletion of deletions) if (deletion.len > 0 && !known(client, deletion.clock + deletion.len - 1)) return true;
  }
  return false;
}

/**
 * Rejects frames that are not Yjs updates, or whose content the editor cannot hold: the report is an XML fragment
 * (ProseMirror's nodes as elements, their text as XML text), and a client could otherwise insert other root types,
 * arrays, maps, binary data or sub-documents, which the editor never shows and which break versions, exports and
 * search for everyone. `doc`, the room's live document, tells where an item inserted next to existing content goes
 * (Yjs leaves an item's parent, and an attribute's key, out of the update when it has a neighbour). Text, keys and
 * values may not hold NUL characters (PostgreSQL's text cannot store them), as no HTTP body may.
 *
 * A refused change is dropped by its sender's client, so only what the editor can never produce is refused. A change
 * that needs one this copy has not received yet (another instance's, Redis away; a resend racing its predecessor) is
 * not taken but answered DEPENDS_ON_UNKNOWN, which its sender keeps and sends again. Where an item goes cannot be told
 * when its parent was deleted meanwhile by someone else (Yjs then discards it): such an item is judged by its content
 * alone. Returns a reason, or null when fine.
 */
export function invalidUpdateReason(update: Uint8Array, doc?: Y.Doc): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'Not a valid Yjs update';
  }
  const inUpdate = indexStructs(decoded.structs);
  if (!inUpdate) return 'Not a valid Yjs update';
  if (doc && dependsOnUnknown(decoded, inUpdate, doc)) return DEPENDS_ON_UNKNOWN;
  /** The item holding `id`: from the live document if it has that clock (Yjs skips what it has), else from the update. */
  const find = (id: Y.ID): Y.Item | null => {
    if (doc && id.clock < Y.getState(doc.store, id.client)) {
      try {
        const item = Y.getItem(doc.store, id);
        return item instanceof Y.Item ? item : null;
      } catch {
        return null;
      }
    }
    const own = holding(inUpdate.get(id.client), id.clock);
    return own instanceof Y.Item ? own : null;
  };
  /** The neighbour an item takes its parent and key from, when the update leaves them out. */
  const neighbourOf = (item: Y.Item): Y.Item | null | undefined =>
    item.parent === null && (item.origin !== null || item.rightOrigin !== null) ? (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin)) || null : undefined;
  /** Follows neighbours to the first item that names its parent (without recursion, so no chain is too long). */
  const placed = new Map<Y.Item, Y.Item | null>();
  const anchorOf = (item: Y.Item): Y.Item | null => {
    const chain: Y.Item[] = [];
    const seen = new Set<Y.Item>();
    let current: Y.Item | null = item;
    let anchor: Y.Item | null = null;
    while (current) {
      if (placed.has(current)) {
        anchor = placed.get(current) ?? null;
        break;
      }
      if (seen.has(current)) break; // a loop of neighbours: nowhere
      seen.add(current);
      chain.push(current);
      const next = neighbourOf(current);
      if (next === undefined) {
        anchor = current;
        break;
      }
      current = next;
    }
    for (const link of chain) placed.set(link, anchor);
    return anchor;
  };
  /** Where `item` goes, and whether as an attribute; null for what cannot be told. */
  const placement = (item: Y.Item): { where: ParentKind | null; attribute: boolean | null } => {
    const anchor = anchorOf(item);
    if (!anchor) return { where: null, attribute: null };
    const attribute = anchor.parentSub !== null;
    const parent = anchor.parent;
    if (typeof parent === 'string') return { where: parent === REPORT_DOCUMENT_FIELD ? 'field' : 'other', attribute };
    if (parent instanceof Y.ID) {
      const holder = find(parent);
      // A parent deleted meanwhile (its content collected): Yjs discards what goes into it.
      if (!holder || !(holder.content instanceof Y.ContentType)) return { where: null, attribute };
      return { where: kindOfType(holder.content.type, undefined), attribute };
    }
    return { where: parent ? kindOfType(parent, doc) : null, attribute };
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDeleted) {
      // Deleted content still creates its root type.
      if (typeof struct.parent === 'string' && struct.parent !== REPORT_DOCUMENT_FIELD) return `Updates may only change the "${REPORT_DOCUMENT_FIELD}" document field`;
      continue;
    }
    const { where, attribute } = placement(struct);
    if (where === 'other') return `Updates may only change the "${REPORT_DOCUMENT_FIELD}" document field`;
    if (struct.parentSub !== null && hasNul(struct.parentSub)) return 'Text may not contain NUL characters';
    if (content instanceof Y.ContentType) {
      if (!isElement(content.type) && !isText(content.type)) return 'Only elements and text may be added to a report';
      if (attribute === true || where === 'text') return 'Elements and text may only be added inside the report or an element';
      if (content.type instanceof Y.XmlElement && hasNul(content.type.nodeName)) return 'Text may not contain NUL characters';
    } else if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) {
      if (attribute === true || (where !== null && where !== 'text')) return 'Text may only be added inside a text node';
      if (content instanceof Y.ContentString ? hasNul(content.str) : hasNul(content.key) || hasNul(content.value)) return 'Text may not contain NUL characters';
    } else if (content instanceof Y.ContentAny) {
      if (attribute === false || where === 'field') return 'Values may only be set as attributes of an element';
      if (hasNul(content.arr)) return 'Text may not contain NUL characters';
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

/**
 * An awareness update read for the server (y-protocols' format: a count, then id, clock and state each): the client
 * ids it speaks for, and the update as it may be passed on. Each state's `user.name`, shown beside that person's
 * cursor and in the list of who is here, is the sender's own name as the server knows it (`name`): an editor could
 * otherwise appear as anyone. The update is encoded again only when a name had to be put right. Throws when the
 * update is malformed, an entry's state included (JSON): y-protocols applies entries one by one, so one bad entry
 * after good ones left those applied though the update was refused (a ghost presence no one owned).
 */
export function ownAwareness(update: Uint8Array, name: string | undefined): { clients: number[]; update: Uint8Array } {
  const decoder = decoding.createDecoder(update);
  const entries: Array<{ client: number; clock: number; state: string }> = [];
  let renamed = false;
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    let state = decoding.readVarString(decoder);
    const parsed: unknown = JSON.parse(state);
    if (name !== undefined && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && 'user' in parsed) {
      const holder = parsed as { user: unknown };
      const user = holder.user;
      const plain = user !== null && typeof user === 'object' && !Array.isArray(user);
      // A user that is not an object (a bare string, a list) becomes one holding the name.
      if (!plain || (user as { name?: unknown }).name !== name) {
        holder.user = plain ? { ...(user as object), name } : { name };
        state = JSON.stringify(parsed);
        renamed = true;
      }
    }
    entries.push({ client, clock, state });
  }
  if (!renamed) return { clients: entries.map((entry) => entry.client), update };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { clients: entries.map((entry) => entry.client), update: encoding.toUint8Array(encoder) };
}
