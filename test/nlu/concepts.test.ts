/**
 * knowledge/concepts.json: the domain lexicon by concept. The file must agree with its schema, compile as
 * glossary data with the production compiler (createGlossary: no stopword keys), keep concepts apart (no
 * key form in two concepts, which would merge them) and keep ambiguous English words out of the keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGlossary, type GlossaryData } from '../../src/nlu/glossary.ts';
import { analyze, PHRASE_JOINER } from '../../src/text/analyze.ts';
import { normalizeArabic, stemArabic } from '../../src/text/arabic.ts';
import { isArabicStopword } from '../../src/text/stopwords.ts';
import { stemEnglish } from '../../src/text/english.ts';
import { tokenize } from '../../src/text/tokenize.ts';

interface Concept {
  id: string;
  domain: string;
  ar: string[];
  dialect: string[];
  en: string[];
  related?: string[];
  note?: string;
}
interface Schema {
  $defs: { concept: { required: string[]; properties: Record<string, { enum?: string[] }> } };
}

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const { concepts } = read<{ concepts: Concept[] }>('../../knowledge/concepts.json');
const schema = read<Schema>('../../knowledge/concepts.schema.json');

/** Concepts as glossary data: English and dialect keys, and the MSA forms themselves, all expand to the MSA forms. */
function conceptsAsGlossary(list: readonly Concept[]): GlossaryData {
  return {
    english: list.map((c) => ({ en: c.en, ar: c.ar })),
    dialect: list.map((c) => ({ dialect: [...c.ar, ...c.dialect], msa: c.ar })),
  };
}

/** The glossary's key for a phrase: the same normalising and stemming as src/nlu/glossary.ts. */
function phraseKey(phrase: string): string {
  return tokenize(phrase.replace(/['’]/g, ''))
    .map((w) => {
      const n = normalizeArabic(w);
      if (/\p{Script=Arabic}/u.test(n)) return `ar:${stemArabic(n)}`;
      return `en:${stemEnglish(n)}`;
    })
    .join(' ');
}

/** Words with several common meanings: as a one-word key each would pull in a wrong concept. */
const AMBIGUOUS_ENGLISH = [
  'live', 'second', 'according', 'point', 'strike', 'strikes', 'well', 'who', 'fire', 'gas', 'power', 'cell', 'cells',
  'case', 'cases', 'held', 'hold', 'release', 'released', 'front', 'close', 'march', 'sentence', 'remains', 'state',
  'party', 'mine', 'mines', 'may', 'will', 'can', 'crisis', 'station', 'field', 'fields', 'security', 'light', 'order',
  // stem-alikes: wells → well, fires → fire, pounded → pound, drafted → draft, fell → fall (of a city), treatment (of
  // detainees), produce (electricity), quarter (of a year), stormed → storm
  'wells', 'fires', 'pound', 'draft', 'fall', 'fell', 'treatment', 'produce', 'quarter', 'storm', 'stormed', 'collapse',
];

describe('concepts data', () => {
  it('has at least 150 concepts with unique ids, known domains and related ids', () => {
    expect(concepts.length).toBeGreaterThanOrEqual(150);
    const ids = concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const domains = new Set(schema.$defs.concept.properties.domain?.enum ?? []);
    const allowed = new Set(Object.keys(schema.$defs.concept.properties));
    for (const c of concepts) {
      expect(c.id, c.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(domains.has(c.domain), `${c.id}: ${c.domain}`).toBe(true);
      for (const key of schema.$defs.concept.required) expect(c, `${c.id}.${key}`).toHaveProperty(key);
      for (const key of Object.keys(c)) expect(allowed.has(key), `${c.id}.${key}`).toBe(true);
      expect(c.ar.length, c.id).toBeGreaterThan(0);
      expect(c.en.length, c.id).toBeGreaterThan(0);
      for (const r of c.related ?? []) {
        expect(ids, `${c.id} -> ${r}`).toContain(r);
        expect(r, c.id).not.toBe(c.id);
      }
    }
  });

  it('writes Arabic forms in Arabic script and English forms in lowercase Latin', () => {
    for (const c of concepts) {
      for (const f of [...c.ar, ...c.dialect]) expect(/\p{Script=Arabic}/u.test(f) && !/[A-Za-z]/.test(f), `${c.id}: ${f}`).toBe(true);
      for (const f of c.en) expect(f === f.toLowerCase() && !/\p{Script=Arabic}/u.test(f), `${c.id}: ${f}`).toBe(true);
    }
  });

  it('compiles as glossary data: no key is a stopword', () => {
    expect(() => createGlossary(conceptsAsGlossary(concepts))).not.toThrow();
  });

  it('has no one-word Arabic key whose stem is a function word (ماي → ما would fire on every ما question)', () => {
    const bad: string[] = [];
    for (const c of concepts) {
      for (const f of [...c.ar, ...c.dialect]) {
        if (tokenize(f).length === 1 && isArabicStopword(stemArabic(normalizeArabic(f)))) bad.push(`${c.id}: ${f}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives every MSA form at least one index term', () => {
    for (const c of concepts) for (const f of c.ar) expect(analyze(f).length, `${c.id}: ${f}`).toBeGreaterThan(0);
  });

  it('keeps concepts apart: no key (after normalising and stemming) belongs to two concepts', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of concepts) {
      for (const form of [...c.ar, ...c.dialect, ...c.en]) {
        const key = phraseKey(form);
        const other = owner.get(key);
        if (other !== undefined && other !== c.id) clashes.push(`${form} (${c.id}) = ${key} (${other})`);
        else owner.set(key, c.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps words with many meanings out of the English keys, in any inflection', () => {
    const keys = new Set(concepts.flatMap((c) => c.en).filter((f) => !/[\s-]/.test(f)).map(phraseKey));
    expect(AMBIGUOUS_ENGLISH.filter((w) => keys.has(phraseKey(w)))).toEqual([]);
  });
});

describe('concepts as query expansion', () => {
  const glossary = createGlossary(conceptsAsGlossary(concepts));
  // A many-word target is one joined term (see PHRASE_JOINER): the MSA form is expanded to when
  // its analysed words, joined, are among the hits' terms.
  const expands = (question: string, msa: string): boolean => {
    const terms = new Set(glossary.lookup(question).flatMap((h) => h.terms));
    return terms.has(analyze(msa).join(PHRASE_JOINER));
  };

  it('takes Levantine and Iraqi question words to the articles’ MSA', () => {
    expect(expands('المي مقطوعة بالحسكة', 'انقطاع المياه')).toBe(true);
    expect(expands('قديش ساعة بتجي الكهربا', 'الكهرباء')).toBe(true);
    expect(expands('امتى بلشت الاشتباكات', 'بدأت')).toBe(true);
    expect(expands('رجعو النازحين على بيوتهم', 'عادوا')).toBe(true);
    expect(expands('سعر جرة الغاز', 'أسطوانة غاز')).toBe(true);
    expect(expands('في أمبيرات بالحي', 'مولدات')).toBe(true);
    expect(expands('كبسوا البيت بالليل', 'مداهمة')).toBe(true);
    expect(expands('لزموه على الحاجز', 'اعتقال')).toBe(true);
    expect(expands('الكازيات مسكرة', 'محطة وقود')).toBe(true);
  });

  it('takes English words to Arabic news terms', () => {
    expect(expands('power cuts in Qamishli', 'تقنين')).toBe(true);
    expect(expands('how much is diesel now', 'المازوت')).toBe(true);
    expect(expands('drone strike near Amuda', 'طائرة مسيرة')).toBe(true);
    expect(expands('cholera cases in the camp', 'الكوليرا')).toBe(true);
    expect(expands('who was kidnapped', 'اختطاف')).toBe(true);
    expect(expands('wheat harvest this year', 'الحصاد')).toBe(true);
  });

  it('does not expand ambiguous words', () => {
    expect(glossary.lookup('where do they live')).toEqual([]);
    expect(glossary.lookup('the second point')).toEqual([]);
  });

  it('leaves the words that frame a question alone, even when a key stems like them', () => {
    // Each of these once met a concept through the stemmer: ما (ماي water), قبل (قبلي tribal), دارت (دار house),
    // وقعت (فقعت exploded), طلعت (طلعوه released), غنمت (غنم sheep), العسكري (عسكري soldier), دور (دورية patrol),
    // انت (انتهاك violation), لدي (بلدية municipality), stormed (storm); the rest were found by stemming the
    // words of general Arabic text (ARCD) and listing those that met a concept key: البلاد (ولاد), حوالي (حوالات)…
    const frame = [
      'ما', 'ماذا', 'قبل', 'بعد', 'دارت', 'وقعت', 'طلعت', 'غنمت', 'العسكري', 'دور', 'انت', 'لدي', 'حدث', 'جرى', 'صار', 'حصل', 'سقط',
      'نوع', 'الجهة', 'البلاد', 'بالإضافة', 'الحكم', 'حوالي', 'المحلية', 'عدة', 'الأمر', 'مرات', 'السيد', 'أعلى', 'فترة', 'لديه',
      'المرتبة', 'عدم', 'أخذ', 'سليمان', 'الشيعة', 'طلب', 'رعاية', 'قضايا', 'بلد', 'بسيطة',
    ];
    for (const w of frame) expect(glossary.lookup(w), w).toEqual([]);
    for (const w of ['stormed', 'took', 'held', 'happened', 'role', 'side', 'kind', 'type']) expect(glossary.lookup(w), w).toEqual([]);
  });
});
