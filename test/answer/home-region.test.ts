import { describe, expect, it } from 'vitest';
import { HomeRegionError, resolveHomeRegion } from '../../src/answer/home-region.ts';
import { DEFAULT_HOME_REGION } from '../../src/config.ts';
import { entityById, matchEntities } from '../../src/nlu/entities.ts';

const deps = { matchEntities, parentOf: (id: string) => entityById(id)?.parent, placeType: (id: string) => entityById(id)?.type };

describe('resolveHomeRegion', () => {
  it('resolves place names through the lexicon and contains the places inside them', () => {
    const region = resolveHomeRegion('القامشلي، الحسكة', deps);
    expect([...region.ids].sort()).toEqual(['hasakah', 'qamishli']);
    expect(region.contains('halko')).toBe(true); // a neighbourhood of Qamishli
    expect(region.contains('kawkab_regiment')).toBe(true); // inside Hasakah
    expect(region.contains('syria')).toBe(false); // the whole is not inside its part
    expect(region.contains('unknown-place')).toBe(false);
  });

  it('is anchored by a settlement inside it, not by a facility alone', () => {
    const region = resolveHomeRegion('محافظة الحسكة', deps);
    expect(region.anchors('hasakah_governorate')).toBe(true);
    expect(region.anchors('qamishli')).toBe(true); // a city inside the governorate
    expect(region.anchors('tayy')).toBe(true); // a neighbourhood of Qamishli
    const facility = [...matchEntities('سد الباسل ومطار القامشلي وحقل الرميلان')].map((m) => m.id).find((id) => {
      const type = entityById(id)?.type;
      return region.contains(id) && type !== undefined && !['city', 'town', 'village', 'neighbourhood', 'camp', 'crossing', 'governorate'].includes(type);
    });
    expect(facility).toBeDefined();
    expect(region.anchors(facility as string)).toBe(false);
    expect(region.anchors('raqqa')).toBe(false); // a city outside
  });

  it('by default is north-east Syria: the three governorates east of the Euphrates, Manbij and Kobani', () => {
    const region = resolveHomeRegion(DEFAULT_HOME_REGION, deps);
    expect([...region.ids].sort()).toEqual(['deir_ezzor_governorate', 'hasakah_governorate', 'kobani', 'manbij', 'nes_region', 'raqqa_governorate']);
    for (const id of ['qamishli', 'hasakah', 'raqqa', 'deir_ezzor', 'amuda', 'tayy']) expect(region.anchors(id)).toBe(true);
    expect(region.contains('aleppo_governorate')).toBe(false);
  });

  it('reads English names too, and refuses a setting that names no known place', () => {
    expect([...resolveHomeRegion('Qamishli', deps).ids]).toEqual(['qamishli']);
    expect(() => resolveHomeRegion('Atlantis', deps)).toThrow(HomeRegionError);
    expect(() => resolveHomeRegion('قسد', deps)).toThrow(HomeRegionError); // an actor is not a region
  });
});
