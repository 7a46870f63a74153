import { describe, expect, it } from 'vitest';
import { readGroupMessage } from '../../src/bot/addressing.ts';

const bot = { id: 999, username: 'QamishliBot' };

describe('readGroupMessage', () => {
  it('is addressed by a mention entity, which it removes from the question', () => {
    const text = '@QamishliBot من يسيطر على المطار؟';
    expect(readGroupMessage({ text, entities: [{ type: 'mention', offset: 0, length: 12 }] }, bot))
      .toEqual({ addressed: true, question: 'من يسيطر على المطار؟' });
  });

  it('matches the username case-insensitively and in the middle of the text', () => {
    const text = 'hey @qamishlibot, who controls the airport?';
    expect(readGroupMessage({ text, entities: [{ type: 'mention', offset: 4, length: 12 }] }, bot))
      .toEqual({ addressed: true, question: 'hey, who controls the airport?' });
  });

  it('is addressed by a text mention of the bot, or a plain @name without entities', () => {
    expect(readGroupMessage({ text: 'Qamishli what happened?', entities: [{ type: 'text_mention', offset: 0, length: 8, user: { id: 999 } }] }, bot).addressed).toBe(true);
    expect(readGroupMessage({ text: 'who controls it @QamishliBot' }, bot)).toEqual({ addressed: true, question: 'who controls it' });
  });

  it('is addressed by a reply to the bot', () => {
    expect(readGroupMessage({ text: 'and the airport?', reply_to_message: { from: { id: 999 } } }, bot))
      .toEqual({ addressed: true, question: 'and the airport?' });
  });

  it('leaves chatter, other mentions, e-mail addresses and replies to people alone', () => {
    expect(readGroupMessage({ text: 'who controls the airport?' }, bot).addressed).toBe(false);
    expect(readGroupMessage({ text: '@OtherBot hi', entities: [{ type: 'mention', offset: 0, length: 9 }] }, bot).addressed).toBe(false);
    expect(readGroupMessage({ text: 'mail me at x@QamishliBot.org' }, bot).addressed).toBe(false);
    expect(readGroupMessage({ text: '@QamishliBotFan hi' }, bot).addressed).toBe(false);
    expect(readGroupMessage({ text: 'yes', reply_to_message: { from: { id: 5 } } }, bot).addressed).toBe(false);
  });

  it('gives an empty question for a bare mention', () => {
    expect(readGroupMessage({ text: '@QamishliBot', entities: [{ type: 'mention', offset: 0, length: 12 }] }, bot))
      .toEqual({ addressed: true, question: '' });
  });
});
