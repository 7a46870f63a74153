import { describe, expect, it } from 'vitest';
import { InvalidDateError } from '../../src/events/calendar.ts';
import { type DateAnchor, type DateMention, extractDateMentions } from '../../src/events/dates.ts';

/** Publication date of the seed article: Sunday 25 April 2021. */
const published = '2021-04-25';
const anchor17: DateAnchor = { start: '2021-04-17', end: '2021-04-17', precision: 'day' };

function mentions(text: string, anchor?: DateAnchor): DateMention[] {
  return extractDateMentions(text, { published, anchor });
}

/** The single mention in `text`: surface, kind, date and precision. */
function one(text: string, anchor?: DateAnchor): Pick<DateMention, 'surface' | 'kind' | 'date' | 'precision'> {
  const found = mentions(text, anchor);
  expect(found, `mentions in «${text}»`).toHaveLength(1);
  const [mention] = found;
  if (!mention) throw new Error('unreachable');
  return { surface: mention.surface, kind: mention.kind, date: mention.date, precision: mention.precision };
}

describe('absolute dates', () => {
  it.each([
    ['هذا وسيطرت قوات “أسايش” في 23 من نيسان، على شارع السلام', '23 من نيسان', '2021-04-23'],
    ['حيث وفي 17 من نيسان الحالي، اتهمت قوات', '17 من نيسان الحالي', '2021-04-17'],
    ['في الـ23 من نيسان', 'الـ23 من نيسان', '2021-04-23'],
    ['في الثالث والعشرين من نيسان', 'الثالث والعشرين من نيسان', '2021-04-23'],
    ['هجمات الحادي عشر من أيلول 2001', 'الحادي عشر من أيلول 2001', '2001-09-11'],
    ['الاول من أيار 2019', 'الاول من أيار 2019', '2019-05-01'],
    ['25 نيسان/أبريل 2021', '25 نيسان/أبريل 2021', '2021-04-25'],
    ['في 15 كانون الثاني 2020', '15 كانون الثاني 2020', '2020-01-15'],
    ['في 3 تشرين الأول 2019', '3 تشرين الأول 2019', '2019-10-03'],
    ['بتاريخ 25/4/2021', '25/4/2021', '2021-04-25'],
    ['بتاريخ 2021-04-25', '2021-04-25', '2021-04-25'],
    ['اعتقلت في ٢٨ أبريل ٢٠٢١ ثلاثة عناصر', '٢٨ أبريل ٢٠٢١', '2021-04-28'],
    ['الخامس عشر من آب 2020', 'الخامس عشر من آب 2020', '2020-08-15'],
    ['في 17 من الشهر الجاري', '17 من الشهر الجاري', '2021-04-17'],
  ])('day: «%s»', (text, surface, date) => {
    expect(one(text)).toEqual({ surface, kind: 'absolute', date, precision: 'day' });
  });

  it.each([
    ['أكبرها كان في أيلول 2018، عندما', 'أيلول 2018', '2018-09'],
    ['اشتباكات دامية بين الطرفين في تموز 2016', 'تموز 2016', '2016-07'],
    ['في ايلول 2018', 'ايلول 2018', '2018-09'], // no hamza
    ['في مايو ٢٠١٩', 'مايو ٢٠١٩', '2019-05'],
    ['في يونيه 2019', 'يونيه 2019', '2019-06'],
    ['في أغسطس من عام 2017', 'أغسطس من عام 2017', '2017-08'],
    ['خلال شهر 9 2018', 'شهر 9 2018', '2018-09'],
    ['في كانون الأول 2020', 'كانون الأول 2020', '2020-12'],
  ])('month: «%s»', (text, surface, date) => {
    expect(one(text)).toEqual({ surface, kind: 'absolute', date, precision: 'month' });
  });

  it.each([
    ['منذ عام 2018', '2018'],
    ['في عام 2018م', '2018'],
    ['في 2018 اندلعت', '2018'],
    ['في ٢٠١٨', '2018'],
    ['العام 2016', '2016'],
  ])('year: «%s»', (text, date) => {
    const [mention] = mentions(text);
    expect(mention?.date).toBe(date);
    expect(mention?.precision).toBe('year');
  });

  it('reads two years joined by و', () => {
    expect(mentions('بين عامي 2016 و2018').map((m) => m.date)).toEqual(['2016', '2018']);
  });

  it('gives a day or month without a year the latest such date not after publication', () => {
    expect(one('في 28 من نيسان').date).toBe('2020-04-28'); // 28 April 2021 was after publication
    expect(one('في 25 من نيسان').date).toBe('2021-04-25'); // publication day itself
    expect(one('في 15 أغسطس').date).toBe('2020-08-15');
    expect(one('في ايار').date).toBe('2020-05');
    expect(one('في مارس').date).toBe('2021-03');
    expect(mentions('في ايار')[0]?.yearInferred).toBe(true);
  });

  it('reads الماضي after a month as the latest such month strictly before publication', () => {
    expect(one('نيسان الماضي')).toMatchObject({ date: '2020-04', kind: 'relative-to-publication' });
    expect(one('في آذار الماضي').date).toBe('2021-03');
    expect(one('في 15 مارس الماضي').date).toBe('2021-03-15');
  });

  it.each([
    ['اشتباكات يومي 23 و24 من نيسان', '23 و24 من نيسان', '2021-04-23/2021-04-24'],
    ['بين 20-23 نيسان 2021', '20-23 نيسان 2021', '2021-04-20/2021-04-23'],
    ['من 20 إلى 23 نيسان', '20 إلى 23 نيسان', '2021-04-20/2021-04-23'],
    ['في صيف 2020', 'صيف 2020', '2020-06-01/2020-08-31'],
    ['خلال ربيع عام 2019', 'ربيع عام 2019', '2019-03-01/2019-05-31'],
  ])('a span of days: «%s»', (text, surface, date) => {
    expect(one(text)).toEqual({ surface, kind: 'absolute', date, precision: 'approximate' });
  });

  it('resolves early / mid / late thirds of a month or year as approximate ranges', () => {
    expect(one('مطلع 2018')).toMatchObject({ date: '2018-01-01/2018-04-30', precision: 'approximate' });
    expect(one('أواخر شهر أيلول 2018')).toMatchObject({ date: '2018-09-21/2018-09-30', precision: 'approximate' });
    expect(one('منتصف تموز 2016')).toMatchObject({ date: '2016-07-11/2016-07-20', precision: 'approximate' });
    expect(one('أوائل 2018')).toMatchObject({ date: '2018-01-01/2018-04-30', precision: 'approximate' });
  });
});

describe('numbers and words that are not dates', () => {
  it.each([
    'قتل 18 عنصرًا من الطرفين',
    'قتل 2000 شخص',
    'ويعيش في الحي نحو 2000 شخص',
    'أكثر من 2015 عائلة',
    'قرار مجلس الأمن 2254',
    'القرار 2042',
    'بلغ عدد 2018',
    'مارس الضغط على الطرفين', // مارس is also a verb
    'أنا والأب في البيت', // آب is also "father"
    'شاهدنا نيسان جديدة', // a bare month name with no cue
    'منذ بداية الثورة في سوريا',
    'حتى اليوم',
    'منذ سنوات',
    'منذ أشهر',
    'مؤخرًا',
    'ثلاثة أيام من القتال', // a duration with no قبل/بعد/منذ
    'قامت الدولة منذ عام 1037م', // a year out of the news's range, not "a year ago"
  ])('«%s» holds no date', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it('rejects impossible days (a written month and year still count)', () => {
    expect(mentions('في 31 من نيسان 2021').map((m) => [m.surface, m.date])).toEqual([['نيسان 2021', '2021-04']]);
    expect(mentions('في 30/2/2020')).toEqual([]);
  });

  it('accepts آب alone only after a strong time cue, and always beside a day or year', () => {
    expect(one('في آب').date).toBe('2020-08');
    expect(one('15 آب').date).toBe('2020-08-15');
    expect(one('آب 2019').date).toBe('2019-08');
    expect(one('حتى آب').date).toBe('2020-08');
  });
});

describe('relative to publication', () => {
  it.each([
    ['استمرت المعارك في مدينة القامشلي، اليوم الأحد 25 من نيسان، بين قوات', 'اليوم الأحد 25 من نيسان', '2021-04-25', 'day'],
    ['بعد الاشتباكات التي اندلعت منذ 20 من نيسان، إلا أنه', 'منذ 20 من نيسان', '2021-04-20', 'day'],
    ['قُتل مدني أمس', 'أمس', '2021-04-24', 'day'],
    ['مساء أمس السبت', 'مساء أمس السبت', '2021-04-24', 'day'],
    ['وقع الهجوم أول أمس', 'أول أمس', '2021-04-23', 'day'],
    ['فجر اليوم', 'فجر اليوم', '2021-04-25', 'day'],
    ['يوم الجمعة', 'يوم الجمعة', '2021-04-23', 'day'],
    ['الخميس الماضي', 'الخميس الماضي', '2021-04-22', 'day'],
    ['الأحد الماضي', 'الأحد الماضي', '2021-04-18', 'day'], // strictly before a Sunday publication
    ['الشهر الماضي', 'الشهر الماضي', '2021-03', 'month'],
    ['خلال الأسبوع الماضي', 'الأسبوع الماضي', '2021-04-18/2021-04-24', 'approximate'],
    ['العام الماضي', 'العام الماضي', '2020', 'year'],
    ['الأسبوع الفائت', 'الأسبوع الفائت', '2021-04-18/2021-04-24', 'approximate'],
    ['هذا العام', 'هذا العام', '2021', 'year'],
    ['قديش صار هالسنة', 'هالسنة', '2021', 'year'],
    ['شو صار هالشهر', 'هالشهر', '2021-04', 'month'],
    ['منذ يومين', 'منذ يومين', '2021-04-23', 'day'],
    ['قبل ثلاثة أيام', 'قبل ثلاثة أيام', '2021-04-22', 'day'],
    ['قبل أسبوع', 'قبل أسبوع', '2021-04-17/2021-04-19', 'approximate'],
    ['قبل أيام', 'قبل أيام', '2021-04-18/2021-04-23', 'approximate'],
    ['قبل شهرين', 'قبل شهرين', '2021-02', 'month'],
    ['قبل عامين', 'قبل عامين', '2019', 'year'],
    ['في 5 من الشهر الماضي', '5 من الشهر الماضي', '2021-03-05', 'day'],
    ['منذ مطلع العام الحالي', 'منذ مطلع العام الحالي', '2021-01-01/2021-04-30', 'approximate'],
  ])('«%s»', (text, surface, date, precision) => {
    expect(one(text)).toEqual({ surface, kind: 'relative-to-publication', date, precision });
  });

  it('does not take "اليوم التالي" or "في اليوم الأول" for today', () => {
    expect(mentions('في اليوم الأول من المعارك')).toEqual([]);
    expect(mentions('في اليوم التالي')).toEqual([]); // relative to an event, and there is none
  });

  it('quotes the surface without a glued conjunction', () => {
    const [mention] = mentions('وأمس قُتل مدني');
    expect(mention?.surface).toBe('أمس');
    expect(mention?.from).toBe(1);
  });
});

describe('relative to another event', () => {
  it('reads "قبل هذه الحادثة بنحو أسبوع" as about a week before the anchor: 6-8 days', () => {
    const [mention] = mentions('وقبل هذه الحادثة بنحو أسبوع، اتهمت “أسايش” “الدفاع الوطني” بقتل أحد عناصرها', anchor17);
    expect(mention).toMatchObject({
      surface: 'قبل هذه الحادثة بنحو أسبوع',
      kind: 'relative-to-event',
      date: '2021-04-09/2021-04-11',
      precision: 'approximate',
      start: '2021-04-09',
      end: '2021-04-11',
      relation: { direction: 'before', minDays: 6, maxDays: 8, vague: false, duration: false, anchorInText: false },
    });
  });

  it('drops relative-to-event expressions when there is nothing to anchor them', () => {
    expect(mentions('وقبل هذه الحادثة بنحو أسبوع، اتهمت “أسايش”')).toEqual([]);
    expect(mentions('هدأت بعد أيام')).toEqual([]);
  });

  it.each([
    ['بعد يومين من الهجوم', '2021-04-19', 'day'],
    ['بعد يومين من اندلاع الاشتباكات', '2021-04-19', 'day'],
    ['بعد ذلك بيومين', '2021-04-19', 'day'],
    ['قبل يومين من الحادثة', '2021-04-15', 'day'],
    ['في اليوم التالي', '2021-04-18', 'day'],
    ['في اليوم نفسه', '2021-04-17', 'day'],
    ['قبلها بأيام', '2021-04-10/2021-04-15', 'approximate'],
    ['بعد أيام', '2021-04-19/2021-04-24', 'approximate'],
    ['بعد أسبوعين', '2021-04-29/2021-05-03', 'approximate'],
    ['بعد نحو عشرة أيام', '2021-04-25/2021-04-29', 'approximate'], // 10 ± 15% (2) days
    ['في الشهر التالي', '2021-05', 'month'],
  ])('«%s» from 17 April 2021', (text, date, precision) => {
    expect(one(text, anchor17)).toMatchObject({ kind: 'relative-to-event', date, precision });
  });

  it('anchors on an earlier date in the same sentence first, and marks vague aftermaths', () => {
    const found = mentions('اشتباكات دامية في تموز 2016، إلا أن هذه الاشتباكات هدأت بعد أيام، حين انسحب النظام', anchor17);
    expect(found.map((m) => m.date)).toEqual(['2016-07', '2016-07-03/2016-08-07']);
    expect(found[1]?.relation).toMatchObject({ direction: 'after', vague: true, anchorInText: true });
  });

  it('reads "بعد أكثر من أسبوع من تصاعد التوتر" as a duration (8-13 days before the anchor), not an event', () => {
    const [duration, day] = mentions('وتأتي هذه الاشتباكات بعد أكثر من أسبوع من تصاعد التوتر بين الطرفين، حيث وفي 17 من نيسان الحالي، اتهمت', {
      start: '2021-04-20', end: '2021-04-20', precision: 'day',
    });
    expect(duration).toMatchObject({
      surface: 'بعد أكثر من أسبوع', date: '2021-04-07/2021-04-12',
      relation: { direction: 'before', minDays: 8, maxDays: 13, duration: true },
    });
    expect(day?.date).toBe('2021-04-17');
  });

  it('does not anchor on a duration', () => {
    const found = mentions('بعد أكثر من أسبوع من تصاعد التوتر، وبعد ذلك بيومين', anchor17);
    expect(found[1]?.relation?.anchorInText).toBe(false);
    expect(found[1]?.date).toBe('2021-04-19');
  });
});

describe('offsets and errors', () => {
  it('returns offsets that slice the original text, tashkeel and all', () => {
    const text = 'قُتِلَ مدنيٌّ في ٢٣ مِنْ نَيْسَانَ';
    const [mention] = mentions(text);
    expect(mention?.surface).toBe('٢٣ مِنْ نَيْسَانَ');
    expect(text.slice(mention?.from, mention?.to)).toBe(mention?.surface);
    expect(mention?.date).toBe('2021-04-23');
  });

  it('finds every date of a sentence in reading order', () => {
    const found = mentions('في تموز 2016 ثم في أيلول 2018 وأخيراً في 23 من نيسان');
    expect(found.map((m) => m.date)).toEqual(['2016-07', '2018-09', '2021-04-23']);
    expect(found.map((m) => m.from)).toEqual([...found.map((m) => m.from)].sort((a, b) => a - b));
  });

  it('throws a named error on a bad publication date', () => {
    expect(() => extractDateMentions('في 23 من نيسان', { published: '25/04/2021' })).toThrow(InvalidDateError);
  });
});
