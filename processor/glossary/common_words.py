"""Common words that names of places and organizations are made of, in English and Kazakh.

A name outside the glossary made only of these words (``Технический университет``,
``Южная Азия``) is translated word by word, as a reader expects ("Technical University",
"South Asia"), instead of romanized ("Tekhnicheskiy universitet").  Keys are Russian
lemmas (pymorphy's normal form: masculine singular for adjectives).
"""

from __future__ import annotations

# lemma -> (English, Kazakh)
ADJECTIVES: dict[str, tuple[str, str]] = {
    "северный": ("North", "Солтүстік"),
    "южный": ("South", "Оңтүстік"),
    "западный": ("West", "Батыс"),
    "восточный": ("East", "Шығыс"),
    "центральный": ("Central", "Орталық"),
    "северо-восточный": ("Northeast", "Солтүстік-Шығыс"),
    "северо-западный": ("Northwest", "Солтүстік-Батыс"),
    "юго-восточный": ("Southeast", "Оңтүстік-Шығыс"),
    "юго-западный": ("Southwest", "Оңтүстік-Батыс"),
    "технический": ("Technical", "Техникалық"),
    "национальный": ("National", "Ұлттық"),
    "государственный": ("State", "Мемлекеттік"),
    "международный": ("International", "Халықаралық"),
    "медицинский": ("Medical", "Медициналық"),
    "педагогический": ("Pedagogical", "Педагогикалық"),
    "аграрный": ("Agrarian", "Аграрлық"),
    "экономический": ("Economic", "Экономикалық"),
    "исламский": ("Islamic", "Ислам"),
    "европейский": ("European", "Еуропа"),
    "азиатский": ("Asian", "Азия"),
    "евразийский": ("Eurasian", "Еуразиялық"),
    "всемирный": ("World", "Дүниежүзілік"),
    "верховный": ("Supreme", "Жоғарғы"),
    "конституционный": ("Constitutional", "Конституциялық"),
    "высший": ("Higher", "Жоғары"),
    "федеральный": ("Federal", "Федералдық"),
    "промышленный": ("Industrial", "Өнеркәсіптік"),
    "нефтяной": ("Oil", "Мұнай"),
    "газовый": ("Gas", "Газ"),
    "атомный": ("Nuclear", "Атом"),
    "новый": ("New", "Жаңа"),
    "ближний": ("Near", "Таяу"),
    "средний": ("Middle", "Орта"),
    "дальний": ("Far", "Қиыр"),
}
NOUNS: dict[str, tuple[str, str]] = {
    "университет": ("University", "университет"),
    "институт": ("Institute", "институт"),
    "академия": ("Academy", "академия"),
    "банк": ("Bank", "банк"),
    "фонд": ("Fund", "қор"),
    "агентство": ("Agency", "агенттік"),
    "министерство": ("Ministry", "министрлік"),
    "комитет": ("Committee", "комитет"),
    "совет": ("Council", "кеңес"),
    "союз": ("Union", "одақ"),
    "суд": ("Court", "сот"),
    "партия": ("Party", "партия"),
    "компания": ("Company", "компания"),
    "корпорация": ("Corporation", "корпорация"),
    "биржа": ("Exchange", "биржа"),
    "палата": ("Chamber", "палата"),
    "ассоциация": ("Association", "қауымдастық"),
    "организация": ("Organization", "ұйым"),
    "федерация": ("Federation", "федерация"),
    "республика": ("Republic", "республика"),
    "служба": ("Service", "қызмет"),
    "центр": ("Centre", "орталық"),
    "музей": ("Museum", "мұражай"),
    "театр": ("Theatre", "театр"),
    "больница": ("Hospital", "аурухана"),
    "аэропорт": ("Airport", "әуежай"),
    "порт": ("Port", "порт"),
    "азия": ("Asia", "Азия"),
    "европа": ("Europe", "Еуропа"),
    "африка": ("Africa", "Африка"),
    "америка": ("America", "Америка"),
    "кавказ": ("Caucasus", "Кавказ"),
    "восток": ("East", "Шығыс"),
    "море": ("Sea", "теңіз"),
    "океан": ("Ocean", "мұхит"),
    "озеро": ("Lake", "көл"),
    "река": ("River", "өзен"),
    "залив": ("Gulf", "шығанақ"),
    "область": ("Region", "облыс"),
    "район": ("District", "аудан"),
}
# Titles and forms of address that natasha sometimes tags as a person or organization:
# never a row of the names table on their own.
GENERIC: frozenset[str] = frozenset(
    {
        "президент", "премьер-министр", "министр", "аким", "депутат", "глава", "председатель",
        "уважаемый", "дорогой", "господин", "госпожа", "коллега", "правительство",
        "парламент", "мажилис", "сенат", "государство", "страна", "республика", "министерство",
        "палата", "суд", "акимат", "прокуратура", "ведомство",
    }
)  # fmt: skip

# Abbreviations of common nouns ("СМИ": mass media) that natasha may tag as an
# organization: never a name of their own.
COMMON_ABBREVIATIONS: frozenset[str] = frozenset(
    {"СМИ", "ВВП", "НДС", "ИИ", "ЖКХ", "ВИЭ", "ИПН", "КПН", "НПО", "ВУЗ", "ДТП", "ЧС", "МСБ"}
)

# Parts of institution names (processor.glossary.patterns), as gov.kz writes them in
# English and Kazakh.  Court kinds: the adjective before "суд" (lemma -> English, Kazakh).
COURT_KINDS: dict[str, tuple[str, str]] = {
    "районный": ("District", "аудандық"),
    "городской": ("City", "қалалық"),
    "областной": ("Regional", "облыстық"),
    "межрайонный": ("Interdistrict", "ауданаралық"),
    "военный": ("Military", "әскери"),
    "специализированный": ("Specialized", "мамандандырылған"),
    "административный": ("Administrative", "әкімшілік"),
    "экономический": ("Economic", "экономикалық"),
    "уголовный": ("Criminal", "қылмыстық"),
}
# What a specialised court tries ("по уголовным делам", as written after "суд").
COURT_MATTERS: dict[str, tuple[str, str]] = {
    "по уголовным делам": ("Criminal Cases", "қылмыстық істер жөніндегі"),
    "по гражданским делам": ("Civil Cases", "азаматтық істер жөніндегі"),
    "по делам несовершеннолетних": ("Juvenile Cases", "кәмелетке толмағандардың істері жөніндегі"),
    "по административным правонарушениям": (
        "Administrative Offences",
        "әкімшілік құқық бұзушылықтар жөніндегі",
    ),
}
# Place nouns: lemma -> (English after the name, Kazakh after the name, its genitive).
# Lower case in English, as gov.kz and the built-in glossary write them ("Zharma district").
PLACE_NOUNS: dict[str, tuple[str, str, str]] = {
    "район": ("district", "ауданы", "ауданының"),
    "область": ("region", "облысы", "облысының"),
    "город": ("", "қаласы", "қаласының"),
}
# Ministries by what they are "of" (the genitive words as written, lower case).
MINISTRY_FIELDS: dict[str, tuple[str, str]] = {
    "энергетики": ("Energy", "Энергетика"),
    "туризма и спорта": ("Tourism and Sports", "Туризм және спорт"),
    "внутренних дел": ("Internal Affairs", "Ішкі істер"),
    "иностранных дел": ("Foreign Affairs", "Сыртқы істер"),
    "юстиции": ("Justice", "Әділет"),
    "финансов": ("Finance", "Қаржы"),
    "обороны": ("Defence", "Қорғаныс"),
    "здравоохранения": ("Healthcare", "Денсаулық сақтау"),
    "просвещения": ("Education", "Оқу-ағарту"),
    "науки и высшего образования": ("Science and Higher Education", "Ғылым және жоғары білім"),
    "национальной экономики": ("National Economy", "Ұлттық экономика"),
    "сельского хозяйства": ("Agriculture", "Ауыл шаруашылығы"),
    "промышленности и строительства": ("Industry and Construction", "Өнеркәсіп және құрылыс"),
    "транспорта": ("Transport", "Көлік"),
    "торговли и интеграции": ("Trade and Integration", "Сауда және интеграция"),
    "культуры и информации": ("Culture and Information", "Мәдениет және ақпарат"),
    "труда и социальной защиты населения": (
        "Labour and Social Protection of the Population",
        "Еңбек және халықты әлеуметтік қорғау",
    ),
    "экологии и природных ресурсов": (
        "Ecology and Natural Resources",
        "Экология және табиғи ресурстар",
    ),
    "водных ресурсов и ирригации": (
        "Water Resources and Irrigation",
        "Су ресурстары және ирригация",
    ),
    "по чрезвычайным ситуациям": ("Emergency Situations", "Төтенше жағдайлар"),
    "цифрового развития, инноваций и аэрокосмической промышленности": (
        "Digital Development, Innovations and Aerospace Industry",
        "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі",
    ),
    "искусственного интеллекта и цифрового развития": (
        "Artificial Intelligence and Digital Development",
        "Жасанды интеллект және цифрлық даму",
    ),
}
# Committees inside ministries, by what they are "for" (as written after "Комитет").
COMMITTEE_FIELDS: dict[str, tuple[str, str]] = {
    "по чрезвычайным ситуациям": ("Emergency Situations", "Төтенше жағдайлар"),
    "государственных доходов": ("State Revenue", "Мемлекеттік кірістер"),
    "уголовно-исполнительной системы": ("Penal System", "Қылмыстық-атқару жүйесі"),
    "административной полиции": ("Administrative Police", "Әкімшілік полиция"),
    "миграционной службы": ("Migration Service", "Көші-қон қызметі"),
    "геологии": ("Geology", "Геология"),
    "лесного хозяйства и животного мира": (
        "Forestry and Wildlife",
        "Орман шаруашылығы және жануарлар дүниесі",
    ),
    "ветеринарного контроля и надзора": (
        "Veterinary Control and Supervision",
        "Ветеринариялық бақылау және қадағалау",
    ),
    "по делам спорта и физической культуры": (
        "Sports and Physical Culture",
        "Спорт және дене шынықтыру істері",
    ),
    "индустрии туризма": ("Tourism Industry", "Туризм индустриясы"),
    "по делам религий": ("Religious Affairs", "Дін істері"),
    "казначейства": ("Treasury", "Қазынашылық"),
}
# Districts and cities whose Russian adjective does not follow the rule in
# patterns._toponym (adjective lemma -> Russian name, Kazakh name): the districts of
# Astana, Almaty and Shymkent (gov.kz) and the cities the rule gets wrong.
TOPONYMS: dict[str, tuple[str, str]] = {
    "алатауский": ("Алатау", "Алатау"),
    "алмалинский": ("Алмалы", "Алмалы"),
    "ауэзовский": ("Ауэзов", "Әуезов"),
    "бостандыкский": ("Бостандык", "Бостандық"),
    "жетысуский": ("Жетысу", "Жетісу"),
    "медеуский": ("Медеу", "Медеу"),
    "наурызбайский": ("Наурызбай", "Наурызбай"),
    "турксибский": ("Турксиб", "Түрксіб"),
    "алматинский": ("Алматы", "Алматы"),
    "байконурский": ("Байконур", "Байқоңыр"),
    "есильский": ("Есиль", "Есіл"),
    "сарыаркинский": ("Сарыарка", "Сарыарқа"),
    "нуринский": ("Нура", "Нұра"),
    "абайский": ("Абай", "Абай"),
    "аль-фарабийский": ("Аль-Фараби", "Әл-Фараби"),
    "енбекшинский": ("Енбекши", "Еңбекші"),
    "каратауский": ("Каратау", "Қаратау"),
    "туранский": ("Туран", "Тұран"),
    "жарминский": ("Жарма", "Жарма"),
}
# Nouns in the genitive after a name's head (Академия наук, Государственный комитет
# обороны): lemma -> (English, Kazakh).
GENITIVE_NOUNS: dict[str, tuple[str, str]] = {
    "наука": ("Sciences", "ғылым"),
    "оборона": ("Defence", "қорғаныс"),
    "безопасность": ("Security", "қауіпсіздік"),
    "здравоохранение": ("Health", "денсаулық сақтау"),
    "образование": ("Education", "білім"),
    "культура": ("Culture", "мәдениет"),
    "искусство": ("Arts", "өнер"),
    "спорт": ("Sports", "спорт"),
    "экономика": ("Economics", "экономика"),
    "право": ("Law", "құқық"),
    "развитие": ("Development", "даму"),
    "сотрудничество": ("Cooperation", "ынтымақтастық"),
    "энергетика": ("Energy", "энергетика"),
}
# The Kazakh head noun with the 3rd-person possessive a genitive attribute asks for
# (Ғылым академиясы, Қорғаныс комитеті).
POSSESSIVE: dict[str, str] = {
    "университет": "университеті", "институт": "институты", "академия": "академиясы",
    "банк": "банкі", "қор": "қоры", "агенттік": "агенттігі", "министрлік": "министрлігі",
    "комитет": "комитеті", "кеңес": "кеңесі", "одақ": "одағы", "сот": "соты",
    "партия": "партиясы", "компания": "компаниясы", "корпорация": "корпорациясы",
    "палата": "палатасы", "қауымдастық": "қауымдастығы", "ұйым": "ұйымы",
    "федерация": "федерациясы", "қызмет": "қызметі", "орталық": "орталығы",
}  # fmt: skip
