/**
 * The home region (HOME_REGION, e.g. "القامشلي، الحسكة"): the places the bot is about. A question that
 * names no place is read in this region, so sentences from articles about elsewhere rank below.
 * Resolution goes through this one function; today it reads the entity lexicon (intents/entities.json),
 * later a gazetteer.
 */

export interface HomeRegion {
  /** The lexicon place ids the setting named. */
  readonly ids: ReadonlySet<string>;
  /** True when the place is one of them or lies inside one (through the lexicon's parents). */
  contains(placeId: string): boolean;
}

export class HomeRegionError extends Error {
  override readonly name = 'HomeRegionError';
}

export interface HomeRegionDeps {
  matchEntities(text: string): readonly { id: string; kind: 'actor' | 'place' }[];
  parentOf(id: string): string | undefined;
}

/** Resolves the configured region text into places; throws HomeRegionError when it names none. */
export function resolveHomeRegion(text: string, deps: HomeRegionDeps): HomeRegion {
  const ids = new Set(deps.matchEntities(text).filter((m) => m.kind === 'place').map((m) => m.id));
  if (ids.size === 0) throw new HomeRegionError(`HOME_REGION "${text}" names no known place`);
  const memo = new Map<string, boolean>();
  const contains = (placeId: string): boolean => {
    const known = memo.get(placeId);
    if (known !== undefined) return known;
    let inside = false;
    const seen = new Set<string>();
    for (let id: string | undefined = placeId; id !== undefined && !seen.has(id); id = deps.parentOf(id)) {
      seen.add(id);
      if (ids.has(id)) {
        inside = true;
        break;
      }
    }
    memo.set(placeId, inside);
    return inside;
  };
  return { ids, contains };
}
