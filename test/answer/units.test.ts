import { describe, expect, it } from 'vitest';
import type { ExplainableEngine } from '../../src/answer/engine.ts';
import { seedEngine } from '../helpers/engine.ts';

describe('the units a question is read into', () => {
  it('reads "how long" as asking for a number, not for the word "long"', async () => {
    const engine = (await seedEngine()) as ExplainableEngine;
    const asked = await engine.explain('How long did the clashes last?');
    expect(asked.units.map((u) => u.label)).not.toContain('long');
    expect(asked.units).toContainEqual(expect.objectContaining({ kind: 'answer-type', label: 'number' }));
    // Anywhere else "long" is a word like any other.
    expect((await engine.explain('Why were the queues at the bakery so long?')).units.map((u) => u.label)).toContain('long');
  });
});
