/** Why a comment was not posted: nothing selected, or the writer's own latest changes not yet saved. */
export type PlacementHint = 'selectFirst' | 'notSaved';

/**
 * Posts a comment on the selected text (`anchors`, null when nothing is selected) once the writer's own latest
 * changes are saved: the server places a comment only on text it holds, and words typed an instant before may not
 * have reached it yet. With nothing unsaved (`unsaved`: the editor's count; always so for a reader) it posts at once,
 * even while the editor's connection is away. Nothing is posted when there is no selection, or when the changes are
 * not saved in time.
 */
export async function placeComment<Anchors, Posted>(
  anchors: Anchors | null,
  unsaved: number,
  whenSaved: () => Promise<boolean>,
  post: (anchors: Anchors) => Promise<Posted>,
): Promise<{ hint: PlacementHint } | { posted: Posted }> {
  if (!anchors) return { hint: 'selectFirst' };
  if (unsaved > 0 && !(await whenSaved())) return { hint: 'notSaved' };
  return { posted: await post(anchors) };
}

/** The selected words as shown above the comment box: spaces collapsed, cut at `max` characters with an ellipsis. */
export function selectionQuote(text: string, max = 80): string {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length <= max ? words : `${words.slice(0, max - 1).trimEnd()}…`;
}
