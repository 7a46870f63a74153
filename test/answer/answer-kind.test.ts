/** knowledge/answer-cues.json: which kind of information a question asks for, and which sentences supply it. */
import { describe, expect, it } from 'vitest';
import { askedKind, hasKindCue } from '../../src/answer/answer-kind.ts';
import { normalizeArabic } from '../../src/text/arabic.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const words = (q: string): string[] => tokenize(q).map((w) => normalizeArabic(w).toLowerCase());

describe('answer kinds', () => {
  it('reads the asked kind in MSA, Levantine and English', () => {
    expect(askedKind(words('لماذا فرضت الأسايش حظر التجوال؟'))).toBe('reason');
    expect(askedKind(words('Why did the station stop?'))).toBe('reason');
    expect(askedKind(words('شو ناوية الإدارة تعمل بالحراقات؟'))).toBe('plan');
    expect(askedKind(words('ماذا ستفعل الإدارة الذاتية بالشاحنات؟'))).toBe('plan');
    expect(askedKind(words('What will the council do next?'))).toBe('plan');
    expect(askedKind(words('مين بلّش الاشتباك؟'))).toBe('initiator');
    expect(askedKind(words('قديش طوّلت الاشتباكات؟'))).toBe('duration');
    expect(askedKind(words('How long did the siege last?'))).toBe('duration');
    expect(askedKind(words('How did the police find the gang?'))).toBe('means');
    // "How did X justify" asks for a reason: reason comes before means.
    expect(askedKind(words('How did the authority justify the price rise?'))).toBe('reason');
    expect(askedKind(words('كم عدد القتلى؟'))).toBeUndefined();
    // Where people were moved to, not where something happened.
    expect(askedKind(words('Where were the wounded taken?'))).toBe('destination');
    expect(askedKind(words('لوين نزحت العائلات؟'))).toBe('destination');
    expect(askedKind(words('إلى أين نقل المعتقلون؟'))).toBe('destination');
    expect(askedKind(words('Where did the clashes take place?'))).toBeUndefined();
    expect(askedKind(words('وين صار الانفجار؟'))).toBeUndefined();
  });

  it('finds the cue words as whole words, after و or ف', () => {
    expect(hasKindCue('reason', 'وقالت المديرية إن المحطة متوقفة بسبب قطع التيار')).toBe(true);
    expect(hasKindCue('reason', 'وجاءت الحملة بعد تصاعد جرائم القتل')).toBe(true);
    expect(hasKindCue('reason', 'وأعلنت الأسايش فرض حظر تجول كامل في الحي')).toBe(false);
    expect(hasKindCue('plan', 'ووعد بإرسال قافلة ثالثة')).toBe(true);
    expect(hasKindCue('duration', 'وأن الاشتباكات استمرت ثلاث ساعات')).toBe(true);
    expect(hasKindCue('initiator', 'مجموعة مسلحة هاجمت حاجز الدوار')).toBe(true);
    expect(hasKindCue('initiator', 'في اشتباكات اندلعت إثر هجوم على حاجز')).toBe(false);
    expect(hasKindCue('means', 'تمكنت الوحدة من تتبع أحد الأرقام')).toBe(true);
    expect(hasKindCue('means', 'text', 'The convoy entered through the crossing')).toBe(true);
    expect(hasKindCue('destination', 'وإن المصابين نُقلوا إلى المشفى الوطني في الحسكة')).toBe(true);
    expect(hasKindCue('destination', 'إثر تصادم حافلة نقل ركاب بشاحنة على طريق القامشلي')).toBe(false);
  });
});
