/** What every feature gets, and the few ways a feature talks back: send a view, edit one, check the flood guard. */
import { TelegramError, type Context, type Telegraf } from 'telegraf';
import type { Engine } from '../answer/types.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import type { AdminCache } from './admins.ts';
import { FilterMemo, encodeAction } from './callback-data.ts';
import { chooseLanguage } from '../views/commands.ts';
import type { Conversation } from '../views/conversation.ts';
import { renderMessages } from '../views/format.ts';
import type { FloodGuard } from './limiter.ts';
import type { Logger } from './logger.ts';
import { FLOOD_NOTICE } from '../views/texts.ts';
import type { View } from '../views/view.ts';

export interface FeatureDeps {
  engine: Engine;
  config: Config;
  logger: Logger;
  store: Store;
  flood: FloodGuard;
  memo: FilterMemo;
  /** Who may change a group's digest settings (getChatMember, cached briefly). */
  admins: AdminCache;
  /** Builds the shared conversation once the bot knows its username. */
  conversation(ctx: Context): Conversation;
}

export type Feature = (bot: Telegraf, deps: FeatureDeps) => void;

export function isGroup(ctx: Context): boolean {
  return ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
}

function keyboard(view: View, memo: FilterMemo) {
  if (view.buttons.length === 0) return undefined;
  return { inline_keyboard: [view.buttons.map((b) => ({ text: b.label, callback_data: encodeAction(b.action, memo) }))] };
}

/**
 * Sends a view as one or more HTML messages, buttons on the last. In groups the first message replies
 * to `replyTo` so the answer is attached to its question.
 */
export async function sendView(ctx: Context, deps: FeatureDeps, view: View, replyTo?: number): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  const messages = renderMessages(view);
  let first = true;
  for (const message of messages) {
    const extra = {
      link_preview_options: { is_disabled: true },
      ...(first && replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      ...(message.last ? { reply_markup: keyboard(view, deps.memo) } : {}),
    };
    try {
      await ctx.telegram.sendMessage(chatId, message.html, { parse_mode: 'HTML', ...extra });
    } catch (error) {
      // Should Telegram ever refuse our markup, the user still gets the answer, as plain text.
      if (!(error instanceof TelegramError && error.code === 400 && /can't parse entities/i.test(error.description))) throw error;
      deps.logger.warn({ updateId: ctx.update.update_id, description: error.description }, 'HTML refused; sending plain text');
      await ctx.telegram.sendMessage(chatId, htmlToPlain(message.html), extra);
    }
    first = false;
  }
}

/** Our own HTML back to its text: tags dropped, the four escaped characters restored. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Replaces the message a button belongs to with a view (one message). Sends it anew when it does not
 * fit one message or the old one cannot be edited any more (deleted, or too old).
 */
export async function editView(ctx: Context, deps: FeatureDeps, view: View): Promise<void> {
  const message = ctx.callbackQuery?.message;
  const messages = renderMessages(view);
  if (message === undefined || messages.length !== 1 || ctx.chat === undefined) {
    await sendView(ctx, deps, view);
    return;
  }
  try {
    await ctx.telegram.editMessageText(ctx.chat.id, message.message_id, undefined, (messages[0] as { html: string }).html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: keyboard(view, deps.memo),
    });
  } catch (error) {
    if (!(error instanceof TelegramError && error.code === 400)) throw error;
    deps.logger.info({ updateId: ctx.update.update_id, description: error.description }, 'could not edit the message; sending a new one');
    await sendView(ctx, deps, view);
  }
}

/**
 * Answers a button press (stops the client's spinner). Best effort: a query that is too old to answer
 * (the bot was down when it was pressed) must not stop the bot from doing what was asked.
 */
export async function answerCallback(ctx: Context, deps: FeatureDeps, text?: string): Promise<void> {
  if (ctx.callbackQuery === undefined) return;
  try {
    await ctx.answerCbQuery(text);
  } catch (error) {
    if (!(error instanceof TelegramError && error.code === 400)) throw error;
    deps.logger.info({ updateId: ctx.update.update_id, description: error.description }, 'could not answer the callback query');
  }
}

/**
 * The per-user flood guard: true when the request may go ahead. The first refused request gets a
 * polite notice (as a reply, or as the callback's toast); later ones are dropped silently.
 */
export async function allowRequest(ctx: Context, deps: FeatureDeps): Promise<boolean> {
  const userId = ctx.from?.id;
  if (userId === undefined) return true;
  // Judged when the update arrived (see UpdateDispatcher); decided now only for updates not judged then.
  const verdict = deps.flood.check(userId, ctx.update);
  if (verdict === 'allow') return true;
  deps.logger.info({ userId, chatId: ctx.chat?.id, verdict }, 'flood guard held a request back');
  if (verdict === 'notice') {
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : null;
    const lang = chooseLanguage(text, ctx.from?.language_code);
    if (ctx.callbackQuery) {
      await answerCallback(ctx, deps, FLOOD_NOTICE[lang]);
    } else {
      await sendView(ctx, deps, { lang, blocks: [{ kind: 'paragraph', spans: [{ text: FLOOD_NOTICE[lang] }] }], buttons: [] },
        isGroup(ctx) ? ctx.message?.message_id : undefined);
    }
  } else if (ctx.callbackQuery) {
    await answerCallback(ctx, deps);
  }
  return false;
}
