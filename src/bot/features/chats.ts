/**
 * Keeps the store's view of chats current: a chat that writes is reachable; the bot being removed from
 * a group or blocked (my_chat_member) is recorded like a 403. Runs first, then passes every update on.
 */
import type { Context } from 'telegraf';
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
        if (status === 'kicked' || status === 'left') deps.store.chats.markBlocked(member.chat.id, `my_chat_member: ${status}`);
        else deps.store.chats.seen({ chatId: member.chat.id, type: member.chat.type });
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
