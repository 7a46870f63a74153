/** Parameter checks the Bot API applies to reply markup, bot commands and webhook settings. */
import { badRequest } from './errors.ts';
import type { ReplyMarkup } from './types.ts';

/** Inline button fields of which exactly one must be present. */
const INLINE_BUTTON_ACTIONS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
];

const MAX_BUTTONS = 100;

/** Parses a JSON-serialised parameter (multipart and query strings carry objects as JSON text). */
export function jsonParam(value: unknown, what: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(`can't parse ${what} JSON object`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates reply_markup like the Bot API; returns it as an object. */
export function validateReplyMarkup(raw: unknown): ReplyMarkup {
  const markup = jsonParam(raw, 'reply keyboard markup');
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) {
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    }
    let count = 0;
    for (const row of rows as unknown[][]) {
      for (const button of row) {
        count++;
        validateInlineButton(button);
      }
    }
    if (count > MAX_BUTTONS) throw badRequest('reply markup is too long');
    return markup as ReplyMarkup;
  }
  if ('keyboard' in markup) {
    const rows = markup.keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    }
    for (const row of rows as unknown[][]) {
      for (const button of row) {
        const text = typeof button === 'string' ? button : isRecord(button) ? button.text : undefined;
        if (typeof text !== 'string') throw badRequest("can't parse keyboard button: Field \"text\" must be of type String");
        if (text === '') throw badRequest('BUTTON_TEXT_INVALID');
      }
    }
    return markup as ReplyMarkup;
  }
  if (markup.remove_keyboard === true || markup.force_reply === true) return markup as ReplyMarkup;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function validateInlineButton(button: unknown): void {
  if (!isRecord(button)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  if (typeof button.text !== 'string') throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
  if (button.text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');
  const actions = INLINE_BUTTON_ACTIONS.filter((field) => button[field] !== undefined);
  if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) {
    throw badRequest(`can't parse inline keyboard button: exactly one of the optional fields must be used, found ${actions.join(', ')}`);
  }
  if (button.callback_data !== undefined) {
    const data = button.callback_data;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  if (button.url !== undefined) {
    const url = button.url;
    if (typeof url !== 'string' || !isValidButtonUrl(url)) throw badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
  }
}

function isValidButtonUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'tg:'].includes(parsed.protocol) && (parsed.protocol === 'tg:' || parsed.hostname !== '');
  } catch {
    return false;
  }
}

export interface BotCommand {
  command: string;
  description: string;
}

/** Validates setMyCommands' `commands` like the Bot API. */
export function validateCommands(raw: unknown): BotCommand[] {
  const commands = jsonParam(raw ?? [], 'bot commands');
  if (!Array.isArray(commands)) throw badRequest('field "commands" must be an Array');
  if (commands.length > 100) throw badRequest('too many commands specified');
  return commands.map((entry: unknown) => {
    if (!isRecord(entry)) throw badRequest("can't parse BotCommand: BotCommand must be an Object");
    if (entry.command === undefined) throw badRequest('can\'t parse BotCommand: Can\'t find field "command"');
    if (entry.description === undefined) throw badRequest('can\'t parse BotCommand: Can\'t find field "description"');
    const command = String(entry.command);
    const description = String(entry.description);
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (description.trim() === '') throw badRequest('command description must be non-empty');
    if (description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    return { command, description };
  });
}

const SCOPE_TYPES = ['default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member'];

/** A stable key for a command scope + language, as the Bot API stores command lists per pair. */
export function commandScopeKey(rawScope: unknown, rawLanguage: unknown): string {
  const scope = jsonParam(rawScope ?? { type: 'default' }, 'BotCommandScope');
  if (!isRecord(scope) || typeof scope.type !== 'string' || !SCOPE_TYPES.includes(scope.type)) {
    throw badRequest('unsupported bot command scope type');
  }
  const language = rawLanguage === undefined ? '' : String(rawLanguage);
  if (language !== '' && !/^[a-z]{2}$/.test(language)) throw badRequest('invalid language code specified');
  const chat = scope.chat_id === undefined ? '' : String(scope.chat_id);
  const user = scope.user_id === undefined ? '' : String(scope.user_id);
  return `${scope.type}|${chat}|${user}|${language}`;
}

/** Webhook secret tokens: 1-256 characters, A-Z a-z 0-9 _ - only. */
export function validateSecretToken(token: unknown): string | undefined {
  if (token === undefined || token === '') return undefined;
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(token)) {
    throw badRequest('secret token contains unallowed characters');
  }
  return token;
}
