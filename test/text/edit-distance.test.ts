import { describe, expect, it } from 'vitest';
import { classicalSpellings } from '../../src/text/edit-distance.ts';

describe('classicalSpellings', () => {
  it('reads Levantine stops and sibilants as the classical interdentals', () => {
    expect(classicalSpellings('استاز')).toContain('استاذ');
    expect(classicalSpellings('تلاته')).toContain('ثلاثه');
    expect(classicalSpellings('ضل')).toContain('ظل');
  });

  it('leaves out the word itself and puts the fewest changes first', () => {
    const spellings = classicalSpellings('استاز');
    expect(spellings).not.toContain('استاز');
    expect(spellings[0]).toBe('استاذ');
  });

  it('stays bounded for a word full of such letters', () => {
    expect(classicalSpellings('تستدزتستدزتستدز').length).toBeLessThanOrEqual(64);
  });
});
