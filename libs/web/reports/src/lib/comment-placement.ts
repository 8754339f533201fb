/** Why a comment was not posted: nothing selected, or the writer's own latest changes not yet saved. */
export type PlacementHint = 'selectFirst' | 'notSaved';

/**
 * Posts a comment on the selected text (`anchors`, null when nothing is selected) once the writer's own latest
 * changes are saved: the server places a comment only on text it holds, and words typed an instant before may not
 * have reached it yet. Nothing is posted when there is no selection, or when the changes are not saved in time.
 */
export async function placeComment<Anchors, Posted>(
  anchors: Anchors | null,
  whenSaved: () => Promise<boolean>,
  post: (anchors: Anchors) => Promise<Posted>,
): Promise<{ hint: PlacementHint } | { posted: Posted }> {
  if (!anchors) return { hint: 'selectFirst' };
  if (!(await whenSaved())) return { hint: 'notSaved' };
  return { posted: await post(anchors) };
}
