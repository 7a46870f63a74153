/**
 * Updates the bot deliberately does not answer: edited messages (the original was answered), channel
 * posts (nobody asked), and messages from other bots (two bots must not talk in a loop).
 */
import type { Feature } from '../context.ts';

export const ignoreFeature: Feature = (bot, deps) => {
  bot.use(async (ctx, next) => {
    const update = ctx.update;
    const reason = 'edited_message' in update ? 'edited message'
      : 'channel_post' in update || 'edited_channel_post' in update ? 'channel post'
        : ctx.message?.from?.is_bot || ctx.callbackQuery?.from.is_bot ? 'from a bot'
          : null;
    if (reason === null) return next();
    deps.logger.debug({ updateId: update.update_id, reason }, 'update ignored');
  });
};
