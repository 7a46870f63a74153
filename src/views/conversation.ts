/**
 * What to answer to a command, a question or a button, as views. Shared by the Telegram features and
 * the console chat so the two always answer the same.
 */
import type { Answer, Engine } from '../answer/types.ts';
import type { Article, Language } from '../corpus/article.ts';
import { chooseLanguage, isCommandName, parseCommand, type CommandName } from './commands.ts';
import { buildDigest } from '../digest/digest.ts';
import { defaultDigestKnowledge } from '../digest/topics.ts';
import { TELEGRAM_ONLY } from './digest-texts.ts';
import { digestView } from './digest-view.ts';
import { latestView, sourcesPageView } from './sources-view.ts';
import { UNKNOWN_COMMAND } from './texts.ts';
import {
  aboutView, answerView, askUsageView, helpView, MORE_PAGE_SIZE, moreView, textView,
  timelineView, welcomeView, type Action, type Block, type View,
} from './view.ts';

export interface Conversation {
  engine: Engine;
  articles: readonly Article[];
  botUsername?: string;
  /** Whether a timeline page drawn from these blocks fits one message. */
  fits?: (blocks: Block[]) => boolean;
}

export function conversation(engine: Engine, options: Omit<Conversation, 'engine' | 'articles'> = {}): Conversation {
  // A getter: the engine may be swapped for one with new articles while the bot runs.
  return {
    engine,
    get articles() {
      return engine.sources();
    },
    ...options,
  };
}

/** The engine's answer to a question, and the view drawn from it. */
export async function answerQuestion(conv: Conversation, question: string): Promise<{ answer: Answer; view: View }> {
  const answer = await conv.engine.ask(question);
  return { answer, view: answerView(answer, conv.articles) };
}

/** The engine's answer to a question, drawn as a view. */
export async function questionView(conv: Conversation, question: string): Promise<View> {
  return (await answerQuestion(conv, question)).view;
}

/** The reply to a known command. `languageCode` is the user's client language, used when `args` has no words. */
export async function commandView(conv: Conversation, name: CommandName, args: string, languageCode?: string | null): Promise<View> {
  const lang: Language = chooseLanguage(args, languageCode);
  switch (name) {
    case 'start':
      return welcomeView(conv.botUsername);
    case 'help':
      return helpView(lang, conv.botUsername);
    case 'about':
      return aboutView(lang, conv.articles);
    case 'sources':
      return sourcesPageView(lang, conv.articles, 0);
    case 'latest':
      return latestView(lang, conv.articles);
    case 'ask':
      return args === '' ? askUsageView(lang) : questionView(conv, args);
    case 'summary':
      return digestView(buildDigest({ articles: conv.articles, knowledge: defaultDigestKnowledge(), lang }), conv.articles).view;
    case 'subscribe':
    case 'unsubscribe':
    case 'timezone':
    case 'lang':
    case 'settings':
      // The bot handles these itself (they need the chat's stored state).
      return textView(lang, TELEGRAM_ONLY[lang]);
    case 'timeline':
      return timelineView(conv.engine.timeline(args === '' ? undefined : args, lang), 0, conv.articles, conv.fits);
  }
}

/** The reply to a pressed button. */
export function actionView(conv: Conversation, action: Action): View {
  // Feedback buttons are the bot's own (they record a vote); nothing to draw for them.
  if (action.kind === 'feedback') return textView('ar', '');
  if (action.kind === 'more') {
    const shown = conv.engine.cite(action.keys.slice(0, MORE_PAGE_SIZE));
    return moreView(action.lang, shown, action.keys.slice(MORE_PAGE_SIZE), conv.articles);
  }
  if (action.kind === 'sources') return sourcesPageView(action.lang, conv.articles, action.page);
  const timeline = conv.engine.timeline(action.filter ?? undefined, action.lang);
  return timelineView(timeline, action.page, conv.articles, conv.fits);
}

export function unknownCommandView(lang: Language): View {
  return textView(lang, UNKNOWN_COMMAND[lang]);
}

/** A line typed by a user: a command (known or not) or a question. */
export async function inputView(conv: Conversation, text: string, languageCode?: string | null): Promise<View> {
  const command = parseCommand(text);
  if (command === null) return questionView(conv, text);
  if (!isCommandName(command.name)) return unknownCommandView(chooseLanguage(command.args, languageCode));
  return commandView(conv, command.name, command.args, languageCode);
}
