/**
 * When a group message is meant for the bot: it mentions the bot, or replies to one of its messages.
 * Commands are read separately (commands.ts). In private chats every text is for the bot.
 */

interface EntityLike {
  type: string;
  offset: number;
  length: number;
  user?: { id: number };
}

interface MessageLike {
  text: string;
  entities?: readonly EntityLike[];
  reply_to_message?: { from?: { id: number } };
}

export interface BotIdentity {
  id: number;
  username: string;
}

export interface Addressed {
  /** The message is for the bot. */
  addressed: boolean;
  /** The question with the bot's mentions removed. */
  question: string;
}

/** Reads a group message: addressed by mention (entity or plain `@name`) or by replying to the bot. */
export function readGroupMessage(message: MessageLike, bot: BotIdentity): Addressed {
  const username = bot.username.toLowerCase();
  const ranges: [number, number][] = [];
  for (const entity of message.entities ?? []) {
    const slice = message.text.slice(entity.offset, entity.offset + entity.length);
    if ((entity.type === 'mention' && slice.toLowerCase() === `@${username}`)
      || (entity.type === 'text_mention' && entity.user?.id === bot.id)) {
      ranges.push([entity.offset, entity.offset + entity.length]);
    }
  }
  let text = message.text;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + ' ' + text.slice(end);
  // Entities are Telegram's word for it, but a plain "@name" typed by a client without them counts too.
  const plain = new RegExp(`(^|[^\\w@])@${escapeRegExp(bot.username)}(?![\\w])`, 'giu');
  const mentionedPlainly = plain.test(text);
  if (mentionedPlainly) text = text.replace(plain, '$1 ');
  const repliedToBot = message.reply_to_message?.from?.id === bot.id;
  return {
    addressed: ranges.length > 0 || mentionedPlainly || repliedToBot,
    question: cleanQuestion(text),
  };
}

/** Trims the punctuation left where a mention was: "@bot, who ..." -> "who ...". */
function cleanQuestion(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/ ([,،:;.!?؟])/gu, '$1').replace(/^[\s,،:;.!-]+/u, '').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
