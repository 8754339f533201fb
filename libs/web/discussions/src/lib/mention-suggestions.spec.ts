import { displayText, insertMention, listboxKey, mentionQuery, mentionsInText, serialiseMentions, type ChosenMention } from './mention-suggestions';

const AMINA: ChosenMention = { kind: 'user', id: '0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33', name: 'Amina Odhiambo' };
const ANA: ChosenMention = { kind: 'user', id: '1c7f2b63-9d2f-4e7b-8a1f-3a5d0b2c8e44', name: 'Ana' };
const KENYA: ChosenMention = { kind: 'org', id: '5d1e7c0a-3b2f-4e8d-a6c9-1f0e2d3c4b5a', name: 'Kenya pathfinder' };
const ARABIC: ChosenMention = { kind: 'user', id: '6e2f8d1b-4c3a-4f9e-b7d0-2a1f3e4d5c6b', name: 'أمينة' };

describe('mentionQuery', () => {
  it('reads the name typed after "@" up to the cursor, spaces and any script included', () => {
    expect(mentionQuery('Thanks @Ami', 11)).toEqual({ start: 7, query: 'Ami' });
    expect(mentionQuery('@Amina Od', 9)).toEqual({ start: 0, query: 'Amina Od' });
    expect(mentionQuery('شكرا @أمي', 9)).toEqual({ start: 5, query: 'أمي' });
    expect(mentionQuery('Hi @', 4)).toEqual({ start: 3, query: '' });
    // The cursor earlier in the text: what is after it does not count.
    expect(mentionQuery('Hi @Amina and more', 7)).toEqual({ start: 3, query: 'Ami' });
  });

  it('starts nothing inside a word, after a space right after "@", or past two spaces', () => {
    expect(mentionQuery('mail me at team@who', 19)).toBeNull();
    expect(mentionQuery('Hi @ Amina', 10)).toBeNull();
    expect(mentionQuery('Hi @Amina  Od', 13)).toBeNull();
    expect(mentionQuery('Hi @Amina, thanks', 17)).toBeNull();
  });
});

describe('display text and tokens', () => {
  it('shows "@Name" for the tokens the server stores, and keeps them as mentions', () => {
    const stored = `Over to @[${AMINA.name}](user:${AMINA.id}) and @[${KENYA.name}](org:${KENYA.id}), again @[${AMINA.name}](user:${AMINA.id})`;
    const { text, mentions } = displayText(stored);
    expect(text).toBe('Over to @Amina Odhiambo and @Kenya pathfinder, again @Amina Odhiambo');
    expect(mentions).toEqual([AMINA, KENYA]);
    expect(serialiseMentions(text, mentions)).toBe(stored);
  });

  it('sends the token for each "@Name" still written in full; an edited name is plain text', () => {
    expect(serialiseMentions('Ask @Amina Odhiambo.', [AMINA])).toBe(`Ask @[Amina Odhiambo](user:${AMINA.id}).`);
    expect(serialiseMentions('Ask @Amina Odhi.', [AMINA])).toBe('Ask @Amina Odhi.');
    // A longer word that begins with the name is not the mention.
    expect(serialiseMentions('@Anabel and @Ana', [ANA])).toBe(`@Anabel and @[Ana](user:${ANA.id})`);
    // The longer name wins where one name starts another.
    expect(serialiseMentions('@Ana and @Amina Odhiambo', [ANA, AMINA])).toBe(`@[Ana](user:${ANA.id}) and @[Amina Odhiambo](user:${AMINA.id})`);
    expect(serialiseMentions('شكرا @أمينة!', [ARABIC])).toBe(`شكرا @[أمينة](user:${ARABIC.id})!`);
    // Brackets in text the person typed stay text.
    expect(serialiseMentions('see [1](x)', [AMINA])).toBe('see [1](x)');
  });

  it('lists the mentions still in the text, each once, in order', () => {
    expect(mentionsInText('@Kenya pathfinder, @Amina Odhiambo and @Kenya pathfinder', [AMINA, KENYA, ANA])).toEqual([KENYA, AMINA]);
    expect(mentionsInText('nobody', [AMINA])).toEqual([]);
  });

  it('inserts the chosen name in place of what was typed, with one space after it', () => {
    expect(insertMention('Thanks @Ami', 7, 11, 'Amina Odhiambo')).toEqual({ text: 'Thanks @Amina Odhiambo ', cursor: 23 });
    expect(insertMention('Hi @Am for this', 3, 6, 'Amina')).toEqual({ text: 'Hi @Amina for this', cursor: 10 });
  });
});

describe('listboxKey', () => {
  it('moves with the arrows, wrapping round, and chooses with Enter or Tab', () => {
    expect(listboxKey('ArrowDown', 0, 3)).toEqual({ type: 'move', active: 1 });
    expect(listboxKey('ArrowDown', 2, 3)).toEqual({ type: 'move', active: 0 });
    expect(listboxKey('ArrowUp', 0, 3)).toEqual({ type: 'move', active: 2 });
    expect(listboxKey('Enter', 1, 3)).toEqual({ type: 'choose', index: 1 });
    expect(listboxKey('Tab', 2, 3)).toEqual({ type: 'choose', index: 2 });
    // A highlight left beyond a list that shrank chooses its last name.
    expect(listboxKey('Enter', 7, 3)).toEqual({ type: 'choose', index: 2 });
  });

  it('closes with Escape, and leaves every other key (and all keys of an empty list) to the text box', () => {
    expect(listboxKey('Escape', 0, 3)).toEqual({ type: 'close' });
    expect(listboxKey('Escape', 0, 0)).toEqual({ type: 'close' });
    expect(listboxKey('Enter', 0, 0)).toBeNull();
    expect(listboxKey('ArrowDown', 0, 0)).toBeNull();
    expect(listboxKey('a', 0, 3)).toBeNull();
    expect(listboxKey('Home', 0, 3)).toBeNull();
    expect(listboxKey('Tab', 0, 3, { shift: true })).toBeNull();
    // Ctrl+Enter still sends the post.
    expect(listboxKey('Enter', 0, 3, { ctrl: true })).toBeNull();
  });
});
