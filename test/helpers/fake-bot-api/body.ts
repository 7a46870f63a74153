/**
 * Request parameters the way the Bot API accepts them: query string, application/json,
 * application/x-www-form-urlencoded or multipart/form-data (telegraf uses multipart whenever a payload
 * carries a file, and then sends every field as text, objects as JSON).
 */
import type { IncomingMessage } from 'node:http';
import { badRequest, BotApiError } from './errors.ts';

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface UploadedFile {
  filename: string;
  size: number;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BotApiError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function parseParams(url: URL, contentType: string | undefined, body: Buffer): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) params[key] = value;
  if (body.length === 0) return params;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON encoded request parameters");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest('JSON encoded request parameters must be an Object');
    }
    return { ...params, ...(parsed as Record<string, unknown>) };
  }
  if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = value;
    return params;
  }
  if (type === 'multipart/form-data') {
    // undici's Response parses multipart bodies: no hand-written parser, no dependency.
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch {
      throw badRequest("can't parse multipart/form-data request");
    }
    for (const [key, value] of form) {
      params[key] = typeof value === 'string' ? value : ({ filename: value.name, size: value.size } satisfies UploadedFile);
    }
    return params;
  }
  return params;
}
