/**
 * Builds knowledge/ar-plurals.tsv, the table of Arabic singulars and their broken plurals, from
 * Debian's FreeDict dictionaries (GPL-2.0-or-later, see knowledge/en-ar.LICENSE):
 *
 *   apt-get install dict-freedict-eng-ara dict-freedict-ara-eng
 *   npx tsx scripts/build-ar-plurals.ts [DICTD_DIR] [OUT_FILE]
 *
 * An English noun and its plural (house / houses, child / children) whose Arabic renderings are a
 * singular and a broken plural of it (منزل / منازل) give a pair; see `derivePluralPairs` in
 * src/nlu/plurals.ts for the checks. Run by hand when the dictionaries or the rules change; the bot
 * reads only the committed file.
 */
import { writeFileSync } from 'node:fs';
import { mergeLexicon } from '../src/nlu/dictd.ts';
import { readDictionary } from './dictionary-files.ts';
import { derivePluralPairs, formatPluralTable } from '../src/nlu/plurals.ts';
import { analyze } from '../src/text/analyze.ts';

/** Every rendering counts here, not only the first six the English lexicon keeps. */
const ALL_ALTERNATIVES = 1000;

function main(argv: readonly string[]): void {
  const args = argv.filter((a) => a !== '--');
  const dir = args[0] ?? '/usr/share/dictd';
  const out = args[1] ?? 'knowledge/ar-plurals.tsv';
  const lexicon = mergeLexicon(readDictionary(dir, 'freedict-eng-ara'), readDictionary(dir, 'freedict-ara-eng'), { maxAlternatives: ALL_ALTERNATIVES });
  const pairs = derivePluralPairs(lexicon, (word) => {
    const terms = analyze(word);
    return terms.length === 1 ? (terms[0] as string) : null;
  });
  const header = [
    'Arabic singular ↔ broken plural: singular<TAB>plural<TAB>the English noun/plural pair that gave it.',
    'Built by scripts/build-ar-plurals.ts from FreeDict eng-ara and ara-eng (Debian dict-freedict-eng-ara,',
    'dict-freedict-ara-eng); GPL-2.0-or-later, see en-ar.LICENSE. Words normalised (أ → ا, ة → ه, ى → ي),',
    'article dropped; only pairs the stemmer does not already join. Do not edit by hand: rebuild.',
  ];
  writeFileSync(out, formatPluralTable(pairs, header));
  process.stdout.write(`${out}: ${pairs.length} pairs\n`);
}

main(process.argv.slice(2));
