/**
 * Keeps the store's view of chats current: a chat that writes is reachable; the bot being removed from
 * a group or blocked (my_chat_member) is recorded like a 403 and stops the chat's digest; added back
 * to a group whose digest was stopped, the bot asks an admin to subscribe again. Runs first, then passes every update on.
 */
import type { Context } from 'telegraf';
import { ADDED_BACK } from '../../views/digest-texts.ts';
import { escapeHtml } from '../../views/format.ts';
import type { Feature, FeatureDeps } from '../context.ts';

function recordSeen(ctx: Context, deps: FeatureDeps): void {
  const chat = ctx.chat;
  if (chat === undefined || ctx.from?.is_bot) return;
  deps.store.chats.seen({
    chatId: chat.id,
    type: chat.type,
    title: 'title' in chat ? chat.title : null,
    language: chat.type === 'private' ? ctx.from?.language_code ?? null : null,
  });
}

export const chatsFeature: Feature = (bot, deps) => {
  bot.use(async (ctx, next) => {
    try {
      const member = ctx.myChatMember;
      if (member !== undefined) {
        const status = member.new_chat_member.status;
        const chatId = member.chat.id;
        if (status === 'kicked' || status === 'left') {
          deps.store.chats.markBlocked(chatId, `my_chat_member: ${status}`);
          // Removed or blocked: no digests until someone subscribes again.
          if (deps.store.subscriptions.deactivate(chatId, `my_chat_member: ${status}`)) deps.logger.info({ chatId, status }, 'digest subscription deactivated');
        } else {
          deps.store.chats.seen({ chatId, type: member.chat.type });
          const wasOut = member.old_chat_member.status === 'left' || member.old_chat_member.status === 'kicked';
          const sub = deps.store.subscriptions.get(chatId);
          if (wasOut && member.chat.type !== 'private' && sub !== null && !sub.active) {
            const lang = deps.store.settings.get(chatId).language ?? 'ar';
            await ctx.telegram.sendMessage(chatId, escapeHtml(ADDED_BACK[lang]), { parse_mode: 'HTML' }).catch((error: unknown) => {
              deps.logger.warn({ chatId, err: error }, 'could not greet the group that added the bot back');
            });
          }
        }
      } else if (ctx.message !== undefined || ctx.callbackQuery !== undefined) {
        recordSeen(ctx, deps);
      }
    } catch (error) {
      // The store is bookkeeping: a failure there must not cost the user their answer.
      deps.logger.error({ updateId: ctx.update.update_id, err: error }, 'could not record the chat');
    }
    await next();
  });
};
