import { describe, expect, it } from 'vitest';
import { arabicSummary, englishTemplate, eventWords, removeSpan } from '../../src/events/summary.ts';

function summaryAround(text: string, dateWords: string): string {
  const from = text.indexOf(dateWords);
  if (from < 0) throw new Error(`«${dateWords}» not in «${text}»`);
  return arabicSummary(text, from, from + dateWords.length);
}

describe('removeSpan', () => {
  it('takes out the date, the preposition before it and the comma after it', () => {
    const text = 'هذا وسيطرت قوات “أسايش” في 23 من نيسان، على شارع السلام';
    const from = text.indexOf('23');
    expect(removeSpan(text, from, from + '23 من نيسان'.length).text).toBe('هذا وسيطرت قوات “أسايش” على شارع السلام');
  });

  it('keeps a preposition that is not right before the date', () => {
    const text = 'في القامشلي اليوم';
    expect(removeSpan(text, 12, 17).text).toBe('في القامشلي');
  });
});

describe('arabicSummary', () => {
  it('keeps the main clause when the date is a parenthesis inside it', () => {
    expect(summaryAround('استمرت المعارك في مدينة القامشلي، اليوم الأحد 25 من نيسان، بين قوات الأسايش والدفاع الوطني، وذلك بالأسلحة الخفيفة.', 'اليوم الأحد 25 من نيسان'))
      .toBe('استمرت المعارك في مدينة القامشلي بين قوات الأسايش والدفاع الوطني، وذلك بالأسلحة الخفيفة');
    expect(summaryAround('قصفت قوات “قسد” مواقع للفصائل، أمس السبت 8 من أيار، ما أدى إلى مقتل عنصرين.', 'أمس السبت 8 من أيار'))
      .toBe('قصفت قوات “قسد” مواقع للفصائل ما أدى إلى مقتل عنصرين');
  });

  it('starts at a subordinate clause that tells the event, dropping حيث', () => {
    expect(summaryAround('وتأتي هذه الاشتباكات بعد أسبوع من التوتر، حيث وفي 17 من نيسان الحالي، اتهمت قوات “أسايش” “الدفاع الوطني” بمحاولة تفجير إحدى نقاطها.', '17 من نيسان الحالي'))
      .toBe('اتهمت قوات “أسايش” “الدفاع الوطني” بمحاولة تفجير إحدى نقاطها');
  });

  it('drops a leading conjunction and "هذا و"', () => {
    expect(summaryAround('هذا وسيطرت قوات “أسايش” في 23 من نيسان، على شارع السلام.', '23 من نيسان')).toBe('سيطرت قوات “أسايش” على شارع السلام');
    expect(summaryAround('وأغلقت قوات النظام في 15 مارس شارع الحسكة.', '15 مارس')).toBe('أغلقت قوات النظام شارع الحسكة');
  });

  it('keeps a و that belongs to the word', () => {
    expect(summaryAround('وزارة الدفاع أعلنت في 3 أيار 2020 انسحاب قواتها.', '3 أيار 2020')).toBe('وزارة الدفاع أعلنت انسحاب قواتها');
  });

  it('stays within the word budget on long sentences', () => {
    const long = `في 23 من نيسان، ${Array.from({ length: 60 }, (_, i) => `كلمة${i}`).join(' ')}.`;
    const summary = summaryAround(long, '23 من نيسان');
    expect(summary.split(/\s+/).length).toBeLessThanOrEqual(33);
    expect(summary.endsWith('…')).toBe(true);
  });
});

describe('English lines', () => {
  it('names the event words of a sentence in order', () => {
    expect(eventWords('اتهمت “أسايش” “الدفاع الوطني” بقتل أحد عناصرها بعد اشتباكات')).toEqual(['accusation', 'killing', 'clashes']);
    expect(eventWords('اعنف الموجهات اندلعت في حي حلكو')).toEqual(['clashes']); // the published typo
  });

  it('builds a template from event words, actors and places', () => {
    expect(englishTemplate('اعتقلت أسايش ثلاثة عناصر', ['Asayish', 'NDF'], ['the security square']))
      .toBe('Arrests involving Asayish and NDF in the security square (reported in Arabic)');
    expect(englishTemplate('جملة بلا حدث', [], [])).toBe('Events (reported in Arabic)');
  });
});
