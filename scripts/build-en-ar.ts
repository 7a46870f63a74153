/**
 * Builds knowledge/en-ar.tsv, the English → Arabic lexicon used for English questions over Arabic
 * text, from Debian's FreeDict dictionaries (GPL-2.0-or-later, see knowledge/en-ar.LICENSE):
 *
 *   apt-get install dict-freedict-eng-ara dict-freedict-ara-eng
 *   npx tsx scripts/build-en-ar.ts [DICTD_DIR] [OUT_FILE] [REVIEWED_SENSES]
 *
 * Run by hand when the dictionaries change; the bot reads only the committed file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mergeLexicon, parseReviewedSenses } from '../src/nlu/dictd.ts';
import { readDictionary } from './dictionary-files.ts';
import { formatLexicon, isIrregularForm, lemmaCandidates } from '../src/nlu/bilingual.ts';

function main(argv: readonly string[]): void {
  const args = argv.filter((a) => a !== '--');
  const dir = args[0] ?? '/usr/share/dictd';
  const out = args[1] ?? 'knowledge/en-ar.tsv';
  const engAra = readDictionary(dir, 'freedict-eng-ara');
  const araEng = readDictionary(dir, 'freedict-ara-eng');
  const reviewed = parseReviewedSenses(readFileSync(args[2] ?? 'knowledge/en-ar-senses.tsv', 'utf8'));
  const lexicon = mergeLexicon(engAra, araEng, { reviewed, lemmas: lemmaCandidates, irregular: isIrregularForm });
  const header = [
    'English → Arabic lexicon: english<TAB>arabic alternatives separated by |, best first.',
    'Built by scripts/build-en-ar.ts from FreeDict eng-ara and ara-eng (Debian dict-freedict-eng-ara,',
    'dict-freedict-ara-eng); GPL-2.0-or-later, see en-ar.LICENSE. Reviewed news senses from',
    'en-ar-senses.tsv come first. Do not edit by hand: edit en-ar-senses.tsv and rebuild.',
  ];
  const text = formatLexicon(lexicon, header);
  writeFileSync(out, text);
  process.stdout.write(`${out}: ${lexicon.size} English keys, ${Buffer.byteLength(text)} bytes (from ${engAra.length} + ${araEng.length} entries)\n`);
}

main(process.argv.slice(2));
