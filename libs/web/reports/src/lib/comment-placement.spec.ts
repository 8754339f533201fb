import { placeComment, selectionQuote } from './comment-placement';

describe('placeComment', () => {
  const anchors = { anchorStart: 'AAAA', anchorEnd: 'AAAB', quote: 'words' };

  it('asks for a selection first, without waiting or posting', async () => {
    const whenSaved = jest.fn(async () => true);
    const post = jest.fn(async () => 'posted');
    await expect(placeComment(null, 2, whenSaved, post)).resolves.toEqual({ hint: 'selectFirst' });
    expect(whenSaved).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
  });

  it('posts only once the writer’s own changes are saved', async () => {
    const order: string[] = [];
    let save: (saved: boolean) => void = () => undefined;
    const whenSaved = () => new Promise<boolean>((resolve) => (save = (saved) => (order.push('saved'), resolve(saved))));
    const post = jest.fn(async (placed: typeof anchors) => (order.push('posted'), placed.quote));
    const placing = placeComment(anchors, 1, whenSaved, post);
    await Promise.resolve();
    expect(post).not.toHaveBeenCalled();
    save(true);
    await expect(placing).resolves.toEqual({ posted: 'words' });
    expect(order).toEqual(['saved', 'posted']);
    expect(post).toHaveBeenCalledWith(anchors);
  });

  it('says the changes are not saved, and posts nothing, when they are not saved in time', async () => {
    const post = jest.fn(async () => 'posted');
    await expect(placeComment(anchors, 3, async () => false, post)).resolves.toEqual({ hint: 'notSaved' });
    expect(post).not.toHaveBeenCalled();
  });

  it('posts at once when nothing is unsaved, without waiting for the connection (a reader, or an editor reconnecting)', async () => {
    const whenSaved = jest.fn(async () => false);
    const post = jest.fn(async () => 'posted');
    await expect(placeComment(anchors, 0, whenSaved, post)).resolves.toEqual({ posted: 'posted' });
    expect(whenSaved).not.toHaveBeenCalled();
  });

  it('lets the post’s own failure through (shown by the composer, the text kept)', async () => {
    await expect(placeComment(anchors, 0, async () => true, async () => Promise.reject(new Error('409')))).rejects.toThrow('409');
  });
});

describe('selectionQuote', () => {
  it('shows the selected words on one line, cut with an ellipsis when long', () => {
    expect(selectionQuote('  water\n\npoints  ')).toBe('water points');
    expect(selectionQuote('a'.repeat(80))).toBe('a'.repeat(80));
    // At most 20 characters with the ellipsis, not ending on a space.
    expect(selectionQuote(`${'word '.repeat(30)}end`, 20)).toBe('word word word word…');
    expect(selectionQuote('')).toBe('');
  });
});
