import { canTypeIn } from './live-document';

describe('canTypeIn', () => {
  it('takes no typing before the first sync, even from an editor with the right to edit', () => {
    expect(canTypeIn(true, null)).toBe(false);
    expect(canTypeIn(true, { synced: false, access: null })).toBe(false);
    expect(canTypeIn(true, { synced: false, access: 'edit' })).toBe(false);
  });

  it('takes typing once synced, and keeps taking it while offline or asked again (access unknown then)', () => {
    expect(canTypeIn(true, { synced: true, access: 'edit' })).toBe(true);
    expect(canTypeIn(true, { synced: true, access: null })).toBe(true);
  });

  it('takes none where the server says read-only, or where the page says the person may not edit', () => {
    expect(canTypeIn(true, { synced: true, access: 'read' })).toBe(false);
    expect(canTypeIn(false, { synced: true, access: 'edit' })).toBe(false);
  });
});
