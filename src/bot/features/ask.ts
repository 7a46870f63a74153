/**
 * Questions: `/ask <question>` anywhere; any text in a private chat; in groups, text that mentions the
 * bot or replies to one of its messages. Ordinary group chatter is left alone.
 */
import type { Context } from 'telegraf';
import { message } from 'telegraf/filters';
import { readGroupMessage } from '../addressing.ts';
import { chooseLanguage, parseCommand } from '../commands.ts';
import { commandView, questionView } from '../conversation.ts';
import { allowRequest, isGroup, sendView, type Feature, type FeatureDeps } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';
import { EMPTY_MENTION } from '../texts.ts';
import { textView } from '../view.ts';

async function answer(ctx: Context, deps: FeatureDeps, question: string): Promise<void> {
  const view = await questionView(deps.conversation(ctx), question);
  await sendView(ctx, deps, view, replyTarget(ctx));
}

export const askFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'ask', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'ask', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });

  bot.on(message('text'), async (ctx, next) => {
    // Commands (known or not) are not questions; unknown ones are answered by the unhandled feature.
    if (parseCommand(ctx.message.text) !== null) return next();
    if (ctx.chat.type === 'private') {
      if (!(await allowRequest(ctx, deps))) return;
      await answer(ctx, deps, ctx.message.text);
      return;
    }
    if (!isGroup(ctx)) return next();
    const { addressed, question } = readGroupMessage(ctx.message, { id: ctx.botInfo.id, username: ctx.botInfo.username });
    if (!addressed) return; // chatter between people: not ours to answer
    if (!(await allowRequest(ctx, deps))) return;
    if (question === '') {
      const lang = chooseLanguage(null, ctx.from.language_code);
      await sendView(ctx, deps, textView(lang, EMPTY_MENTION[lang]), replyTarget(ctx));
      return;
    }
    await answer(ctx, deps, question);
  });
};
