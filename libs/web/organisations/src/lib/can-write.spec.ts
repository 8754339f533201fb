import { canWriteIn } from './queries';

describe('canWriteIn', () => {
  it('is true for a member editor or administrator only', () => {
    expect(canWriteIn({ relation: 'member', myRole: 'editor' })).toBe(true);
    expect(canWriteIn({ relation: 'member', myRole: 'admin' })).toBe(true);
    expect(canWriteIn({ relation: 'member', myRole: 'viewer' })).toBe(false);
    expect(canWriteIn({ relation: 'regional_office', myRole: null })).toBe(false);
  });
});
