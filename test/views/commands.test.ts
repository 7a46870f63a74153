import { describe, expect, it } from 'vitest';
import { chooseLanguage, COMMANDS, isCommandName, isForBot, parseCommand } from '../../src/views/commands.ts';

describe('parseCommand', () => {
  it.each([
    ['/ask من يسيطر؟', { name: 'ask', target: null, args: 'من يسيطر؟' }],
    ['/ask@QamishliBot who controls it?', { name: 'ask', target: 'QamishliBot', args: 'who controls it?' }],
    ['/HELP', { name: 'help', target: null, args: '' }],
    ['  /timeline   روسيا  ', { name: 'timeline', target: null, args: 'روسيا' }],
    ['/start\nsecond line', { name: 'start', target: null, args: 'second line' }],
  ])('reads %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each(['hello', '/', '//ask', '/ask-me', 'ask /ask', '/ask@', '/عربي'])('does not take %j for a command', (text) => {
    expect(parseCommand(text)).toBeNull();
  });

  it('knows which commands exist and whom a command is for', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('timeline');
    expect(isCommandName('summary')).toBe(true);
    expect(isCommandName('more')).toBe(false);
    const addressed = parseCommand('/ask@qamishlibot x')!;
    expect(isForBot(addressed, 'QamishliBot')).toBe(true);
    expect(isForBot(addressed, 'OtherBot')).toBe(false);
    expect(isForBot(parseCommand('/ask x')!, 'OtherBot')).toBe(true);
  });
});

describe('chooseLanguage', () => {
  it('prefers the text, then the client language, then Arabic', () => {
    expect(chooseLanguage('روسيا', 'en')).toBe('ar');
    expect(chooseLanguage('Russia', 'ar')).toBe('en');
    expect(chooseLanguage('', 'en-GB')).toBe('en');
    expect(chooseLanguage('😀 123', 'ar')).toBe('ar');
    expect(chooseLanguage(null, 'de')).toBe('en');
    expect(chooseLanguage(undefined, undefined)).toBe('ar');
  });
});
