import { placeComment } from './comment-placement';

describe('placeComment', () => {
  const anchors = { anchorStart: 'AAAA', anchorEnd: 'AAAB', quote: 'words' };

  it('asks for a selection first, without waiting or posting', async () => {
    const whenSaved = jest.fn(async () => true);
    const post = jest.fn(async () => 'posted');
    await expect(placeComment(null, whenSaved, post)).resolves.toEqual({ hint: 'selectFirst' });
    expect(whenSaved).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
  });

  it('posts only once the writer’s own changes are saved', async () => {
    const order: string[] = [];
    let save: (saved: boolean) => void = () => undefined;
    const whenSaved = () => new Promise<boolean>((resolve) => (save = (saved) => (order.push('saved'), resolve(saved))));
    const post = jest.fn(async (placed: typeof anchors) => (order.push('posted'), placed.quote));
    const placing = placeComment(anchors, whenSaved, post);
    await Promise.resolve();
    expect(post).not.toHaveBeenCalled();
    save(true);
    await expect(placing).resolves.toEqual({ posted: 'words' });
    expect(order).toEqual(['saved', 'posted']);
    expect(post).toHaveBeenCalledWith(anchors);
  });

  it('says the changes are not saved, and posts nothing, when they are not saved in time', async () => {
    const post = jest.fn(async () => 'posted');
    await expect(placeComment(anchors, async () => false, post)).resolves.toEqual({ hint: 'notSaved' });
    expect(post).not.toHaveBeenCalled();
  });

  it('lets the post’s own failure through (shown by the composer, the text kept)', async () => {
    await expect(placeComment(anchors, async () => true, async () => Promise.reject(new Error('409')))).rejects.toThrow('409');
  });
});
