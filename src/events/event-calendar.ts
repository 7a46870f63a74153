/**
 * Dated things (timeline events) bucketed by the months they span, so that "what happened in July
 * 2016" or "on 23 April" reads the events of those months, not every event of a large corpus.
 */

/** Anything with a first and last day. */
export interface DatedSpan {
  /** ISO `YYYY-MM-DD`. */
  start: string;
  end: string;
}

/** Events spanning more months than this sit in one list that every look-up reads (they are few). */
const MAX_BUCKETED_MONTHS = 36;
/** A look-up over a longer span than this reads every event (cheaper than its many buckets). */
const MAX_LOOKUP_MONTHS = 1200;

const monthOf = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

export class EventCalendar<E extends DatedSpan> {
  private readonly byMonth = new Map<number, E[]>();
  private readonly long: E[] = [];
  private readonly all: E[] = [];
  private readonly yearsDescending: number[];

  constructor(events: Iterable<E>) {
    const years = new Set<number>();
    for (const event of events) {
      this.all.push(event);
      const from = monthOf(event.start);
      const to = monthOf(event.end);
      if (!(to >= from) || to - from >= MAX_BUCKETED_MONTHS) {
        this.long.push(event);
      } else {
        for (let month = from; month <= to; month += 1) {
          const bucket = this.byMonth.get(month);
          if (bucket) bucket.push(event);
          else this.byMonth.set(month, [event]);
        }
      }
      for (let year = Math.floor(from / 12); year <= Math.floor(Math.max(from, to) / 12) && years.size < 10_000; year += 1) years.add(year);
    }
    this.yearsDescending = [...years].sort((a, b) => b - a);
  }

  get size(): number {
    return this.all.length;
  }

  /** Years in which some event falls, latest first. */
  years(): readonly number[] {
    return this.yearsDescending;
  }

  /** The events overlapping the days `start`..`end` (ISO), each once. */
  overlapping(start: string, end: string): E[] {
    const overlaps = (event: E): boolean => event.start <= end && event.end >= start;
    const from = monthOf(start);
    const to = monthOf(end);
    if (!(to >= from) || to - from > MAX_LOOKUP_MONTHS) return this.all.filter(overlaps);
    const found = new Set<E>();
    for (let month = from; month <= to; month += 1) for (const event of this.byMonth.get(month) ?? []) if (overlaps(event)) found.add(event);
    for (const event of this.long) if (overlaps(event)) found.add(event);
    return [...found];
  }
}
