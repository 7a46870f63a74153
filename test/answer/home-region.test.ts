import { describe, expect, it } from 'vitest';
import { HomeRegionError, resolveHomeRegion } from '../../src/answer/home-region.ts';
import { entityById, matchEntities } from '../../src/nlu/entities.ts';

const deps = { matchEntities, parentOf: (id: string) => entityById(id)?.parent };

describe('resolveHomeRegion', () => {
  it('resolves place names through the lexicon and contains the places inside them', () => {
    const region = resolveHomeRegion('القامشلي، الحسكة', deps);
    expect([...region.ids].sort()).toEqual(['hasakah', 'qamishli']);
    expect(region.contains('halko')).toBe(true); // a neighbourhood of Qamishli
    expect(region.contains('kawkab_regiment')).toBe(true); // inside Hasakah
    expect(region.contains('syria')).toBe(false); // the whole is not inside its part
    expect(region.contains('unknown-place')).toBe(false);
  });

  it('reads English names too, and refuses a setting that names no known place', () => {
    expect([...resolveHomeRegion('Qamishli', deps).ids]).toEqual(['qamishli']);
    expect(() => resolveHomeRegion('Atlantis', deps)).toThrow(HomeRegionError);
    expect(() => resolveHomeRegion('قسد', deps)).toThrow(HomeRegionError); // an actor is not a region
  });
});
