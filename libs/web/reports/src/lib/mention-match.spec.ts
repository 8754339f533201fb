import { mentionMatchUpToCursor, mentionMenuTop } from './mention-match';

const match = (text: string, from = 10) => ({ range: { from, to: from + text.length }, query: text.slice(1), text });

describe('mentionMatchUpToCursor', () => {
  it('keeps a name typed at the end of a paragraph, spaces and any script included', () => {
    expect(mentionMatchUpToCursor(match('@Amina Od'), 19)).toEqual({ range: { from: 10, to: 19 }, query: 'Amina Od', text: '@Amina Od' });
    expect(mentionMatchUpToCursor(match('@أمينة'), 16)?.query).toBe('أمينة');
    expect(mentionMatchUpToCursor(match('@'), 11)?.query).toBe('');
  });

  it('stops at the cursor when "@" is typed in the middle of a sentence', () => {
    expect(mentionMatchUpToCursor(match('@Ami and the rest of the sentence'), 14)).toEqual({ range: { from: 10, to: 14 }, query: 'Ami', text: '@Ami' });
  });

  it('ends on what is no longer a name', () => {
    expect(mentionMatchUpToCursor(match('@ Amina'), 17)).toBeNull();
    expect(mentionMatchUpToCursor(match('@Amina  Od'), 20)).toBeNull();
    expect(mentionMatchUpToCursor(match('@Amina, hello'), 23)).toBeNull();
    expect(mentionMatchUpToCursor(match(`@${'a'.repeat(41)}`), 52)).toBeNull();
    expect(mentionMatchUpToCursor(null, 3)).toBeNull();
  });
});

describe('mentionMenuTop', () => {
  it('opens under the "@" when the list fits below, above it near the bottom of the window', () => {
    expect(mentionMenuTop({ top: 100, bottom: 120 }, 200, 900)).toBe(124);
    expect(mentionMenuTop({ top: 860, bottom: 880 }, 200, 900)).toBe(656);
  });

  it('takes the side with more room when the list fits on neither', () => {
    expect(mentionMenuTop({ top: 150, bottom: 170 }, 300, 400)).toBe(174);
    expect(mentionMenuTop({ top: 250, bottom: 270 }, 300, 400)).toBe(0);
  });
});
