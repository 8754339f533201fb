import { mentionsIn, readableText } from './mentions';

const amina = '11111111-1111-4111-8111-111111111111';
const kenya = '22222222-2222-4222-8222-222222222222';

describe('mentions', () => {
  it('finds people and organisations once each, and renders them as @Name', () => {
    const body = `Thanks @[Amina Otieno](user:${amina}) and @[Kenya pathfinder](org:${kenya}); again @[Amina Otieno](user:${amina}).`;
    expect(mentionsIn(body)).toEqual({ users: [amina], organisations: [kenya] });
    expect(readableText(body)).toBe('Thanks @Amina Otieno and @Kenya pathfinder; again @Amina Otieno.');
  });

  it('ignores look-alikes: plain @names, broken ids, other schemes', () => {
    expect(mentionsIn('@amina, @[Amina](user:not-an-id), @[X](mail:11111111-1111-4111-8111-111111111111), [a](b)')).toEqual({ users: [], organisations: [] });
    // 36 characters the pattern admits but no UUID: PostgreSQL would refuse them as ids.
    expect(mentionsIn(`@[X](user:${'-'.repeat(36)}) @[Y](org:${'a'.repeat(36)})`)).toEqual({ users: [], organisations: [] });
  });
});
