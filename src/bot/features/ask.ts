/**
 * Questions: `/ask <question>` anywhere; any text in a private chat; in groups, text that mentions the
 * bot or replies to one of its messages. Ordinary group chatter is left alone.
 */
import type { Context } from 'telegraf';
import { message } from 'telegraf/filters';
import { readGroupMessage } from '../addressing.ts';
import { chooseLanguage, parseCommand } from '../../views/commands.ts';
import { answerQuestion, commandView } from '../../views/conversation.ts';
import { allowRequest, isGroup, sendView, type Feature, type FeatureDeps } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';
import { EMPTY_MENTION } from '../../views/texts.ts';
import type { Answer } from '../../answer/types.ts';
import { textView, type View } from '../../views/view.ts';
import { withFeedbackButtons } from './feedback.ts';

async function answer(ctx: Context, deps: FeatureDeps, question: string): Promise<void> {
  const started = performance.now();
  const { answer: result, view } = await answerQuestion(deps.conversation(ctx), question);
  // What was answered and how, never the question itself: logs are not a record of what people ask.
  deps.logger.info({
    updateId: ctx.update.update_id,
    chatType: ctx.chat?.type,
    kind: result.kind,
    intent: result.intent,
    lang: result.lang,
    citations: result.citations.map((c) => c.sentenceId),
    engineMs: Math.round(performance.now() - started),
  }, 'question answered');
  await sendView(ctx, deps, feedbackView(ctx, deps, question, result, view), replyTarget(ctx));
}

/** Quoted answers get 👍 / 👎; the answer is recorded first so a vote knows what it is about. */
function feedbackView(ctx: Context, deps: FeatureDeps, question: string, result: Answer, view: View): View {
  if (result.kind !== 'answer' || ctx.chat === undefined) return view;
  try {
    const answerId = deps.store.feedback.recordAnswer({
      chatId: ctx.chat.id, question, lang: result.lang, kind: result.kind, sentenceIds: result.citations.map((c) => c.sentenceId),
    });
    return withFeedbackButtons(view, answerId);
  } catch (error) {
    // Feedback is a nicety: the answer goes out without its buttons.
    deps.logger.error({ updateId: ctx.update.update_id, err: error }, 'could not record the answer for feedback');
    return view;
  }
}

export const askFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'ask', async (ctx, command) => {
    if (command.args !== '') {
      await answer(ctx, deps, command.args);
      return;
    }
    const usage = await commandView(deps.conversation(ctx), 'ask', '', ctx.from?.language_code);
    await sendView(ctx, deps, usage, replyTarget(ctx));
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
