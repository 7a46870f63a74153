/** Entities Telegram detects by itself in what users type: bot commands and @mentions. */
import type { MessageEntity } from './types.ts';

const BOT_COMMAND = /(?<=^|\s)\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?=$|[\s.,!?;:)])/g;
const MENTION = /(?<=^|[^A-Za-z0-9_@/])@[A-Za-z0-9_]{4,32}(?![A-Za-z0-9_])/g;

/** bot_command and mention entities of `text`, offsets in UTF-16 code units, sorted. */
export function detectEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(BOT_COMMAND)) {
    entities.push({ type: 'bot_command', offset: match.index, length: match[0].length });
  }
  for (const match of text.matchAll(MENTION)) {
    const overlapsCommand = entities.some((e) => match.index >= e.offset && match.index < e.offset + e.length);
    if (!overlapsCommand) entities.push({ type: 'mention', offset: match.index, length: match[0].length });
  }
  return entities.sort((a, b) => a.offset - b.offset);
}
