import { describe, expect, it } from 'vitest';
import { nearTerms } from '../../src/answer/units.ts';
import { VocabularyIndex } from '../../src/search/vocabulary.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { analyze } from '../../src/text/analyze.ts';
import { skeletons } from '../../src/answer/skeleton.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { CORPUS_DIR } from '../helpers/engine.ts';

const corpus = loadCorpus(CORPUS_DIR);
const vocabulary = [...new Set(corpus.sentences.flatMap((s) => [...analyze(s.text), ...tokenize(s.text).flatMap(skeletons), ...analyze(s.english ?? '')]))];
const index = new VocabularyIndex(vocabulary);

describe('VocabularyIndex', () => {
  it('files every term once and knows it', () => {
    expect(index.size).toBe(vocabulary.length);
    for (const term of vocabulary) expect(index.has(term)).toBe(true);
  });

  it('finds one substitution, insertion, deletion and swap of neighbours, and shared stems', () => {
    const small = new VocabularyIndex(['تنفيذ', 'المواجهات', 'حلكو', 'مروح', 'ضرب', 'airport']);
    expect(small.candidates('تنقيذ')).toContain('تنفيذ'); // dot slip
    expect(small.candidates('الموجهات')).toContain('المواجهات'); // insertion
    expect(small.candidates('حكلو')).toContain('حلكو'); // swap
    expect(small.candidates('مروحيا')).toContain('مروح'); // stem plus two letters
    expect(small.candidates('ضربا')).toContain('ضرب');
    expect(small.candidates('airpot')).toContain('airport');
    expect(small.candidates('تنفيذ')).not.toContain('تنفيذ');
    expect(small.candidates('زززز')).toEqual([]);
  });

  it('gives nearTerms the same answer as a scan of the whole vocabulary', () => {
    const probes = [...vocabulary, 'تنقيذ', 'الموجهات', 'حكلو', 'مروحيا', 'airpot', '~نقذ', 'controled', 'الاسياش'];
    for (const term of probes) {
      for (const known of [true, false]) {
        // The term itself is never a candidate: it is the word's own alternative already.
        const scanned = nearTerms(term, vocabulary, known).filter((t) => t !== term).sort();
        expect(nearTerms(term, index.candidates(term), known).sort(), `${term} known=${known}`).toEqual(scanned);
      }
    }
  });
});
