/** Publication dates as pages, feeds and people write them, to the corpus's `YYYY-MM-DD`. */
import { IngestError } from './errors.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/;

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * `2026-11-29`, `2026-11-29T10:00:00+03:00` (the calendar day as the publisher wrote it), or any date
 * `Date.parse` reads (RFC 822 as in RSS: `Sun, 29 Nov 2026 10:00:00 +0300`, taken in UTC). Refuses a
 * date it cannot read, one before 1990, and one after tomorrow (`now` in UTC; a day of slack for
 * time zones ahead of UTC).
 */
export function normalizePublished(raw: string, now: Date): string {
  const text = raw.trim();
  let day: string | null = null;
  const iso = ISO_DAY.exec(text);
  if (iso) {
    const [year, month, date] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDay(year, month, date) && (text.length === 10 || !Number.isNaN(Date.parse(text)))) day = `${iso[1]}-${iso[2]}-${iso[3]}`;
  } else if (/[a-z\d]/i.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) day = new Date(time).toISOString().slice(0, 10);
  }
  if (day === null || day < '1990-01-01') throw new IngestError('bad-date', `cannot read the publication date "${raw}" (use YYYY-MM-DD)`);
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (day > tomorrow) throw new IngestError('future-date', `the publication date ${day} is in the future`);
  return day;
}
