/**
 * One-line event summaries generated from the sentence that dates the event: the Arabic clause around
 * the date with the date itself taken out (the timeline shows it separately), and an English line — the
 * corpus's own English rendering when there is one, else a template from entities and event words.
 */
import { analyze } from '../text/analyze.ts';
import { normalizeArabic, stripClitics } from '../text/arabic.ts';

/** Word budget of an Arabic summary: at least this many words when the sentence has them, at most the max. */
const MIN_WORDS = 12;
const MAX_WORDS = 32;

/** Clause-opening subordinators dropped from the front of a summary (حيث اتهمت → اتهمت). */
const SUBORDINATORS = new Set(['حيث', 'عندما', 'حين', 'حينما', 'اذ', 'لما', 'بعدما']);
/**
 * Common words whose own first letter is و (وزارة، وحدات، وسط، وقت): a leading و is the conjunction
 * unless the word starts with one of these.
 */
const ROOT_WAW = ['وزير', 'وزار', 'وحد', 'وسط', 'وقت', 'وكال', 'ولاي', 'وفد', 'وصول', 'وضع', 'وطن', 'وثيق', 'وجود', 'وفا',
  'واشنطن', 'وادي', 'ورق', 'واقع', 'وقف', 'وقود', 'ولد', 'والي', 'وسيل', 'وجه', 'وعد', 'وحش', 'ورد', 'وصف', 'وظيف'];
/** Clause openers that lean on the clause before: a relative pronoun, a preposition, an imperfect verb. */
const DEPENDENT_OPENERS = new Set(['التي', 'الذي', 'الذين', 'اللواتي', 'بين', 'علي', 'الي', 'من', 'عن', 'مع', 'ضد']);

const CLAUSE_BREAK = /\s*[،,؛;:]\s*|\s+[-–—]\s+/g;
const PREPOSITION_BEFORE = /(?:^|\s)(?:و?في|وفى|فى|خلال|بتاريخ)\s*$/;

function normWord(word: string): string {
  return normalizeArabic(word).replace(/[^\p{L}\p{N}]/gu, '');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * Takes the date expression out of a sentence: the span itself, a preposition right before it
 * ("في 23 من نيسان") and the comma right after it, so the clause reads on without it; a date set off
 * by commas on both sides ("قصفت ...، أمس السبت، ما أدى") loses both, joining the clauses around it.
 */
export function removeSpan(text: string, from: number, to: number): { text: string; at: number } {
  let start = from;
  const before = text.slice(0, start);
  const preposition = PREPOSITION_BEFORE.exec(before);
  if (preposition) start = preposition.index + (preposition[0].startsWith(' ') ? 1 : 0);
  let end = to;
  const after = /^\s*[،,]/.exec(text.slice(end));
  if (after) end += after[0].length;
  let head = text.slice(0, start).replace(/\s+$/, '');
  if (after && /[،,]$/.test(head)) head = head.slice(0, -1).replace(/\s+$/, '');
  const tail = text.slice(end).replace(/^\s+/, '');
  const joiner = head === '' || tail === '' ? '' : ' ';
  return { text: head + joiner + tail, at: head.length + joiner.length };
}

interface Clause {
  text: string;
  start: number;
  end: number;
}

function clauses(text: string): Clause[] {
  const result: Clause[] = [];
  let last = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    result.push({ text: text.slice(last, match.index), start: last, end: match.index });
    last = match.index + match[0].length;
  }
  result.push({ text: text.slice(last), start: last, end: text.length });
  return result.filter((clause) => words(clause.text).length > 0);
}

function firstWord(text: string): string {
  return normWord(words(text)[0] ?? '');
}

function dependsOnPrevious(clause: string): boolean {
  const first = firstWord(clause);
  return DEPENDENT_OPENERS.has(first) || (/^[يت]/.test(first) && !first.endsWith('ت'));
}

/** Drops a leading و (only where it is surely the conjunction), "هذا و", and a subordinator. */
function trimLead(text: string): string {
  let result = text.trim();
  for (let pass = 0; pass < 3; pass += 1) {
    const [first = '', ...rest] = result.split(/\s+/);
    const norm = normWord(first);
    if (norm === 'و' || (norm === 'هذا' && rest.length > 0 && normWord(rest[0] ?? '').startsWith('و'))) {
      result = rest.join(' ');
      if (norm === 'هذا') result = result.replace(/^و/u, '');
      continue;
    }
    if (SUBORDINATORS.has(norm) && rest.length > 2) {
      result = rest.join(' ');
      continue;
    }
    if (norm.startsWith('و') && norm.length >= 4) {
      if (!ROOT_WAW.some((root) => norm.startsWith(root))) {
        result = first.slice(first.search(/و/u) + 1) + (rest.length > 0 ? ` ${rest.join(' ')}` : '');
        continue;
      }
    }
    break;
  }
  return result.trim();
}

/**
 * An Arabic one-line summary of the event a date expression ([from, to) in `text`) dates: the clause
 * holding the date (with the previous clause when it leans on it) and the clauses after it, within
 * 12-32 words, the date taken out, leading conjunctions and subordinators dropped.
 */
export function arabicSummary(text: string, from: number, to: number): string {
  const removed = removeSpan(text, from, to);
  const parts = clauses(removed.text);
  if (parts.length === 0) return text.trim();
  let index = parts.findIndex((clause) => removed.at >= clause.start && removed.at <= clause.end);
  if (index < 0) index = parts.findIndex((clause) => clause.start >= removed.at);
  if (index < 0) index = parts.length - 1;
  const dateClause = parts[index];
  let start = index;
  if (dateClause && index > 0) {
    const subordinate = SUBORDINATORS.has(firstWord(dateClause.text));
    const thin = analyze(dateClause.text).length < 3;
    if (!subordinate && (thin || dependsOnPrevious(dateClause.text))) start = index - 1;
  }
  const chosen: string[] = [];
  let count = 0;
  for (let i = start; i < parts.length; i += 1) {
    const clause = parts[i];
    if (!clause) break;
    const size = words(clause.text).length;
    if (chosen.length > 0 && i > index && (count >= MIN_WORDS || count + size > MAX_WORDS)) break;
    chosen.push(clause.text);
    count += size;
  }
  let summary = trimLead(chosen.join('، '));
  const summaryWords = words(summary);
  if (summaryWords.length > MAX_WORDS + 8) summary = `${summary.split(/\s+/).slice(0, MAX_WORDS).join(' ')}…`;
  return summary.replace(/[\s.،,؛;:]+$/u, '').trim();
}

/** Event words and their English names, matched on clitic-stripped normalised words by prefix. */
const EVENT_WORDS: readonly [prefixes: readonly string[], english: string][] = [
  [['اشتباك', 'معارك', 'معركه', 'مواجه', 'موجهات', 'اقتتال', 'قتال'], 'clashes'],
  [['قتل', 'مقتل', 'قتلي', 'قتيل', 'اغتيال', 'مصرع'], 'killing'],
  [['سيطر', 'استول', 'احكم'], 'takeover'],
  [['نزوح', 'نازح', 'تهجير', 'فرار'], 'displacement'],
  [['قنبل', 'تفجير', 'انفجار', 'عبوه', 'مفخخ'], 'explosion'],
  [['اتفاق', 'هدنه', 'تهديه', 'وقف اطلاق'], 'agreement'],
  [['انسحب', 'انسحاب'], 'withdrawal'],
  [['تعزيز', 'حشد'], 'reinforcements'],
  [['اتهم', 'اتهام'], 'accusation'],
  [['قصف', 'غاره', 'غارات'], 'shelling'],
  [['اعتقل', 'اعتقال', 'اختطف', 'اختطاف', 'خطف', 'احتجز', 'احتجاز'], 'arrests'],
  [['افرج', 'اطلاق سراح'], 'release'],
  [['اغلق', 'اغلاق'], 'closure'],
  [['توتر'], 'tension'],
  [['استهدف', 'هجوم', 'هاجم'], 'attack'],
  [['دوريه'], 'patrol'],
];

/** The event words of an Arabic sentence, in English, in order of first appearance. */
export function eventWords(text: string): string[] {
  const found: string[] = [];
  const tokens = normalizeArabic(text).split(/[^\p{L}]+/u).filter(Boolean).map((token) => stripClitics(token));
  for (const token of tokens) {
    for (const [prefixes, english] of EVENT_WORDS) {
      if (!found.includes(english) && prefixes.some((prefix) => token.startsWith(prefix))) found.push(english);
    }
  }
  return found;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * An English line for a sentence that has no English rendering: "Clashes and killing involving A and B
 * in P, Q" from its event words and entity names.
 */
export function englishTemplate(text: string, actorNames: string[], placeNames: string[]): string {
  const eventsFound = eventWords(text);
  const what = eventsFound.length > 0 ? joinNames(eventsFound.slice(0, 3)) : 'events';
  let line = what.charAt(0).toUpperCase() + what.slice(1);
  if (actorNames.length > 0) line += ` involving ${joinNames(actorNames.slice(0, 4))}`;
  if (placeNames.length > 0) line += ` in ${placeNames.slice(0, 4).join(', ')}`;
  return `${line} (reported in Arabic)`;
}
