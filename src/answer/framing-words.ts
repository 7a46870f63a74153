/**
 * Words that frame a question rather than say what it is about ("what is the situation", "ما نوع",
 * "كم عدد", "I heard", "هالأيام"): an answer need not contain them. Analysed once when the engine is built.
 * "At the time of" (وقت الفحوصات),
 * the Levantine future particle (رح، راح), dialect question words the stopwords lack (اديش، شلون، منين، انو) and
 * the generic "one" (قديش الواحد بيستنى: how long does one wait) are framing too, and so is the "position" of
 * ما موقف X من Y: the answer tells what X said or did, seldom naming it a position.
 */
export const GENERIC_QUESTION_WORDS = `
situation happen happened happening going news latest update updates tell know explain describe detail details
information info currently now near lately recent recently current status please thing things anything
something right moment exactly kind role involvement place many much number amount do does did doing done
anyone anybody someone story around approximately roughly result resulted times type types sort relation
relationship connection link located location situated first earliest last newest group groups side sides
party parties faction factions heard hear hearing reportedly rumour rumor read told true correct really went
down over above below under fate nature own owns has have extent size scale ongoing round people persons
individuals took occur occurred occurring event events incident use used using afterwards afterward later being earlier participate participated involved cause caused
الوضع وضع اوضاع يحدث يجري حدث حصل صار يصير بيصير عم اخبار خبر آخر اخر تفاصيل اشرح قل قلي اخبرني خبرني احكيلي
احكي معلومات واحد نفر حدا شخص اشخاص شخصا حجم مدي جوله الجوله حاليه الحاليه الراهن الراهنه هالايام هاليومين حل
فوق تحت ايمتي امتي وقتيش صارت صارو بصير تتركز يتركز تركز تدور يدور يملك تملك طبيعه مصير قرات صحيح صح فعلا حقا
سمعت سمعنا يقال قالوا اول الاول الاولي الاخير الاخيره احدث علاقه العلاقه صله دخل يقع تقع موقع مره مرات نوع
انواع اسفر اسفرت نتج حوالي تقريبا تقريب فعل فعلت يفعل عمل عملت يعمل يعملو بيعملو قصه القصه حكايه كم قديش عدد اعداد
تعداد دور الدور ادوار جرى جري جرت دارت دار وقعت وقع حدثت احداث الاحداث مستجدات المستجدات تطورات شهدت الان
حاليا قرب بالقرب جهه هلق هلا اليوم جديد الجديد شي شيء تعرف اعرف بدي ممكن رجاء لو سمحت بالضبط تحديدا
مستعمل المستعمل المستعمله مستخدم المستخدم المستخدمه استخدام استعمال شن شنت شنوا اتخذ اتخذت اتخذتها اتخذوا اجراءات الاجراءات
خطوات صفوف جراء بسبب نتيجه سبب اسباب اشعل اشعلت ادي ادت شارك شاركت شاركو مشاركه
وقت ايمت امت رح راح اديش شلون منين انو كمان مظبوط بالزبط عنجد الواحد
موقف الموقف
`;

/**
 * Phrases that place a question in the present ("these days", هالأيام، هذه الأيام): framing, never
 * something a sentence must say. Matched on normalised text; their words leave the question's units.
 */
export const PRESENT_PHRASES = /(?:^|\s)(?:(?:هذه|هذي|هاي|بهذه|في هذه) الايام|هالايام|بهالايام|هاليومين|هالفتره|هذه الفتره|الفتره الحاليه|these days|nowadays|right now|at the moment|at present|so far|currently)(?=\s|$|[؟?.!،,])/gi;

/**
 * Light verbs and fillers of English questions (get, go for, keep, a couple of): they carry tense and
 * politeness, not content; "according to" only introduces the source, which is named after it.
 */
export const ENGLISH_LIGHT_WORDS = `
get gets getting got gotten go goes went gone give gives gave given take takes taking make makes making made
keep keeps kept let lets letting seem seems seemed become becomes became come comes came couple bit lot lots
only just also even still ever yet already actually exactly really currently nowadays through up out away
according
`;

/**
 * English phrases that frame rather than ask ("as well", "at all", "in total"): their words are no
 * content there, though "well" or "total" may be elsewhere. Matched on the lowercased question.
 */
export const ENGLISH_LIGHT_PHRASES = /\b(?:as well(?: as)?|at all|in total|all in all|more or less|for example|such as|in general|at least|at most|any more|so far)\b/gi;

