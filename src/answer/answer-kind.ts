/**
 * The kind of information a question asks for beyond its topic: a reason (why), a plan (what will they
 * do), a means (how did they), a duration (how long), an initiator (who started it). A sentence that only
 * restates the question's topic (an article's lead) does not give it; one with the kind's cue words does.
 * The word lists are reviewed data in knowledge/answer-cues.json.
 */
import cuesData from '../../knowledge/answer-cues.json' with { type: 'json' };
import { normalizeArabic } from '../text/arabic.ts';

export type AnswerKind = 'initiator' | 'destination' | 'duration' | 'plan' | 'reason' | 'means';

const KINDS: readonly AnswerKind[] = ['initiator', 'destination', 'duration', 'plan', 'reason', 'means'];

interface CueWords { ar: string[]; en: string[] }
interface KindData { kind: AnswerKind; question: CueWords; sentence: CueWords }

interface CompiledKind {
  kind: AnswerKind;
  question: RegExp;
  /** On a sentence's normalised Arabic text. */
  sentenceAr: RegExp;
  /** On a sentence's lowercased English rendering. */
  sentenceEn: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words a phrase's "…" may stand for: جاءت الحملة، بحسب بيان الأسايش، بعد تصاعد. */
const GAP_WORDS = 4;

/**
 * Normalised as the text it is matched against, longest first so a phrase wins over its first word;
 * "…" in a phrase stands for up to GAP_WORDS words (punctuation included).
 */
function phrases(list: readonly string[]): string[] {
  const normalised = new Set(list.map((p) => normalizeArabic(p).toLowerCase().trim().replace(/\s+/g, ' ')));
  return [...normalised]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(' … ').map((part) => escape(part).replace(/ /g, '\\s+')).join(`(?:\\s+\\S+){0,${GAP_WORDS}}?\\s+`));
}

/** Arabic cues stand as whole words, the conjunction و/ف allowed before them; English on word boundaries. */
function arabicCue(list: readonly string[]): RegExp {
  return new RegExp(`(?:^|[\\s(«"“،,:])[وف]?(?:${phrases(list).join('|')})(?=[\\s،,.:»"”)]|$)`);
}
function englishCue(list: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${phrases(list).join('|')})\\b`);
}

function parse(data: unknown): CompiledKind[] {
  const kinds = (data as { kinds?: unknown }).kinds;
  if (!Array.isArray(kinds)) throw new Error('knowledge/answer-cues.json: "kinds" must be an array');
  return kinds.map((entry: KindData) => {
    if (!KINDS.includes(entry.kind)) throw new Error(`knowledge/answer-cues.json: unknown kind ${String(entry.kind)}`);
    for (const side of [entry.question, entry.sentence]) {
      if (!Array.isArray(side?.ar) || !Array.isArray(side.en)) throw new Error(`knowledge/answer-cues.json: ${entry.kind} needs ar and en lists`);
    }
    return {
      kind: entry.kind,
      question: new RegExp(`(?:^| )[وف]?(?:${phrases([...entry.question.ar, ...entry.question.en]).join('|')})(?= |$)`),
      sentenceAr: arabicCue(entry.sentence.ar),
      sentenceEn: englishCue(entry.sentence.en),
    };
  });
}

let compiled: CompiledKind[] | undefined;
const cues = (): CompiledKind[] => (compiled ??= parse(cuesData));

/** The kind of information a question asks for (its normalised words), the first in the file's order that matches. */
export function askedKind(words: readonly string[]): AnswerKind | undefined {
  const joined = words.join(' ');
  return cues().find((k) => k.question.test(joined))?.kind;
}

/** True when a question asks for this kind (its normalised words), whichever kind comes first. */
export function asksKind(words: readonly string[], kind: AnswerKind): boolean {
  const entry = cues().find((k) => k.kind === kind);
  return entry !== undefined && entry.question.test(words.join(' '));
}

/** True when a sentence (its text, its English rendering if any) has a cue word of the kind. */
export function hasKindCue(kind: AnswerKind, text: string, english?: string | null): boolean {
  const entry = cues().find((k) => k.kind === kind);
  if (!entry) return false;
  return entry.sentenceAr.test(normalizeArabic(text)) || entry.sentenceEn.test(text.toLowerCase())
    || (english !== null && english !== undefined && entry.sentenceEn.test(english.toLowerCase()));
}
