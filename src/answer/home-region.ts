/**
 * The home region (HOME_REGION, e.g. "محافظة الحسكة، منبج"): the places the bot is about. A question that
 * names no place is read in this region, so sentences from articles about elsewhere rank below.
 * Resolution goes through this one function, against the gazetteer (knowledge/gazetteer.json).
 */

/** Gazetteer types of places people live in: naming one of these inside the region places an article there. */
export const SETTLEMENT_TYPES: ReadonlySet<string> = new Set(['governorate', 'city', 'town', 'village', 'neighbourhood', 'camp', 'crossing']);

export interface HomeRegion {
  /** The lexicon place ids the setting named. */
  readonly ids: ReadonlySet<string>;
  /** True when the place is one of them or lies inside one (through the lexicon's parents). */
  contains(placeId: string): boolean;
  /**
   * True when naming this place alone makes an article about the region: a configured place, or a
   * settlement inside it. A facility (an airport, a dam, a field) is not enough alone: every region has one.
   */
  anchors(placeId: string): boolean;
}

export class HomeRegionError extends Error {
  override readonly name = 'HomeRegionError';
}

export interface HomeRegionDeps {
  matchEntities(text: string): readonly { id: string; kind: 'actor' | 'place' }[];
  parentOf(id: string): string | undefined;
  /** The gazetteer type of a place (city, town, airport...); unknown types never anchor alone. */
  placeType?(id: string): string | undefined;
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
  const anchors = (placeId: string): boolean => {
    if (ids.has(placeId)) return true;
    const type = deps.placeType?.(placeId);
    return type !== undefined && SETTLEMENT_TYPES.has(type) && contains(placeId);
  };
  return { ids, contains, anchors };
}
