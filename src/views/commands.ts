/**
 * The bot's commands and how a line of text is read as one. Shared by the Telegram bot and the
 * console chat, so both accept exactly the same commands.
 */
import type { Language } from '../corpus/article.ts';
import { detectLanguage } from '../text/language.ts';

export interface CommandSpec {
  name: string;
  description: Record<Language, string>;
}

/** In the order `/help` and Telegram's command menu show them. */
export const COMMANDS = [
  { name: 'ask', description: { ar: 'اسأل عن القامشلي: /ask من يسيطر على المطار؟', en: 'Ask about Qamishli: /ask who controls the airport?' } },
  { name: 'summary', description: { ar: 'ملخص ما ورد في المقالات', en: 'Summary of the articles' } },
  { name: 'timeline', description: { ar: 'تسلسل الأحداث (مع كلمة للتصفية: /timeline روسيا)', en: 'Timeline of events (filter with a word: /timeline Russia)' } },
  { name: 'latest', description: { ar: 'أحدث مقال لديّ', en: 'The newest article I have' } },
  { name: 'sources', description: { ar: 'المقالات التي أجيب منها، الأحدث أولاً', en: 'The articles I answer from, newest first' } },
  { name: 'subscribe', description: { ar: 'ملخص يومي في هذه المحادثة: /subscribe 08:00', en: 'A daily digest in this chat: /subscribe 08:00' } },
  { name: 'unsubscribe', description: { ar: 'إيقاف الملخص اليومي', en: 'Stop the daily digest' } },
  { name: 'timezone', description: { ar: 'المنطقة الزمنية للملخص: /timezone Asia/Damascus', en: 'Time zone of the digest: /timezone Asia/Damascus' } },
  { name: 'lang', description: { ar: 'لغة الملخص: /lang ar أو /lang en', en: 'Language of the digest: /lang ar or /lang en' } },
  { name: 'settings', description: { ar: 'إعدادات هذه المحادثة', en: 'Settings of this chat' } },
  { name: 'about', description: { ar: 'كيف أعمل', en: 'How I work' } },
  { name: 'help', description: { ar: 'المساعدة', en: 'Help' } },
  { name: 'start', description: { ar: 'الترحيب وأمثلة أسئلة', en: 'Welcome and example questions' } },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]['name'];

const COMMAND_NAMES = new Set<string>(COMMANDS.map((c) => c.name));

export function isCommandName(name: string): name is CommandName {
  return COMMAND_NAMES.has(name);
}

export interface ParsedCommand {
  /** Lower-cased command name without the slash. */
  name: string;
  /** The bot username after `@`, if the command was addressed (`/ask@QamishliBot`). */
  target: string | null;
  /** Everything after the command, trimmed. */
  args: string;
}

// Telegram's own shape of a command: 1-32 letters, digits or _, optionally @username.
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,32}))?(?=$|\s)/;

/** Reads `/name[@bot] args`; anything else (including `/ alone` or `//x`) is not a command. */
export function parseCommand(text: string): ParsedCommand | null {
  const trimmed = text.trimStart();
  const match = COMMAND.exec(trimmed);
  if (!match) return null;
  return {
    name: (match[1] as string).toLowerCase(),
    target: match[2] ?? null,
    args: trimmed.slice(match[0].length).trim(),
  };
}

/** Whether a parsed command is meant for this bot: unaddressed, or addressed to its username. */
export function isForBot(command: ParsedCommand, botUsername: string | undefined): boolean {
  return command.target === null || (botUsername !== undefined && command.target.toLowerCase() === botUsername.toLowerCase());
}

/**
 * The language to talk in when the text itself does not tell: the text when it has letters, else the
 * Telegram client's language (Arabic unless it is set to something else), else Arabic.
 */
export function chooseLanguage(text: string | null | undefined, languageCode?: string | null): Language {
  if (text && /\p{L}/u.test(text)) return detectLanguage(text);
  if (!languageCode) return 'ar';
  return languageCode.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
