import { describe, expect, it } from 'vitest';
import { fitsOneMessage, plainText, renderMessages } from '../../src/views/format.ts';
import { formatDate } from '../../src/views/texts.ts';
import { answerView, citationLine, helpView, moreView, paginateTimeline, sourcesView, summaryView, timelineView, welcomeView } from '../../src/views/view.ts';
import { FAKE_ARTICLE_ID, fakeEngine, fakeEvents, fakeKeys } from '../helpers/fake-engine.ts';

describe('formatDate', () => {
  it('writes dates in the reader\'s language with Levantine month names', () => {
    expect(formatDate('2021-04-25', 'ar')).toBe('25 نيسان 2021');
    expect(formatDate('2021-04-25', 'en')).toBe('25 April 2021');
    expect(formatDate('2018-09', 'en', 'month')).toBe('September 2018');
    expect(formatDate('2018-09', 'ar', 'month')).toBe('أيلول 2018');
    expect(formatDate('2016', 'ar', 'year')).toBe('2016');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

describe('citationLine', () => {
  it('names title, date and sentence, says the publisher is unknown, and links only a known URL', () => {
    const engine = fakeEngine();
    const [citation] = engine.cite(fakeKeys(2));
    const line = plainText([citationLine(citation!, 'ar', engine.sources())]);
    expect(line).toContain('25 نيسان 2021');
    expect(line).toContain('الجملة 2');
    expect(line).toContain('الناشر غير معروف');
    expect(line).not.toContain('http');
    const english = plainText([citationLine(citation!, 'en', engine.sources())]);
    expect(english).toContain('Clashes in Qamishli and new displacement'); // the English title rendering
    expect(english).toContain('sentence 2');
    expect(english).toContain('publisher unknown');
  });

  it('gives publisher and link when known, and calls sentence 0 the headline', () => {
    const engine = fakeEngine({ publisher: 'Enab Baladi', url: 'https://example.org/a?x=1&y=2' });
    const block = citationLine(engine.cite(fakeKeys(0))[0]!, 'en', engine.sources());
    expect(plainText([block])).toContain('headline · Enab Baladi');
    expect(block.spans.find((s) => s.href)?.href).toBe('https://example.org/a?x=1&y=2');
  });
});

describe('answerView', () => {
  it('quotes the cited sentences verbatim under the lead, with a "more" button', async () => {
    const engine = fakeEngine();
    const view = answerView(await engine.ask('من يسيطر على المطار؟'), engine.sources());
    expect(view.lang).toBe('ar');
    const quotes = view.blocks.filter((b) => b.kind === 'quote').map((b) => b.spans.map((s) => s.text).join(''));
    expect(quotes).toEqual(engine.cite(fakeKeys(2, 3)).map((c) => c.text));
    expect(view.blocks[0]?.spans[0]?.text).toBe('عن السيطرة:');
    expect(plainText(view.blocks)).not.toContain('In English');
    expect(view.buttons).toEqual([{ label: 'المزيد من المقالات', role: 'more', action: { kind: 'more', lang: 'ar', keys: fakeKeys(1, 4, 5, 6) } }]);
  });

  it('puts the English rendering under the quote for English questions, and says when there is none', async () => {
    const engine = fakeEngine();
    const text = plainText(answerView(await engine.ask('Who controls the airport?'), engine.sources()).blocks);
    expect(text).toContain('In English: The NDF controls half of Halko on the airport side.');
    expect(text).toContain('no English rendering');
  });

  it('shows only the lead when the engine abstains or the input is invalid', async () => {
    const engine = fakeEngine();
    for (const question of ['What is the weather in Paris?', '😀😀']) {
      const answer = await engine.ask(question);
      const view = answerView(answer, engine.sources());
      expect(view.blocks).toHaveLength(1);
      expect(view.buttons).toEqual([]);
      expect(plainText(view.blocks)).toBe(answer.lead);
    }
  });

  it('escapes corpus text when drawn as HTML', async () => {
    const engine = fakeEngine();
    const view = summaryView({ lang: 'ar', lead: 'x', citations: engine.cite(fakeKeys(0)) }, engine.sources());
    const html = renderMessages(view).map((m) => m.html).join('');
    expect(html).toContain('&lt;b&gt;وحركة&lt;/b&gt;');
    expect(html).toContain('&amp; &quot;جديدة&quot;');
  });
});

describe('moreView', () => {
  it('shows the given citations and offers the remaining refs', () => {
    const engine = fakeEngine();
    const view = moreView('en', engine.cite(fakeKeys(4, 5)), fakeKeys(6), engine.sources());
    expect(view.blocks.filter((b) => b.kind === 'quote')).toHaveLength(2);
    expect(view.buttons[0]?.action).toEqual({ kind: 'more', lang: 'en', keys: fakeKeys(6) });
    expect(moreView('en', [], [], engine.sources()).buttons).toEqual([]);
  });
});

describe('timelineView', () => {
  const engine = fakeEngine({ events: fakeEvents(12) });

  it('pages events with previous and next buttons', () => {
    const timeline = engine.timeline(undefined, 'en');
    const first = timelineView(timeline, 0, engine.sources(), fitsOneMessage);
    expect(plainText(first.blocks)).toContain('page 1 of 3');
    expect(first.buttons.map((b) => b.role)).toEqual(['next']);
    const middle = timelineView(timeline, 1, engine.sources(), fitsOneMessage);
    expect(middle.buttons.map((b) => [b.role, b.action])).toEqual([
      ['previous', { kind: 'timeline', lang: 'en', page: 0, filter: null }],
      ['next', { kind: 'timeline', lang: 'en', page: 2, filter: null }],
    ]);
    const last = timelineView(timeline, 99, engine.sources(), fitsOneMessage); // clamped
    expect(plainText(last.blocks)).toContain('page 3 of 3');
    expect(last.buttons.map((b) => b.role)).toEqual(['previous']);
  });

  it('keeps every page within one message, with fewer events when they are long', () => {
    const long = fakeEngine({ events: fakeEvents(6, 1500) });
    const timeline = long.timeline(undefined, 'ar');
    const pages = paginateTimeline(timeline, long.sources(), fitsOneMessage);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((_, i) => {
      expect(renderMessages(timelineView(timeline, i, long.sources(), fitsOneMessage))).toHaveLength(1);
    });
  });

  it('cites each event\'s sentence and says when nothing matches a filter', () => {
    const view = timelineView(engine.timeline(undefined, 'ar'), 0, engine.sources());
    expect(plainText(view.blocks)).toContain('الجملة 1');
    const none = timelineView(engine.timeline('zzz', 'en'), 0, engine.sources());
    expect(plainText(none.blocks)).toContain('No dated events in the articles match “zzz”');
  });
});

describe('static views', () => {
  it('welcomes in both languages with example questions', () => {
    const text = plainText(welcomeView('QamishliBot').blocks);
    expect(text).toMatch(/\p{Script=Arabic}/u);
    expect(text).toContain('Welcome!');
    expect(text).toContain('Who controls Qamishli airport?');
    expect(text).toContain('@QamishliBot');
  });

  it('lists every command in help', () => {
    const text = plainText(helpView('en').blocks);
    for (const command of ['/ask', '/summary', '/timeline', '/sources', '/about', '/help', '/start']) expect(text).toContain(command);
  });

  it('lists sources with date and unknown publisher', () => {
    const engine = fakeEngine();
    const text = plainText(sourcesView('ar', engine.sources()).blocks);
    expect(text).toContain('25 نيسان 2021');
    expect(text).toContain('الناشر غير معروف');
    expect(text).toContain(`${engine.sources()[0]?.sentences.length} جملة`);
    expect(FAKE_ARTICLE_ID).toBeTruthy();
  });
});
