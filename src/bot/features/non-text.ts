/** Stickers, photos, voice notes and other non-text messages: in private, a short note on what the bot does. */
import type { Context } from 'telegraf';
import { chooseLanguage } from '../../views/commands.ts';
import { allowRequest, sendView, type Feature } from '../context.ts';
import { NON_TEXT } from '../../views/texts.ts';
import { textView } from '../../views/view.ts';

/** Service messages (someone joined, a title changed) are not a user talking to the bot. */
const SERVICE_FIELDS = [
  'new_chat_members', 'left_chat_member', 'new_chat_title', 'new_chat_photo', 'delete_chat_photo', 'group_chat_created',
  'supergroup_chat_created', 'channel_chat_created', 'migrate_to_chat_id', 'migrate_from_chat_id', 'pinned_message',
  'message_auto_delete_timer_changed',
];

function isUserContent(ctx: Context): boolean {
  const msg = ctx.message;
  return msg !== undefined && !('text' in msg) && !SERVICE_FIELDS.some((field) => field in msg);
}

export const nonTextFeature: Feature = (bot, deps) => {
  bot.on('message', async (ctx, next) => {
    if (ctx.chat.type !== 'private' || !isUserContent(ctx)) return next();
    if (!(await allowRequest(ctx, deps))) return;
    const lang = chooseLanguage(null, ctx.from.language_code);
    await sendView(ctx, deps, textView(lang, NON_TEXT[lang]));
  });
};
