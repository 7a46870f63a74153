/**
 * Lines of a stream split on "\n" only. readline also splits on a bare "\r" (and "\r\n"), which cuts a
 * question holding a stray carriage return in two and misaligns `--jsonl` answers with their lines. A
 * "\r" before the "\n" stays in the line; the question reader treats it as white space.
 */
import { StringDecoder } from 'node:string_decoder';

export async function* splitLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  // A last line without "\n" is a line; the empty string after a final "\n" is not.
  if (pending !== '') yield pending;
}
