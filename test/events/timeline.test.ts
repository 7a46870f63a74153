import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/answer/types.ts';
import type { Corpus } from '../../src/corpus/article.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildTimeline, filterTimeline, refersBack, type TimelineDeps } from '../../src/events/timeline.ts';
import { entityById, matchEntities } from '../../src/nlu/entities.ts';
import { loadCorpora, MERGE_DIR, SECOND_DIR, SEED_DIR } from './fixtures/load.ts';

const deps: TimelineDeps = { matchEntities };
const SEED = 'qamishli-2021-04-25';

/** [date, precision, cited sentence numbers] in timeline order. */
function shape(events: TimelineEvent[]): [string, string, string[]][] {
  return events.map((event) => [event.date, event.precision, event.citations.map((c) => c.sentenceId)]);
}

function sentenceText(corpus: Corpus, id: string): string | undefined {
  return corpus.sentences.find((sentence) => sentence.id === id)?.text;
}

describe('buildTimeline on the seed article', () => {
  const corpus = loadCorpus(SEED_DIR);
  const events = buildTimeline(corpus, deps);
  const byDate = (date: string): TimelineEvent => {
    const event = events.find((e) => e.date === date);
    if (!event) throw new Error(`no event on ${date}`);
    return event;
  };
  const ids = (...numbers: number[]): string[] => numbers.map((n) => `${SEED}#${n}`);

  it('gives the seven dated events, in date order, with the sentences that tell each', () => {
    expect(shape(events)).toEqual([
      ['2016-07', 'month', ids(14)],
      ['2018-09', 'month', ids(13)],
      ['2021-04-09/2021-04-11', 'approximate', ids(11, 12)],
      ['2021-04-17', 'day', ids(8, 9, 10)],
      ['2021-04-20', 'day', ids(7)],
      ['2021-04-23', 'day', ids(6)],
      ['2021-04-25', 'day', ids(1, 2, 3, 4, 5)],
    ]);
  });

  it('gives start and end days that sort the events', () => {
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2016-07-01', '2016-07-31'],
      ['2018-09-01', '2018-09-30'],
      ['2021-04-09', '2021-04-11'],
      ['2021-04-17', '2021-04-17'],
      ['2021-04-20', '2021-04-20'],
      ['2021-04-23', '2021-04-23'],
      ['2021-04-25', '2021-04-25'],
    ]);
  });

  it('quotes every citation verbatim', () => {
    for (const event of events) {
      for (const citation of event.citations) {
        expect(citation.articleId).toBe(SEED);
        expect(citation.text).toBe(sentenceText(corpus, citation.sentenceId));
      }
    }
  });

  it('finds the places and actors of each event in the lexicon', () => {
    expect(byDate('2016-07').places).toEqual(expect.arrayContaining(['faculty_of_arts', 'childrens_hospital', 'ayyad_school', 'nashwa']));
    expect(byDate('2016-07').actors).toContain('regime');
    expect(byDate('2018-09').places).toContain('hasakah_street');
    expect(byDate('2021-04-09/2021-04-11').actors).toEqual(expect.arrayContaining(['asayish', 'ndf']));
    expect(byDate('2021-04-17').places).toContain('quwatli_street');
    expect(byDate('2021-04-20').actors).toEqual(expect.arrayContaining(['asayish', 'ndf', 'russia']));
    expect(byDate('2021-04-23').places).toEqual(expect.arrayContaining(['salam_street', 'lilo_hq']));
    expect(byDate('2021-04-25').places).toEqual(expect.arrayContaining(['halko', 'qamishli', 'tayy']));
  });

  it('reads "الطرفين" as the article\'s two sides (Asayish and the NDF)', () => {
    // Sentence 13 names the regime and the Asayish; "18 عنصرًا من الطرفين" adds the story's other side.
    expect(byDate('2018-09').actors).toEqual(expect.arrayContaining(['regime', 'asayish', 'ndf']));
  });

  it('summarises each event from its own sentence, without the date, in Arabic and English', () => {
    expect(byDate('2021-04-23').summary).toContain('شارع السلام');
    expect(byDate('2021-04-23').summary).not.toContain('23');
    expect(byDate('2021-04-17').summary).toContain('شارع القوتلي');
    expect(byDate('2018-09').summary).toContain('شارع الحسكة');
    expect(byDate('2016-07').summary).toContain('كلية الآداب');
    expect(byDate('2021-04-25').summary).toContain('استمرت المعارك');
    for (const event of events) {
      expect(event.summary.length).toBeGreaterThan(10);
      expect(event.summary.split(/\s+/).length).toBeLessThanOrEqual(41);
      const origin = corpus.sentences.find((s) => s.id === event.citations[0]?.sentenceId);
      expect(event.summaryEn).toBe(origin?.english);
    }
  });
});

describe('buildTimeline on an article it was not written for', () => {
  const corpus = loadCorpora(SECOND_DIR);
  const events = buildTimeline(corpus, deps);
  const id = (n: number): string => `tayy-2021-05-03#${n}`;

  it('reads Eastern digits, Egyptian month names, أمس, "بعد ذلك بيومين", مطلع and "مارس الماضي"', () => {
    expect(shape(events)).toEqual([
      ['2014-01-01/2014-04-30', 'approximate', [id(6)]],
      ['2021-03-15', 'day', [id(8)]],
      ['2021-04-28', 'day', [id(3)]],
      ['2021-04-30', 'day', [id(4)]],
      ['2021-05-02', 'day', [id(1), id(2)]],
    ]);
  });

  it('does not attach general remarks or old background to an event', () => {
    const cited = new Set(events.flatMap((e) => e.citations.map((c) => c.sentenceId)));
    expect(cited.has(id(5))).toBe(false); // "ويعيش في الحي نحو 2000 شخص": no date, names no one
    expect(cited.has(id(7))).toBe(false); // after a 2014 event: too old to continue by adjacency
  });

  it('writes an English line from entities and event words when the corpus has no rendering', () => {
    const arrest = events.find((e) => e.date === '2021-04-28');
    expect(arrest?.summaryEn).toMatch(/^Arrests involving Asayish and National Defence Forces.* in the security square/);
    const killing = events.find((e) => e.date === '2021-05-02');
    expect(killing?.summaryEn).toMatch(/^A civilian was killed/); // the corpus's own rendering
  });
});

describe('merging events across articles', () => {
  const corpus = loadCorpora(SEED_DIR, MERGE_DIR);
  const events = buildTimeline(corpus, deps);
  const on23 = events.filter((e) => e.date === '2021-04-23');

  it('merges the same day and place from two articles, keeping every citation', () => {
    const salam = on23.find((e) => e.places.includes('salam_street'));
    expect(salam?.citations.map((c) => c.sentenceId)).toEqual(['salam-2021-04-24#1', 'salam-2021-04-24#2', `${SEED}#6`]);
    expect(salam?.places).toEqual(expect.arrayContaining(['salam_street', 'lilo_hq', 'qamishli']));
  });

  it('keeps the same day in another place apart', () => {
    expect(on23).toHaveLength(2);
    const halko = on23.find((e) => e.places.includes('halko'));
    expect(halko?.citations.map((c) => c.sentenceId)).toEqual(['salam-2021-04-24#3']);
  });

  it('leaves the other seed events as they were', () => {
    expect(events.filter((e) => e.date !== '2021-04-23').map((e) => e.date)).toEqual([
      '2016-07', '2018-09', '2021-04-09/2021-04-11', '2021-04-17', '2021-04-20', '2021-04-25',
    ]);
  });
});

describe('filterTimeline', () => {
  const corpus = loadCorpus(SEED_DIR);
  const events = buildTimeline(corpus, deps);
  const dates = (filter: string | null): string[] => filterTimeline(events, filter, { matchEntities, entityById, now: '2021-04-25' }).map((e) => e.date);

  it.each([
    [null, 7],
    ['', 7],
  ])('keeps everything for %j', (filter, count) => {
    expect(dates(filter)).toHaveLength(count);
  });

  it.each([
    ['2018', ['2018-09']],
    ['٢٠١٨', ['2018-09']],
    ['2016', ['2016-07']],
    ['تموز', ['2016-07']],
    ['July', ['2016-07']],
    ['نيسان 2021', ['2021-04-09/2021-04-11', '2021-04-17', '2021-04-20', '2021-04-23', '2021-04-25']],
    ['April 2021', ['2021-04-09/2021-04-11', '2021-04-17', '2021-04-20', '2021-04-23', '2021-04-25']],
    ['2019', []],
  ])('by date: %s', (filter, expected) => {
    expect(dates(filter)).toEqual(expected);
  });

  it.each([
    ['حلكو', ['2021-04-25']],
    ['Halko', ['2021-04-25']],
    ['شارع القوتلي', ['2021-04-17']],
    ['Quwatli street', ['2021-04-17']],
    ['روسيا', ['2021-04-20', '2021-04-25']],
    ['Russia', ['2021-04-20', '2021-04-25']],
    ['شارع الحسكة', ['2018-09']],
    ['حي النشوة', ['2016-07']],
  ])('by place or actor: %s', (filter, expected) => {
    expect(dates(filter)).toEqual(expected);
  });

  it('matches the places inside a city when filtering by the city', () => {
    // The 2016 event names only places inside Qamishli (the Faculty of Arts, Nashwa ...), not the city itself.
    expect(dates('القامشلي')).toContain('2016-07');
  });

  it('combines a date and a place', () => {
    expect(dates('Asayish 2018')).toEqual(['2018-09']);
  });

  it('matches free words against summaries and cited sentences', () => {
    expect(dates('قنبلتين')).toEqual(['2021-04-17']);
    expect(dates('ceasefire')).toEqual(['2021-04-20']);
    expect(dates('زلزال')).toEqual([]);
  });
});

describe('attaching undated sentences', () => {
  it('continues an event by adjacency only through a shared actor or place, and by back-reference always', () => {
    // With a lexicon that knows nothing, only the sentences that point back (3, 5: "تلك الاشتباكات";
    // 9: "وجاء في بيان"; 10: "البيان"; 12: "حينها") still join their events; 2 and 4 do not.
    const events = buildTimeline(loadCorpus(SEED_DIR), { matchEntities: () => [], entityById: () => undefined });
    expect(shape(events).map(([date, , cited]) => [date, cited.map((id) => Number(id.split('#')[1]))])).toEqual([
      ['2016-07', [14]],
      ['2018-09', [13]],
      ['2021-04-09/2021-04-11', [11, 12]],
      ['2021-04-17', [8, 9, 10]],
      ['2021-04-20', [7]],
      ['2021-04-23', [6]],
      ['2021-04-25', [1, 3, 5]],
    ]);
    expect(events.every((e) => e.actors.length === 0 && e.places.length === 0)).toBe(true);
  });
});

describe('refersBack', () => {
  it.each([
    ['وقالت حينها إن عناصر من قوات النظام السوري استهدفوا سيارة', true],
    ['وأوضح البيان أن قنبلة انفجرت وتم تعطيل الثانية', true],
    ['وكانت تلك الاشتباكات تسببت بحركة نزوح', true],
    ['وقال مصدر محلي إن الاشتباكات استمرت ساعات', true],
    ['ويفرض النظام السوري سيطرته على المربع الأمني داخل الحسكة', false],
    ['كما تسيطر “الوحدات” على كامل مدينة القامشلي', false],
  ])('%s → %s', (text, expected) => {
    expect(refersBack(text)).toBe(expected);
  });
});
