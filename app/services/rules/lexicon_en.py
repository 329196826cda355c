"""English word lists: verbs grouped by what they are about, life vs app vocabulary.

Lists are grouped by *life domain* rather than copied from example messages, so a verb or
noun the examples never used ("refinance", "layaway", "daycare") is still recognised.
"""

from __future__ import annotations

import re

# fmt: off
# SMS spellings and missing apostrophes -> canonical English words.
ABBREVIATIONS: dict[str, str] = {
    "feelin": "feeling", "doin": "doing", "gettin": "getting", "goin": "going",
    "comin": "coming", "cookin": "cooking", "workin": "working", "lookin": "looking",
    "savin": "saving", "spendin": "spending", "payin": "paying", "buyin": "buying",
    "sellin": "selling", "borrowin": "borrowing", "lendin": "lending",
    "u": "you", "ya": "you", "yu": "you", "yuh": "you", "ur": "your", "yr": "your",
    "youre": "you're", "yall": "you all", "y'all": "you all", "youll": "you'll",
    "youd": "you'd", "shud": "should", "shld": "should", "shd": "should", "shoud": "should",
    "sud": "should", "shouldnt": "shouldn't", "shudnt": "shouldn't", "cud": "could",
    "cld": "could", "wud": "would", "wld": "would", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "dont": "don't", "dnt": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't",
    "wont": "won't", "isnt": "isn't", "arent": "aren't", "havent": "haven't",
    "im": "i'm", "ive": "i've", "ill": "i'll", "lets": "let's", "thats": "that's",
    "heres": "here's", "theres": "there's", "whats": "what's", "wanna": "want to",
    "gonna": "going to", "gotta": "got to", "hafta": "have to", "needa": "need to",
    "pls": "please", "plz": "please", "plss": "please", "pl": "please", "plis": "please",
    "b4": "before", "bc": "because", "cuz": "because", "coz": "because", "cos": "because",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow",
    "2day": "today", "tdy": "today", "thx": "thanks", "thnx": "thanks", "ty": "thanks",
    "abt": "about", "txt": "text", "dbl": "double", "svy": "survey", "bout": "about",
    "wat": "what", "wht": "what", "ppl": "people",
    "fams": "families", "fam": "family", "hrs": "hours", "mkt": "market", "wk": "week",
    "nxt": "next",
    "wks": "weeks", "mo": "month", "msg": "message", "pic": "photo", "pics": "photos",
    "pix": "photos", "r": "are", "da": "the", "dey": "they", "dem": "them", "dat": "that",
    "dis": "this", "tho": "though", "rly": "really", "prob": "probably", "gud": "good",
    "kno": "know", "luv": "love", "gimme": "give me", "lemme": "let me", "ok": "ok",
    "nd": "and", "n": "and", "w": "with", "w/": "with", "bcuz": "because", "kiddos": "kids",
    "dr": "doctor", "appt": "appointment", "acct": "account", "info": "information",
    "smth": "something", "sth": "something", "evry": "every", "jus": "just", "juss": "just",
    "mayb": "maybe", "mabe": "maybe", "mebbe": "maybe", "sum1": "someone", "some1": "someone",
    "grp": "group", "biz": "business", "tellin": "telling", "tellin'": "telling",
    "mek": "make", "fi": "for", "unnu": "you all", "wid": "with", "frm": "from",
    "mtg": "meeting", "mtng": "meeting", "srsly": "seriously", "imo": "in my opinion",
    "imho": "in my honest opinion", "cn": "can", "hv": "have", "chk": "check", "hav": "have",
    "thot": "thought", "thght": "thought",
    "should've": "should have", "could've": "could have", "would've": "would have",
    "must've": "must have", "shouldve": "should have", "wudnt": "wouldn't", "y'know": "you know",
    "coulda": "could have",
    "shoulda": "should have", "oughta": "ought to", "kinda": "kind of", "dunno": "don't know",
}

# SMS digits that stand for words only between certain words: "need 2 take", "sign up 4 the".
_TO_AFTER = frozenset(
    str.split(
        "need needs go going got want wants try trying able time how come supposed used talk"
        " listen back due ready plan planning remember forget start started have has had best"
        " better me"
    )
)
_NOT_A_COUNT_BEFORE = frozenset(
    str.split(
        "the a an your ur you u my our their it that this them him her me us school work church"
        " bank clinic dr doctor market sleep bed be pay save buy get take make see b switch sign"
        " watch ask call go stop keep put"
    )
)


_BEFORE_I_D = frozenset(["", "but", "and", "so", "honestly", "tbh", "lol", "ngl", "me", "yeah"])
_AFTER_I_D = frozenset(
    str.split(
        "def definitely probably prob say go just rather move get try put save sell buy start stop"
        " really totally never not honestly keep look ask call"
    )
)


def in_context(previous: str, token: str, following: str) -> str | None:
    """"2"/"4" read as "to"/"for" only where a count would make no sense."""
    if token == "id" and previous in _BEFORE_I_D and following in _AFTER_I_D:
        return "i'd"  # "idk ur situation but id def move closer"
    if token == "b" and previous in {"to", "2"}:
        return "be"
    if token == "2" and not following.isalnum() and previous in {"it", "that", "this", "you", "u"}:
        return "too"  # "u can do it 2!!"
    if token == "2" and following in _NOT_A_COUNT_BEFORE and previous in _TO_AFTER | {""}:
        return "to"
    if token == "2" and previous in _TO_AFTER and (
        following in _KNOWN_VERBS or following in LOGISTIC_VERBS or following == "txt"
    ):
        return "to"  # "u need 2 report him"
    if token == "4" and following in _NOT_A_COUNT_BEFORE and previous.isalpha():
        return "for"
    return None

# Words that tell English from Spanish (ambiguous ones like "a", "no", "me" left out).
STOPWORDS = frozenset(
    [
        "the", "to", "and", "you", "your", "is", "are", "of", "in", "for", "it", "this", "that",
        "i", "we", "my", "on", "with", "was", "be", "have", "do", "can", "if", "not", "what", "how",
        "please", "thanks", "thank", "will", "just", "so", "at", "from", "about", "but", "they",
        "them", "there", "their", "he", "she", "our", "us", "an", "or", "all", "get", "got", "did",
        "would", "should", "could", "when", "which", "who", "an", "been", "has", "had", "u", "ur",
        "pls", "plz", "thx", "lmk", "hey", "hi", "hello", "good", "morning", "today", "tomorrow"
    ]
)

# Verbs whose imperative is about the family's own life in any context.
LIFE_VERBS: tuple[str, ...] = (
    # money
    "pay", "repay", "save", "buy", "purchase", "sell", "invest", "borrow", "lend", "loan",
    "spend", "waste", "blow", "deposit", "withdraw", "budget", "cosign", "co-sign",
    "refinance", "consolidate", "pawn", "afford", "splurge", "stash", "insure",
    # business and work
    "expand", "negotiate", "restock", "stock", "hire", "quit", "resign", "diversify",
    "advertise", "market", "price", "haggle", "bargain", "pool", "partner",
    # children, school, health, housing, food
    "enroll", "enrol", "study", "vaccinate", "immunize", "breastfeed", "discipline",
    "punish", "exercise", "smoke", "diet", "relocate", "downsize", "evict", "plant",
    "harvest", "cook", "shop", "feed", "weed", "spray", "fertilize", "fertilise",
    "deworm", "prune",
    # decisions
    "avoid", "consider", "focus", "prioritize", "prioritise", "stop", "ditch", "cut",
    "reduce", "limit", "apply", "sue", "raise", "lower", "rent", "lease",
)

# Imperatives whose meaning depends on the object ("take the baby to the clinic" vs
# "take a photo"): advice only when the words around them are about life.
OBJECT_DEPENDENT_VERBS: tuple[str, ...] = (
    "take", "keep", "put", "get", "go", "call", "ask", "talk", "speak", "see", "visit",
    "contact", "reach", "use", "look", "find", "move", "switch", "sign", "register", "write",
    "track", "set", "tell", "wait", "leave", "bring", "carry", "give", "help",
    "teach", "eat", "drink", "clean", "fix", "repair", "build", "grow", "learn", "read",
    "change", "cancel", "drop", "pick", "treat", "skip", "finish", "attend", "follow",
    "open", "start", "begin", "join", "share", "think", "make", "hold", "send", "split",
    "let", "list", "note", "sit", "work", "plan", "run", "offer", "charge", "update",
    "come", "apply", "sleep", "lock", "collect", "organize", "organise", "sort", "turn",
    "watch", "mind", "throw", "sell", "have", "report",
)

# Program verbs that also direct a family's life ("send the kids to school"): they count as
# app help only when nothing else in their scope is about life.
AMBIGUOUS_LOGISTIC_VERBS = frozenset(
    ["text", "message", "show", "check", "note", "arrive", "delete", "add", "correct", "include",
     "hit", "select", "choose", "complete", "bhej", "bhejo", "bhejiye", "bhejna"]
)

# Verbs that make a directive plain app/survey help ("you need to log in again").
LOGISTIC_VERBS = frozenset(
    [
        "submit", "resubmit", "upload", "reupload", "re-upload", "resend", "tap", "click", "press",
        "hit", "log", "login", "confirm", "verify", "fill", "enter", "type", "scroll", "reply",
        "respond", "answer", "install", "reinstall", "uninstall", "download", "restart", "reset",
        "refresh", "redo", "retake", "retry", "attach", "rsvp", "swipe", "scan", "screenshot",
        "re-send", "double-check", "recheck", "text", "message", "email", "dm", "ping", "zoom",
        "crop", "rotate", "retype", "re-enter", "arrive", "show", "appear", "load", "sync",
        "check", "revert", "recheck", "re-check", "logout", "sign-in", "signin", "note", "delete",
        "clarify", "correct", "add", "tick", "untick", "include", "inform", "intimate", "mention",
        "mark", "select", "choose", "complete", "edit",
        # Hindi: send, look, tell ("ek baar aur bhej dijiye", "dekh lijiye")
        "bhej", "bhejo", "bhejiye", "bhejna", "dekh", "dekho", "dekhiye", "bata", "batao", "bataiye"
    ]
)

CHAIN_VERBS = frozenset({"try", "start", "begin", "remember", "forget", "please", "kindly"})

SKIP_WORDS = frozenset(
    [
        "really", "definitely", "totally", "honestly", "seriously", "just", "also", "still",
        "probably", "maybe", "perhaps", "to", "not", "always", "only", "actually", "simply", "even",
        "first", "quickly", "please", "kindly", "better", "go", "ahead", "and", "atleast", "least",
        "def", "deff", "prolly", "literally", "double"
    ]
)

_IRREGULAR = {
    "pay": "paid", "buy": "bought", "sell": "sold", "spend": "spent", "lend": "lent",
    "blow": "blown blew", "cut": "cut", "quit": "quit", "get": "got gotten", "take": "took taken",
    "keep": "kept", "put": "put", "go": "went gone", "feed": "fed", "run": "ran",
    "make": "made", "find": "found", "leave": "left", "bring": "brought", "teach": "taught",
    "hold": "held", "send": "sent", "think": "thought", "eat": "ate eaten", "grow": "grew grown",
    "give": "gave given", "see": "saw seen", "speak": "spoke", "begin": "began begun",
    "write": "wrote written", "drink": "drank",
}


def inflections(verb: str) -> set[str]:
    """Rough English verb forms (base, -s, -ing, -ed and common irregulars)."""
    forms = {verb, verb + "s", verb + "es"}
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    forms |= {stem + "ing", stem + "ed", verb + "d"}
    if len(verb) <= 4 and verb[-1] in "tpgnm" and verb[-2] in "aeiou":
        forms |= {verb + verb[-1] + "ing", verb + verb[-1] + "ed"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    forms |= set(_IRREGULAR.get(verb, "").split())
    return forms


def gerund_base(word: str) -> str:
    """ "keeping" -> "keep", "saving" -> "save", "cutting" -> "cut"; other words unchanged."""
    if not word.endswith("ing") or len(word) < 6:
        return word
    stem = word[:-3]
    for candidate in (stem, stem + "e", stem[:-1]):
        if candidate in _KNOWN_VERBS:
            return candidate
    return word


def word_alternation(words: set[str] | frozenset[str] | tuple[str, ...]) -> str:
    """A regex alternation, longest first, of literal words."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


_LIFE_NOUNS = r"""
(?<!mobile\s)money|cash|savings?|saving|bank\s+account|savings\s+account|bank|banks|credit\s+union
|loans?|debts?|credit\s+card|(?<!stipend\s)(?<!id\s)(?<!ghana\s)(?<!member\s)(?<!membership\s)card
|bills?|rent|landlord|lease|mortgage|budget|spending|expenses?|interest|payday|moneylender
|401k|401\(k\)|roth|envelopes?|relief|flu\s+shots?|vaccines?|vaccinations?|booster
|lender|lottery|refund|tax(?:es)?|income|salary|wages?|paycheck|overtime|raise|allowance
|fixed\s+deposit|deposit|susu|tontine|chama|esusu|savings\s+circle|insurance|subsid(?:y|ies)
|ration\s+card|benefits?|snap|wic|food\s+stamps|food\s+bank|food\s+pantry|pantry|welfare
|business|shop|store|stall|stand|market|sales?|customers?|profit|prices?|stock|restock(?:ing)?
|freezer|goods|inventory|supplier|tiffin|tamales|snacks|plates|farm|crops?|corn|rice|seeds?
|goats?|chickens?|pigs?|cows?|livestock|garden|tomatoes|vegetables|veggies|fish|charcoal
|zinc|job|jobs|(?<!\bit\s)(?<!should\s)(?<!will\s)(?<!'ll\s)(?<!n't\s)(?<!not\s)work|shift|(?<!\bin\s)(?<!\bnot\s)hours|boss|employer|manager|career|training|class|classes|course
|ged|diploma|degree|college|forklift|license|school|schools|fees|tuition|uniforms?|homework
|grades?|teacher|tutor|daycare|childcare|babysit\w*|kids?|children|child|baby|babies|son|sons
|daughters?|girl|boy|toddler|clinic|doctor|hospital|health|medicine|medication|vaccines?
|shots?|deworming|dentist|pharmacy|smoking|drinking|alcohol|diet|formula|diapers|food
|nhis|health\s+insurance|(?:school\s+)?term|urgent\s+care|emergency\s+room|fevers?|cough\w*|pain|sick\w*|pensions?|nassit|social\s+security|ssi|disability|groceries|grocery|housing|section\s+8|recertification|(?:under|below|less\s+than)\s+[$]?\d+|meals?|cooking|bulk|takeout|car|truck|van|motorbike|bike|repairs?|roof|house
|apartment|rent-to-own|furniture|tv|cable|phone\s+bill|phone\s+plan|phone\s+credit
|electric\w*|light\s+bill|utilit(?:y|ies)|gas|water\s+bill|lawyer|legal\s+aid|eviction
|court|tenant|union|counselor|social\s+worker|agency|program|hotline|211|church|loan\s+shark
|cousin|brother-in-law|husband|wife|partner|relatives?|emergency\s+fund|retirement|future
|cheap\w*|expensive|(?<!\bare\s)(?<!'re\s)(?<!\br\s)(?<!\bbe\s)(?<!\bam\s)(?<!\bwhen\s)free|discount|sale|deal|coupons?|prep|subscriptions?|streaming
|betting|bets?|gambling|casino|lotto|raffles?|jackpot|education|property|inheritance|title\s+deed|vet|veterinar\w*|calv\w*|sow|escrow|funeral\s+home|collections?|(?:debt\s+)?collectors?|(?:everything|it|that|all)\s+in\s+(?:writing|text)|side\s+hustle|hustle|gig|aside|policy|lic|ppf|gold|payment\s+plan|scratch-offs?|lawyer
|fees|profit|menu|cookshop|interest\s+rate|credit\s+score|score|resume|cv|indeed
|counselou?r|therapist|psychologist|social\s+worker|advisor|adviser|snap|medicaid|ebt
|(?<!right\s)(?<!far\s)(?<!go\s)(?<!went\s)(?<!passed\s)(?<!pass\s)away|loan\s+apps?|lending\s+apps?|udhaar|udhar|paisa|paise|postnatal|antenatal|prenatal|check-?ups?|immuni[sz]ations?|karz|karza|karja|bachat|dukaan|dukan|naukri|kamai|kharcha|kharch|byaaj|byaj
|ghar|bachche|bacche|bachon|bachchon|padhai|dawai|ilaaj|ilaj|khana|kiraya|shaadi|fasal|kheti|emi
"""
_KNOWN_VERBS = frozenset(LIFE_VERBS) | frozenset(OBJECT_DEPENDENT_VERBS)
# Life verbs in any form count as life words too ("selling", "paid off").
_LIFE_VERB_FORMS = {form for verb in LIFE_VERBS for form in inflections(verb)}
# "skip it if it doesn't apply" is about a survey question, "apply for the grant" is not.
_APPLY = r"(?<!n't\s)(?<!\bnot\s)(?<!\bit\s)(?<!\bthat\s)(?<!\bthis\s)appl(?:y|ies)"
LIFE_TERMS = re.compile(
    r"\b(?:"
    + re.sub(r"\s+", "", _LIFE_NOUNS)
    + "|"
    + _APPLY
    + "|"
    + word_alternation(_LIFE_VERB_FORMS - {"apply", "applies"})
    + r")\b"
)

APP_TERMS = re.compile(
    r"\b(?:survey|surveys|form|forms|(?<!loan\s)(?<!lending\s)(?<!betting\s)app|application|photos?|pictures?|image|images|"
    r"receipts?|passbook|screenshot|upload\w*|submit\w*|button|icon|camera|screen|settings|"
    r"cache|password|(?<!card\s)(?<!atm\s)(?<!bank\s)(?:pin|pins|pin\s+number)|login|log\s+in|code|(?:battery|data|power)\s+sav(?:er|ing|ings\s+mode)|airplane\s+mode|flight\s+mode|drop-?down|dropdown\s+menu|menu|link(?!\s+(?:you|u)\b)|links|email|e-mail|wifi|wi-fi|data|signal|profile|"
    r"version|update|meeting|meetings|check-in|visit|(?:the|a|video|phone|check-in)\s+call|"
    r"payment(?!\s+plan)|story|payouts?|credited|transfer|transferred|mobile\s+money|momo|"
    r"m-?pesa|(?:orange|airtel|mtn|tigo|wave|vodafone)\s+money|wallet|figures?(?!\s+(?:out|it\s+out))|typo|entry|entries|liaison|helpline|this\s+number|session|"
    r"registration|potluck|play\s+store|app\s+store|google\s+play|crash\w*|network|"
    r"airtime|data\s+bundle|otp|section|voice\s+(?:note|message|memo|recording)s?|audio|recording|blurry|blurred|cut\s+off|got\s+cut|"
    r"stories|(?<!health\s)post(?!\s+office)|posts|feed|group\s+page|document|documents|papers?|page|id|question|"
    r"questions|answers?|field|portal|website|site|system|server|phone|message|(?<!\bin\s)text|"
    r"whatsapp|sms|consent|enrollment\s+file|green\s+check|check\s*mark|verification|"
    r"record|records?|number|numbers|details|tablet|digits?|extra\s+zeros?|decimal|pop-?up|(?:can|could|will)\s+be\s+(?:verified|checked|approved|counted)|(?:'s|s')\s+name|(?:amount|figure|number|total|value)\s+(?:entered|written|shown|showing|typed)|(?:one|a)\s+zero|cash\s*app|venmo|zelle|paypal|(?:is|are)\s+(?:visible|readable|legible|clear|in\s+focus)|gallery|camera\s+roll|album|(?:file\s+|photo\s+|picture\s+|image\s+)?size|resolution|extra\s+(?:0|zero)(?:e)?s?|#|birthdays?|birth\s+dates?|date\s+of\s+birth|dob|(?:under|below|next\s+to|beside)\s+(?:their|his|her|each|the)\s+(?:own\s+)?names?|(?<!savings\s)(?<!money\s)(?<!cash\s)(?<!lock\s)box|boxes|column|(?:each|separate|own|next|same|new|this|that)\s+rows?|"
    r"(?:own|one|each|same|separate|next)\s+lines?|(?:under|in|into|at|as|choose|select|pick|tick|mark|tap|click|press|not)\s+(?:the\s+)?['\"\u2018\u201c]|(?:is|are|be|was)\s+(?:written|entered|filled|listed)|"
    r"pay\s+stubs?|pay\s*slips?|payslips?|pay\s+period|statement|"
    r"(?:ghana|id|national|voter'?s?|aadhaar|nhis|insurance|health|member|membership)\s+cards?|"
    r"optional|roster|estimate|best\s+guess|roughly|what\s+(?:you|u)\s+remember"
    r"|(?:get|send|turn|hand)\s+(?:it|them)\s+in\b(?!\s+(?:writing|text|txt|ink))|skip\s+(?:it|them|that\s+(?:one|part|question))"
    r"|(?:close|open|restart|reopen)\s+it\s+(?:all\s+the\s+way\s+)?(?:out|back\s+up|again|down)"
    r"|(?<!stress\s)(?<!it\s)(?:is|are)\s+(?:all\s+)?(?:showing|shown)|send\s+(?:it\s+|them\s+|that\s+|this\s+)?again|snap\s+(?:it|am|them)\s+again|[a-z]+\s*>\s*[a-z]+|(?:goes|go|put|count|list|enter|record|file|falls?)\s+"
    r"(?:it\s+|them\s+|that\s+|this\s+)?under|household\s+members?|members\s+of\s+the\s+household|(?:put|enter|write|fill\s+in|add|type)\s+(?:the|your|that|this|just\s+the)\s+(?:[a-z]+\s+)?"
    r"(?:amount|figure|total|number|sum|date)(?!\s+(?:in|into|to|toward|towards|aside|away)\b)|(?:others|everyone|everybody|members|rest|all)\s+(?:of|in)\s+(?:your|ur|the|our)\s+"
    r"(?:friend\s+|peer\s+)?group|"
    r"(?:put|enter|write|record|report|list|fill|give|show)\s+(?:[a-z]+\s+){0,3}?in\s+(?:dollars|naira|cedis"
    r"|rupees|pesos|leones|shillings|cfa|hours|days|weeks|months|numbers|figures|digits|words)|"
    r"church\s+hall|community\s+(?:hall|center|centre|room)|hall|venue|"
    r"(?:you|u)\s+(?:have\s+|'ve\s+|had\s+)?(?:entered|put\s+(?:in|down|there)|wrote|written|typed"
    r"|filled|recorded)|(?:store|shop)\s+name|in\s+the\s+(?:shot|pic|picture|photo|frame))\b"
)

# Half-weight logistics evidence: days and hours, and the stipend ("pick up your stipend card"
# is logistics, "put the stipend into savings" is not).
TIME_TERMS = re.compile(
    r"\b(?:stipends?|tues|thurs|weds|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|"
    r"sat|sun|tomorrow|tonight|today|o'clock|noon|morning|evening|afternoon|"
    r"\d{1,2}(?::\d\d)?\s*(?:am|pm)|(?<=\bat\s)\d{1,2}(?::\d\d)?|(?<=\bof\s)\d{1,2}|"
    r"(?<=\bby\s)\d{1,2}|deadline|due|when\s+(?:you|u)\s+can|whenever\s+(?:you|u)\s+(?:can|are\s+ready)|(?<=\bare\s)free|(?<='re\s)free|(?<=\bwhen\s)free|available)\b"
)
# fmt: on
