import { findUnsafeInput, MAX_REQUEST_NESTING } from './control-characters.guard';

describe('findUnsafeInput', () => {
  it('names the first field, in document order, holding a control character or a lone surrogate', () => {
    expect(findUnsafeInput({ title: 'ok', items: [{ label: 'fine' }, { label: 'a\u0000b' }], note: '\ud800' })).toEqual({
      path: 'items.1.label',
      problem: 'control_character',
    });
    expect(findUnsafeInput({ title: 'ok', note: 'x \udfff y' })).toEqual({ path: 'note', problem: 'lone_surrogate' });
    expect(findUnsafeInput({ 'bad\ud800key': 1 })).toEqual({ path: 'bad\ud800key', problem: 'lone_surrogate' });
    expect(findUnsafeInput('\u0007')).toEqual({ path: '(value)', problem: 'control_character' });
  });

  it('accepts tabs, line breaks, paired surrogates (emoji) and right-to-left text', () => {
    expect(findUnsafeInput({ body: 'line\nbreak\ttab\r\n', title: 'Team 👩‍💻 \ud83d\ude00', ar: 'تقرير \u200f2026', n: 1, b: null })).toBeNull();
  });

  it('refuses JSON nested absurdly deep without exhausting the stack', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(findUnsafeInput({ items: deep })).toEqual({ path: 'items', problem: 'too_deep' });
    let fine: unknown = 'leaf';
    for (let level = 0; level < MAX_REQUEST_NESTING - 1; level++) fine = { next: fine };
    expect(findUnsafeInput(fine)).toBeNull();
  });
});
