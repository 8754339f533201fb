import type { CommentThread } from '@simashe/contracts';
import { threadsLostSince } from './comment-highlights';

const thread = (id: string, currentText: string | null, resolved = false) => ({ id, currentText, resolved }) as CommentThread;

describe('threadsLostSince', () => {
  it('names open threads whose words were there when read and are not in the editor now', () => {
    const threads = [thread('moved', 'water points'), thread('kept', 'clinics'), thread('unresolvable', 'districts')];
    const now: Record<string, string | null> = { moved: '', kept: 'clinics', unresolvable: null };
    expect(threadsLostSince(threads, (t) => now[t.id])).toEqual(['moved', 'unresolvable']);
  });

  it('leaves alone threads already read as deleted, spanning several blocks, or resolved (nothing to find again)', () => {
    const threads = [thread('deleted', ''), thread('blocks', null), thread('resolved', 'words', true)];
    expect(threadsLostSince(threads, () => '')).toEqual([]);
  });
});
