import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../src/console/chat.ts';
import { fakeEngine, fakeEvents } from '../helpers/fake-engine.ts';

async function chat(lines: string[], interactive = false, languageCode: string | null = 'en') {
  const engine = fakeEngine({ events: fakeEvents(8) });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const done = runConsoleChat({ engine, input, output, interactive, languageCode });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return { text, engine };
}

describe('console chat', () => {
  it('answers piped questions and exits when the input ends', async () => {
    const { text, engine } = await chat(['من يسيطر على المطار؟', '', 'what is the weather?']);
    expect(engine.questions).toEqual(['من يسيطر على المطار؟', 'what is the weather?']); // blank lines skipped
    expect(text).toContain('│ يسيطر الدفاع الوطني على نصف حي حلكو من جهة المطار.');
    expect(text).toContain('الجملة 2');
    expect(text).toContain("The articles don't say.");
    expect(text).not.toContain('/more'); // no hints on a pipe
    expect(text).not.toContain('<blockquote>');
  });

  it('has the same commands as the bot', async () => {
    const { text } = await chat(['/help', '/sources', '/about', '/summary', '/ask', '/timeline', '/nope']);
    expect(text).toContain('/timeline —');
    expect(text).toContain('The articles I answer from:');
    expect(text).toContain('question-answering bot');
    expect(text).toContain('Qamishli digest');
    expect(text).toContain('Write your question after the command');
    expect(text).toContain('Timeline of events in the articles (page 1 of 2)');
    expect(text).toContain("I don't know that command");
  });

  it('greets a terminal user and turns buttons into /more, /next and /prev', async () => {
    const { text, engine } = await chat(['Who controls the airport?', '/more', '/timeline', '/next', '/prev', '/quit', 'never asked'], true);
    expect(text).toContain('Welcome!');
    expect(text).toContain('[/more: More from the articles]');
    expect(text).toContain('The articles also say:');
    expect(text).toContain('(page 2 of 2)');
    expect(text.lastIndexOf('(page 1 of 2)')).toBeGreaterThan(text.indexOf('(page 2 of 2)'));
    expect(engine.questions).toEqual(['Who controls the airport?']); // nothing after /quit
  });

  it('keeps going when a question fails', async () => {
    const engine = fakeEngine({ onAsk: (q) => { if (q === 'boom') throw new Error('engine failed'); } });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
    const done = runConsoleChat({ engine, input, output, interactive: false });
    input.end('boom\nwho controls the airport?\n');
    await done;
    expect(text).toContain('Error: engine failed');
    expect(text).toContain('On control:');
  });

  it('quits on Ctrl-C at a terminal', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const done = runConsoleChat({ engine: fakeEngine(), input, output, interactive: true });
    input.write('\x03');
    await expect(done).resolves.toBeUndefined();
  });
});
