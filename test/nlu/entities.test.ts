import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEnglishStopword } from '../../src/text/stopwords.ts';
import {
  allEntities,
  createEntityLexicon,
  EntityLexiconError,
  entityById,
  entityTerms,
  matchEntities,
  type Entity,
} from '../../src/nlu/entities.ts';
import { analyze } from '../../src/text/analyze.ts';

const ARTICLE = new URL('../fixtures/corpus/qamishli-2021-04-25.ar.txt', import.meta.url);
const sentences = readFileSync(ARTICLE, 'utf8').split('\n').filter((l) => l.trim().length > 0);

const ids = (text: string): string[] => matchEntities(text).map((m) => m.id);

describe('entity lexicon data', () => {
  it('has the actors and places of the article, each with Arabic and English names', () => {
    const byKind = (kind: string) => allEntities().filter((e) => e.kind === kind).map((e) => e.id);
    expect(byKind('actor')).toEqual(expect.arrayContaining(['asayish', 'sdf', 'ypg', 'ndf', 'regime', 'russia']));
    expect(byKind('place')).toEqual(expect.arrayContaining([
      'qamishli', 'airport', 'halko', 'tayy', 'security_square', 'national_hospital', 'salam_street', 'lilo_hq',
      'quwatli_street', 'hasakah_street', 'faculty_of_arts', 'childrens_hospital', 'ayyad_school', 'nashwa',
      'kawkab_regiment', 'hasakah', 'syria',
    ]));
    for (const e of allEntities()) {
      expect(e.nameAr.length, e.id).toBeGreaterThan(0);
      expect(e.nameEn.length, e.id).toBeGreaterThan(0);
      expect(e.variants.length, e.id).toBeGreaterThan(0);
      expect(e.aliases.length, e.id).toBeGreaterThan(0);
    }
  });

  it('records who belongs to whom', () => {
    expect(entityById('asayish')?.parent).toBe('sdf');
    expect(entityById('ndf')?.parent).toBe('regime');
    expect(entityById('ypg')?.parent).toBe('sdf');
    expect(entityById('halko')?.parent).toBe('qamishli');
    expect(entityById('kawkab_regiment')?.parent).toBe('hasakah');
    expect(entityById('nope')).toBeUndefined();
  });
});

describe('matchEntities: every name of every entity', () => {
  for (const entity of allEntities()) {
    it(`${entity.id}: each Arabic variant and English alias on its own`, () => {
      for (const v of entity.variants) {
        const found = matchEntities(v);
        expect(found.map((m) => m.id), v).toEqual([entity.id]);
        expect(found[0]?.surface, v).toBe(v);
      }
      for (const a of entity.aliases) {
        expect(ids(a), a).toEqual([entity.id]);
        expect(ids(a.toUpperCase()), a).toEqual([entity.id]);
        // An acronym that spells a function word (WHO) is the name only in capitals.
        if (a === a.toUpperCase() && isEnglishStopword(a.toLowerCase())) expect(ids(`what about ${a.toLowerCase()}?`), a).toEqual([]);
        else expect(ids(`what about ${a.toLowerCase()}?`), a).toEqual([entity.id]);
      }
    });
  }
});

describe('acronyms that spell a function word', () => {
  it('are names only in capitals: the WHO is an agency, who asks', () => {
    expect(ids('How much aid did the WHO send?')).toEqual(['who_org']);
    expect(ids('who sent the aid?')).toEqual([]);
  });
});

describe('matchEntities on the article', () => {
  // Every sentence's entities in reading order, as a reader would list them.
  const expected: Record<number, string[]> = {
    0: ['sdf', 'ndf', 'qamishli'],
    1: ['qamishli', 'asayish', 'sdf', 'ndf', 'regime', 'regime'],
    2: ['halko', 'airport', 'ndf', 'halko', 'airport', 'asayish'],
    3: ['regime', 'russia'],
    4: ['regime', 'security_square', 'qamishli', 'national_hospital', 'tayy', 'asayish', 'tayy'],
    6: ['asayish', 'salam_street', 'ndf', 'lilo_hq'],
    7: ['asayish', 'ndf', 'russia'],
    8: ['asayish', 'ndf', 'quwatli_street'],
    9: ['asayish', 'ndf', 'regime', 'asayish', 'qamishli'],
    11: ['asayish', 'ndf', 'qamishli'],
    12: ['regime', 'asayish', 'qamishli'],
    13: ['regime', 'asayish', 'hasakah_street', 'qamishli', 'asayish'],
    14: ['regime', 'faculty_of_arts', 'childrens_hospital', 'ayyad_school', 'nashwa', 'regime'],
    15: ['regime', 'security_square', 'hasakah', 'kawkab_regiment', 'ypg'],
    16: ['ypg', 'qamishli', 'airport', 'syria', 'regime', 'russia', 'syria'],
  };
  for (const [n, want] of Object.entries(expected)) {
    it(`sentence ${n}`, () => {
      expect(ids(sentences[Number(n)] as string)).toEqual(want);
    });
  }

  it('returns offsets into the original text', () => {
    for (const s of sentences) {
      for (const m of matchEntities(s)) expect(s.slice(m.start, m.end)).toBe(m.surface);
    }
  });

  it('matches the glued forms the article uses', () => {
    expect(matchEntities('تابعة لـ”أسايش في مدينة')[0]).toMatchObject({ id: 'asayish', surface: 'أسايش' });
    expect(matchEntities('من دون مطارها الذي ظل')[0]).toMatchObject({ id: 'airport', surface: 'مطارها' });
    expect(matchEntities('في المربع الأمني للقامشلي').map((m) => m.surface)).toEqual(['المربع الأمني', 'للقامشلي']);
    expect(matchEntities('في شارع الحسكة بالقامشلي').map((m) => [m.id, m.surface])).toEqual([
      ['hasakah_street', 'شارع الحسكة'],
      ['qamishli', 'بالقامشلي'],
    ]);
    expect(matchEntities('ومشفى الأطفال ومدرسة عياض الفهري').map((m) => m.id)).toEqual(['childrens_hospital', 'ayyad_school']);
  });
});

describe('matchEntities on questions', () => {
  it('strips Arabic clitics, including Levantine عالـ', () => {
    expect(ids('مين مسيطر عالمطار')).toEqual(['airport']);
    expect(ids('شو عم يصير بالقامشلي')).toEqual(['qamishli']);
    expect(ids('وبالمطار')).toEqual(['airport']);
    expect(ids('مين ماسك بحلكو')).toEqual(['halko']);
    expect(ids('هل الاسايش تابعة لقسد')).toEqual(['asayish', 'sdf']);
    expect(ids('شو علاقة الروس بالنظام')).toEqual(['russia', 'regime']);
    expect(ids('للوحدات')).toEqual(['ypg']);
  });

  it('accepts spellings without hamza and with alef maqsura', () => {
    expect(ids('الاسايش')).toEqual(['asayish']);
    expect(ids('القامشلى')).toEqual(['qamishli']);
    expect(ids('نظام الاسد')).toEqual(['regime']);
  });

  it('matches English case-insensitively with plurals, possessives and al- prefixes', () => {
    expect(ids("who controls the Asayish's HQ near Qamishli airport?")).toEqual(['asayish', 'airport']);
    expect(ids('Russians and the NDF in al-Hasakah street')).toEqual(['russia', 'ndf', 'hasakah_street']);
    expect(ids('what happened in QAMISHLO')).toEqual(['qamishli']);
    expect(ids('the national defense forces')).toEqual(['ndf']);
  });

  it('mixes scripts in one question', () => {
    expect(ids('مين مسيطر على Qamishli airport')).toEqual(['airport']);
  });

  it('prefers the longest name: the street is not the city', () => {
    expect(ids('شارع الحسكة')).toEqual(['hasakah_street']);
    expect(ids('الحسكة')).toEqual(['hasakah']);
    expect(ids('Hasakah street vs Hasakah')).toEqual(['hasakah_street', 'hasakah']);
    expect(ids('مطار القامشلي الدولي')).toEqual(['airport']);
    expect(ids('قوات سوريا الديمقراطية')).toEqual(['sdf']);
  });

  it('does not take common words for names', () => {
    expect(ids('السلام عليكم')).toEqual([]);
    expect(ids('كوكب الأرض جميل')).toEqual([]);
    // The ministry is in the gazetteer now; what must not happen is "الدفاع" read as the NDF.
    expect(ids('وزارة الدفاع السورية')).not.toContain('ndf');
    expect(ids('الدفاع المدني يساعد الناس')).not.toContain('ndf');
    expect(ids('في وحدات جديدة')).toEqual([]);
    expect(ids('النت بطي كتير')).toEqual([]);
    expect(ids('الصوت وطي')).toEqual([]);
    expect(ids('نشوة الفوز')).toEqual([]);
  });

  it('does not hear a name in a capitalised month, weekday or function word', () => {
    // "March" has the consonants of أمريكا; a month is never a place.
    for (const text of ['on 12 March 2024', 'Since Monday the roads are closed', 'What happened on Friday in May?']) expect(ids(text), text).toEqual([]);
    expect(ids('Clashes in Hasakah on 12 March')).toEqual(['hasakah']);
  });

  it('finds nothing in ordinary sentences', () => {
    const ordinary = [
      'كيف الطقس اليوم؟',
      'شو بدك تاكل عالغدا',
      'ذهبت إلى السوق واشتريت الخبز والحليب',
      'الأطفال يلعبون في الحديقة بعد المدرسة',
      'هل تعرف طريقة عمل الكبة؟',
      'مرحبا كيفك، شو أخبارك؟',
      'The weather is nice today, let us go to the park.',
      'I stayed at home and watched a movie with my family.',
      'Can you recommend a good book about history?',
      'The ceasefire talks in another country were postponed.',
    ];
    for (const s of ordinary) expect(ids(s), s).toEqual([]);
  });
});

describe('entityTerms', () => {
  it('gives analysed Arabic terms for every entity, as the index holds them', () => {
    for (const e of allEntities()) expect(entityTerms(e.id).length, e.id).toBeGreaterThan(0);
    expect(entityTerms('asayish')).toContain(analyze('الأسايش')[0]);
    expect(entityTerms('airport')).toContain(analyze('المطار')[0]);
    expect(entityTerms('halko')).toContain(analyze('حلكو')[0]);
  });

  it('leaves out generic words and other entities’ names', () => {
    expect(entityTerms('asayish')).not.toContain(analyze('قوات')[0]);
    expect(entityTerms('airport')).not.toContain(analyze('القامشلي')[0]);
    expect(entityTerms('tayy')).not.toContain(analyze('حي')[0]);
  });

  it('throws on an unknown id', () => {
    expect(() => entityTerms('atlantis')).toThrow(EntityLexiconError);
  });
});

describe('createEntityLexicon', () => {
  const base: Entity = { id: 'x', kind: 'place', nameAr: 'س', nameEn: 'X', variants: ['سين'], aliases: ['Ex'] };

  it('rejects duplicate ids, unknown parents and guards for unknown variants', () => {
    expect(() => createEntityLexicon({ entities: [base, base] })).toThrow(EntityLexiconError);
    expect(() => createEntityLexicon({ entities: [{ ...base, parent: 'y' }] })).toThrow(/unknown parent/);
    expect(() => createEntityLexicon({ entities: [{ ...base, guards: [{ variant: 'صاد', notAfter: ['ب'] }] }] })).toThrow(/guard/);
  });

  it('applies guards on the word before and after', () => {
    const lex = createEntityLexicon({
      entities: [{ ...base, guards: [{ variant: 'سين', notAfter: ['حرف'], notBefore: ['جيم'] }] }],
    });
    expect(lex.match('مدينة سين').map((m) => m.id)).toEqual(['x']);
    expect(lex.match('حرف سين')).toEqual([]);
    expect(lex.match('سين جيم')).toEqual([]);
  });
});
