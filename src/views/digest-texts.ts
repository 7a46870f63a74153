/** What the digest and the subscription commands say, in Arabic and English. */
import type { Language } from '../corpus/article.ts';
import { formatDate } from './texts.ts';

type Bilingual = Record<Language, string>;

export function digestHeading(lang: Language, asOf: string | null): string {
  if (asOf === null) return lang === 'ar' ? 'ملخص القامشلي' : 'Qamishli digest';
  return lang === 'ar' ? `ملخص القامشلي — حتى ${formatDate(asOf, 'ar')}` : `Qamishli digest — as of ${formatDate(asOf, 'en')}`;
}

export function newSinceHeading(lang: Language, articles: number): string {
  if (lang === 'ar') return `جديد منذ ملخصكم السابق (${articles === 1 ? 'مقال واحد' : `${articles} مقالات`}):`;
  return `New since your last digest (${articles} article${articles === 1 ? '' : 's'}):`;
}

export const NOTHING_NEW: Bilingual = {
  ar: 'لم تصل أخبار جديدة منذ ملخصكم السابق؛ هذا هو الوضع القائم.',
  en: 'No new reports since your last digest; here is the standing situation.',
};

export const STANDING_HEADING: Bilingual = { ar: 'الوضع القائم:', en: 'The standing situation:' };

export function correctionIntro(lang: Language, earlier: string): string {
  return lang === 'ar'
    ? `تصحيح: ورد في ملخص سابق «${earlier}»، لكن تقريراً أحدث يقول:`
    : `Correction: an earlier digest quoted «${earlier}», but a later report says:`;
}

export const NO_ARTICLES: Bilingual = {
  ar: 'لا توجد مقالات أُلخّصها بعد.',
  en: 'There are no articles to summarise yet.',
};

export const DIGEST_FOOTER: Bilingual = {
  ar: 'اقتباسات حرفية من المقالات. /settings للإعدادات، /unsubscribe لإيقاف الملخص.',
  en: 'Verbatim quotes from the articles. /settings for settings, /unsubscribe to stop the digest.',
};

export function subscribed(lang: Language, time: string, timezone: string): string {
  return lang === 'ar'
    ? `تم الاشتراك: سيصل ملخص القامشلي إلى هذه المحادثة كل يوم الساعة ${time} بتوقيت ${timezone}. لتغيير المنطقة الزمنية: /timezone Europe/Berlin، وللإيقاف: /unsubscribe.`
    : `Subscribed: the Qamishli digest will arrive in this chat every day at ${time} (${timezone}). To change the time zone: /timezone Europe/Berlin; to stop: /unsubscribe.`;
}

export const SUBSCRIBE_USAGE: Bilingual = {
  ar: 'اكتب الوقت بنظام 24 ساعة، مثلاً: /subscribe 07:30 (دون وقت: 08:00).',
  en: 'Give the time as 24-hour HH:MM, for example: /subscribe 07:30 (without a time: 08:00).',
};

export const UNSUBSCRIBED: Bilingual = {
  ar: 'تم إيقاف الملخص اليومي لهذه المحادثة. للعودة: /subscribe',
  en: 'The daily digest is stopped for this chat. To resume: /subscribe',
};

export const NOT_SUBSCRIBED: Bilingual = {
  ar: 'هذه المحادثة غير مشتركة في الملخص اليومي. للاشتراك: /subscribe 08:00',
  en: 'This chat is not subscribed to the daily digest. To subscribe: /subscribe 08:00',
};

export function timezoneSet(lang: Language, timezone: string, time: string | null): string {
  const when = time === null ? '' : lang === 'ar' ? ` سيصل الملخص الساعة ${time} بهذا التوقيت.` : ` The digest will arrive at ${time} in this zone.`;
  return lang === 'ar' ? `المنطقة الزمنية الآن ${timezone}.${when}` : `The time zone is now ${timezone}.${when}`;
}

export function timezoneUsage(lang: Language, current: string): string {
  return lang === 'ar'
    ? `المنطقة الزمنية الحالية ${current}. لتغييرها اكتب اسمها المعياري، مثلاً: /timezone Asia/Damascus أو /timezone Europe/Berlin`
    : `The current time zone is ${current}. To change it, give its IANA name, for example: /timezone Asia/Damascus or /timezone Europe/Berlin`;
}

export function unknownTimezone(lang: Language, given: string): string {
  return lang === 'ar'
    ? `لا أعرف المنطقة الزمنية «${given}». اكتب اسماً معيارياً مثل Asia/Damascus أو Europe/Berlin.`
    : `I don't know the time zone «${given}». Give an IANA name such as Asia/Damascus or Europe/Berlin.`;
}

export const LANGUAGE_SET: Bilingual = {
  ar: 'ستصل الملخصات والإشعارات في هذه المحادثة بالعربية.',
  en: 'Digests and notices in this chat will now be in English.',
};

export const LANGUAGE_USAGE: Bilingual = {
  ar: 'اختر اللغة: /lang ar أو /lang en',
  en: 'Choose the language: /lang ar or /lang en',
};

export function settingsText(lang: Language, s: { time: string | null; active: boolean; timezone: string; language: Language }): string {
  const language = s.language === 'ar' ? (lang === 'ar' ? 'العربية' : 'Arabic') : (lang === 'ar' ? 'الإنجليزية' : 'English');
  if (lang === 'ar') {
    const digest = s.time === null ? 'غير مشترك (/subscribe)' : s.active ? `كل يوم الساعة ${s.time}` : `متوقف (الساعة ${s.time}؛ /subscribe لإعادته)`;
    return `إعدادات هذه المحادثة:\n• الملخص اليومي: ${digest}\n• المنطقة الزمنية: ${s.timezone} (/timezone)\n• اللغة: ${language} (/lang)`;
  }
  const digest = s.time === null ? 'not subscribed (/subscribe)' : s.active ? `every day at ${s.time}` : `stopped (at ${s.time}; /subscribe to resume)`;
  return `Settings of this chat:\n• Daily digest: ${digest}\n• Time zone: ${s.timezone} (/timezone)\n• Language: ${language} (/lang)`;
}

export const ADMINS_ONLY: Bilingual = {
  ar: 'في المجموعات يغيّر إعدادات الملخص مشرفو المجموعة فقط.',
  en: 'In groups only the group\'s administrators can change the digest settings.',
};

export const ADMIN_CHECK_FAILED: Bilingual = {
  ar: 'تعذّر التحقق من صلاحياتك الآن؛ حاول بعد قليل.',
  en: 'I could not check your permissions just now; please try again shortly.',
};

export const ADDED_BACK: Bilingual = {
  ar: 'شكراً لإعادتي إلى المجموعة. كان الملخص اليومي متوقفاً؛ يستطيع أحد المشرفين إعادته بالأمر /subscribe',
  en: 'Thanks for adding me back. The daily digest was stopped; an administrator can resume it with /subscribe',
};

export const FEEDBACK_THANKS: Bilingual = { ar: 'شكراً على رأيك!', en: 'Thanks for your feedback!' };
export const FEEDBACK_GONE: Bilingual = { ar: 'انتهت صلاحية هذا الزر.', en: 'This button has expired.' };

export const TELEGRAM_ONLY: Bilingual = {
  ar: 'الاشتراك في الملخص اليومي وإعداداته متاحة في محادثات تيليغرام. هنا جرّب /summary.',
  en: 'Daily digest subscriptions and settings work in Telegram chats. Here, try /summary.',
};
