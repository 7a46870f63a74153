import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossaryData from '../../intents/glossary.json' with { type: 'json' };
import { allEntities, entityTerms } from '../../src/nlu/entities.ts';
import { createGlossary, defaultGlossaryInstance, expandQuery, GlossaryError } from '../../src/nlu/glossary.ts';
import { normalizeArabic } from '../../src/text/arabic.ts';
import { analyze, analyzeWithSurface, PHRASE_JOINER } from '../../src/text/analyze.ts';

const ARTICLE = readFileSync(new URL('../fixtures/corpus/qamishli-2021-04-25.ar.txt', import.meta.url), 'utf8');

/** The index term of one Arabic word, as the search index holds it. */
const term = (word: string): string => {
  const t = analyze(word);
  if (t.length !== 1) throw new Error(`expected one term for ${word}, got ${JSON.stringify(t)}`);
  return t[0] as string;
};

describe('expandQuery: English questions reach the Arabic article', () => {
  const cases: [question: string, arabicWords: string[]][] = [
    ['Who controls the airport?', ['يسيطر', 'بيد', 'مطار']],
    ['Is there a ceasefire?', ['وقف', 'هدنة']],
    ['Was the truce violated?', ['خرق']],
    ['Who mediated between them?', ['وساطة']],
    ['Are people fleeing? Is there displacement?', ['نزوح', 'سكانها']],
    ['Is the regime sending reinforcements?', ['تعزيزات', 'حشد', 'النظام']],
    ['Who threw the grenades at the checkpoint?', ['قنبلتين', 'تفتيش', 'ألقوا']],
    ['How many were killed in 2018?', ['قتل']],
    ['Did helicopters carry out strikes?', ['مروحيات', 'تحليق', 'ضربات']],
    ['What weapons and ammunition were seized?', ['الأسلحة', 'الذخائر', 'استولت']],
    ['What did the statement say about the patrol and the car?', ['بيان', 'دورية', 'سيارة']],
    ['Did Russia turn the airport into a base?', ['قاعدة', 'موسكو', 'جعلت']],
    ['since the beginning of the revolution', ['الثورة', 'بداية']],
  ];
  for (const [question, words] of cases) {
    it(question, () => {
      const expanded = expandQuery(question, 'en');
      for (const w of words) expect(expanded, w).toContain(term(w));
    });
  }

  it('adds the terms of the entities a question names', () => {
    const expanded = expandQuery('What happened in Halko and Qamishlo?', 'en');
    for (const t of [...entityTerms('halko'), ...entityTerms('qamishli')]) expect(expanded).toContain(t);
  });
});

describe('expandQuery: colloquial Arabic reaches MSA', () => {
  const cases: [question: string, msaWords: string[]][] = [
    ['مين مسيطر عالمطار', ['يسيطر']],
    ['مين ماسك حلكو', ['يسيطر']],
    ['شو عم يصير بالقامشلي', ['الاشتباكات', 'المعارك']],
    ['في طوشة بحلكو؟', ['اشتباكات']],
    ['الناس هربانة؟', ['نزوح']],
    ['في هدنة؟', ['وقف']],
    ['الهدنة انخرقت؟', ['خرق']],
    ['كم واحد انقتل', ['قتل']],
    ['مين رمى رمانة عالحاجز', ['قنبلتين', 'تفتيش']],
    ['في طيارات فوق المدينة', ['مروحيات', 'تحليق']],
    ['شو علاقة الشبيحة', ['الميليشيا']],
    // A dialect verb listed in the perfect (بلش) is found in the imperfect too.
    ['إيمتى بتبلش الامتحانات؟', ['بدأ']],
    ['إيمتى رح يبلشوا؟', ['بدأ']],
  ];
  for (const [question, words] of cases) {
    it(question, () => {
      // A many-word target comes as one joined phrase (وقف&اطلاق&نار): a word may arrive inside one.
      const words_ = new Set(expandQuery(question, 'ar').flatMap((t) => t.split(PHRASE_JOINER)));
      for (const w of words) expect([...words_], w).toContain(term(w));
    });
  }

  it('leaves out terms the question already has', () => {
    const expanded = expandQuery('هل يسيطر النظام على المطار', 'ar');
    expect(expanded).not.toContain(term('يسيطر'));
    expect(expanded).not.toContain(term('المطار'));
  });

  it('adds nothing to a question with no topic words', () => {
    expect(expandQuery('مرحبا', 'ar')).toEqual([]);
    expect(expandQuery('hello there', 'en')).toEqual([]);
  });
});

describe('glossary lookup', () => {
  it('prefers the longest phrase and does not reuse its words', () => {
    const hits = defaultGlossaryInstance().lookup('was the ceasefire broken twice, did the hand grenades explode');
    expect(hits.map((h) => h.key)).toEqual(['ceasefire', 'broken', 'twice', 'hand grenades', 'explode']);
  });

  it('matches inflected English by stem', () => {
    const keys = (t: string) => defaultGlossaryInstance().lookup(t).map((h) => h.key);
    expect(keys('reinforcing')).toEqual(['reinforcing']);
    expect(keys('Mediators')).toEqual(['Mediators']);
  });
});

describe('glossary data', () => {
  it('covers every content word of the seed article', () => {
    const covered = new Set<string>();
    for (const group of glossaryData.english) for (const w of group.ar) for (const t of analyze(w)) covered.add(t);
    for (const e of allEntities()) for (const t of entityTerms(e.id)) covered.add(t);
    // Auxiliary verbs and particles with no English content word of their own, and numbers.
    const noContent = new Set(['وتقوم', 'الا', 'وتاتي', 'وجاء', 'وتم', 'تم'].map(normalizeArabic));
    const uncovered = analyzeWithSurface(ARTICLE)
      .filter((t) => !covered.has(t.term) && !/^\d+$/.test(t.term) && !noContent.has(normalizeArabic(t.surface)))
      .map((t) => t.surface);
    expect(uncovered).toEqual([]);
  });

  it('gives every target Arabic content terms', () => {
    // آلية (vehicle) normalises to اليه, and كلية (faculty) reads as ك + ليه: both stopwords of the text pipeline.
    const knownCollisions = new Set(['آلية', 'كلية']);
    const empty = [
      ...glossaryData.english.flatMap((g) => g.ar),
      ...glossaryData.dialect.flatMap((g) => g.msa),
    ].filter((w) => analyze(w).length === 0 && !knownCollisions.has(w));
    expect(empty).toEqual([]);
  });

  it('rejects a one-word key that is a stopword', () => {
    expect(() => createGlossary({ english: [{ en: ['the'], ar: ['قتل'] }], dialect: [] })).toThrow(GlossaryError);
    expect(() => createGlossary({ english: [], dialect: [{ dialect: ['لمين'], msa: ['تابع'] }] })).toThrow(GlossaryError);
  });
});
