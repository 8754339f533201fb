import { mentionsIn, readableText, withMentionNames } from './mentions';

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

  it('labels each mention with its id’s current name, and leaves a mention of nobody as plain text', () => {
    const ghost = '33333333-3333-4333-8333-333333333333';
    const body = `Ask @[SIMASHE Secretariat](user:${amina}), @[Kenya](org:${kenya}), @[Ghost](user:${ghost}) and @[Kenya as a person](user:${kenya}).`;
    const known = { users: new Map([[amina, 'Amina Otieno']]), organisations: new Map([[kenya, 'Kenya [pathfinder]']]) };
    expect(withMentionNames(body, known)).toBe(`Ask @[Amina Otieno](user:${amina}), @[Kenya [pathfinder](org:${kenya}), @Ghost and @Kenya as a person.`);
    expect(mentionsIn(withMentionNames(body, known))).toEqual({ users: [amina], organisations: [kenya] });
  });
});
