import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BILINGUAL_LEXICON_FILE,
  BilingualLexiconError,
  arabicQuery,
  corpusNameFinder,
  createBilingualLexicon,
  formatLexicon,
  lemmaCandidates,
  loadBilingualLexicon,
  parseBilingualLexicon,
  senseWeight,
  translateEnglish,
} from '../../src/nlu/bilingual.ts';
import { analyze } from '../../src/text/analyze.ts';

const SAMPLE = [
  '# a comment line',
  'city\tالمدينة|مدينة',
  'cities\tالمدن',
  'kill\tالقتل|قتل|اغتال',
  'killer\tالقاتل',
  'fire\tالنار|الحريق',
  'brigade\tاللواء',
  'fire brigade\tفوج الإطفاء|رجال الإطفاء',
  'death\tالموت',
  'toll\tرسم المرور',
  'death toll\tحصيلة القتلى',
  'air-mail\tالبريد الجوي',
  'ceasefire\tوقف إطلاق النار',
  'control\tالسيطرة|التحكم',
  'airport\tالمطار',
  'allen\tألين',
  'go\tذهب',
  'family\tالعائلة|الأسرة',
  'take\tأخذ|استغرق',
  'took\tأخذ',
  'take part\tشارك',
  'put out\tأخمد',
  'break out\tاندلع',
  'firebreak\tمانع انتشار الحريق',
  '',
].join('\n');

const lexicon = parseBilingualLexicon(SAMPLE, { familyFactor: 0.3 });
const keys = (text: string) => lexicon.translate(text).map((u) => u.key);

describe('parseBilingualLexicon and formatLexicon', () => {
  it('reads keys and ordered alternatives, skipping comments and blank lines', () => {
    expect(lexicon.size).toBe(23);
    expect(lexicon.alternatives('kill')).toEqual(['القتل', 'قتل', 'اغتال']);
    expect(lexicon.alternatives('nothing')).toBeUndefined();
  });

  it('refuses malformed lines with their line number', () => {
    expect(() => parseBilingualLexicon('city المدينة\n')).toThrow(/line 1/);
    expect(() => parseBilingualLexicon('# x\ncity\t|\n')).toThrow(BilingualLexiconError);
  });

  it('writes what it reads back, keys sorted, header as comments', () => {
    const text = formatLexicon(new Map([['war', ['الحرب']], ['army', ['الجيش', 'جيش']]]), ['source: test']);
    expect(text).toBe('# source: test\narmy\tالجيش|جيش\nwar\tالحرب\n');
    expect(parseBilingualLexicon(text).alternatives('army')).toEqual(['الجيش', 'جيش']);
    expect(() => formatLexicon(new Map([['a|b', ['ب']]]))).toThrow(BilingualLexiconError);
  });

  it('builds the same lexicon from a map', () => {
    const direct = createBilingualLexicon(new Map([['kill', ['القتل', 'قتل', 'اغتال']]]));
    expect(direct.translate('kill')[0]?.translations.map((t) => t.arabic)).toEqual(['القتل', 'قتل', 'اغتال']);
  });

  it('reports a missing file as a BilingualLexiconError', () => {
    expect(() => loadBilingualLexicon('/nonexistent/en-ar.tsv')).toThrow(BilingualLexiconError);
  });
});

describe('lemmaCandidates', () => {
  it('undoes regular plurals, -ed, -ing and comparison', () => {
    expect(lemmaCandidates('cities')).toContain('city');
    expect(lemmaCandidates('churches')).toContain('church');
    expect(lemmaCandidates('killed')).toContain('kill');
    expect(lemmaCandidates('used')).toContain('use');
    expect(lemmaCandidates('stopped')).toContain('stop');
    expect(lemmaCandidates('carried')).toContain('carry');
    expect(lemmaCandidates('making')).toContain('make');
    expect(lemmaCandidates('heavily')).toContain('heavy');
  });

  it('knows common irregular forms and leaves -ss / -us words whole', () => {
    expect(lemmaCandidates('went')[0]).toBe('go');
    expect(lemmaCandidates('fought')[0]).toBe('fight');
    expect(lemmaCandidates('children')[0]).toBe('child');
    expect(lemmaCandidates('class')).not.toContain('clas');
    expect(lemmaCandidates('census')).not.toContain('censu');
  });
});

describe('translate', () => {
  it('drops question and function words and keeps content words in order', () => {
    expect(keys('Who controls the airport?')).toEqual(['control', 'airport']);
    expect(keys('What is it?')).toEqual([]);
  });

  it('matches the longest phrase first, also with an inflected last word', () => {
    expect(keys('the fire brigade')).toEqual(['fire brigade']);
    expect(keys('What were the death tolls?')).toEqual(['death toll']);
    const [unit] = lexicon.translate('death tolls');
    expect(unit).toMatchObject({ surface: 'death tolls', start: 0, end: 2 });
  });

  it('finds hyphenated and solid compounds written as two words', () => {
    expect(keys('by air mail')).toEqual(['air-mail']);
    expect(keys('a cease fire')).toEqual(['ceasefire']);
  });

  it('matches phrasal verbs with the verb inflected and a particle at the end', () => {
    expect(keys('They took part in it')).toEqual(['take part']);
    expect(keys('putting out the fire')).toEqual(['put out', 'fire']);
  });

  it('binds a particle to the verb before it rather than building a compound across them', () => {
    expect(keys('Where did the fire break out?')).toEqual(['fire', 'break out']);
    expect(keys('a fire break')).toEqual(['firebreak']);
  });

  it('reads a British spelling as the American word the dictionary lists', () => {
    const lex = createBilingualLexicon(new Map([['subsidize', ['دعم']], ['subsidized', ['مدعوم']], ['labor', ['عمل']], ['rise', ['ارتفع']]]), { familyFactor: 0 });
    expect(lex.translate('subsidised labour').map((u) => [u.key, u.translations[0]?.weight])).toEqual([['subsidized', 1], ['labor', 1]]);
    expect(lex.translate('subsidises')[0]?.key).toBe('subsidize');
    // A word the dictionary has as written is never respelt.
    expect(lex.translate('rise')[0]?.key).toBe('rise');
  });

  it("gives an irregular headword its base form's senses after its own", () => {
    const [unit] = lexicon.translate('took');
    expect(unit?.translations.map((t) => t.arabic)).toEqual(['أخذ', 'استغرق']);
  });

  it('does not build phrases over function words', () => {
    expect(keys('fire of death')).toEqual(['fire', 'death']);
  });

  it('lemmatises: the exact key first, then a rule lemma, then a shared stem', () => {
    expect(keys('cities')).toEqual(['cities']); // a headword of its own
    expect(keys('killed')).toEqual(['kill']);
    expect(keys('went')).toEqual(['go']);
    expect(keys('controlling')).toEqual(['control']);
  });

  it('weighs earlier senses more and rule lemmas a little less than exact words', () => {
    const [exact] = lexicon.translate('kill');
    expect(exact?.translations.slice(0, 3).map((t) => [t.arabic, t.weight])).toEqual([
      ['القتل', senseWeight(0)],
      ['قتل', senseWeight(1)],
      ['اغتال', senseWeight(2)],
    ]);
    expect(senseWeight(0)).toBe(1);
    expect(senseWeight(1)).toBeLessThan(senseWeight(0));
    const [lemma] = lexicon.translate('killed');
    expect(lemma?.translations[0]?.weight).toBeLessThan(1);
    expect(lemma?.translations[0]?.weight).toBeGreaterThan(senseWeight(1));
  });

  it("adds the word family's translations after its own, weighed down", () => {
    const [unit] = lexicon.translate('kills');
    const arabic = unit?.translations.map((t) => t.arabic) ?? [];
    expect(arabic.slice(0, 3)).toEqual(['القتل', 'قتل', 'اغتال']);
    const family = unit?.translations.find((t) => t.arabic === 'القاتل');
    expect(family).toBeUndefined(); // killer has its own Porter stem: not a sibling
    const [city] = lexicon.translate('city');
    expect(city?.translations.map((t) => t.arabic)).toEqual(['المدينة', 'مدينة', 'المدن']);
    expect(city?.translations[2]?.weight).toBeCloseTo(0.3);
  });

  it('carries the analysed index terms of each alternative', () => {
    const [unit] = lexicon.translate('airport');
    expect(unit?.translations[0]?.terms).toEqual(analyze('المطار'));
  });

  it('marks capitalised words inside the text, keeps unknown words without translations', () => {
    const units = lexicon.translate('Who is Jared Allen?');
    expect(units.map((u) => [u.surface, u.capitalised, u.translations.length > 0])).toEqual([
      ['Jared', true, false], // a capitalised name is not taken for "jar" + -ed
      ['Allen', true, true],
    ]);
    expect(lexicon.translate('Fire brigade')[0]?.capitalised).toBe(false); // first word of a sentence
  });

  it('lets numbers stand for themselves and takes unknown hyphenated words apart', () => {
    expect(lexicon.translate('in 2015')[0]?.translations[0]).toMatchObject({ arabic: '2015', weight: 1 });
    expect(keys('city-fire')).toEqual(['city', 'fire']);
  });

  it('accepts a list of words as well as a text', () => {
    expect(translateEnglish(lexicon, ['death', 'toll']).map((u) => u.key)).toEqual(['death toll']);
  });
});

describe('arabicQuery', () => {
  it('lists the translations heaviest first and boosts each analysed term by its best weight', () => {
    const query = arabicQuery(lexicon.translate('Who controls the airport?'));
    expect(query.extraTerms.slice(0, 2)).toEqual(['المطار', 'السيطرة']); // exact word 1, lemma 0.9
    const [control] = analyze('السيطرة');
    const [command] = analyze('التحكم');
    expect(query.boosts[control as string]).toBeCloseTo(0.9);
    expect(query.boosts[command as string]).toBeLessThan(query.boosts[control as string] as number);
  });

  it('asks for names only for unknown or capitalised words', () => {
    const asked: string[] = [];
    arabicQuery(lexicon.translate('Did Kuechly control the Airport?'), {
      names: (latin) => {
        asked.push(latin);
        return [];
      },
    });
    expect(asked).toEqual(['Kuechly', 'Airport']);
  });

  it('adds the names found with their weights', () => {
    const query = arabicQuery(lexicon.translate('Where is Amuda?'), {
      names: () => [{ arabic: 'عامودا', weight: 1 }],
    });
    expect(query.extraTerms).toEqual(['عامودا']);
    expect(query.boosts[analyze('عامودا')[0] as string]).toBe(1);
  });
});

describe('corpusNameFinder', () => {
  it("finds a name's spelling among the corpus words, dictionary words weighing less", () => {
    const find = corpusNameFinder(lexicon, ['وصلت', 'القوات', 'إلى', 'عامودا', 'والقامشلي', 'المدينة']);
    expect(find('Amuda', false)).toEqual([{ arabic: 'عامودا', weight: 1 }]);
    expect(find('Qamishlo', false)).toEqual([{ arabic: 'والقامشلي', weight: 1 }]);
    expect(find('Madina', false)).toEqual([{ arabic: 'المدينة', weight: 0.3 }]); // the lexicon's word for "city"
    expect(find('Kobani', false)).toEqual([]);
  });
});

describe('the store of analysed Arabic terms', () => {
  it('saves the terms it computed and a later lexicon reads them instead of computing', () => {
    const saved: (readonly string[])[] = [];
    const first = parseBilingualLexicon(SAMPLE, { arabicTerms: { load: () => undefined, save: (terms) => saved.push(terms) } });
    expect(first.knowsArabic('المدينة')).toBe(true);
    expect(first.knowsArabic('السيارة')).toBe(false);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain(analyze('المدينة')[0]);
    // The second lexicon trusts its store: a word the store holds is known, one the entries hold is not.
    const stored = [analyze('السيارة')[0] as string];
    const second = parseBilingualLexicon(SAMPLE, { arabicTerms: { load: () => stored, save: () => expect.unreachable() } });
    expect(second.knowsArabic('السيارة')).toBe(true);
    expect(second.knowsArabic('المدينة')).toBe(false);
  });
});

describe('the committed lexicon (knowledge/en-ar.tsv)', () => {
  const text = readFileSync(BILINGUAL_LEXICON_FILE, 'utf8');
  const committed = parseBilingualLexicon(text);

  it('is a reasonable size with tens of thousands of keys', () => {
    expect(statSync(BILINGUAL_LEXICON_FILE).size).toBeLessThan(5_000_000);
    expect(committed.size).toBeGreaterThan(50_000);
  });

  it('translates everyday words of the news and keeps its phrases', () => {
    const first = (word: string) => committed.alternatives(word)?.[0];
    expect(first('war')).toBe('الحرب');
    expect(first('army')).toBe('الجيش');
    expect(first('airport')).toBe('المطار');
    expect(first('ceasefire')).toBe('وقف إطلاق النار');
    expect(first('fire department')).toBe('إدارة الإطفاء');
    // Reviewed senses before FreeDict's (year → السنة without عام, body → الجسم, find → البحث).
    expect(first('year')).toBe('عام');
    expect(first('body')).toBe('جثة');
    expect(first('find')).toBe('عثر');
    expect(committed.alternatives('affiliated')?.[0]).toBe('تابع');
  });

  it('holds no tashkeel, Latin letters or over-long alternatives', () => {
    const lines = text.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
    for (const line of lines) {
      const alternatives = line.split('\t')[1]?.split('|') ?? [];
      expect(alternatives.length).toBeGreaterThan(0);
      expect(alternatives.length).toBeLessThanOrEqual(6);
      for (const a of alternatives) {
        if (/[\u064B-\u0652a-zA-Z]/.test(a) || a.split(' ').length > 4) throw new Error(`bad alternative in: ${line}`);
      }
    }
  });
});
