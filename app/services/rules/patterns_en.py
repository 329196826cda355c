"""English directive forms, clause fillers and peer-report patterns, and the English profile.

Each trigger is a *form* of direction (modality, softened suggestion, warning, referral),
not a phrase copied from examples; what the form is about is checked by the engine.
"""

from __future__ import annotations

import re

from app.services.rules import lexicon_en as lex
from app.services.rules.engine import Check, Profile, Trigger
from app.services.rules.verbs_en import follows_subject, is_open_imperative

_YOU = (
    r"(?:you|you\s+guys|you\s+all|you\s+two|you\s+both|both\s+of\s+you|you\s+folks"
    r"|una|unu|wuna|you\s+people)"
)
_ADV = r"(?:(?:really|definitely|totally|honestly|seriously|just|also|still|probably|prolly|"
_ADV += r"def|actually|absolutely|certainly|def|truly|for\s+sure)\s+)*"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


# Hindi commands: a verb stem with its familiar (-o), polite (-iye, -ijiye) or infinitive (-na)
# ending, or with "lo"/"do"/"lena"/"dena" after it; "mat" before or after a verb is "don't".
_HINDI_STEMS = (
    "bhar|rakh|bhej|bech|kharid|bacha|laga|lagwa|likh|dikha|khol|puch|pooch|soch|jama|badal|chala"
    "|daal|dal"
)
_HINDI_COMMAND = (
    # "check karo", "update kar lo": the word before "do" is the verb that matters
    r"\b(?:[a-z]+\s(?:karke\s|kar\s+ke\s)?)?(?:karo|kariye|kijiye|kijie|karwao|karvao"
    r"|(?:kar|karwa|karva)\s?(?:lo|do|lena|dena|lijiye|dijiye))\b"
    r"|\b(?:[a-z]+\s(?:karke\s|kar\s+ke\s)?)?(?:bharo|bhariye|rakho|rakhiye|bhejo|bhejiye"
    r"|becho|bechiye|kharido|kharidiye|bachao|bachaiye|lagao|lagaiye|lagwao|likho|likhiye"
    r"|dikhao|dikhaiye|kholo|kholiye|pucho|poocho|puchiye|poochiye|socho|sochiye|jao|jaiye"
    r"|chalao|miliye)\b"
    # "dekh lijiye", "online daal do": as with "karo", the word before names the verb
    r"|\b(?:[a-z]+\s)?(?:lijiye|dijiye)\b"
    # the same light verbs in Telugu, Bengali and Marathi ("try cheyyandi", "fill kore nin")
    r"|\b(?:[a-z]+\s)?(?:cheyyandi|cheyandi|korun|kore\s+nin|korben\s+na|kara)\b"
    rf"|\b(?:{_HINDI_STEMS})\s?(?:lo|do|lena|dena|lijiye|dijiye)\b"
    r"|\ble\s(?:lo|lena|lijiye)\b|\bde\s(?:do|dena|dijiye)\b"
    r"|\bmat\s+(?:[a-z]+\s+)?[a-z]+(?:na|o|iye)\b|\b[a-z]+na\s+mat\b"
)


TRIGGERS: tuple[Trigger, ...] = (
    # "you should", "u shud", "you'd better", "you may please", "you please start"
    Trigger(
        "advice.second_person_modal",
        _rx(
            r"(?<!\bwrote\sthat\s)(?<!\bsaid\sthat\s)(?<!\bmentioned\sthat\s)(?<!\btold\sme\s)"
            r"(?<!\bif\s)"
            rf"\b{_YOU}\s+{_ADV}(?:should(?:n't)?|must|need\s+to|needs\s+to|have\s+to|has\s+to"
            r"|ought\s+to|oughta|'d\s+better(?!\s+believe)|had\s+better|better(?!\s+believe)|got\s+to|gotta|may\s+please"
            r"|can\s+please|please|would\s+do\s+well\s+to|are\s+going\s+to\s+have\s+to"
            r"|need\s+(?:a|an|some|more|another)(?!\s+(?:days?|time|minutes?|copy|link|code)\b)"
            r"|go\s+do\s+(?:well|better))\b"
            r"|\byou'd\s+(?:really\s+)?better\b(?!\s+believe\b)|\byou're\s+(?:going\s+to|gonna)\s+(?:have|need)\s+to\b"
        ),
        Check.STRONG,
    ),
    # "your kids shouldn't miss school", "your husband needs to..."
    Trigger(
        "advice.second_person_modal",
        _rx(
            # "your stipend should hit your card by Wednesday" says when, not what to do
            r"\b(?:your|y'all's)\s+(?!(?:stipend|payment|transfer|money|deposit|code|otp|survey|photo|link"
            r"|card|check|cheque)\b)(?:[a-z']+\s+){1,2}?(?:should(?:n't)?|must|needs?\s+to"
            r"|ha(?:ve|s)\s+to|ought\s+to|(?<!\bfeels\s)(?<!\bfeel\s)(?<!\bgets\s)(?<!\bis\s)"
            r"(?<!\bdoing\s)(?<!\bgetting\s)(?<!\bfeeling\s)better)\b"
            r"(?!\s+(?:have|be\s+(?:so\s+|very\s+|really\s+)?(?:happy|proud|glad|thrilled|excited|relieved"
            r"|tired|missing\s+you)|be\s+(?:there|ready|on|in\s+(?:the\s+)?(?:app|system|account|form"
            r"|survey|group|meeting))))"
        ),
        Check.STRONG,
    ),
    # "you could apply", "you might want to", "you can always sell"
    Trigger(
        "advice.softened_suggestion",
        _rx(
            rf"\b{_YOU}\s+{_ADV}(?:could|might|can\s+(?:always|also|just|try|start|even)"
            r"|could\s+always)\b"
        ),
        Check.WEAK,
    ),
    # "you might want to", "you may wish to", "you'll want to": directive by themselves
    Trigger(
        "advice.softened_suggestion",
        _rx(
            rf"\b{_YOU}(?:'ll|\s+will|'d|\s+would|\s+might|\s+may)\s+{_ADV}(?:want|wanna|wish)"
            r"\s+to\b(?!\s+(?:know|see|hear|check\s+that|share|tell\s+(?:me|us)))"
        ),
        Check.STRONG,
    ),
    # Subjectless modal at the start of a clause (SMS, Liberian, Indian English): "gotta get
    # that card paid off", "need to save more", "must pay the fees first"
    Trigger(
        "advice.second_person_modal",
        _rx(
            r"(?=[rdsgnmob])(?:^|(?<=[.!?,;:]\s)|(?<=[.!?,;:])|(?<=\bhey\s)|(?<=\bso\s)|(?<=\bok\s)"
            r"|(?<=\bngl\s)|(?<=\band\s))(?:(?:really|def|seriously|definitely)\s+)?"
            r"(?:gotta|got\s+to|need\s+to|must|ought\s+to|better|should)\b"
            r"(?!\s+see\s+(?:the|a)\s+(?:total|date|amount|name|numbers?|stamp|bottom|top|whole|full)\b)"
            r"(?!\s+(?:we|i|they|he|she|you|it|be\s+there|have\s+(?:received|gotten|got)))"
            r"(?!\s+(?:the|this|that|these|those|my|our)\b[^.!?]*\?)"
            r"(?!\s+be\s+(?:in|on)\s+(?:your|the)\s+(?:account|wallet|phone|app|bank|card))"
            r"(?!\s+(?:fix|solve|sort\s+out|sort|work|do\s+it|help|go\s+out|arrive|come|land|reach|show\s+up|hit"
            r"|be\s+sent|be\s+(?:fixed|sorted|resolved|ready|done|back|working|processed|paid\s+out)"
            r"|have\s+(?:hit|landed|come|gone|reached|arrived))\b)"
        ),
        Check.STRONG,
    ),
    # peer report that ends with a nudge: "you could do the same", "give it a try"
    Trigger(
        "advice.peer_nudge",
        _rx(
            rf"\b{_YOU}(?:\s+and\s+(?:your|ur)\s+[a-z]+)?\s+(?:could|can|should|might|may)\s+"
            r"(?:also\s+)?(?:do|try|copy|start)\s+(?:the\s+same|that|this|it|something\s+similar"
            r"|something\s+like\s+(?:that|this))\b"
            r"|\b(?:something|an\s+idea)\s+(?:that\s+)?you\s+(?:and\s+[a-z\s]+?)?(?:could|can|might)"
            r"|\bdo\s+the\s+same\b|\bgive\s+(?:that|it|this)\s+a\s+(?:try|shot|go|whirl)\b"
            r"|\b(?:could|might|would|can|fit|go|will)\s+work\s+for\s+(?:you|your)\b|\bworth\s+a\s+(?:try|shot)\b"
            r"|\btry\s+(?:that|it|this)\s+(?:too|yourself|as\s+well)\b"
            r"|\bsomething\s+for\s+(?:you|your)[^.!?]{0,30}\bto\s+(?:try|do|consider|think\s+about)\b"
            r"|\b(?:you|u|una)\s+too\s+(?:can|could|should|might|fit)\b|\by\s+not\s+(?:u|you)\b"
            r"|\b(?:you|u)\s+also\s+(?:join|try|do|start|apply|go|take|open|put|save|can)\b"
            r"|\b(?:why|y)\s+not\s+(?=ask|try|sell|buy|get|go|call|use|put|start|save|take|move|talk|just)"
            # the app's own buttons: "Why not use the voice note button for the story?"
            r"(?!use\s+(?:the|a|your|ur)\s+(?:[a-z-]+\s+){0,3}?(?:button|camera|feature|option|tab|mic"
            r"|microphone)\b)"
            # after what others do: "What's stopping you?", "What are you waiting for?"
            r"|\bwhat(?:'s|\s+is)\s+(?:really\s+)?(?:stopping|holding)\s+(?:you|u)\s*(?:back\s*)?(?=[?!.]|$)"
            r"|\bwhat\s+(?:are|r)\s+(?:you|u)\s+waiting\s+for\s*(?=[?!.]|$)"
        ),
        Check.ALWAYS,
    ),
    Trigger(
        "advice.peer_nudge",
        _rx(
            rf"\b{_YOU}\b[^.!?]{{0,30}}?\b(?:could|can|should|might)\b[^.!?]{{0,40}}?"
            r"\b(?:too|as\s+well)\b"
        ),
        Check.STRONG,
    ),
    # Third-person norms about the family's life: "the kids need to be in school", "nobody
    # should take those loans", "that refund belongs in savings", "it's for rent, not for TV".
    Trigger(
        "advice.norm_statement",
        _rx(
            r"\b(?:nobody|no\s+one|noone|everyone|everybody|every\s+family|no\s+family"
            r"|families|parents|a\s+family|people)\s+(?:[a-z]+\s+)?(?:should(?:n't)?|must"
            r"|needs?\s+to|ought\s+to|has\s+to|have\s+to)\b"
            r"|(?:^|(?<=[.!?,;:]\s)|(?<=\band\s)|(?<=\bso\s))(?:he|she|they)\s+(?:really\s+|definitely\s+)?(?:should(?:n't)?|must"
            r"|needs?\s+to|has\s+to|ought\s+to)\b(?!\s+(?:have|be\s+(?:there|ready|arriving|coming|done"
            r"|getting|receiving)))"
            r"|\b(?:families|people|folks|parents|moms|mothers|households)\s+like\s+(?:you|yours"
            r"|your\s+family|una)\b"
            r"|(?<!\bdid\sthe\s)(?<!\bdoes\sthe\s)(?<!\bdid\syour\s)(?<!\bdoes\syour\s)(?<!\bwhat\sthe\s)"
            r"\b(?:experts?|doctors?|nurses?|studies|research|science|teachers)\s+(?:all\s+)?(?:say"
            r"|says|show|shows|recommend|agree)\b"
            # "the amount needs to be readable": what a photo or the form must show
            r"|\b(?:the|those|that|this|these|our)\s+(?!(?:amount|amounts|photo|photos|picture|pic|receipt"
            r"|number|numbers|date|name|total|signature|page|image|file|link|code|form|answer|answers)\b)"
            r"(?:[a-z']+\s+){1,2}?(?:should(?:n't)?|must"
            r"|needs?\s+to|ought\s+to)\b(?!\s+(?:have|hit|reach|arrive|land|show\s+up|come\s+through"
            r"|go\s+through|reflect|be\s+(?:there|ready|arriving|coming"
            r"|done|sent|out|up|(?:in|on)\s+(?:the|your)\s+(?:app|account|system|list|feed))))"
            r"|(?<!\bdoes\sit\s)(?<!\bdo\sthey\s)\bbelongs?\s+(?:in|into|to|with)\b"
            r"(?!\s+(?:me|us|the\s+(?:program|app|survey))|\s*\?)"
            r"|\b(?:the|that|this|those|these|your|ur)\s+(?:[a-z]+\s+){0,4}?(?:is|are|'s)\s+"
            r"(?:meant\s+)?for\b[^.!?]{1,40}?,?\s*not\s+(?:for|on|to)\b"
        ),
        Check.STRONG,
    ),
    # "you're supposed to register", "you will go to the clinic tomorrow", "why pay for cable
    # when...", Filipino "baka pwede you try"
    Trigger(
        "advice.second_person_modal",
        _rx(
            r"\b(?:you|una)(?:'re|\s+are|\s+dey)?\s+suppose[d]?\s+(?:to\s+)?(?=[a-z])"
            r"|\byou(?:'ll|\s+will)\s+(?!(?:receive|get|see|hear|be|need|have|find|love|like"
            r"|enjoy|notice|want|also\s+get|soon|now)\b)(?:think\s+about|consider|look\s+into|go|take"
            r"|call|stop|start|pay|bring"
            r"|keep|put|save|sell|buy|talk|tell|ask|leave|move|cut|send|enroll|sign|apply"
            r"|open|close|visit)\b"
            r"|\bbaka\s+pwede\b|\bpwede\s+(?:you|kayo|ka)\b"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.steering_question",
        _rx(
            r"(?:^|(?<=[.!?,;:]\s)|(?<=[.!?,;:])|(?<=\bso\s)|(?<=\band\s)|(?<=\bbut\s))"
            r"why\s+(?![a-z]+(?:s|ed)\b)(?!(?:is|are|was|were|did|do|does|didn't|don't|doesn't|has|have|had|would"
            r"|will|can|could|should|not|the|your|you|u|we|they|he|she|it|i|this|that|so|now"
            r"|here|there|yes|no|again|too|though|tho|exactly|me|us|oh|ask|late|early|a|an"
            r"|my|our|their|his|her|isn't|aren't|wasn't|won't|can't|couldn't)\b)"
            r"[a-z]+\s+(?=[a-z])"
        ),
        Check.STRONG,
    ),
    # Pidgin and West African English directives: "you for register the shop", "make you dey
    # put small money", "abeg no buy that generator"
    Trigger(
        "advice.second_person_modal",
        _rx(
            r"(?:^|(?<=[.!?,;:]\s)|(?<=[.!?,;:])|(?<=\babeg\s)|(?<=\boga\s)|(?<=\bmadam\s)"
            r"|(?<=\bso\s)|(?<=\band\s))(?:you|una)\s+for\s+(?!(?:the|a|an|this|that|your|me|us"
            r"|sharing|sending|coming|being|taking\s+part|don\s+(?:get|receive|see|collect))\b)(?=[a-z])"
            r"|(?:^|(?<=[.!?,;:]\s)|(?<=[.!?,;:])|(?<=\babeg\s)|(?<=\bso\s)|(?<=\band\s)|(?<=\bbut\s))make\s+"
            r"(?:you|una)\s+(?:dey\s+|try\s+|no\s+)?(?=[a-z])"
            r"|\babeg\s+(?:no|don't)\s+(?=[a-z])|\b(?:you|una)\s+go\s+need\s+(?:to\s+)?(?=[a-z])"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.if_i_were_you",
        _rx(
            r"\bif\s+i\s+(?:were|was)\s+(?=you\b)|\bin\s+(?=your\s+(?:shoes|place|position)\b)"
            r"|\bif\s+it\s+(?:were|was)\s+me\b|\bif\s+(?:it's|its)\s+me\b"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.first_person_recommendation",
        _rx(
            r"(?<!\basked\swhat\s)(?<!\bask\swhat\s)(?<!\basking\swhat\s)"
            r"\bi(?:'d|\s+would)\s+(?:personally\s+|honestly\s+|really\s+|probably\s+|just\s+"
            r"|humbly\s+|strongly\s+|kindly\s+|definitely\s+|def\s+|deff\s+|prob\s+|probably\s+)?"
            r"(?:recommend|suggest|advise|hold\s+off|go\s+(?:with|for)|take|get|pay|buy|sell|wait"
            r"|start|put|save|look\s+into|try|not|stick|avoid|skip|keep|stay|focus|use|switch"
            r"|consider|definitely|never|rather|think\s+about|ask|call|talk|stop|cut|quit|drop"
            r"|hold|move|leave|tell|switch|find|open|close|go|do|make|spend|borrow|lend|split"
            r"|rent|charge|raise|lower|send|enroll|apply|sign|sit|set|give|let|tell|pick|reconsider"
            r"|store|plant|harvest|grow|stock|invest|lock|hide"
            r"|rethink)\b(?!\s+(?:you|u)\s+that\b)|\bi\s+(?:wouldn't|would\s+not|wouldnt|wudnt|wldnt)\s+(?:[a-z]+\s+)?(?=[a-z])"
            r"|(?:^|(?<=[.!?,]\s))(?:highly|strongly|totally|definitely)\s+recommend\b"
            r"|\b(?:i|we)\s+(?:really\s+|strongly\s+|highly\s+|would\s+|'d\s+|will\s+|'ll\s+)?(?:(?:like|want"
            r"|wish|have)\s+to\s+|wanna\s+)?(?:recommend|suggest|advise|urge|encourage)\b"
            r"(?!\s+(?:you|u)\s+that\b)"
            r"|(?=[aeu][dnr])(?<!\banyone\s)(?<!\bsomeone\s)(?<!\bsomebody\s)(?<!\banybody\s)(?<!\bwho\s)"
            r"(?<!\bnobody\s)(?<!\bthey\s)(?<!\bdid\s)(?<!\bhe\s)(?<!\bshe\s)"
            r"\b(?:encourage|urge|advise|advising|encouraging|urging)\s+(?:you|your|y'all|una)\b"
            r"(?!\s+that\b)"
        ),
        Check.OFFER,
    ),
    # "I know a guy who does taxes free, want me to pass him ur number?": what the contact is
    # for stands before the offer
    Trigger(
        "advice.referral",
        _rx(
            r"\b(?:want|like|shall|should)\s+(?:me|i)\s+(?:to\s+)?(?:pass|give|send|share)\s+"
            r"(?:him|her|them)\s+(?:your|ur)\s+(?:number|contact|details)\b"
        ),
        Check.OFFER,
        judges_subject=True,
    ),
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\b(?:my|one|a|small|quick|little|pro|friendly|free|some)\s+(?:advice|suggestion"
            r"|recommendation|tip|piece\s+of\s+advice|word\s+of\s+advice)\b(?!\s+(?:you\s+made"
            r"|from\s+(?:you|the\s+group)))"
            r"|\b(?:word|piece|bit|words)\s+of\s+(?:advice|wisdom|caution)\b|\b(?:advice|tip)\s*:"
            r"|\breminder\s+to\s+(?=start|put|set|save|pay|keep|stop|cut|buy|sell)"
            r"|\bjust\s+(?:a\s+)?(?:thought|saying|sayin|suggestion|an\s+idea)\b"
            r"(?!\s*,?\s*(?:thank|thanks|thx|hi|hello|hey|congrats|congratulations|well\s+done|good\s+job"
            r"|your\s+(?:photos?|survey|story|pics?)\s+(?:are|is|was|were)\s+(?:always\s+)?(?:the\s+)?"
            r"(?:clear|clearest|great|good|best|beautiful)))"
            r"|\bjust\s+so\s+you\s+know\b(?![^.!?]*\b(?:posted|shared|reported|wrote|told))(?!\s*[.!…]*\s*$)"
            r"(?!\s*[,:]?\s*(?:i|i'm|i'll|i\s+will|i\s+am|we|we're|we'll|(?:the|our)\s+(?:meeting|office|app"
            r"|survey|stipend|payment|program|programme)|your\s+(?:survey|stipend|payment|photo)s?)\b)"
            r"|\b(?:my|just\s+my)\s+two\s+cents\b"
            r"|\b(?:i|we)\s+(?:would\s+|'d\s+|humbly\s+|strongly\s+|kindly\s+|really\s+)*(?:request"
            r"|urge|beg|advise|encourage|implore)\s+you\s+(?:to|not\s+to)\b"
            r"|\b(?:the\s+)?(?:one|only|main|first)\s+thing\s+i(?:'d|\s+would)\s+(?:change|do|suggest"
            r"|add|fix|look\s+at)\b|\bsame\s+(?:can|could|should|may)\s+be\s+done\b"
            r"|\bin\s+your\s+case\s+(?:also|too)\b"
            r"|\b(?:seems|sounds|looks)\s+(?:really\s+|very\s+|a\s+bit\s+|kind\s+of\s+|pretty\s+)?"
            r"(?:risky|dangerous|unwise|like\s+a\s+(?:bad|big)\s+(?:idea|risk|mistake))\b"
            r"|\b(?:would|will|could)\s+make\s+(?:this|it|things|life|that|everything)\s+(?:so\s+|a\s+lot\s+"
            r"|much\s+|way\s+)*(?:easier|simpler|better)\s+for\s+(?:you|u)\b"
            r"|\bin\s+my\s+(?:honest\s+|humble\s+|personal\s+)?opinion\b"
            r"|\bnot\s+(?:the\s+|a\s+)?(?:correct|right|best|wise|good|smart)\s+(?:decision|choice|move"
            r"|idea)\b|\b(?:want|like)\s+me\s+to\s+(?:sign|put|enroll|register|book|connect|link|add"
            r"|set)\s+(?:you|u)\b"
            r"|\bwhat(?:'s|\s+is)\s+(?:really\s+)?(?:stopping|keeping)\s+you\s+from\b"
            r"|\b(?:you|u)\s+(?:may|can)\s+(?:approach|opt\s+for|go\s+for|avail)\b"
            r"|\bpromise\s+me\b|\b(?:my|a)\s+(?:humble\s+|kind\s+|sincere\s+)?request\s+(?:that|is\s+that)\b"
            r"|\bit\s+is\s+(?:humbly\s+)?requested\s+that\b"
            r"|\bwhat\s+(?:worked|helped|turned\s+it\s+around|saved\s+(?:me|us))\s+for\s+(?:me|us)\b"
            r"|\bworked\s+(?:wonders|miracles|like\s+a\s+charm)\s+for\s+(?:me|us|my)\b"
            r"|\bwhat\s+(?:would|might|could|will)\s+(?:really\s+)?help(?!\s+(?:me|us|the\s+(?:program"
            r"|team)))\b|\b(?:is|isn't)\s+it\s+(?:not\s+)?(?:really\s+)?(?:wise|smart|sensible"
            r"|a\s+good\s+idea|right|fair)\s+to\b|\bisn't\s+it\s+(?:high\s+|about\s+)?time\b"
            r"|\bwhat\s+i(?:'d|\s+would)\s+do\s+is\b"
            r"|\bwhen\s+i\s+was\s+in\s+your\s+(?:shoes|place|position|situation)\b|\bin\s+my\s+case\b"
            r"|\b(?:na\s+)?wetin\s+i\s+do\s+when\b"
            r"|\b(?:give|grant|bring|send)s?\s+(?:you|u)\s+(?:[a-z]+\s+){0,4}?(?:the\s+)?(?:strength|wisdom|courage"
            r"|patience|sense|grace)\s+to\b|\bpraying\s+(?:that\s+)?(?:you|u)\s+(?:find|have|get)\s+(?:the\s+)?"
            r"(?:strength|courage|wisdom)\s+to\b"
            r"|\b(?:now(?:'s|\s+is)\s+the\s+(?:best\s+|right\s+|perfect\s+)?time\s+to)\b"
            r"|\ban\s+idea\s+for\s+(?:you|your)\b"
            r"|\b(?:that|dat|it|this)\s+(?:one\s+)?(?:is\s+)?(?:wise|smart|a\s+good\s+idea)\s*(?=\?)"
            r"|\b(?:a\s+)?(?:good|great|nice|smart)\s+idea\s+for\s+(?:you|your)\b"
            r"|\b(?:don't|do\s+not)\s+be\s+the\s+(?:one|only|last)\b"
            r"|\b(?!(?:it|that|this|which|who|what|there|payment|stipend|money|app|form|survey"
            r"|meeting|visit|link|code|photo|message)\s)[a-z]+\s+should\s+(?:really\s+)?(?:look\s+into"
            r"|consider|apply|think\s+about|go\s+for|sign\s+up|enroll|quit|save|talk\s+to|see\s+a)\b"
            # "a family decided they should stop eating out" reports their decision
            r"|(?<!\bdecided\s)(?<!\bagreed\s)(?<!\brealized\s)(?<!\bfigured\s)(?<!\bsaid\s)"
            r"\b(?:they|he|she)\s+(?:gotta|got\s+to|has\s+to|have\s+to|needs?\s+to|must|should|ought\s+to)"
            r"\s+(?:be|go|get|stay|eat|see|start|stop)\b(?!\s+(?:there|here|getting|receiving|(?:so\s+|very\s+"
            r"|really\s+)?(?:relieved|happy|proud|glad|tired|excited|thrilled|exhausted|worried)))"
            r"|\bsay\s+no\s+(?:until|to|unless|this\s+time|next\s+time)\b"
            r"|(?:^|(?<=[.!?]\s)|(?<=[.!?]))\s*no\s+more\s+(?=[a-z])"
            r"|\b(?:hang|hold)\s+on\s*to\b"
            r"|\b(?:it's|it\s+is|its|that's|that\s+is|da|dat|e)\s+(?:really\s+)?(?:not|no|isn't)\s+"
            r"(?:right|good|wise|safe|okay|ok|fair|smart|healthy)\s+(?:to|for|leaving|letting|that)\b"
            r"|\b(?:irresponsible|reckless|careless|foolish|unwise|selfish)\s+(?:to|of\s+you)\b"
            r"|\bi\s+(?:don't|do\s+not)\s+think\s+(?:it's|it\s+is|its)\s+(?:wise|smart|a\s+good\s+idea"
            r"|safe|right|good)\b|\b(?:wouldn't|would\s+not|won't|doesn't|does\s+not)\s+hurt\s+to\b|\b(?:is\s+not|isn't|aint|ain't|not)\s+worth\s+(?:the|it|paying|a)\b"
            r"|\beasy\s+money\b|\bwould\s+(?:fetch|get|sell\s+for|bring)\s+(?:you\s+)?(?:more|a\s+lot\s+more"
            r"|double|better)\b|\b(?:the\s+)?first\s+thing\s+(?:to\s+do\s+)?(?:is|should\s+be)\s+(?:to\s+)?(?=[a-z])"
            r"|\bfood\s+for\s+thought\b|\bsomething\s+to\s+(?:think\s+about|consider)\b"
            r"|\bhere's\s+(?:what|how)\s+(?:you|to)\b|\bone\s+step\s+at\s+a\s+time\b|\ba\s+thought\b"
            r"|\b(?:one|another|an|my|a\s+good|a\s+smart)\s+(?:idea|option|thought|suggestion"
            r"|way\s+out|move|trick|plan)\s+(?:is|would\s+be|could\s+be|might\s+be|'d\s+be)\b"
            r"|(?<!\bi\s)(?<!\bwe\s)(?<!\bthey\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bi\s)"
            r"\b(?:could|might|may)\s+(?:always\s+|also\s+|even\s+)?(?:consider|try|look\s+into"
            r"|think\s+about|want\s+to|be\s+worth)\b"
            r"|\bthe\s+(?:trick|secret|key)\s+is\b"
            r"|\bwhat\s+(?:you|una|y'all)\s+(?:want|need|wanna|gotta|have|got)\s+(?:to\s+)?do\s+is\b"
            r"|\ba\s+word\s+to\s+the\s+wise\b"
            r"|(?<!\bif\s)\b(?:it|that|this)\s+(?:really\s+|always\s+)?(?:helps(?!\s+(?:us|me|the\s+(?:whole\s+)?(?:program|team|group)|everyone|a\s+lot))|works(?!\s+out\b|\s+for\s+(?:you|u)\s*[?.!]|\s*[?])|worked\s+for\s+me)\b"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\b(?:would|'d|might|may|could|will|'ll|is|it's|its)\s+(?:probably\s+|really\s+|also\s+)?"
            r"be\s+(?:a\s+lot\s+|much\s+|way\s+|very\s+|so\s+)?(?:wise|wiser|smart|smarter|better"
            r"|best|a\s+good\s+idea|a\s+great\s+idea|an\s+idea|worth\s+it|worthwhile|worth|ideal"
            r"|safer|cheaper|helpful|important|a\s+good\s+move)\b"
            r"|\b(?:it|that|this)\s+(?:might|may|could|would|will|can)\s+(?:really\s+)?help\b"
            r"|\bworth\s+the\s+(?:drive|trip|walk|ride|bus\s+fare|extra|money|wait|effort)\b"
            r"|\bworth\s+(?:it|trying|looking|considering|checking|thinking|asking|a\s+look"
            r"|a\s+thought|your\s+while)\b"
            r"|\bthe\s+(?:best|smartest|right|safest)\s+(?:thing|way|option|move|plan|bet|idea"
            r"|choice)\b(?![^.!?]*\?)(?!\s+(?:they|she|he|we|i)\b)|\bthe\s+way\s+to\s+do\s+it\b|\bbest\s+(?:to|if\s+you|you)\b"
            r"|\b(?:it's|its|it\s+is|it'll\s+be|it\s+will\s+be|it'd\s+be|it\s+would\s+be)\s+(?:not\s+)?"
            r"(?:always\s+|really\s+|very\s+|so\s+|high\s+|about\s+|very\s+much\s+)?(?:better|best"
            r"|smarter|safer|cheaper|wiser|important|good|a\s+good\s+idea|advisable|recommended"
            r"|necessary|essential|crucial|vital|key|wise|smart|time|urgent)\s+(?:to|if|that"
            r"|for\s+(?:you|your|una)|you)\b"
            r"|\b(?:good|better|best|wise|smart|helpful|important)\s+for\s+(?:you|una|your\s+[a-z]+)"
            r"\s+to\b|\bis\s+(?:advisable|recommended|a\s+must)\b"
            r"|\b(?:might|may|could)\s+be\s+(?:a\s+good\s+)?time\s+(?:to|for\s+you)\b"
            r"|\b(?:high|about)\s+time\s+(?:you|to|your|he|she|they|the)\b"
            # "your next step is opening…", "next step should be a second pond"
            r"|\b(?:the\s+|your\s+)?next\s+(?:step|move|thing)\s+(?:is|would\s+be|should\s+be|will\s+be"
            r"|could\s+be|'s)\s+(?=[a-z])"
            rf"|\b{_YOU}\s+(?:can|could)\s+(?:also\s+)?(?:consider|look\s+into|opt\s+for"
            r"|think\s+about|think\s+of|go\s+for|join|try)\b"
            r"|(?<!\bfeel\s)(?<!\bfeeling\s)\bbetter\s+(?:to|you|if|not)\b"
            r"|\b(?:would|will|could|'d|'ll|can|might)\s+(?:really\s+|also\s+)?(?:save|help|cost)"
            r"\s+you\b|\byou(?:'d|'ll|\s+would|\s+will)\s+(?:be\s+better\s+off|save|make\s+more"
            r"|earn\s+more|do\s+better|get\s+more)\b"
            r"|\b(?:is|are|'s|would\s+be|was)\s+(?:usually\s+|often\s+|always\s+|generally\s+"
            r"|normally\s+|way\s+|much\s+|a\s+lot\s+|far\s+)*(?:better"
            r"|cheaper|safer|smarter)\s+than\b"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\b(?:would|'d|might|may|could)\s+be\s+(?:really\s+|so\s+)?(?:good|great|nice|easier)"
            r"\b|\bmaybe\b(?!\s+(?:you|u)\s+(?:already\s+)?(?:saw|seen|heard|read|noticed)\b)|\bperhaps\b"
            r"|\bpossibly\b|\bwhy\s+not\s+try\b"
        ),
        Check.WEAK,
    ),
    Trigger(
        "advice.steering_question",
        _rx(
            r"\bwhy\s+(?:don't|do\s+not|not)\b|\bwhat\s+if\s+(?:you|we)\b|\bhow\s+about\b"
            r"|\bwhat\s+about\s+(?:[a-z]+ing|you|trying)\b"
            r"|\bhave\s+you\s+(?:ever\s+|already\s+)?(?!thought\s+about\s+(?:which|what)\s+(?:day|time|date"
            r"|place)\b)(?:thought|considered|tried|looked\s+into"
            r"|talked\s+to|spoken\s+to|asked\s+(?:the|your|his|her|a)|gone\s+to|applied"
            r"|checked\s+out|heard\s+of|thought\s+of|looked\s+at)\b"
            r"|\bhow\s+come\s+(?:you|u|una)\s+(?:haven't|havent|didn't|didnt|don't|dont|aren't|never"
            r"|still)\b"
            r"|\b(?:did|do)\s+you\s+(?:ever\s+)?(?:think|consider)\s+(?:about|of)\b"
            r"|\bever\s+(?:thought|considered)\b"
            # "Thought about gettin your GED?": the question without its "have you"
            r"|(?:^|(?<=[.!?]\s))(?:thought|thinking)\s+(?:about|of)\s+(?=[a-z]+(?:ing|in|in')\b)"
            r"|\b(?:you|u)\s+ever\s+(?:tried|looked\s+into|checked\s+out|applied|asked|gone\s+to)\b"
            r"|\b(?:wouldn't|would\s+it\s+not|won't|isn't|doesn't)\s+(?:it|that)\s+(?:be\s+)?"
            r"(?:make\s+(?:more\s+)?sense|better|easier|smarter|cheaper|wiser|good)"
            r"|\bdon't\s+you\s+think\b|\bwouldn't\s+you\s+(?:rather|prefer|want)\b"
            r"|\bwhy\s+(?:are|do|did|would|is|were|are\s+you|do\s+you)?\s*(?:you|una)\s+"
            r"(?:are\s+|is\s+)?(?:still|not|no|never|even|keep)\b"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.warning",
        _rx(
            r"\b(?:be\s+)?careful\b|\bwatch\s+out\b|\bbeware\b|\bstay\s+away\s+from\b"
            r"|\bdon't\s+(?:ever|even\s+think)\b|\bnever\s+ever\b"
            r"|\bprices?\s+(?:will|is\s+going\s+to|are\s+going\s+to|going\s+to|might|may|can)"
            r"\s+(?:go\s+up|rise|increase|double|jump|climb)\b"
            r"|\b(?:before|till|until)\s+(?:the\s+)?prices?\s+(?:go|goes|rise|jump)"
            r"|\b(?:before|b4|till|until)\s+(?:the\s+)?(?:rate|rates|interest|price|prices|fees?)"
            r"\s+(?:jumps?|goes\s+up|go\s+up|rises?|climbs?|increases?|doubles?)\b"
            r"|\b(?:otherwise|or\s+else|or)\s+you(?:'ll|\s+will|\s+may|\s+might|\s+could)?\s+"
            r"(?:lose|regret|pay\s+more|end\s+up|get\s+(?:evicted|cut\s+off|fined))"
            r"|\beat\s+you\s+alive\b|\bit's\s+a\s+(?:scam|trap|rip-?off)\b|\bscam\b"
            r"|\b(?:will|'ll|going\s+to|go|would|can|could|dey)\s+(?:really\s+|just\s+)?(?:ruin"
            r"|bleed|eat|kill|finish|destroy|sink|drown|wreck|trap|cheat|rob|swallow|bury|choke"
            r"|squeeze|suck)\s+(?:you|una)\b|\b(?:will|'ll|going\s+to|would)\s+(?:ruin|wreck|destroy"
            r"|drain|sink)\s+your\b"
            r"|\bthey\s+(?:shut|cut)\s+(?:people|you|folks)\s+off\b|\bbuy\s+now\b|\btrust\s+me\b"
        ),
        Check.STRONG,
    ),
    # A promised result of a change: "if you put the plantains up front they'd move faster",
    # "if you move the shop near the junction, sales go increase"
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\bif\s+(?:you|u|una)\s+(?:just\s+|only\s+)?(?!(?:need|want|have|had|can|could|get\s+a\s+chance"
            r"|don't|do\s+not|are|were|did|didn't)\b)[a-z]+\b[^.!?]{0,80}?\b(?:would|'d|will|'ll|go|fit|could"
            r"|might)\s+(?:really\s+|surely\s+|definitely\s+)?(?:[a-z]+\s+)?(?:faster|better|more|increase"
            r"|grow|double|improve|quicker|cheaper)\b"
        ),
        Check.STRONG,
    ),
    # A judgment of something the family uses or plans: "dat betting app is a trap"
    Trigger(
        "advice.warning",
        _rx(
            r"\b(?:is|'s|are|be|dey)\s+(?:a\s+|such\s+a\s+|one\s+big\s+|a\s+big\s+|total\s+)?"
            r"(?:trap|traps|rip-?off|ripoff|death\s+trap|money\s+pit|waste\s+of\s+money)\b"
        ),
        Check.STRONG,
        judges_subject=True,
    ),
    # A coming rise followed by what to do about it: "gas prices go up in summer, so fill the
    # cans now". The word after "so" must start a command, not a report ("so we moved...").
    Trigger(
        "advice.warning",
        _rx(
            r"\b(?:prices?|rates?|costs?|interest|fees?|rent)\s+(?:[a-z]+\s+){0,3}?(?:go(?:es)?\s+up"
            r"|(?:is|are)\s+going\s+up|keeps?\s+(?:going\s+up|rising|climbing)|rise|rises|jumps?"
            r"|climbs?|increases?|doubles?|will\s+(?:go\s+up|rise|jump|increase|double))\b[^.!?]{0,60}?"
            r"(?:\bso\b|\bthen\b|\bbetter\b|,)\s+(?!(?:how|what|why|when|did|do|does|is|are|was"
            r"|were|has|have|we|they|i|he|she|it|the|that|this|there|our|their|people|families|or"
            r"|sales|we've|they've|i've|did|can|could)\b)(?=[a-z])"
        ),
        Check.ALWAYS,
    ),
    Trigger(
        "advice.referral",
        _rx(
            r"\b(?:the|a|your\s+local|there's\s+a)\s+(?:[a-z]+\s+){0,2}(?:college|clinic"
            r"|food\s+bank|food\s+pantry|pantry|credit\s+union|library|legal\s+aid|union|church"
            r"|wic|office|agency|hotline|211|(?<!\bthe\s)program|center|centre|charity|ngo|bank"
            r"|nonprofit)"
            r"\s+(?:(?:on|in|at|near|by)\s+[a-z0-9]+(?:\s+[a-z]+)?\s+)?(?:does|offers|gives|has"
            r"|provides|helps|hands\s+out|runs|is\s+giving|is\s+offering|is\s+open|opens|open"
            r"|will\s+help|can\s+help|pays|covers|do|offer|give)\b"
            # "the church has a funeral that day": why the meeting moves
            r"(?!\s+(?:a|an)\s+(?:funeral|wedding|event|party|mass|service\s+that))"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.referral",
        _rx(
            r"\b(?:fyi|heads\s+up|for\s+your\s+information|btw|by\s+the\s+way|just\s+letting"
            r"\s+you\s+know)\b(?![\s,:-]*(?:you|u)\s+asked\b)|\bthey(?:'ll|\s+will|\s+can|\s+could)\s+help\s+(?:you|with)\b"
            r"|\bthey(?:'ll|\s+will|\s+can|\s+could)\s+(?:sort|set|fix|work|figure)\s+(?:[a-z]+\s+)?"
            r"(?:out|up)\b|\b(?:give|send|pass|share)\s+you\s+(?:the\s+)?(?:number|contact|details)"
            r"\s+(?:of|for)\s+(?:a|the|my|an)\b"
        ),
        Check.WEAK,
    ),
    # Help arranged without being asked: "let me link you with…", "I booked you an appointment"
    Trigger(
        "advice.referral",
        _rx(
            r"\blet\s+me\s+(?:link|connect|hook|put|introduce|refer|pair)\s+you\b"
            r"|\bwe(?:'ll|\s+will|'re\s+going\s+to|\s+can)\s+get\s+(?:[a-z]+\s+){1,2}?(?:enrolled|signed\s+up"
            r"|registered|on\s+the\s+(?:list|waitlist)|into)\b"
            r"|\bi(?:'m|\s+am|'ll|\s+will)\s+(?:calling|call|contacting|contact|emailing|email|writing\s+to"
            r"|talking\s+to|asking|ask)\s+(?:[a-z]+\s+){1,4}?(?:to|so\s+they)\s+(?:add|put|get|sign|enroll"
            r"|register|help|take|give|find)\s+(?:you|your)\b"
            r"|\bi\s+(?:can|could|fit|go|'ll|will|'d\s+be\s+happy\s+to)\s+(?:set|hook|link|connect|introduce"
            r"|refer|pair|sign|book)\s+(?:you|u)\b"
            r"|\bi\s+(?:can|could|fit|go|'ll|will|'d\s+be\s+happy\s+to)\s+(?:[a-z]+\s+){0,6}?(?:arrange|book|fix\s+up"
            r"|get)\s+(?:an?\s+)?(?:appointment|admission|a\s+slot|a\s+seat|a\s+place)\b"
            r"|\b(?:want|like|shall|should)\s+(?:me|i)\s+(?:to\s+)?(?:call|text|contact|email|ask|talk\s+to"
            r"|reach\s+out\s+to|speak\s+to|ring)\s+(?:the|a|my|someone|somebody|them|her|him|their)\b"
            r"|\bi(?:'ll|\s+will)\s+put\s+your\s+name\s+down\b"
            r"|\bi(?:'ll|\s+will|'ve|\s+have|\s+went\s+ahead\s+and|\s+already)?\s+(?:booked|signed"
            r"|put|enrolled|registered|scheduled|added|referred|book|sign|enroll|register|schedule"
            r"|refer)\s+you\s+(?:up\s+)?(?:for|an|a|on|to|in|with)\b"
            r"|\bi'm\s+(?:putting|signing|booking|enrolling|registering|referring)\s+you\b"
            r"|\b(?:shall|should|can|may)\s+i\s+(?:connect|link|introduce|refer|hook)\s+(?:you|u)\b"
            r"|\bwe(?:'ll|\s+will|'re\s+going\s+to)\s+(?:get|put|sign)\s+you\s+(?:on|up|in|into)\b"
        ),
        Check.OFFER,
    ),
    # someone's number offered is a referral, whatever "number" suggests about the app:
    # "I know a man who repairs sewing machines, should I send his number?"
    Trigger(
        "advice.referral",
        _rx(
            r"\b(?:want|like|shall|should|can|may)\s+(?:me|i)\s+(?:to\s+)?(?:send|give|share|pass|forward)\s+"
            r"(?:you\s+|u\s+)?(?:his|her|their)\s+(?:number|contact|details|whatsapp)\b"
        ),
        Check.ALWAYS,
    ),
    # polite imperatives anywhere in a sentence: "... kindly pay off the card"
    Trigger(
        "advice.imperative",
        _rx(
            r"\b(?:kindly|please|i\s+beg\s+you|i\s+beg)\s+(?:do\s+)?(?!(?:how|what|when|where|which"
            r"|who|why|is|are|do|does|did|can|could|have|has|was|were|the|a|an|your|my|this|that"
            r"|it|i|we|sir|madam|ma)\b)(?=[a-z])"
        ),
        Check.WEAK,
    ),
    Trigger(
        "advice.make_sure",
        _rx(
            r"\bmake\s+sure\b(?!\s+(?:that\s+)?i\b)|\bensure\b|\bsee\s+(?:to\s+it|that)\b|\bbe\s+sure\s+to\b"
            r"|\bdon't\s+forget\b|\bremember\s+to\b|\bnever\s+forget\b|\bplease\s+see\s+that\b"
        ),
        Check.WEAK,
    ),
    Trigger(
        "advice.counselling",
        _rx(
            r"\bi(?:'ll|\s+will|\s+can|\s+want\s+to|\s+wanna|\s+could)\s+show\s+(?:you|u)\s+how\s+to\s+(?:save"
            r"|cut|lower|reduce|budget|pay\s+(?:off|down)|get\s+out\s+of|spend|earn|make\s+more)\b|"
            r"\blet's\s+(?:[a-z]+\s+){0,3}?(?:budget|goal|goals|plan|save|savings|spending"
            r"|finances|money|debt|bills?|priorities)\b"
            r"|\b(?:so\s+(?:that\s+)?)?we\s+can\s+(?:see|figure\s+out|work\s+out|look\s+at|talk\s+about|plan"
            r"|decide)\s+(?:how|what|ways|where|which)\b"
            r"|\blet's\s+(?:get\s+you|sign\s+you|put\s+you|sit\s+down|set\s+(?:a|up)|make\s+a\s+plan"
            r"|work\s+on|figure\s+out"
            r"|go\s+over\s+your|talk\s+about\s+your)\b|\blet\s+me\s+help\s+you\s+(?:with\s+)?"
            r"(?:budget|plan|save|decide)\b"
        ),
        Check.WEAK,
    ),
    # "I hope you will use the stipend for the fees", "better he apply at the factory"
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\bi\s+(?:really\s+)?hope\s+(?:you|u)\s+(?:will|'ll|can|would|could)\s+"
            r"|\b(?:it's\s+|it\s+is\s+)?(?:better|best)\s+(?:he|she|they|you|u)\s+"
            r"(?!(?:is|was|are|were|has|had|be|did|does|do|can|could|will|would|not)\b)(?=[a-z])"
        ),
        Check.WEAK,
    ),
    # "Something to discuss with your group", "the job fair Tuesday, worth going": a tip offered
    # as worth acting on, about what its sentence (or the report before it) names
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\bsomething\s+(?:to|for\s+(?:you|y'all|una)\s+to)\s+(?:think\s+about|consider|discuss"
            r"|look\s+into|try|keep\s+in\s+mind)\b|\bmight\s+be\s+something\s+for\s+(?:you|y'all|una)\b"
            r"|\b(?:(?:it's|it\s+is|might\s+be|could\s+be)\s+)?worth\s+(?:going|checking(?:\s+out)?|trying"
            r"|visiting|applying|asking|copying|doing|a\s+(?:look|try|visit|shot)"
            r"|(?:you\s+)?(?:joining|signing\s+up|starting|getting))\b"
            # after a report: "Next Tobaski it's your turn!"
            r"|\b(?:it's|its|it\s+is|now\s+it's)\s+(?:your|ur|una)\s+turn\b(?!\s+to\s+(?:host|bring|lead|present"
            r"|speak|share|cook|pray|open|close|send|upload)\b)"
            r"|\b(?:e|it)\s+(?:go|fit|will|would)\s+(?:be\s+)?(?:good|better|make\s+sense)\s+(?:for|if)\s+"
            r"(?:you|u|una)\b"
        ),
        Check.STRONG,
        judges_subject=True,
    ),
    # The liaison's own story offered as a model: "When I started my shop I joined adashe… Just
    # telling you." The story may stand in the sentence before the tag; its words are the topic.
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"(?:\bwhen\s+(?:i|my\s+[a-z]+)|\bas\s+for\s+me|\bme,\s+when\s+i)\b"
            # a story about other households is a report, whatever the tag
            r"(?:(?!\b(?:they|their|them|families|households)\b)[^.!?]){0,200}(?:[.!?]+\s*"
            r"(?:(?!\b(?:they|their|them|families|households)\b)[^.!?]){0,80}?)?"
            r"\b(?:just\s+(?:sharing|saying|telling\s+(?:you|u)"
            r"|putting\s+(?:that|it)\s+out\s+there)|that's\s+(?:the|my)\s+secret)\b"
        ),
        Check.WEAK,
        judges_subject=True,
    ),
    # Hindi written in Latin letters inside Indian English ("RTE quota mein form bharo", "EMI
    # clear karo", "udhaar leke shopping mat karna"): the verb comes last, so what it directs
    # is the whole sentence before it.
    Trigger("advice.imperative", _rx(_HINDI_COMMAND), Check.STRONG, verb_last=True),
    # "ration card update karwa lena chahiye": an infinitive before "chahiye" is "should"
    Trigger(
        "advice.second_person_modal",
        _rx(r"\b[a-z]+(?:na|ni|ne)\s+(?:hi\s+)?chah?i(?:ye|e)\b"),
        Check.STRONG,
        verb_last=True,
    ),
    # A refusal that turns on "but" says it anyway: "I'm not supposed to advise so I won't.
    # But... the co-op fertilizer is half the price"; "the stipend is yours to spend how you
    # like of course... but the shoe sale is Saturday". "…but I'd love to hear" still refuses.
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\b(?:(?:i'm|i\s+am|im)\s+not\s+(?:supposed|allowed|meant)\s+to\s+(?:advise|say\s+(?:this|it"
            r"|anything|so)|give\s+(?:you\s+)?advice|tell\s+you)"
            r"|i\s+(?:can't|cannot|won't|shouldn't)\s+(?:advise|give\s+(?:you\s+)?advice|tell\s+you\s+what\s+to\s+do"
            r"|say\s+(?:this|it|anything))"
            r"|(?:is|are)\s+yours\s+to\s+[a-z]+(?:\s+[a-z]+){0,3}?\s+of\s+course)"
            r"[^.!?]{0,60}[.!?…]*\s*,?\s*but\b(?![.…\s]*(?:i|i'd|i'll|i'm|let\s+me|we|we'll|thank|thanks)\b)"
        ),
        Check.ALWAYS,
    ),
    Trigger(
        "advice.first_person_recommendation",
        _rx(
            r"\bmy\s+(?:honest\s+|personal\s+|humble\s+)?(?:opinion|advice|two\s+cents|vote)\s+(?:is|would\s+be)\b"
            r"|\b(?:ek|one|small|a)\s+suggestion\s*[:,-]"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.steering_question",
        _rx(
            # "Is buying a second freezer really the best use of the stipend?"
            r"\b(?:did|have)\s+(?:you|u)\s+ever\s+(?:think|thought|considered|consider)\s+(?:about|of|what"
            r"|how|whether)\b"
            r"|\b(?:you|u|una)\s+(?:don|no|never)\s+(?:tink|think)\s+(?:about|of|say)\b"
            r"|\b(?:good|great|best|perfect)\s+time\s+to\s+(?:fix|start|buy|sell|save|open|plant|expand|stock"
            r"|invest|pay|get|build|add|raise|put|move|look\s+for|think\s+about)\b"
            r"|\bis\s+(?:[a-z]+\s+){1,6}?really\s+(?:(?:the\s+)?(?:best|smartest|wisest|right)\s+(?:use|move"
            r"|idea|choice|time)|worth)\b"
            r"|\byou\s+(?:don't|do\s+not|dont)\s+want\s+to\s+be\s+(?:left\s+behind|the\s+only\s+one|left\s+out)\b"
            r"|\bare\s+(?:you|u)\s+sure\s+(?:you|u)\s+(?:want|wanna)\s+(?:to\s+)?(?:take|borrow|buy|spend|sign"
            r"|quit|sell|pay|lend|get|stop)\b"
            r"|\bis\s+it\s+(?:really\s+|even\s+)?worth\s+(?:paying|buying|spending|keeping|taking|borrowing"
            r"|driving|going|working|traveling|travelling|commuting"
            r"|it|the)\b"
        ),
        Check.STRONG,
    ),
    # after a report: "You fit try am with your sisters", "you and your co-wives can do same"
    Trigger(
        "advice.peer_nudge",
        _rx(
            r"\b(?:you|u|una)\s+fit\s+(?:try|do|start|copy)\s+(?:am|it|dat|that|this|same|di\s+same"
            r"|the\s+same)\b"
            # "imagine if you did 3,000 this month!", "you've got the yard for it"
            r"|\bimagine\s+if\s+(?:you|u|y'all|it|that)\b"
            r"|\byour\s+(?:family|household|group)\s+(?:can|could|might)\s+(?:also\s+)?(?=[a-z])"
            r"|\bif\s+(?:you|u)(?:'d|\s+would)\s+(?:just\s+|only\s+)?(?:start|stop|put|quit|try|save|cut)\b"
            r"|\b(?:check|see|find\s+out)\s+(?:if|whether)\s+(?:you|u|y'all)\s+(?:qualify|are\s+eligible"
            r"|can\s+get)\b|\b(?:even\s+)?(?:a\s+little|small|[$₹₦¢£€]?\d+|(?:one|two|three|four|five|ten|twenty"
            r"|a\s+few)\s+(?:dollars?|bucks|naira|cedis|rupees|leones))[^.!?]{0,20}\badds?\s+up\b(?!\s+to\b)"
            # "Your survey shows $300 on eating out. Just something to look at."
            r"|\b(?:just\s+)?(?:something|sumn|smth)\s+(?:for\s+(?:you|u)\s+)?to\s+(?:think\s+about|consider"
            r"|look\s+at|look\s+into|keep\s+in\s+mind|chew\s+on|ponder)\s*[.!…🙂😉]*\s*$"
            r"|\byou(?:'ve|\s+have)\s+(?:got\s+)?the\s+(?:yard|space|room|land|skills?|hands|time|place|garden)"
            r"\s+for\s+it\b"
            r"|\b(?:you|u|una)(?:\s+and\s+(?:your|ur)\s+[a-z-]+)?\s+(?:can|could|fit)\s+(?:also\s+)?"
            r"(?:do|try|copy)\s+same\b"
        ),
        Check.STRONG,
    ),
    # "you never borrow for a party", "tell ur dad not to sign up for that app": direction
    # whatever the object ("app" included)
    Trigger(
        "advice.norm_statement",
        _rx(
            r"\byou\s+never\s+(?:borrow|buy|lend|sign|spend|take|co-sign|cosign)\b"
            # "my mom always said never borrow for a party": a maxim handed on
            r"|\b(?:always\s+)?(?:said|says|used\s+to\s+say|taught\s+me)\s*:?\s*['\"]?\s*never\s+(?:borrow|buy|lend"
            r"|sign|spend|take|co-sign|cosign)\b"
            # "It would be a shame if she stopped now because of the fees"
            r"|\b(?:it\s+)?(?:would|'d)\s+be\s+(?:a\s+)?(?:shame|pity|waste)\s+if\s+(?:she|he|they|you|u)\s+"
            r"(?:stopped|quit|dropped|left|missed|gave\s+up|sold|lost)\b"
            # the liaison's own story as the model: "When I was starting out I kept every receipt"
            r"|\bwhen\s+i\s+was\s+(?:starting\s+out|your\s+age|in\s+your\s+(?:shoes|place|position))\b"
            r"|\btell\s+(?:your|ur|yo)\s+[a-z]+\s+not\s+to\s+(?=[a-z])"
        ),
        Check.ALWAYS,
    ),
    # Krio: "mek yu nor gi dem yu osusu moni" (do not give them your osusu money)
    Trigger(
        "advice.second_person_modal", _rx(r"\bmek\s+(?:yu|u|you)\s+(?:nor|no)\b"), Check.STRONG
    ),
)

# Greetings, vocatives, discourse markers and time phrases that may precede an imperative.
CLAUSE_PREFIX = re.compile(
    r"(?:\s*(?:(?:this|next|every|each|that|first|last)\s+(?:month|week|time|year|payday|season"
    r"|term|semester|harvest|quarter)|"
    r"and|also|so|then|but|now|ok|okay|k|just|please|kindly|hey|hi|hello|oh|meanwhile|"
    r"honestly|seriously|first|firstly|second|secondly|next|btw|plus|lol|haha|well|yeah|"
    r"yes|anyway|anyways|dear|sister|brother|sis|bro|ma|pa|mama|papa|auntie|aunty|uncle|"
    r"oldma|oldpa|old\s+ma|friend|my\s+friend|maybe|perhaps|always|only|definitely|really|"
    r"simply|quickly|immediately|asap|today|tomorrow|tonight|again|instead|otherwise|"
    r"def|deff|totally|for\s+sure|ngl|tbh|fr|hun|hon|girl|guys|folks|my\s+people|"
    r"i\s+beg(?:\s+you)?|you\s+please|please\s+do|do|better|ji|madam|sir|look|listen|abeg|"
    r"i\s+(?:would|'d)\s+say|i\s+think|i\s+feel|i\s+believe|if\s+you\s+ask\s+me|"
    r"from\s+now\s+on|after\s+that|right\s+away|for\s+now|in\s+the\s+meantime|"
    r"when\s+you\s+get\s+paid|with\s+the\s+(?:stipend|money|extra)|let's|let\s+us"
    r"|wait\s+(?=so\b|what\b|but\b|is\b|was\b|did\b))\b\s*)*"
)

NEGATION = re.compile(
    r"(?:don't|do\s+not|never|no\s+need\s+to|try\s+not\s+to|"
    # "not cash this time" contrasts ("by mobile money, not cash"); "not" alone is no command
    r"please\s+don't|pls\s+don't|no|not(?!\s+[a-z]+\s+(?:this|that|next)\s+time\b))\s+(?:ever\s+|even\s+)?"
)

# Directive scopes that are expectations, courtesy or app help, not direction.
BENIGN_HEADS = re.compile(
    # the app: "write it here", "save as you go"; a party: "bring a covered dish"
    r"(?:write|put|type|enter)\s+(?:it|them|that)\s+(?:here|there|in\s+the\s+(?:app|box|form))\b"
    # "Put it all in." after what a survey question means; "double-checking that amount"
    r"|put\s+(?:it|them)\s+(?:all\s+)?(?:in|down)\s*(?:[.!,;]|$)"
    r"|(?:double[- ]?check|re-?check)\w*\b"
    r"|count\s+(?:only|just)\s+(?:this|the\s+last|last)\s+(?:month|week|term|year)\b"
    r"|count\s+(?:the\s+|your\s+|all\s+the\s+)?(?:children|kids|baby|babies|people|members|everyone|everybody"
    r"|him|her|them)\b|(?:take|taking|retake|retaking)\s+(?:the\s+|a\s+|another\s+)?(?:photo|picture|pic"
    r"|selfie)\b|share\s+(?:it|them|this|that|the\s+code|your\s+(?:code|pin|password|otp))\s+with\s+"
    r"(?:anyone|anybody|nobody|no\s+one)\b"
    r"|(?:use|using|tap|tapping|click|clicking|press|pressing|hit|hitting)\s+(?:the\s+)?['\"]"
    r"|see\s+(?:the\s+)?[a-z]{0,3}[$]?\d[\d,.]*\b|tell\s+(?:me\s+|us\s+)?if\s+(?:not|you\s+(?:didn't|did\s+not"
    r"|haven't|have\s+not))\b"
    r"|save\s+(?:as\s+you\s+go|your\s+(?:work|progress|answers|draft)|the\s+(?:draft|form|answers"
    r"|survey))\b|bring\s+(?:a|an|some|your)?\s*(?:[a-z]+\s+){0,2}?(?:dish|snacks?|drinks?|chairs?"
    r"|plates?|cups?|cooler)\b|"
    # who hosts the meeting: "raise your hand"; a server that is slow: "wait an hour and try again"
    r"raise\s+(?:your|ur|yo|a|the)?\s*hands?\b|wait\s+[^.!?]{0,25}?\b(?:and|then|before)\s+(?:try|submit"
    r"|resubmit|send|upload|trying|submitting|resubmitting|sending|uploading)\b|"
    # papers for the visit or the meeting: "Bring the group register", "keep the ID copy ready"
    r"(?:bring|keep|have)\s+(?:the|your|ur|a|an)?\s*(?:[a-z]+\s+){0,2}?(?:register|attendance\s+(?:book|sheet)"
    r"|forms?|id|ids|id\s+cards?|passbooks?|receipts?|documents?|papers?|copy|copies)\b"
    r"(?:\s+(?:ready|handy|with\s+(?:you|u)|along))?(?![^.!?]{0,30}\b(?:bank|loan|lender|lawyer|office\s+to"
    r"|to\s+apply))|"
    # answering the survey: "pick yes or no, whichever is true"; a potluck: "bring whatever"
    r"(?:pick|put|tick|choose|select|answer|mark|circle|write)\s+(?:yes\b|no\b|whatever\b|whichever\b"
    r"|what(?:ever)?\s+is\s+true\b)|bring\s+(?:whatever|anything|something)\b|"
    # "u shud hv ur $ by now", "u should b able 2 see ur chart", "just leave them blank"
    r"(?:have|hv)\s+(?:your|ur|yo|the)\s+(?:\$|money|stipend|payment|cash|funds|transfer)(?:\s|$|[.,!?])"
    r"|(?:have|hv)\s+(?:\d+|one|two|three|four|five|six|a\s+few|some)\s+(?:more\s+)?(?:surveys?|payments?"
    r"|stipends?|visits?|months?|questions?|photos?)\s+(?:left|remaining|to\s+go)\b"
    r"|(?:have|hv)\s+(?:it|them)\s+(?:(?:in|on)\s+(?:your|ur|yo|the)\s+(?:[a-z]+\s+){0,2}?(?:account|app"
    r"|wallet|phone|card|balance|momo)\b|by\s+now\b|already\b)"
    r"|b\s+able\s+(?:to|2)\s+(?:see|view|open|find|access)\b"
    r"|leave\s+(?:it|them|that|this|those)\s+(?:blank|empty)\b"
    r"|give\s+(?:the|your|ur)\s+(?:income|amount|total|number)s?\s+for\b|"
    r"(?:have|'ve|of)\s+(?:already\s+)?(?:received|gotten|got|get|been|seen|heard|arrived|hit|landed"
    r"|reached|come\s+in|gone\s+through)\b"
    r"|be\s+(?:getting|receiving)\s+(?:it|the|a|your|an|back|from)\b[^.?!]{0,40}"
    r"\b(?:today|tomorrow|soon|by|on|within|this|next|week|app|sms|message|stipend|link|text)\b"
    r"|be\s+(?:so\s+|very\s+|really\s+|super\s+|real\s+)?(?:proud|happy|glad|pleased|tired"
    r"|exhausted|busy|excited|relieved|fine|ok|okay"
    r"|all\s+set|good\s+to\s+go|able\s+to\s+see|there|ready|on\s+time"
    r"|visible|working|back)\b|pick\s+(?:it|them|yours|those|these|that)\s+up\b"
    r"|take\s+(?:your|ur|all\s+the|whatever|as\s+much)\s+time\b|come\s+(?:early|on\s+time|a\s+bit\s+early)\b"
    r"|tell\s+(?:[a-z]+\s+){1,2}?(?:i\s+said\s+)?(?:hi|hey|hello)\b|have\s+(?:it|them|that)\s+(?:by|already|now|today"
    r"|soon)\b|(?:get|receive)\s+(?:(?!in\b)[a-z0-9$]+\s+){0,4}?(?:stipend|payment|link|sms|code)\b"
    r"|(?:let|tell|show|send|text|call|message|email|ping|remind|ask|contact|reach|give)"
    r"\s+(?:me|us)\b|(?:get|receive|see|hear)\s+(?:it|the|a|your|an|back|from)\b[^.?!]{0,40}"
    r"\b(?:today|tomorrow|soon|within|this\s+week|next\s+week|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|week|app|screen|check|sms|message|stipend|link)\b"
    # wishes ("have fun at the temple", "have a blessed Thanksgiving") and a bare retry
    r"|have\s+fun\b|have\s+(?:a|an)\s+(?:very\s+|really\s+)?(?:good|great|nice|blessed|happy|safe"
    r"|wonderful|lovely|merry|beautiful|peaceful|restful|relaxing|fun)\b"
    r"|again(?:\s+(?:later|tomorrow|tonight|in\s+a\s+(?:bit|while|few\s+minutes)))?(?=\s*(?:[.!?,;]|$))"
    r"|feel\s+(?:proud|free|better)|come\s+(?:to\s+the\s+meeting|by|early|on\s+time)"
    r"|keep\s+(?:it\s+up|up\s+the\s+good)|take\s+care\b|get\s+well\b|go\s+ahead\b"
    r"|do\s+(?:anything|nothing)\b|do\b(?=\s*(?:[.!?,;]|$))"
    # "ek baar phir try kijiye": a retry ("try" itself is skipped as a chain verb)
    r"|(?:(?<=\bphir\stry\s)|(?<=\bdobara\stry\s)|(?<=\bfir\stry\s))(?:kijiye|karo|kariye|karein)\b"
    r"|(?:pass|spread)\s+(?:the\s+)?word\b|let\s+(?:the\s+)?others\s+know\b"
    r"|bring\s+(?:the\s+|your\s+)?(?:kids|children|little\s+ones|babies|family)\s+(?:along\s+)?if\s+"
    r"(?:you|u)\s+(?:want|need|like|wish)"
    r"|see\s+(?:the\s+)?(?:[$]?\d[\d,.]*|it|the\s+money|the\s+payment)\s+(?:[a-z]+\s+)?(?:on|in)\s+(?:your|the)"
    r"\s+(?:card|account|wallet|app|phone)\b"
    r"|take\s+(?:all\s+)?(?:the|your)\s+time\b|take\s+(?:whatever|as\s+much|all\s+the)\s+time\b|sign\s+(?:in|back\s+in)\b|log\s+(?:in|out|back)\b"
    r"|[a-z]+\s+(?:it|them|that|this|the\s+photo|the\s+form)\s+(?:once\s+)?again\b"
    r"|(?:take|send|snap|click|upload|do)\s+(?:one\s+)?(?:once\s+)?again\b"
    r"|save\s+(?:my|this|our|the)\s+(?:number|#|contact|details)"
    r"|(?:accept|extend|pass\s+on|convey)\s+(?:my|our)\s+(?:[a-z]+\s+)?(?:condolences|sympath(?:y|ies)|apologies|thanks"
    r"|congratulations|wishes|prayers)\b"
    r"|share\s+(?:only\s+)?(?:what|as\s+much\s+as|whatever)\s+(?:you're|you\s+are|you\s+feel)\b"
    r"|(?:see|check|read|look\s+at|view|open|watch)\s+(?:the|my|our|their|his|her|this|that)?\s*"
    r"(?:feed|post|story|stories|group\s+page|video)\b"
    r"|see\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:pop-?up|message|notification|button|screen|box|link"
    r"|code|sms|text|alert|banner|option|tab|icon|green\s+tick|tick)\b"
    r"|save\s+(?:it|them|this|that|your|the)\s+(?:[a-z]+\s+)?(?:answers?|draft|form|survey|progress"
    r"|changes|photos?|pictures?|receipts?|screenshots?|story|entries)\b"
    r"|save\s+(?:it|them)\s+(?:in|to|on)\s+(?:the\s+)?(?:app|phone|gallery|drafts?)\b"
    r"|(?:look\s+(?:at|over)|check|re-?check|see|review|go\s+over)\s+(?:the|your|that|this)\s+"
    r"(?:[a-z]+\s+){0,3}?(?:amount|figure|number|entry|answer|value)s?\s+(?:again|once\s+more)\b"
    r"|(?:add|enter|fill\s+in|put|type|write)\s+(?:in\s+)?(?:the\s+)?(?:date|month|amount|number"
    r"|name|figure|total)s?\b"
    r"|wait\s+(?:a\s+(?:few\s+)?|for\s+)?(?:\d+\s+|a\s+)?(?:minutes?|mins?|seconds?|secs?|moment"
    r"|bit|while|little)\b"
    r"|be\s+(?:at\s+least\s+|over\s+|under\s+)?\d+|be\s+(?:listed|registered|enrolled)\b"
    r"|[a-z]+\s+[^.!?]{0,40}\bif\s+you\s+(?:like|wish|prefer|feel\s+like)\b"
)

_PEOPLE = (
    r"(?:famil(?:y|ies)|households?|homes|mothers|moms|mums|mamas|women|ladies|men|dads"
    r"|fathers|grandmothers?|grandmas?|grandfathers?|parents|couples?(?!\s+of)|neighbou?rs|people"
    r"|folks|members|youths?|farmers|sellers|traders|vendors|mothers'\s+group|groups?)"
)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PEER_SUBJECTS = re.compile(
    r"\b[a-z]+'s\s+(?:fam|family|household|group)\b|"
    r"\b(?:one|some|many|several|two|three|four|five|a\s+few|most|half)\s+of\s+the\s+(?:[a-z]+\s+)?"
    + _PEOPLE
    + r"\b|"
    # "the reeds on 29th st": a family named by where it lives
    r"\bthe\s+[a-z]+s\s+(?:on|in|from|at|over\s+on)\s+(?:[a-z0-9]+\s+){0,2}(?:st|street|ave|avenue"
    r"|road|rd|block|lane|drive|court)\b|"
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|dozens\s+of|hundreds\s+of|several|some|many"
    r"|a\s+few|few|other|\d+|most|lots\s+of|a\s+couple\s+of|a\s+group\s+of|a\s+bunch\s+of"
    r"|half\s+the|these|another)\s+(?:(?!(?:for|to|with|of|in|on|from|at|by|your|our|my)\s)"
    r"[a-z'-]+\s+){0,2}?" + _PEOPLE + r"\b"
    # "the savings group" is where money goes, not a family: "put $20 in the savings group"
    r"|\bthe\s+(?!whole\b|same\b|new\b|next\b|other\b|family\b|savings\b|susu\b|thrift\b|chit\b"
    r"|prayer\b|whatsapp\b|support\b)[a-z]+\s+(?:(?!(?:your|our|my|whole|own|savings|susu|thrift|chit|prayer|whatsapp|support|church"
    r"|help|loan|credit|friend)\b)[a-z]+\s+)?"
    r"(?:family|families|household|group|cohort|folks|fams|women|mothers)\b"
    # "the Techiman group feed" is a place on the app, not a family
    r"(?!\s+(?:feed|chat|page|wall|thread))"
    # "jess n her mom started selling cookies"
    r"|\b[a-z]+\s+(?:and|&)\s+(?:her|his)\s+(?:mom|mother|mum|dad|father|sister|brother|husband|wife"
    r"|kids|family|daughter|son|cousin|aunt|auntie|uncle)\b"
    # "our Cuttack group families": a group named by its place
    r"|\bour\s+(?!seed\b|friend\b|whole\b|new\b|own\b)[a-z]+\s+group\s+(?:families|households|members)\b"
    r"|\b" + _PEOPLE + r"\s+(?:in|from|of|across|at|on)\s+(?:the\s+)?(?!your\b|our\b)[a-z]+"
    r"|\b[a-z]+'s\s+(?:group|family|household)\b"
    r"|\b(?:news|update)\s+from\b(?!\s+(?:the\s+)?(?:play\s+store|app\s+store|google\s+play))"
    # surnames and titled names as subjects of a report: "the Okafors posted", "Oga Chukwu
    # family don post", "someone in your group started"
    r"|\bthe\s+(?!(?:kids|children|prices|fees|bills|rates|folks|banks|loans|schools|days"
    r"|months|weeks|years|photos|surveys|stipends|payments|meetings|things|numbers|answers"
    r"|questions|forms|posts|apps|parents|boys|girls|twins|neighbors|neighbours|others)\b)"
    r"[a-z]{3,}s\s+(?:[a-z]+ed|did|made|got|went|put|built|grew|took|found|set|sold|bought"
    r"|paid|won|ran|said|told|wrote|began|have|had)\b"
    r"|\b(?:oga|mama|papa|auntie|aunty|uncle|mr|mrs|ms|miss|pastor|chief|alhaji|hajia|ma|pa"
    r"|madam|brother|sister)\.?\s+[a-z]+\s+(?:\([^)]{1,40}\)\s+)?"
    r"(?:(?:family|household|and\s+(?:her|his)\s+[a-z]+)\s+)?"
    r"(?:in\s+[^,.!?]{1,40}?\s+)?(?:[a-z]+ed|don|dey|has|have|did|made|began|said|say|told"
    r"|wrote|started|post|posted)\b"
    r"|\b(?:someone|somebody|a\s+family|one\s+family|a\s+mom|a\s+dad|a\s+neighbou?r)\s+"
    r"(?:in|from)\s+(?:your|the|our)\s+(?:group|area|village|block|building|program|church)\b"
    r"|\b(?:a|one|the|that|this)\s+(?:young\s+|single\s+|old\s+)?(?:dad|mom|mum|mama|mother"
    r"|father|grandmother|grandfather|woman|man|lady|couple(?!\s+of)|widow|farmer|teacher"
    r"|neighbou?r|seller|family|household|auntie|aunty|trader)\s+(?:in|from|of|at|for)\s+"
    r"(?:the\s+)?(?!your\b|our\b)[a-z]+"
)

PEER_EVIDENCE = re.compile(
    r"\b[a-z]+ed\b|\b(?:began|begun|did|made|bought|sold|got|paid|went|built|grew|took"
    r"|found|put|set\s+up|now|shared|posted|reported|told|split|spent|saved|won|run|ran|wrote"
    r"|dey|doing|been|are\s+[a-z]+ing|is\s+[a-z]+ing|have\s+been|has\s+been)\b"
)

FEED_POINTERS = re.compile(
    r"\b(?:their|his|her|the\s+group's|dey|they)\s+(?:[a-z]+\s+)?(?:post|posts|update"
    r"|updates|story|stories|photos|thread|video|details)\b"
    r"|\b(?:new|latest)\s+post\s+from\b|\bpinned\s+in\s+the\s+feed\b"
    r"|\b(?:they|dey|she|he)\s+(?:posted|shared|wrote|put)\b[^.!?]{0,30}\b(?:feed|app|board"
    r"|wall|group\s+page)\b"
    r"|\b(?:post|photos|thread|details)\s+(?:is|are)\s+(?:pinned\s+)?(?:in|on|up\s+on)\s+"
    r"the\s+(?:feed|board|group\s+page)\b"
)


def _is_infinitive(word: str) -> bool:
    return bool(word)


PROFILE = Profile(
    code="en",
    abbreviations=lex.ABBREVIATIONS,
    triggers=TRIGGERS,
    strong_verbs=frozenset(lex.LIFE_VERBS),
    weak_verbs=frozenset(lex.OBJECT_DEPENDENT_VERBS),
    logistic_verbs=lex.LOGISTIC_VERBS,
    chain_verbs=lex.CHAIN_VERBS,
    skip_words=lex.SKIP_WORDS,
    clause_prefix=CLAUSE_PREFIX,
    negation=NEGATION,
    benign_heads=BENIGN_HEADS,
    life_terms=lex.LIFE_TERMS,
    app_terms=lex.APP_TERMS,
    time_terms=lex.TIME_TERMS,
    peer_subjects=PEER_SUBJECTS,
    # "in your group" places the others; it does not address the reader
    second_person=re.compile(
        r"\b(?:you|you're|you'll|you'd|yours)\b|(?<!\bin\s)(?<!\bfrom\s)(?<!\bof\s)\byour\b"
    ),
    peer_evidence=PEER_EVIDENCE,
    feed_pointers=FEED_POINTERS,
    statement_forms=frozenset(),
    base_form=lambda word: word,
    is_infinitive=_is_infinitive,
    open_imperative=is_open_imperative,
    follows_subject=follows_subject,
    in_context=lex.in_context,
    stopwords=lex.STOPWORDS,
    ambiguous_logistic_verbs=lex.AMBIGUOUS_LOGISTIC_VERBS,
    gathering_verbs=frozenset(["come", "remember"]),
    gatherings=re.compile(
        r"\b(?:meeting|meetings|meets|visit|check-in|naming|christening|baptism|wedding|funeral"
        r"|burial|graduation|shower|birthday|party|cookout|potluck)\b"
    ),
    gerund_base=lex.gerund_base,
    entry_verbs=frozenset(
        [
            "put",
            "enter",
            "write",
            "type",
            "fill",
            "count",
            "list",
            "go",
            "goes",
            "record",
            "mark",
            "pick",
            "choose",
            "select",
            "share",
        ]
    ),
    form_labels=re.compile(
        r"[a-z]+\s*>\s*[a-z]+|\bunder\s+['\"]|\b(?:field|(?<!savings\s)(?<!money\s)(?<!cash\s)(?<!lock\s)box|dropdown|drop-down|menu|password|pin|username)\b|\banswer(?:ing)?\s+the\s+(?:[a-z]+\s+)?question|\bfor\s+(?:verification|the\s+survey|our\s+records)\b"
        # "under housing, not under debt": which category of the form
        r"|\bunder\s+(?:the\s+)?[a-z']+(?:\s+[a-z']+)?,?\s+not\s+(?:under\s+)?[a-z]"
        # "none" typed as a value ("just put 0 if you have none")
        r"|\b(?:put|enter|type|write|mark)\s+(?:a\s+)?(?:0|zero)(?![\d.,])"
    ),
    permission=re.compile(r"\bif\s+(?:you\s+|u\s+)?(?:want|wish|like|can|need\s+to|prefer)\b"),
    courtesy=re.compile(
        r"(?:(?:oh|and|so|hey|hi|wow|aw+|ah)\s+)?(?:[a-z]+\s+)?(?:congrat\w*|bless\w*|praying|prayers?"
        r"|lifting\s+[a-z']+\s+up|so\s+sorry|sorry\s+(?:for|to\s+hear|about)|condolences|thinking\s+of"
        r"|thank\w*|thanks|thx|happy\s+[a-z]+|merry\s+[a-z]+|wishing|may\s+(?:god|allah|the\s+lord|he|she)"
        r"|get\s+well|rip|rest\s+in\s+peace|god\s+is\s+good|hope\s+(?:you|ur|the|all|everyone|she|he"
        r"|they|your|things)|wow|yay|amen|hey|hi|hello|good\s+(?:morning|afternoon|evening|night)"
        r"|welcome|well\s+done|great\s+job|good\s+job|so\s+proud|proud\s+of|what\s+a\s+[a-z]+\s*[!.]"
        r"|so\s+(?:happy|glad)|glad\s+to|we(?:'re|\s+are)\s+(?:praying|thinking)|have\s+a\s+(?:good|great"
        r"|blessed|nice))\b"
    ),
    thanks=re.compile(
        r"\s*(?:(?:oh|and|so|hey|ok|okay|wow)\s+)?(?:thank|thanks|thx|thnx|tnx|ty|many\s+thanks|grateful)\b"
    ),
    survey_frame=re.compile(
        r"\s*(?:(?:so|and|ok|okay|also)\s+)?(?:in|on|for|under)\s+['\"\u2018\u201c][^'\"\u2019\u201d]{1,40}"
        r"['\"\u2019\u201d]\s*[,:]"
        r"|\s*(?:(?:so|and|ok|okay|also)\s+)?(?:in|on|for|under|at)\s+(?:the|that|this|your)\s+(?:[a-z']+\s+){0,3}?"
        r"(?:question|section|field|box|part|page|screen|tab|column|row)s?\s*[,:]"
        r"|\s*(?:[a-z]+,\s*)?(?:the|that|this)\s+(?:[a-z']+\s+)?(?:question|section|field|box|survey)\s+"
        r"(?:about|on|for|of)?[^.!?]{0,40}?\b(?:means|is\s+about|refers\s+to|includes|counts|asks?)\b"
        # a survey term in quotes: "'Help given' means money or things you gave to other families"
        r"|\s*(?:(?:so|and|ok|okay|also)\s+)?(?:the\s+)?['\"\u2018\u201c][^'\"\u2019\u201d]{1,40}['\"\u2019\u201d]\s+(?:(?:question|section"
        r"|field|box|part)\s+)?(?:means|is\s+about|refers\s+to|includes|counts|covers|is\s+for|is\s+where)\b"
    ),
    # "your white corn story", but not "your neighbor's story"
    own_post=re.compile(
        r"\b(?:your|ur|yo)\s+(?:own\s+)?(?:(?![a-z]+'s\b)[a-z'-]+\s+){0,3}?"
        r"(?:story|stories|post|posts|photos?|pics?)\b"
    ),
    group_news=re.compile(
        r"\b(?:welcome|welcoming|welcomed)\b|\bnew\s+(?:families|households|members)\b"
        # who joins which group, by name too ("joined the Brikama group"); a savings group or
        # a co-op joined is a practice, not group news
        r"|\b(?:joining|joined|join|joins|(?:been\s+)?added\s+to)\s+(?:the|our|your|ur|you\s+all|this|de|di"
        r"|da)\s+(?:(?!(?:as|a|an|in|with|for|to|and)\s)[a-z.'-]+\s+){0,3}?(?<!savings\s)(?<!saving\s)(?<!susu\s)(?<!esusu\s)(?<!chama\s)"
        r"(?<!credit\s)(?<!loan\s)(?<!farming\s)(?<!farmers\s)(?<!buying\s)(?<!burial\s)(?<!support\s)"
        r"(?<!study\s)(?<!business\s)(?<!women's\s)(?:friend\s+)?group\b"
        r"|\b(?:households|families|homes|members|everyone|everybody)\s+(?:[a-z]+\s+){0,2}?(?:signed\s+up"
        r"|registered|enrolled)(?:\s+now)?\s*(?:[,.;:!?]|$)"
        r"|\b(?:reached|hit|made\s+it\s+to)\s+"
        + _COUNT
        + r"\s+(?:households|families|members|homes)\b"
        # where and when a group meets: "the Kasese group will meet under the mango tree"
        r"|\bgroup\s+(?:will\s+|is\s+|are\s+|'s\s+|'ll\s+)?(?:meet|meets|meeting|gather|gathers|gathering)\s+"
        r"(?:(?:again|as\s+usual)\s+)?(?:at|on|in|under|this|next|tomorrow|tonight|today)\b"
        r"|\b(?:delivered|gave\s+birth\s+to)\s+(?:a\s+)?(?:(?:healthy|beautiful|bouncing|baby|new)\s+)*"
        r"(?:baby|boy|girl|son|daughter|twins)\b|\bgave\s+birth\b"
        # the group's size: "your group is at 9 households now", "8 of 10 families"
        r"|\b" + _COUNT + r"\s+(?:of\s+(?:10|ten)\s+)?(?:households|families|members|homes)\s+now"
        r"\s*(?:[,.;:!?]|$)"
        r"|\b" + _COUNT + r"\s+of\s+(?:10|ten)\s+(?:households|families|members|homes)\b"
        r"|\bnow\s+(?:has|have)\s+" + _COUNT + r"\s+(?:households|families|members|homes)\b"
        r"|\bgroup\s+is\s+(?:full|complete)\b|\bgroup\s+is\s+(?:down|up)\s+to\s+"
        + _COUNT
        + r"\b|\b(?:spot|spots|place|places|seat|seats)\s+(?:open|left)\b"
        r"|\bnew\s+(?:baby|babies)\b(?!')|\bpassed\s+(?:away|on|peacefully|last\s+night|this\s+morning"
        r"|yesterday|at\s+home|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
        r"|\bhad\s+(?:a|their|her|his)\s+(?:new\s+)?(?:baby|babies|twins)\b"
        r"|\bgot\s+married\b|\bgot\s+engaged\b"
        r"|\bwe(?:'re|\s+are)\s+(?:now\s+)?" + _COUNT + r"\s+(?:families|households)\b"
        # who paid the group's costs: "paid their share for the funeral bus", "except 2 families"
        r"|\b(?:share|dues|fee|part)\s+(?:for|of)\s+(?:the\s+)?(?:hall|bus|picnic|funeral|party|meeting|trip"
        r"|outing|food)\b|\bhall\s+fee\b|\bexcept\s+" + _COUNT + r"\s+(?:families|households)\b"
        # why a meeting moves: "a few families have church that day"; the family's own request
        r"|\b(?:have|has)\s+(?:church|mass|work|class|classes|school|a\s+school\s+concert)\s+(?:on|that|this)\b"
        r"|^\s*(?:you|u)\s+(?:asked|wanted)\b[^:]*$"
        r"|\b(?:shifting|moving|relocating)\s+(?:house|houses|home)\b|\bposts?\s+will\s+(?:start\s+)?(?:show"
        r"|showing|appear)\b|\b(?:was|were|is|are|been)\s+delayed\b|\bcame\s+late\b"
        r"|\b(?:did\s+not|didn't|never)\s+(?:come|arrive)\b"
        r"|\bgot\s+(?:it|theirs|paid|the\s+stipend|their\s+stipend|the\s+money)\s+(?:a\s+(?:day|bit)\s+)?late\b"
        # a family changing groups: "so they'll be in the Layibi group now"
        r"|\b(?:will|'ll)\s+be\s+in\s+(?:the\s+)?(?:[a-z]+\s+){0,2}group\b"
        r"|\b(?:moved|switched|transferred)\s+(?:to\s+)?(?:another|a\s+different|the\s+[a-z]+)\s+group\b"
        # why a meeting moves: "a few folks work late Thursday"
        r"|\b(?:work|works|working)\s+the\s+(?:late|night|early|evening|weekend|graveyard)\s+shifts?\b"
        r"|\b(?:work|works|working)\s+(?:late\s+|nights\s+|weekends\s+)?(?:on\s+)?(?:mondays?|tuesdays?"
        r"|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|nights|weekends|evenings|late)\b"
        # why the liaison asks: "it's to understand how families decide"
        r"|\bto\s+(?:understand|know|learn)\s+(?:better\s+)?(?:how|what|why|whether)\s+(?:other\s+)?"
        r"(?:families|households|people|folks)\b"
        # leaving, roles, a stipend held for the reader, comments on the reader's post
        r"|\b(?:left|quit|leaving|has\s+left)\s+(?:the|our|your|this)\s+(?:friend\s+)?group\b"
        r"|\b(?:picked|chose|elected|named|voted\s+for)\s+(?:[a-z]+\s+){1,3}?as\s+(?:the\s+|our\s+)?(?:new\s+)?"
        r"(?:contact|leader|coordinator|treasurer|secretary|host|chair|chairperson|rep)\b"
        r"|\b(?:has|have)\s+(?:it|them|yours)\s+for\s+(?:you|u)\b"
        r"|\b(?:voted|decided|agreed)\s+to\s+(?:meet|move\s+the\s+meeting|change\s+the\s+meeting)\b"
        r"|\b(?:commented|reacted)\s+on\s+(?:it|your\s+(?:story|post))\b|\bliked\s+your\s+(?:story|post)\b"
    ),
    logistic_words=re.compile(
        r"\b(?:(?:is|are|was|were)\s+)?(?:host|hosts|hosted|hosting|invited|invites|inviting"
        r"|confirmed|asked|asking|said|saying|joined|joining|coming|came|attending|attended|offered"
        r"|welcomed|called|missed|meets|meet|monday|tuesday|wednesday|thursday|friday|saturday"
        r"|sunday|weekend|january|february|march|april|may|june|july|august|september|october"
        r"|november|december)\b|\btold\s+(?:me|us)\b"
    ),
    # "I can't tell you what to do, but the co-op seed is half price" says it anyway (a rule)
    declines=re.compile(
        r"(?:"
        r"\b(?:i|we)\s+(?:can't|cannot|can\s+not|am\s+not\s+allowed\s+to|'m\s+not\s+allowed\s+to"
        r"|are\s+not\s+allowed\s+to|am\s+not\s+supposed\s+to|'m\s+not\s+supposed\s+to)\s+"
        r"(?:give\s+(?:you\s+|u\s+)?(?:any\s+)?advice|advise|tell\s+(?:you|u)\s+what\s+to\s+do)\b"
        r"(?![^.!?]{0,20}\bbut\s+(?:i|let\s+me)\b)"
        r"|\b(?:it's|its|that's|thats|it\s+is|that\s+is)\s+(?:your|ur)\s+(?:own\s+)?(?:decision|call|choice)\b"
        r"|\bi\s+(?:won't|will\s+not|can't|cannot|don't|do\s+not)\s+(?:comment|judge)\b"
        # "I can't tell you what to do, but I can tell you Miss Ruth lost her trailer" advises
        r"(?![^.!?]{0,20}\bbut\s+(?:i|let\s+me)\b)"
        r"|\b(?:we|i)\s+(?:don't|do\s+not|never)\s+give\s+(?:any\s+)?advice\b"
        r"|\b(?:i|we)\s+(?:can't|cannot|can\s+not)\s+tell\s+(?:you|u)\s+(?:if|whether)\s+[^.!?,;]*"
        r"|\b(?:i|we)\s+(?:can't|cannot|can\s+not)\s+say\s+(?:which|what|whether|if)\s+[^.!?;]*"
        r"|\bnot\s+(?:allowed|supposed|authorized|permitted)\s+to\s+(?:give\s+(?:you\s+)?(?:any\s+)?advice"
        r"|advise)\b"
        r")(?![^.!?]{0,60}[.!?…]*\s*,?\s*but\b(?![.…\s]*(?:i|i'd|i'll|i'm|let\s+me|we|we'll|thank"
        r"|thanks)\b))"
    ),
    survey_question=re.compile(
        r"\b(?:survey|question|form)(?:\s+\d+)?\s+(?:asks|ask|is\s+asking)\s+(?:you\s+)?(?:if|whether"
        r"|how|what|when|who|which)\b"
    ),
    reported_speech=re.compile(
        r"\b(?:you|u|ya)\s+(?:said|told\s+(?:me|us)|mentioned|wrote|were\s+saying)\s+(?:that\s+)?\s*$"
        r"|\b(?:noted|got\s+it|understood|so\s+the\s+plan\s+is)\s*[,:;-]?\s*$"
        r"|\byour\s+(?:plan|note|goal|answer)\s+(?:says|reads)\s*:?\s*$"
        # the family's story telling what they told someone: "Your story says you told your son…"
        r"|\b(?:your|ur)\s+(?:story|post)\s+(?:says|said|reads|mentions)\s+(?:that\s+)?(?:you|u)\s+"
        r"(?:told|said\s+to|asked|warned|advised)\b[^.!?]*$"
    ),
    household_count=re.compile(
        r"\b(?:how\s+many|number\s+of|" + _COUNT + r")\s+(?:people|ppl|persons|folks|members|adults"
        r"|kids|children)\s+(?:who\s+)?(?:(?:are\s+|is\s+)?(?:living|live|lives|dey\s+live|sleep"
        r"|sleeping|staying|stay|working|work)\s+)?(?:in|for|at)\s+(?:the|your|ur|yo|this|da|di)\s+"
        r"(?:house|home|household|apartment|flat|compound|room)\b"
    ),
    survey_quote=re.compile(
        r"\bquestion(?:\s+\d+)?\s*:?\s*['\"]|\b(?:survey|question|form|app|note|plan|story|answer)(?:\s+\d+|\s+(?:on|in)\s+(?:page|screen|section)\s+\d+"
        r"|\s+number\s+\d+)?\s+(?:asks|ask|says|reads|is\s+asking)(?:\s+you)?\s*:?\s*['\"]"
    ),
    indirect_question=re.compile(
        r"(?:please\s+|kindly\s+|just\s+|so\s+)?(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)"
        r"|text\s+(?:me|us)|write\s+(?:me|us))\s+(?:what|which|how|where|who|whether)\b"
    ),
    open_question=re.compile(
        r"(?:(?:in|for|at|from|with|since|to)\s+(?=which|what|how|whom))?"
        r"(?:how(?!\s+about)|when|who|whom|where|how\s+much|how\s+many|which|is|are|was|were|did|does"
        r"|what(?!\s+(?:if|about|would|could|might|do\s+you\s+think|is\s+stopping|'s\s+stopping"
        r"|you\s+(?:should|need|could))\b))\b"
    ),
    pointer_verbs=frozenset(
        {"see", "look", "check", "read", "watch", "view", "open", "find", "peep", "scroll"}
    ),
)
