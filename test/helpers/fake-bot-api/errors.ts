/** Errors the fake answers with, shaped like the Bot API's `{ ok: false, error_code, description }`. */
export class BotApiError extends Error {
  readonly errorCode: number;
  readonly description: string;
  readonly parameters: { retry_after?: number; migrate_to_chat_id?: number } | undefined;

  constructor(errorCode: number, description: string, parameters?: { retry_after?: number }) {
    super(`${errorCode}: ${description}`);
    this.name = 'BotApiError';
    this.errorCode = errorCode;
    this.description = description;
    this.parameters = parameters;
  }
}

/** 400 with Telegram's "Bad Request: " prefix. */
export function badRequest(detail: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${detail}`);
}

export function forbidden(detail: string): BotApiError {
  return new BotApiError(403, `Forbidden: ${detail}`);
}

/** Raised by the text parsers; the message is what follows "can't parse entities: ". */
export class EntityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntityParseError';
  }
}
