/**
 * Everything the bot and the console say in their own words, in Arabic and English. The engine's
 * leads (answers, abstentions, invalid input) come from the engine; these are the adapters' texts.
 */
import type { Language } from '../corpus/article.ts';

type Bilingual = Record<Language, string>;

export const EXAMPLE_QUESTIONS: Record<Language, readonly string[]> = {
  ar: ['من يسيطر على مطار القامشلي؟', 'هل هناك حركة نزوح؟', 'ما دور روسيا في الاشتباكات؟'],
  en: ['Who controls Qamishli airport?', 'Are people fleeing the fighting?', 'What role does Russia play?'],
};

export const WELCOME: Bilingual = {
  ar: 'أهلاً بك! أجيب عن أسئلتك حول القامشلي (شمال شرق سوريا) بما ورد في المقالات الإخبارية فقط: أقتبس الجمل كما نُشرت مع عنوان المقال وتاريخه، وأقول بصراحة عندما لا تذكر المقالات شيئاً. اكتب سؤالك بالعربية أو بالإنجليزية.',
  en: 'Welcome! I answer questions about Qamishli (north-east Syria) from news articles only: I quote their sentences as published, with the article\'s title and date, and say so plainly when the articles don\'t say. Ask in Arabic or English.',
};

export const TRY_THESE: Bilingual = { ar: 'جرّب مثلاً:', en: 'Try for example:' };

export const HELP_INTRO: Bilingual = {
  ar: 'اكتب سؤالك عن القامشلي وسأجيبك باقتباس ما ورد في المقالات مع المصدر والتاريخ ورقم الجملة. إن لم تذكر المقالات الجواب قلت ذلك ولم أخمّن.',
  en: 'Write your question about Qamishli and I will answer by quoting the articles, with source, date and sentence number. If the articles don\'t say, I tell you so instead of guessing.',
};

export const COMMANDS_HEADING: Bilingual = { ar: 'الأوامر:', en: 'Commands:' };

export function groupHelp(lang: Language, botUsername: string | undefined): string {
  const name = botUsername ? `@${botUsername}` : (lang === 'ar' ? 'اسمي' : 'my name');
  return lang === 'ar'
    ? `في المجموعات أجيب فقط عندما تذكر ${name} أو ترد على إحدى رسائلي أو تستخدم /ask، ولا أتدخل في بقية الحديث.`
    : `In groups I answer only when you mention ${name}, reply to one of my messages or use /ask; I stay out of the rest of the conversation.`;
}

export function aboutText(lang: Language, articleCount: number, firstDate: string | null, lastDate: string | null): string {
  const span = firstDate === null ? '' : firstDate === lastDate ? ` (${firstDate})` : ` (${firstDate} – ${lastDate})`;
  return lang === 'ar'
    ? `أنا بوت أسئلة وأجوبة عن القامشلي. أجيب من ${articleCount} ${articleCount === 1 ? 'مقال' : 'مقالات'}${span} فقط، ولا أبحث في الإنترنت. كل جواب اقتباس حرفي من المقالات مع العنوان والتاريخ ورقم الجملة لتتحقق منه بنفسك، وحين لا تذكر المقالات الجواب أقول ذلك ولا أخمّن. المقالات بالعربية؛ أضع ترجمة إنجليزية تحت الاقتباس حين تتوفر. لا أحفظ عنك إلا رقم المحادثة ونوعها ولغتها لإيصال الردود، وإعدادات الملخص اليومي، والأسئلة التي أجبت عنها بأزرار 👍 / 👎 (تُحذف بعد 30 يوماً إن لم يُصوَّت عليها).`
    : `I am a question-answering bot about Qamishli. I answer from ${articleCount} article${articleCount === 1 ? '' : 's'}${span} only and do not search the web. Every answer quotes the articles verbatim with title, date and sentence number so you can check it, and when the articles don't say, I say so rather than guess. The articles are in Arabic; an English rendering goes under the quote when one exists. The only things I keep about you are the chat's id, type and language, to deliver replies, the daily digest settings, and the questions I answered with 👍 / 👎 buttons (deleted after 30 days unless voted on).`;
}

export const ASK_USAGE: Bilingual = {
  ar: 'اكتب سؤالك بعد الأمر، مثلاً: /ask من يسيطر على المطار؟',
  en: 'Write your question after the command, for example: /ask who controls the airport?',
};

export const UNKNOWN_COMMAND: Bilingual = {
  ar: 'لا أعرف هذا الأمر. أرسل /help لترى ما أستطيع فعله.',
  en: "I don't know that command. Send /help to see what I can do.",
};

export const NON_TEXT: Bilingual = {
  ar: 'لا أقرأ إلا النصوص. اسألني بالكلمات عن القامشلي، مثلاً: من يسيطر على المطار؟ أو أرسل /help.',
  en: 'I can only read text. Ask me about Qamishli in words, for example: who controls the airport? Or send /help.',
};

export const EMPTY_MENTION: Bilingual = {
  ar: 'نعم؟ اكتب سؤالك عن القامشلي بعد اسمي، مثلاً: من يسيطر على المطار؟',
  en: 'Yes? Write your question about Qamishli after my name, for example: who controls the airport?',
};

export const FLOOD_NOTICE: Bilingual = {
  ar: 'أنت تسأل أسرع مما أستطيع الإجابة. انتظر لحظة قبل سؤالك التالي من فضلك.',
  en: "You're asking faster than I can answer. Please wait a moment before your next question.",
};

export const SOMETHING_WENT_WRONG: Bilingual = {
  ar: 'عذراً، حدث خطأ أثناء الإجابة. حاول مرة أخرى بعد قليل.',
  en: 'Sorry, something went wrong while answering. Please try again in a moment.',
};

export const MORE_BUTTON: Bilingual = { ar: 'المزيد من المقالات', en: 'More from the articles' };
export const MORE_HEADING: Bilingual = { ar: 'ومما ورد أيضاً في المقالات:', en: 'The articles also say:' };
export const NOTHING_MORE: Bilingual = { ar: 'لا مزيد لعرضه.', en: 'Nothing more to show.' };
export const BUTTON_EXPIRED: Bilingual = {
  ar: 'انتهت صلاحية هذا الزر، أرسل الأمر من جديد.',
  en: 'This button has expired; send the command again.',
};

export const ENGLISH_LABEL: Bilingual = { ar: 'بالإنجليزية:', en: 'In English:' };
/** Over what was recognised in an unrendered sentence: extracted, and said to be no translation. */
export const RECOGNISED_LABEL: Bilingual = { ar: 'مما تعرّفت عليه (ليست ترجمة):', en: 'Recognised in it (not a translation):' };
/** Under a quote from an article about elsewhere, when the question was read in the home region. */
export function outsideRegionNote(lang: Language, place: string | null): string {
  if (lang === 'ar') return place ? `(من خارج المنطقة التي أتابعها: ${place})` : '(من تقرير عن مكان خارج المنطقة التي أتابعها)';
  return place ? `(From outside the region I follow: ${place})` : '(From a report about a place outside the region I follow)';
}

export const NO_ENGLISH: Bilingual = {
  ar: '',
  en: '(Quoted in the original Arabic: no English rendering of this sentence is available yet.)',
};

export const SOURCES_HEADING: Bilingual = { ar: 'المقالات التي أجيب منها:', en: 'The articles I answer from:' };
export const NO_SOURCES: Bilingual = { ar: 'لا مقالات لديّ بعد.', en: 'I have no articles yet.' };

export function timelineHeading(lang: Language, filter: string | null, page: number, pages: number): string {
  const pageLabel = pages > 1 ? (lang === 'ar' ? ` (صفحة ${page + 1} من ${pages})` : ` (page ${page + 1} of ${pages})`) : '';
  if (filter) return lang === 'ar' ? `تسلسل الأحداث: ${filter}${pageLabel}` : `Timeline: ${filter}${pageLabel}`;
  return lang === 'ar' ? `تسلسل الأحداث في المقالات${pageLabel}` : `Timeline of events in the articles${pageLabel}`;
}

export function noEvents(lang: Language, filter: string | null): string {
  if (filter) {
    return lang === 'ar'
      ? `لا أحداث مؤرخة في المقالات تطابق «${filter}». جرّب /timeline وحده.`
      : `No dated events in the articles match “${filter}”. Try /timeline on its own.`;
  }
  return lang === 'ar' ? 'لا أحداث مؤرخة في المقالات.' : 'The articles hold no dated events.';
}

export const PREVIOUS_PAGE: Bilingual = { ar: '→ السابق', en: '← Previous' };
export const NEXT_PAGE: Bilingual = { ar: 'التالي ←', en: 'Next →' };

/** Labels of a citation line. */
export const CITE = {
  sentence: { ar: 'الجملة', en: 'sentence' } as Bilingual,
  headline: { ar: 'العنوان', en: 'headline' } as Bilingual,
  publisherUnknown: { ar: 'الناشر غير معروف', en: 'publisher unknown' } as Bilingual,
  link: { ar: 'الرابط', en: 'link' } as Bilingual,
  sentences: { ar: 'جملة', en: 'sentences' } as Bilingual,
};

/** Long date in the reader's language: `25 نيسان 2021` (Levantine month names, Latin digits) / `25 April 2021`. */
export function formatDate(iso: string, lang: Language, precision: 'day' | 'month' | 'year' = 'day'): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month ?? '1') - 1, Number(day ?? '1')));
  const locale = lang === 'ar' ? 'ar-SY-u-nu-latn' : 'en-GB';
  if (precision === 'year' || month === undefined) return String(year);
  if (precision === 'month' || day === undefined) {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
