"""Spanish directive forms, clause fillers and peer-report patterns, and the Spanish profile."""

from __future__ import annotations

import re

from app.services.rules import lexicon_es as lex
from app.services.rules.engine import Check, Profile, Trigger

_SUBJ = r"(?:(?:usted|tu|ustedes|ud|uds)\s+)?(?:si\s+|ya\s+|tambien\s+|mejor\s+)?"
_NOT_REQUEST = r"(?<!\bme\s)(?<!\bnos\s)(?<!\blo\s)(?<!\bla\s)(?<!\bse\s)(?<!\bles\s)"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "advice.second_person_modal",
        _rx(
            r"(?<!\breunion\s)(?<!\bencuesta\s)(?<!\bvisita\s)(?<!\bfoto\s)(?<!\bapp\s)"
            r"(?<!\bpago\s)(?<!\bestipendio\s)(?<!\bapoyo\s)(?<!\bcita\s)(?<!\bjunta\s)"
            rf"\b{_SUBJ}(?:no\s+)?(?:deberia|deberias|deberian|debe|debes|deben|debiera|debieras"
            r"|debieran)\b(?!\s+(?:jalar|funcionar|servir|andar|cargar|llegar|aparecer|salir|estar))"
            # "ya deberías tenerlo en tu cuenta": the stipend, not a life choice
            r"(?!\s+(?:ya\s+)?(?:tener(?:lo|la|los|las)?\s+(?:ya\s+)?(?:en\s+(?:tu|su)\s+(?:cuenta|tarjeta|celular"
            r"|telefono|billetera|app)|para\s+(?:hoy|manana|el|la))|recibir(?:lo|la|los|las)?)\b)"
            rf"|(?<!\bno\s)\b{_SUBJ}(?:tiene\s+que|tienes\s+que|tenes\s+que|tienen\s+que|tendria\s+que"
            r"|tendrias\s+que|(?<!\bo\s)hay\s+que|habria\s+que)\b"
            # a field that must match: "el nombre tiene que ser igual al de la credencial"
            r"(?!\s+(?:ser|estar|salir|verse|coincidir)\s+(?:igual|identic[oa]|el\s+mismo|la\s+misma|completo"
            r"|completa|legible|clar[oa]|con\b))"
        ),
        Check.STRONG,
        needs_infinitive=True,
    ),
    Trigger(
        "advice.second_person_modal",
        # "le conviene vender", but not the question "¿qué le conviene?" (which day suits you)
        _rx(
            r"(?:(?<!\bque\s)\b(?:le|te|les|nos)\s+|(?:^|(?<=[\s,.!?¿]))(?<!\bque\sle\s)"
            r"(?<!\bque\ste\s)(?<!\bque\sles\s)(?<!\bque\s))(?:conviene|convendria|convenga)\b"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"(?<!\botras\s)(?<!\botros\s)(?<!\bellas\s)(?<!\bellos\s)(?<!\bella\s)(?<!\bel\s)"
            r"(?<!\bninos\s)(?<!\bhijos\s)(?<!\bmamas\s)(?<!\bvecinas\s)(?<!\bvecinos\s)"
            r"(?<!\bdos\s)(?<!\btres\s)(?<!\bcuatro\s)(?<!\bcinco\s)(?<!\btodas\s)(?<!\btodos\s)"
            r"(?<!\bambas\s)(?<!\bambos\s)(?<!\bfamilias\s)(?<!\bmujeres\s)"
            # "la encuesta puede esperar": the thing named before can, not the reader
            r"(?<!\bencuesta\s)(?<!\bpago\s)(?<!\bapoyo\s)(?<!\breunion\s)(?<!\bfoto\s)"
            rf"{_NOT_REQUEST}\b(?:usted\s+|tu\s+|ustedes\s+)?(?:podria|podrias|podrian|puede"
            r"|puedes|podes|pueden|pudiera|pudieras|necesita|necesitas|necesitan|necesitas)\b"
            r"(?!\s+(?:contar(?:me|nos)?|explicar(?:me|nos)?|aclarar(?:me|nos)?)\s+(?:un\s+poco\s+)?(?:mas|que|como"
            r"|cuanto|de|del|sobre)\b)"
            # the children are welcome at the meeting: "Pueden traer a los niños."
            r"(?!\s+(?:(?:traer|llevar)\s+a|venir\s+con)\s+(?:los|sus|tus)\s+(?:ninos|hijos|chicos|chamacos|cipotes|guaguas"
            r"|nenes|pequenos|chiquitos|patojos|cabros|pelados)\s*(?:[,.;:!?]|$|\s+(?:si|tambien|con)\b))"
        ),
        Check.WEAK,
        needs_infinitive=True,
    ),
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"(?=[lt]e)(?<!\balguien\s)(?<!\bquien\s)(?<!\bnadie\s)(?<!\bel\s)(?<!\bella\s)(?<!\bellos\s)"
            r"(?<!\bya\s)\b(?:le|te|les)\s+(?:recomiendo|recomendaria|sugiero|sugeriria|aconsejo"
            r"|aconsejaria|propongo)\b|\b(?:mi|un|una|le\s+doy\s+un|te\s+doy\s+un)\s+(?:consejo"
            r"|consejito|sugerencia|recomendacion)\b|\b(?:recomiendo|sugiero)\s+que\b"
            r"|\bseria\s+(?:muy\s+)?(?:bueno|mejor|bien|buena\s+idea|conveniente|util|importante|prudente"
            r"|recomendable|ideal|inteligente|sabio)\b|\blo\s+(?:mejor(?!\s+que\s+(?:hizo|hicieron|hice|paso|le\s+funciono|les\s+funciono)\b)|ideal|mas\s+[a-z]+|recomendable|conveniente|importante(?=\s+es\s+que\s+(?!se\s+(?:entienda|lea|vea|note)\b))|indicado"
            r"|sensato|inteligente|que\s+(?:tienen|tiene|tienes|tenes|deben|debe|debes)\s+que\s+hacer)"
            r"\s+(?:es|seria|sera|fuera|que|hacer)\b"
            r"|\bmas\s+vale\b|\bvale\s+la\s+pena\b|\b(?:es|seria|sera|resulta)\s+(?:mucho\s+|muy\s+)?"
            r"(?:mejor|importante|bueno|recomendable|conveniente|necesario|urgente|clave"
            r"|fundamental|preferible|indispensable|mas\s+barato|mas\s+facil)\s+(?:que|si|para)?\b"
            r"|\b(?:te|le|les)?\s*(?:sale|saldria|resulta|sale\s+a\s+cuenta)\s+(?:mucho\s+)?"
            r"(?:mas\s+)?(?:barato|economico|mejor|a\s+la\s+mitad|mas\s+a\s+cuenta)\b"
            r"|(?:^|(?<=[¿.!?,;:]\s)|(?<=[¿.!?,;:]))\s*para\s+que\s+(?=[a-z]+(?:ar|er|ir)\b)"
            r"|\by\s+si\s+mejor\b|\bque\s+tal\s+si\b"
            # "procure que en la foto salga el total" is about the photo
            r"|\b(?:procure|procura|procuren|trate\s+de|trata\s+de|traten\s+de)\b"
            r"(?!\s+que\s+(?:en\s+)?(?:la|las)\s+fotos?\b)"
            r"|\b(?:nomas|solo|nada\s+mas)\s+(?:le\s+|te\s+|les\s+)?(?:digo|comento|aviso)\b"
            r"|\bdicen\s+los\s+(?:expertos|doctores|medicos|maestros)\b|\blos\s+(?:expertos"
            r"|doctores|medicos)\s+dicen\b|\bsegun\s+los\s+(?:expertos|doctores|medicos)\b"
            r"|\bsi\s+yo\s+fuera\b"
            r"|(?<!\bexplica\s)(?<!\bexplico\s)(?<!\bcuenta\s)(?<!\bconto\s)(?<!\bmuestra\s)"
            r"(?<!\bmostro\s)(?<!\bdescribe\s)(?<!\bdescribio\s)(?<!\bel\s)\bpaso\s+a\s+paso\b|\bpiense\s+en\b|\bpiensa\s+en\b"
            r"|\bya\s+(?:penso|pensaron|pensaste|considero|consideraron|consideraste|intento"
            r"|intentaron|intentaste|probo|probaron|probaste)\s+(?:en\s+)?(?=[a-z]+(?:ar|er|ir)\b)"
        ),
        Check.STRONG,
    ),
    # "ahora toca bajarle al gasto", "ya es hora de que busque", "le serviría anotar"
    Trigger(
        "advice.second_person_modal",
        _rx(
            # "no me toca dar consejos" says what is not the liaison's place
            r"\b(?<!\bme\s)(?:(?:te|le|les|nos)\s+)?toca\b(?!\s+a\s+(?:mi|nosotros)\b)"
            r"|\b(?:le|te|les)\s+(?:serviria|sirve|sirva|ayudaria|ayude|convendria|convenga"
            r"|iria\s+mejor|irian\s+mejor|va\s+a\s+ir\s+mejor"
            r"|vendria\s+bien|caeria\s+bien|haria\s+bien|iria\s+mejor)\b"
        ),
        Check.STRONG,
        needs_infinitive=True,
    ),
    Trigger(
        "advice.second_person_modal",
        _rx(
            r"\bque\s+(?:le|te|les)\s+(?:conviene|convendria)\s+(?=[a-z]+(?:ar|er|ir)\b)"
            r"|\b(?:le|te|les)\s+(?:va\s+a\s+hacer|haria|hara)\s+(?:muy\s+)?bien\b"
        ),
        Check.STRONG,
    ),
    # Help arranged or offered without being asked: "le puedo apartar una cita con la asesora",
    # "te paso el número de una licenciada"
    Trigger(
        "advice.referral",
        _rx(
            r"\b(?:le|te|les)\s+(?:puedo|podria|voy\s+a|vamos\s+a)\s+(?:apartar|conseguir|anotar"
            r"|inscribir|conectar|agendar|sacar|hacer|recomendar|presentar|pasar)\b"
            r"|\b(?:le|te|les)\s+(?:paso|mando|doy|comparto|envio|dejo)\s+(?:el\s+|los\s+)?(?:numero"
            r"|contacto|telefono|datos|whatsapp)(?:\s+de\s+(?:una?|la|el|mi)\b|(?=\s*(?:[.!?,;]|$)))"
            r"|\bya\s+(?:le|te|la|lo)\s+(?:anote|inscribi|apunte|registre|agende)\b"
            r"(?=\s+(?:en|para|con|al|a\s+la|a\s+los|a\s+las)\b)"
            r"|\b(?:le|te)\s+(?:saque|hice|agende|aparte|consegui|hago|saco|consigo|agendo|aparto"
            r"|reservo|pido)\s+(?:la\s+|una\s+)?cita\b"
            r"|\byo\s+(?:la|lo|le|los|las|te)\s+(?:apunto|anoto|inscribo|registro|meto|llevo|recomiendo)\b"
            r"|\byo\s+(?:mismo|misma)\s+(?:le|te|les)\s+(?=[a-z]+(?:o|e)\b)"
            r"|\bpuedo\s+(?:inscribir|anotar|apuntar|registrar|meter)(?:te|l[aeo]s?)\b"
            r"|(?<=¿)\s*(?:te|le|la|lo)\s+(?:anoto|apunto|inscribo|registro)\b"
            r"|\bahi\s+(?:le|la|lo|te|les|los|las)\s+(?:ayudan|asesoran|orientan|atienden|dan|apoyan)\b"
            r"|\b(?:le|te|les)\s+(?:conecto|comunico|presento|contacto|pongo\s+en\s+contacto)\s+con"
            r"\s+(?:una?|el|la|mi)\s+[a-z]+"
            r"|\b(?:le|te|les)\s+(?:puedo|podria)\s+(?:presentar|conectar|contactar|poner\s+en\s+contacto)\b"
            # "Ya hablé con la trabajadora social, ella le va a llamar el lunes"
            r"|\bya\s+(?:hable|llame|platique|converse)\s+con\s+(?:la|el|los|las|una|un|su)\s+[^.!?]{0,60}?"
            r"\b(?:le|te|les)\s+(?:va|van)\s+a\s+(?:llamar|dar|atender|ayudar|visitar|citar)\b"
        ),
        Check.OFFER,
    ),
    # someone's number offered is a referral, whatever "número" suggests about the app: "le
    # puedo pasar el número de una señora que hace trámites de pensión"
    Trigger(
        "advice.referral",
        _rx(
            r"\b(?:le|te|les)\s+(?:puedo\s+|podria\s+)?(?:pasar|paso|dar|doy|mandar|mando|compartir"
            r"|comparto|enviar|envio)\s+(?:el\s+|los\s+)?(?:numero|contacto|telefono|datos|whatsapp)\s+de\s+"
            r"(?:una?|mi)\s+(?:senora|senor|senorita|muchach[oa]|chic[oa]|persona|licenciad[oa]|abogad[oa]"
            r"|doctor|doctora|amig[oa]|conocid[oa]|tecnic[oa]|maestr[oa]|profe|profesor[a]?|vecin[oa]"
            r"|primo|prima|compadre|comadre|hombre|mujer)\b"
        ),
        Check.ALWAYS,
    ),
    # "andá pensando en comprar el freezer": go + gerund, a command spread over time
    Trigger(
        "advice.imperative",
        # at a clause's start: "la señal anda fallando" says how the signal is
        _rx(
            r"(?:^|(?<=[.!?,;:¡¿]\s)|(?<=[.!?,;:¡¿])|(?<=\by\s)|(?<=\bpues\s)|(?<=\bche\s))"
            r"(?:anda|vaya|ve|vayan|andate|andale|vete)\s+(?=[a-z]+(?:ando|iendo)\b)"
        ),
        Check.STRONG,
    ),
    # Steering "why not" questions and norms: "¿por qué no metés a la niña al curso?",
    # "ese dinero es para el ahorro, no para el celular"
    Trigger(
        "advice.steering_question",
        _rx(
            r"(?:^|(?<=[¿.!?,;:]\s)|(?<=[¿.!?,;:])|(?<=\by\s)|(?<=\bpero\s)|(?<=\bentonces\s))"
            r"(?:y\s+)?(?:por\s*que|porque)\s+(?:(?:tu|usted|ustedes|vos)\s+)?no\b"
            r"|\bpuede\s+que\s+(?:le|te|les)\s+(?:sirva|ayude|convenga)\b"
            r"|\bde\s+verdad\s+(?:cree|crees|creen|piensa|piensas)\s+que\b"
            r"|\b(?:ya\s+)?es\s+(?:hora|tiempo)\s+de\b|\bya\s+va\s+siendo\s+hora\b"
        ),
        Check.STRONG,
    ),
    Trigger(
        "advice.norm_statement",
        _rx(
            r"\b(?:ese|esa|esos|esas|el|la|los|las|este|esta|su|tu|sus|tus)\s+(?:[a-z]+\s+){0,4}?"
            r"(?:es|son)\s+para\b[^.!?]{1,40}?,?\s*no\s+(?:para|en)\b"
            r"|\b(?:los|las|sus|tus)\s+(?:ninos|ninas|hijos|hijas|chicos|chicas|muchachos|pelados"
            r"|cipotes|chamacos|guaguas|cabros)\s+(?:tienen\s+que|deben|necesitan|deberian)\b"
            r"|\bno\s+(?:esta|es)\s+bien\s+que\b|\b(?:es|parece)\s+(?:un\s+poco\s+|muy\s+)?(?:excesivo|demasiado)\b"
            # "no te puedo aconsejar", "yo no puedo aconsejarte" decline to advise
            r"|(?<!\bpuedo\s)(?<!\bpodemos\s)\b(?:sugerirle|recomendarle|aconsejarle|sugerirte"
            r"|recomendarte|aconsejarte|sugerirles|recomendarles)\b|\ben\s+mi\s+caso\b|\byo\s+cuando\s+(?:estaba|estuve|tenia)\b"
            r"|\bcuando\s+yo\s+(?:estaba|estuve)\s+(?:como|en\s+su|en\s+tu|asi)\b"
            r"|\b(?:se|te|le)\s+lo\s+digo\s+por\s+experiencia\b"
            r"|\b(?:pienselo|piensalo|pensalo|piensenlo|pienseselo)\b"
            # the liaison's own story as the model: "lo que hice fue liquidarlo de un jalón"
            r"|\blo\s+que\s+(?:yo\s+)?hice\s+fue\b"
            r"|\blo\s+que\s+sigue\s+(?:es|seria|sera)\s+(?=[a-z]+(?:ar|er|ir)(?:la|lo|le|se)?\b)"
            r"|\ba\s+ver\s+si\s+(?:ya\s+)?(?:deja|dejan|dejas|empieza|empiezan|baja|bajan|paga|ahorra|junta"
            r"|se\s+anima|se\s+animan)\b|\bse\s+me\s+hace\s+(?:mucho|muy\s+caro|demasiado|bastante)\b"
            r"|\bmi\s+experiencia\b|\blo\s+que\s+(?:a\s+mi\s+)?me\s+(?:salvo|sirvio|funciono|ayudo)\b"
            r"|\b(?:ahi|aqui)\s+(?:le|te|les)\s+dejo\s+la\s+idea\b|\byo\s+pase\s+por\s+lo\s+mismo\b"
            r"|\b(?:ha|has|han|habia|habias)\s+pensado\s+en\b"
            r"|\ba\s+ver\s+si\s+(?:[a-z]+\s+){0,3}?(?:le|te|les|se)\s+(?=[a-z]+)"
            r"|\b(?:le|te|les)\s+de\s+(?:sabiduria|fuerzas?|valor|animo|paciencia|valentia)\b[^.!?]{0,30}?"
            r"\bpara\s+(?=[a-z]*(?:ar|er|ir)(?:se|le|les|lo|la)?\b)|\bno\s+es\s+(?:buena\s+idea|justo|correcto|seguro|sano)\b"
            r"|\b(?:nadie|ninguna\s+familia|toda\s+familia|todo\s+padre|toda\s+madre|todo\s+papa"
            r"|toda\s+mama|todo\s+hogar|toda\s+persona|todas\s+las\s+familias|las\s+familias"
            r"|los\s+padres|uno)\s+(?:no\s+)?(?:deberia|debe|tiene\s+que|necesita)\b"
            r"|\b(?:los|las|el|la|ese|esa|esos|esas)\s+(?:[a-z]+\s+){1,2}?(?:deberian|deberia"
            # "la que usted debe" owes; "el niño debe comer" directs
            r"|deben(?=\s+[a-z]+(?:ar|er|ir)(?:se|le|les|lo|la|los|las)?\b)"
            r"|debe(?=\s+[a-z]+(?:ar|er|ir)(?:se|le|les|lo|la|los|las)?\b)"
            r"|tienen\s+que|tiene\s+que|necesita\s+(?=ir|ver|comer|dormir|tomar|estudiar)"
            r"|necesitan\s+(?=ir|ver|comer|dormir|tomar|estudiar))\s*(?!(?:llegar|aparecer|estar|haber|salir"
            r"|verse|quedar)\b)"
        ),
        Check.STRONG,
    ),
    # "no hace falta pedir prestado": no need, when what is not needed is about life
    Trigger(
        "advice.norm_statement",
        _rx(
            r"\bno\s+(?:le\s+|te\s+|les\s+)?hace\s+falta\s+(?:que\s+)?(?!que\b)(?=[a-z])"
            # answering or sending is the survey: "no hace falta que respondás lo de salud"
            r"(?!(?:respond|contest|llen|complet|mand|envi|sub|veng|ven|traig|trae)[a-z]*\b)"
        ),
        Check.WEAK,
    ),
    # A negative command is in the subjunctive, so it can stand anywhere in an unpunctuated SMS
    Trigger(
        "advice.imperative",
        re.compile(
            r"(?<!\bque\s)(?<!\bojala\s)(?<!\bsi\s)\bno\s+(?:(?:se|le|les|lo|la|los|las)\s+)*"
            r"(?=(?:"
            + "|".join(sorted(lex.NEGATIVE_COMMAND_FORMS, key=len, reverse=True))
            + r")\b)"
        ),
        Check.STRONG,
    ),
    # Exhortative "a" + infinitive: "¡ahora a ahorrar!", "y a pagar esa deuda"
    Trigger(
        "advice.imperative",
        _rx(
            r"(?=a\s)(?:^|(?<=[.!?,;:]\s)|(?<=[.!?,;:])|(?<=\bahora\s)|(?<=\by\s)|(?<=\bya\s)"
            r"|(?<=\bpues\s)|(?<=\bentonces\s)|(?<=\bbueno\s))a\s+"
            r"(?=[a-z]+(?:ar|er|ir)(?:se|le|les|lo|la|los|las|me|te|nos)?\b)"
        ),
        Check.WEAK,
        needs_infinitive=True,
    ),
    # A coming rise followed by what to do about it: "va a subir el gas, entonces llenen..."
    Trigger(
        "advice.warning",
        _rx(
            r"\b(?:va\s+a\s+subir|van\s+a\s+subir|sube|suben|subira|subiran|se\s+va\s+a\s+encarecer"
            r"|aumenta|aumentan|aumentara|se\s+encarece)\b[^.!?]{0,60}?(?:\basi\s+que\b|\bentonces\b"
            r"|\bpor\s+eso\b|\bmejor\b)\s+(?!(?:como|que|cuanto|por\s+que|ya|nosotros|ellos|ellas"
            r"|las|los|la|el|se|les|vendieron|subieron)\b)(?=[a-z])"
        ),
        Check.ALWAYS,
    ),
    Trigger(
        "advice.steering_question",
        _rx(
            r"\b(?:ha|has|han|habia|habias)\s+(?:pensado|considerado|intentado|probado"
            r"|visto\s+la\s+posibilidad)\b|\bya\s+penso\s+en\b|\bpor\s*que\s+no\b|\by\s+si\b"
            r"|\ba\s+lo\s+mejor\b|\btal\s+vez\b(?!\s+(?:recuerde|recuerdes|se\s+acuerde))"
            r"|\bquizas?\b(?!\s+(?:recuerde|recuerdes|se\s+acuerde))"
            r"|(?<!\balcanza\s)(?<!\balcanzo\s)(?<!\bva\s)(?<!\bfue\s)(?<!\bvive\s)(?<!\bviven\s)"
            r"(?<!\bfunciona\s)(?<!\bfunciono\s)(?<!\bsale\s)(?<!\bsalio\s)(?<!\bvende\s)"
            r"(?<!\bvenden\s)(?<!\bvendio\s)(?<!\besta\s)(?<!\bestan\s)(?<!\bcomen\s)(?<!\banda\s)"
            r"\bmejor\s+(?:no\s+)?(?:se\s+|le\s+|les\s+|lo\s+|la\s+)?(?=[a-z]+(?:ar|er|ir|ai|e|en|es"
            r"|a|an|as)\b)(?!(?:precio|calidad|momento|opcion|manera|forma|idea|cosa|casa|vida"
            r"|ano|mes|dia|semana|venta|ventas|oferta|amiga|amigo|le|les|lo|la|se)\b)"
            # "lo que mejor le funcionó al grupo", "lo mejor que hizo fue…": what others did
            r"(?!que\s+(?:hizo|hicieron|hice|paso|le\s+funciono|les\s+funciono)\b)"
            r"|\bno\s+seria\s+(?:mejor|bueno|buena\s+idea)\b"
        ),
        Check.WEAK,
    ),
    Trigger(
        "advice.if_i_were_you",
        _rx(
            r"\byo\s+que\s+(?:usted|tu|ud|ustedes|vos)\b|\b(?:yo\s+)?en\s+(?:su|tu)\s+lugar\b"
            r"|\bsi\s+(?:yo\s+)?(?:fuera|estuviera)\s+(?:usted|tu|ustedes|vos)\b"
            r"|\byo\s+en\s+su\s+caso\b|\blo\s+que\s+yo\s+(?:haria|hiciera|haga)\b"
        ),
        Check.STRONG,
    ),
    # The liaison's own choice as a model: "yo me saldría", "yo pagaría primero la luz"
    Trigger(
        "advice.if_i_were_you",
        _rx(r"\byo\s+(?:que\s+vos\s+)?(?:me\s+|le\s+|lo\s+|la\s+|no\s+|ya\s+)?[a-z]{2,}ria\b"),
        Check.STRONG,
    ),
    # A cheer to act ("ahora a guardar"), a promised gain ("vas a vender un montón más"),
    # "fijate de no gastar", "le quedaría perfecto"
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\b(?:ahora|ya|pues|y\s+ahora)\s+a\s+(?=[a-z]+(?:ar|er|ir)\b)"
            r"|\b(?:vas|va|van)\s+a\s+(?:vender|ganar|ahorrar|sacar)\s+(?:un\s+monton\s+|mucho\s+"
            r"|bastante\s+)?mas\b"
            r"|\bfij(?:ate|ese|ense)\s+(?:de|en)\s+(?:no\s+)?(?=[a-z]+(?:ar|er|ir)\b)"
            r"|\b(?:le|te|les)\s+(?:quedaria|vendria|caeria|iria)\s+(?:perfect[ao]|bien|de\s+maravilla|muy\s+bien)\b"
        ),
        Check.STRONG,
    ),
    # A meeting offered to work on the family's spending: "traiga sus recibos para que veamos
    # cómo recortar gastos"; what is worked on must be about life.
    Trigger(
        "advice.counselling",
        _rx(
            r"\b(?:quiero|voy\s+a|le\s+voy\s+a|te\s+voy\s+a|puedo)\s+(?:mostrarte|mostrarle|ensenarte|ensenarle"
            r"|explicarte|explicarle)\s+como\s+(?=[a-z]+(?:ar|er|ir)\b)|"
            r"\b(?:asi|para\s+que|para)\s+(?:veamos|vemos|ver|revisemos|revisamos|revisar|busquemos|buscamos|buscar|pensemos"
            r"|pensar|hablemos|armemos|armar|hagamos)\s+(?:juntos\s+|juntas\s+)?(?:como|de\s+que"
            r"\s+manera|en\s+que|que\s+puede|que\s+se\s+puede|donde)\b"
        ),
        Check.WEAK,
    ),
    Trigger(
        "advice.peer_nudge",
        _rx(
            r"\bhacer\s+lo\s+mismo\b|\bhaga\s+lo\s+mismo\b|\bhaz\s+lo\s+mismo\b"
            # after a report: "Ya le toca a usted, don Chepe"
            r"|\b(?:ya\s+|ahora\s+)(?:le|te|les)\s+toca\s+a\s+(?:usted|ustedes|vos|ti)\b(?!\s+(?:llevar|traer"
            r"|hospedar|organizar|recibir|mandar|enviar|subir)\b)"
            r"|\b(?:(?:usted|tu|ustedes)\s+)?(?:y\s+sus?\s+[a-z]+\s+)?(?:tambien\s+)?(?:podria|podrian"
            r"|puede|pueden|podrias)\s+(?:hacerlo|intentarlo|probarlo|hacer\s+algo\s+asi)\b"
            r"|\b(?:intentelo|pruebelo|animese|animate|animense)\b(?!\s+(?:mas\s+tarde|otra\s+vez|de\s+nuevo"
            r"|luego|nuevamente|en\s+un\s+rato))"
            r"|\b(?:usted|ustedes|tu|vos)\s+tambien\s+(?:podria|podrian|podrias|puede|pueden|puedes"
            r"|podes|deberia|deberian|deberias)\b"
            r"|\b(?:te|se|les?)\s+anim(?:as|a|an)\s*(?=\?)"
            # after what others do: "¿Y usted qué espera?", "¿qué estás esperando?"
            r"|\bque\s+(?:espera|esperas|esperan|esperamos|(?:esta|estas|estan)\s+esperando)\s*(?=\?)"
        ),
        Check.ALWAYS,
    ),
    Trigger(
        "advice.make_sure",
        _rx(
            r"\bno\s+se\s+(?:le\s+)?olvide\b|\bno\s+te\s+olvides\b|\bno\s+olvide\b"
            r"|\bacuerd(?:ese|ate|ense)\b|\brecuerd(?:e|a|en)\b|\basegur(?:ese|ate|ense)\b"
            # "ojalá no se les haya metido el agua" hopes about what already happened
            r"|\bojala\b(?!\s+(?:que\s+)?(?:no\s+)?(?:(?:se|le|les|lo|la|los|las|me|te|nos)\s+)*"
            r"(?:haya|hayan|hayas)\s+[a-z]+(?:ado|ada|ido|ida|to|cho)s?\b)|\bhagamos\b"
            r"|\bvamos\s+a\s+(?=[a-z]+(?:ar|er|ir)(?:se|le|les|lo|la|los|las|me|te|nos)*\b)"
            r"|\bpongamos\s+(?:una\s+)?meta\b"
        ),
        Check.WEAK,
    ),
    Trigger(
        "advice.warning",
        _rx(
            r"\b(?:cuidado|ojo|aguas)\s+con\b|\b(?:tenga|ten|tengan)\s+cuidado\b"
            r"|\bcuid(?:ese|ate|ense|atelo|ese\s+mucho)\s+(?:con|de)\s+(?:ese|esa|esos|esas|el|la|los|las|un|una)\b"
            r"|\bni\s+se\s+(?:te|le|les)\s+ocurra\b"
            r"|\bno\s+se\s+(?:deje|confie)\b|\bel\s+precio\s+(?:va\s+a\s+subir|sube|subira)\b"
            r"|\bdespues\s+sube\b|(?<!\bvenden\scuando\s)(?<!\bhasta\sque\s)\bsuben?\s+(?:el\s+|los\s+)?precios?\b|\bse\s+va\s+a\s+encarecer\b"
            r"|\bsi\s+no\s+(?:le|te)\s+(?:cobran|quitan|cortan)\b|\bo\s+le\s+(?:cobran|quitan"
            r"|cortan)\b|\bes\s+(?:una\s+)?estafa\b|\bno\s+tiene\s+(?:ningun\s+)?sentido\b|\bcreame\b|\bhagame\s+caso\b"
            r"|\bque\s+(?:le|te|les)\s+sirva\s+de\s+(?:ejemplo|leccion)\b"
        ),
        Check.STRONG,
    ),
    # A refusal that turns on "pero" says it anyway: "Ya sabe que no puedo aconsejar... pero la
    # caja de ahorro de la parroquia es muy buena"; "…pero dejé anotado" still refuses.
    Trigger(
        "advice.softened_suggestion",
        _rx(
            r"\bno\s+(?:puedo|debo|deberia)\s+(?:aconsejar\w*|dar(?:le|te)?\s+consejos?|decir(?:le|te)?\s+"
            r"(?:nada|esto|eso))[^.!?]{0,60}[.!?…]*\s*,?\s*pero\b(?![.…\s]*(?:yo|deje|anote|anoto|necesito"
            r"|me\s+gustaria|con\s+gusto|si\s+quiere|si\s+queres|lo\s+anoto|le\s+anoto|gracias"
            r"|le\s+agradezco|muchas\s+gracias|(?:si\s+)?(?:le|te|les)\s+(?:confirmo|aviso|cuento|recuerdo))\b)"
            r"|\b(?:le|les|te)\s+diria\s+que\b|\b(?:sugerimos|recomendamos|aconsejamos)\b"
            r"|\b(?:tranqui|tranquila|tranquilo|calma)\s+con\s+(?:los\s+gastos|la\s+plata|el\s+gasto"
            r"|las\s+compras|la\s+tarjeta|el\s+credito)\b"
            r"|\bmejor\s+(?:ni|no)\s+(?:le|se|lo|la|te|les)\s+[a-z]+(?:e|a|en|an)\b"
            r"|\b(?:nada\s+mas\s+|solo\s+|nomas\s+)falta\s+que\s+(?:usted\s+)?[a-z]+(?:e|a|en|an)\b"
            r"|\bimag(?:inese|inate|inense)\s+si\b"
            r"|\bno\s+(?:estaria|seria)\s+mal\s+(?:que|si)\b"
            r"|\bque\s+(?:la|lo|los|las|le|les)\s+(?:vea|revise|atienda|chequee|examine)\s+(?:un|una|el|la)\s+"
            r"(?:medico|medica|doctor|doctora|enfermera|especialista|dentista)\b"
        ),
        Check.ALWAYS,
    ),
)

CLAUSE_PREFIX = re.compile(
    r"(?:\s*(?:y|e|tambien|ademas|pero|entonces|bueno|oiga|oye|mire|mira|por\s+favor|porfa|"
    r"ya|primero|luego|despues|ahora|asi\s+que|pues|senora|senor|dona|don|amiga|vecina|"
    r"hola|ok|oka|nomas|solo|mejor|por\s+cierto|vaya\s+pues|hermana|mija|mijo|comadre|compadre|"
    r"(?:el|la|este|esta|cada)\s+(?:proximo|proxima|siguiente)?\s*(?:mes|semana|vez|quincena)|"
    r"la\s+proxima|"
    r"de\s+ahora\s+en\s+adelante|siempre|mientras\s+tanto|hoy|manana|de\s+una\s+vez|"
    r"de\s+paso|aprovechando|aprovecha\s+y|aproveche\s+y|mi\s+amor|mija|mijo|parcera|parcero|"
    r"oe|ideay|chale|mano|mana|vea|che|ey|bien|ahi|entonces|tu|usted|vos|ustedes|"
    r"con\s+el\s+(?:apoyo|estipendio|dinero))\b\s*)*"
)

NEGATION = re.compile(
    r"(?:no|nunca|jamas)\s+(?:(?:se|le|les|lo|la|los|las|me|te|nos|mas|nunca)\s+)*"
)

BENIGN_HEADS = re.compile(
    r"(?:haber|estar(?!\s+en\s+(?:la\s+)?(?:escuela|clase|clases|casa|cama|el\s+colegio))|llegar"
    r"|aparecer|recibir|ver|verse|quedar)\w*\b"
    r"|salir\w*\s+(?:el|la|los|las|su|sus|en|hoy|manana|pronto|ya|bien|aprobad\w*)\b"
    r"|ser\s+mayor\s+de\s+edad\b|tener\s+(?:\d+|dieciocho)\s+anos\b"
    # the meeting, not "junta dinero": "Junta el jueves 6 pm, en el parque"
    r"|junta\s+(?:el\s+|este\s+|del\s+|hoy\s+|manana\s+)?(?:lunes|martes|miercoles|jueves|viernes|sabado"
    r"|domingo|manana|hoy|\d)"
    r"|(?:avise|aviseme|avisame|digame|dime|decime|decinos|cuenteme|cuentame|conta|contame"
    r"|llameme|llamame|escribame|escribeme"
    r"|mandeme|mandame)\b|cuidese\b|cuidate\b|(?:diganme|diganos|avisenme|avisenos)\b"
    r"|(?:tomese|tome|tomate|tomen|tomense)\s+(?:su|tu|el|todo\s+el)\s+tiempo\b"
    r"|tener\s+(?:ya\s+)?(?:depositad[oa]\s+|recibid[oa]\s+)?(?:el|su|tu|la|un|una)\s+(?:plata\s+del\s+|dinero\s+del\s+)?(?:estipendio|pago|apoyo|deposito|mensaje|codigo|enlace)\b|(?:cuente|cuenta|cuenten|conta)\s+conmigo\b"
    r"|[a-z]+(?:la|lo|las|los)\s+(?:otra\s+vez|de\s+nuevo)\b"
    # "cierre y vuelva a abrir": restarting the app
    r"|(?:cierre|cierra|cerra|cierrela|cierrala|cerrala|salga|sali|salgase)\s+(?:la\s+app\s+)?"
    r"(?:y|e)\s+(?:vuelva|vuelve|volve|entre|entra|abra|abre)\b"
    r"|(?:cierre|cierra|cerra|salga|sali)\s+(?:de\s+)?(?:la\s+)?(?:sesion|cuenta|aplicacion|app)\b"
    # "Pruebe cerrar sesión y entrar de nuevo", "intente reiniciar el celular"
    r"|(?:pruebe|prueba|proba|intente|intenta|intenta)\s+(?:a\s+)?(?:cerrar\s+(?:la\s+)?(?:sesion|app|aplicacion)"
    r"|reiniciar|apagar|actualizar\s+la\s+(?:app|aplicacion)|borrar\s+(?:la\s+)?(?:cache|memoria)|salir\s+y\s+entrar"
    r"|subir(?:la|lo|las|los)?|enviar(?:la|lo)?|mandar(?:la|lo)?)\b"
    # the app: "vaya guardando", "guardá el borrador", "vuelva a darle 'enviar'"
    r"|vaya\s+guardando\b|guardando(?:\s+(?:la\s+encuesta|las\s+respuestas|el\s+borrador))?\s*(?:[.,;!]|$)"
    r"|(?:darle|dele|picarle|tocarle|apretarle|dale|pica|picale)\s+(?:a\s+)?['\"]|guarda\w*\s+(?:el\s+borrador|sus\s+respuestas|tus\s+respuestas|la\s+encuesta)\b"
    r"|vuelva\s+a\s+(?:darle|dar|picarle|tocar|apretar|intentar|enviar|mandar|subir|abrir\w*|entrar"
    r"|ingresar|cargar\w*)\b"
    # "revise que su nombre esté igual que en la cédula": the form
    r"|(?:revise|revisa|revisen|verifique|fijese|fijate)\s+que\s+(?:su|tu|el|la)\s+(?:nombre|numero|foto"
    r"|fecha|monto|cedula|dato|datos|cuenta)\b"
    # a few minutes for the app: "espere cinco minutos y vuelva a abrirla"
    r"|(?:espere|espera|esperen|espera)\s+(?:un|una|unos|unas|\d+|dos|tres|cinco|diez|quince|media)\s+"
    r"(?:minutos?|segundos?|horas?|rato|ratito|momento|momentito)\b"
    # introducing oneself on the phone: "Hola, habla Karla del programa"
    r"|habla\s+(?!(?:con|a|al|de|del|le|les|lo|la|mas|menos|claro|bien|fuerte|despacio)\b)[a-z]+"
    r"(?:\s+[a-z]+)?\s*(?:[,.;!]|$|del\b|de\s+la\b|de\s+parte\b)"
    r"|poder\s+(?:ver|entrar|abrir|recibir)\b|tardar\w*\b|demorar\w*\b"
    r"|(?:traiga|trae|trai|lleve|lleva)\s+(?:su|tu)\s+(?:identidad|ine|cedula|dni|credencial|documento|carnet|id)\b"
    r"|cuente\s+(?:tambien\s+)?(?:a\s+)?(?:los|las|al|a\s+la)\s+(?:ninos|nino|nina|que\s+esta|bebe|personas"
    r"|abuela|abuelo)\b"
    r"|entrar\s+(?:a\s+la\s+app\s+)?con\s+(?:su|tu|el)\s+(?:pin|clave|contrasena|usuario|numero|codigo)\b"
    r"|(?:ponga|pone|pon|poner)\s+lo\s+que\s+(?:paso|sea|quiera|corresponda|es\s+cierto|fue)\b"
    r"|(?:pruebe|proba|prueba|intente|intenta)\s+(?:a\s+)?(?:cerrarla|cerrarlo|salir|reiniciar\w*"
    r"|actualizar\w*|desinstalar\w*|reinstalar\w*|instalar\w*|otra\s+vez|de\s+nuevo|nuevamente"
    r"|mas\s+tarde)\b"
    # answering the survey: "responda sí o no"; "no me toca a mí decirle": not my place
    r"|(?:responda|conteste|ponga|marque|elija|responde|contesta|pon|marca|elegi)\s+(?:si|no"
    r"|lo\s+que\s+sea)\b|toca\s+a\s+(?:mi|nosotros)\b"
)

_PEOPLE = (
    r"(?:familias?|hogares|senoras?|senor|senores|comadres?|compadres?|mamas|madres|papas"
    r"|padres|papa|mama|vecinas?|vecinos?|muchachas|productores|comerciantes|vendedoras"
    r"|mujeres|hombres|abuelas?|abuelos?|personas|parejas?|jovenes|productoras|socias"
    r"|companeras|companeros|grupos?)"
)
PEER_SUBJECTS = re.compile(
    r"(?<!\btodas\s)(?<!\btodos\s)\b(?:una|un|unas|unos|varias|varios|algunas|algunos|muchas|muchos|dos|tres|cuatro"
    r"|cinco|seis|siete|ocho|nueve|diez|doce|\d+|otras|otros|las|los)\s+(?:[a-z]+\s+)?"
    + _PEOPLE
    + r"\b(?!\s+(?:no\s+)?(?:pueden|puede)\b)"
    r"|\b(?:los|las)\s+del\s+grupo\b"
    r"|\b(?:familias|hogares|mujeres|madres|vecinas|vecinos|personas)\s+(?:de|del|en)\s+"
    r"(?!(?:su|sus|tu|tus|este|esta|otros|otras)\b)[a-z]+"
    r"|\bla\s+familia\s+(?!(?:esta|estan|y|de|que|se|le|en|bien|completa|entera|su|sus"
    r"|como)\b)[a-z]{3,}"
    r"|\b(?:la|una)\s+senora\s+(?!que\b)[a-z]+|\bun\s+grupo\s+de\b|\bel\s+grupo\s+de\s+[a-z]+"
    r"|\b(?:noticias|novedades)\s+de\b"
    # apellidos y nombres con título: "los Hernández cambiaron", "doña Marta de Usulután dejó"
    r"|\blos\s+(?!(?:ninos|hijos|hijas|chicos|muchachos|precios|pagos|papeles|datos|meses"
    r"|dias|gastos|vecinos|demas|otros|dos|tres)\b)[a-z]{3,}(?:\s+(?:de|en|del)\s+[a-z]+)?[:,]?\s+"
    r"(?:[a-z]+(?:aron|ieron)|ya|ahora|tambien)\b"
    r"|\b(?:dona|don|la\s+senora|el\s+senor|mi\s+vecina)\s+[a-z]+\s*,?\s+(?:de|del)\s+"
    r"(?:grupo\s+de\s+)?[a-z]+"
    r"|\bfamilia\s+(?!de\b|que\b)[a-z]{3,}\s+(?:[a-z]+(?:o|io|aron|ieron)|ya|ahora)\b"
)

PEER_EVIDENCE = re.compile(
    r"\b[a-z]{2,}(?:aron|ieron|io|o)\b|\b(?:esta|estan)\s+[a-z]+(?:ando|iendo)\b|\bya\b|\bahora\b"
    r"|\b(?:empezo|comenzo|hizo|hicieron|puso|pusieron|tiene|tienen|vende|venden|se\s+turnan?)\b"
)

FEED_POINTERS = re.compile(
    r"\b(?:publicacion|publicaciones|post|fotos|historia|video)\b[^.!?]{0,30}"
    r"\b(?:en|al)\s+(?:el\s+|la\s+)?(?:muro|app|aplicacion)\b"
    r"|\bsegun\s+sus?\s+(?:publicacion|historia|post)\b"
    r"|\b(?:publico|publicaron|compartio|compartieron|contaron|subieron)\b[^.!?]{0,30}"
    r"\b(?:muro|app|aplicacion)\b|\bahi\s+esta\s+el\s+post\b"
)

PROFILE = Profile(
    code="es",
    abbreviations=lex.ABBREVIATIONS,
    triggers=TRIGGERS,
    strong_verbs=lex.LIFE_VERB_FORMS,
    weak_verbs=lex.OBJECT_DEPENDENT_FORMS,
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
    second_person=re.compile(r"\b(?:usted|ustedes|tu|te|ud|uds)\b"),
    peer_evidence=PEER_EVIDENCE,
    feed_pointers=FEED_POINTERS,
    statement_forms=lex.STATEMENT_FORMS,
    base_form=lex.base_form,
    is_infinitive=lex.is_infinitive,
    stopwords=lex.STOPWORDS,
    ambiguous_logistic_verbs=lex.AMBIGUOUS_LOGISTIC_VERBS,
    gathering_verbs=frozenset(
        ["venir", "vengan", "venga", "ven", "recuerde", "recuerda", "acuerdese", "acordate"]
    ),
    gatherings=re.compile(
        r"\b(?:reunion|reuniones|visita|asamblea|bautizo|bautismo|boda|velorio|entierro|funeral"
        r"|cumpleanos|quinceanera|comunion|fiesta|graduacion|novena)\b"
    ),
    command_anywhere=lex.is_enclitic_command,
    follows_subject=lex.follows_subject,
    past_first_person=lex.is_first_person_past,
    entry_verbs=frozenset(
        [
            "ponga",
            "pon",
            "ponerlo",
            "anote",
            "anota",
            "escriba",
            "escribe",
            "marque",
            "marca",
            "escoja",
            "escoge",
            "elija",
            "elige",
            "ingrese",
            "llene",
        ]
    ),
    form_labels=re.compile(
        r"[a-z]+\s*>\s*[a-z]+|\b(?:en|como|bajo)\s+['\"]|\b(?:casilla|campo|siguiente\s+pregunta|menu|clave"
        r"|contrasena|pin|usuario)\b"
        # "none" typed as a value ("ponga 0 si no tiene")
        r"|\b(?:ponga|pon|anote|anota|escriba|escribe|marque|marca)\s+(?:un\s+)?(?:0|cero)(?![\d.,])"
    ),
    permission=re.compile(
        r"\bsi\s+(?:usted\s+|tu\s+)?(?:quiere|quieres|queres|gusta|gustan|puede|puedes|podes|necesita|necesitas)\b"
    ),
    courtesy=re.compile(
        r"(?:(?:ay|y|hola|oiga)\s+)?(?:[a-z]+\s+)?(?:felicidades|felicitaciones|lo\s+felicito|la\s+felicito"
        r"|te\s+felicito|bendiciones|bendicion|que\s+dios|dios\s+(?:le|te|los|la|les)|gracias|mil\s+gracias"
        r"|muchas\s+gracias|lo\s+siento|lo\s+lamento|lamento|lamentamos|siento\s+mucho|mi\s+(?:mas\s+)?(?:sentido\s+)?pesame|le\s+acompano"
        r"|te\s+acompano|los\s+acompano|que\s+(?:le|te|les)\s+vaya|que\s+(?:se\s+)?mejore|feliz|hola"
        r"|buen\s+dia|buenos\s+dias|buenas\s+(?:tardes|noches)|buenas|que\s+bueno|que\s+bien|que\s+pena|que\s+lindo"
        r"|estamos\s+pensando\s+en|pensando\s+en\s+(?:ustedes|usted|ti)"
        r"|que\s+bonito|que\s+alegria|que\s+gusto|estamos\s+orando|oramos|rezamos|un\s+abrazo|saludos"
        r"|en\s+mis\s+oraciones)\b"
    ),
    thanks=re.compile(
        r"\s*(?:(?:y|ay|ok)\s+)?(?:gracias|mil\s+gracias|muchas\s+gracias|le\s+agradezco|te\s+agradezco)\b"
    ),
    survey_frame=re.compile(
        r"\s*(?:(?:y|ok|tambien)\s+)?(?:en|para)\s+(?:la|el|esa|esta|su)\s+(?:pregunta|seccion|casilla|parte|pantalla"
        r"|campo|columna|fila)\b[^.!?,;:]{0,60}[,:]"
        r"|\s*(?:[a-z]+\s+[a-z]+,\s*|[a-z]+,\s*)?(?:la|esa|esta|el)\s+(?:pregunta|seccion|casilla|campo)"
        r"\s+(?:\d+\s+|de\b|sobre\b)[^.!?]{0,40}?"
        r"\b(?:es|se\s+refiere|quiere\s+decir|significa|incluye|cuenta|pide)\b"
        # a survey term in quotes: "En 'ayuda recibida' va lo que le dieron otras familias"
        r"|\s*(?:(?:y|ok|tambien)\s+)?(?:(?:en|para)\s+)?(?:(?:la|el|esa|esta|su)\s+(?:pregunta|seccion"
        r"|casilla|parte|campo)\s+(?:de\s+)?)?['\"\u2018\u201c][^'\"\u2019\u201d]{1,40}['\"\u2019\u201d]\s+(?:va|van|se\s+pone|se\s+ponen"
        r"|entra|entran|es|significa|quiere\s+decir|se\s+refiere|incluye|cuenta)\b"
    ),
    # "su historia" is the reader's unless another family is named before it in the sentence
    # (the engine checks that): "Su historia de los tapetes ya está en el muro"
    own_post=re.compile(
        r"\btu\s+(?:propia\s+)?(?:historia|historias|publicacion|foto|fotos)\b"
        r"|(?<!\bsegun\s)(?<!\ben\s)(?<!aron\s)(?<!ieron\s)\bsu\s+(?:propia\s+)?(?:historia|publicacion)\b"
    ),
    group_news=re.compile(
        r"\bbienvenid[oa]s?\b|\bya\s+(?:estan|esta)\s+en\s+el\s+grupo\b"
        r"|\b(?:tuvo|tuvieron)\s+(?:a\s+)?(?:su\s+|un\s+|una\s+)?(?:bebe|nene|nena|gemel[oa]s|mellizos|cuates)\b"
        r"|\bnaci(?:o|eron)\s+(?:el|la|su|sus|los|las)\b"
        r"|\bse\s+cas(?:o|aron)\b|\bestren(?:o|aron)\s+niet[oa]s?\b|\bnuev[oa]\s+niet[oa]\b"
        r"|\b(?:ya\s+)?somos\s+(?:\d+|[a-z]+)\s+(?:familias|hogares)\b"
        r"|\b(?:ya\s+)?(?:va|van|vamos)\s+en\s+(?:\d+|[a-z]+)\s+(?:familias|hogares)\b"
        r"|\bqueda(?:n)?\s+(?:\d+|un|una|dos|tres)\s+(?:lugar|lugares|cupo|cupos|espacio|espacios)\b"
        r"|\bya\s+son\s+(?:\d+|[a-z]+)\s+(?:familias|hogares)(?:\s+en\s+(?:su|el|tu|nuestro|este)\s+grupo)?"
        r"\s*(?:[,.;:!?]|$)"
        # who paid the group's costs, whose turn it is: "la cuota del salón", "le toca a los"
        r"|\bcuota\s+(?:del|de\s+la|para\s+(?:el|la))\s+(?:salon|bus|paseo|fiesta|reunion|velorio|comida)\b"
        r"|\bya\s+no\s+se\s+debe\s+nada\b|\b(?:le|les)\s+toca\s+a\s+(?:la\s+familia|los|las)\b"
        r"|\btienen?\s+(?:misa|culto|trabajo|clases?)\s+(?:el|los|ese|este)\b"
        r"|^\s*(?:usted\s+|vos\s+)?me\s+(?:pregunto|preguntaste|pidio|pediste)\b[^:]*$"
        r"|\bse\s+(?:paso|pasaron)\s+a\s+vivir\b"
        r"|\b(?:pidio|pidieron)\s+(?:unirse|entrar|sumarse|integrarse)\b"
        # leaving, roles, the group full, where the meeting is, why it moves
        r"|\b(?:dejo|dejaron|salio|salieron)\s+(?:del?\s+)?(?:el\s+)?grupo\b|\bse\s+fueron\s+a\s+vivir\b"
        r"|\beligi(?:o|eron)\s+a\s+[^.!?]{1,40}?\bcomo\s+(?:(?:la|el|su|nueva|nuevo)\s+)*(?:coordinador[a]?"
        r"|tesorer[oa]|secretari[oa]|lider|president[ae]|encargad[oa]|contacto|anfitrion[a]?)\b"
        r"|\bcomplet(?:o|aron)\s+(?:sus|las|los)\s+(?:\d+|diez)\s+(?:familias|hogares)\b"
        r"|\bse\s+(?:une|unen|unio|unieron|suma|suman|sumo|sumaron)\b[^.!?]{0,40}\bal\s+grupo\b"
        r"|\b(?:reunion|junta)\b[^.!?]{0,60}\ben\s+(?:la\s+)?casa\s+de\b|\bsalen\s+tarde\s+del\s+trabajo\b"
        # why a meeting moves: "varias señoras trabajan entre semana"
        r"|\btrabaj(?:an|a)\s+(?:entre\s+semana|de\s+noche|los\s+(?:lunes|martes|miercoles|jueves|viernes"
        r"|sabados|domingos|fines\s+de\s+semana)|el\s+(?:lunes|martes|miercoles|jueves|viernes|sabado"
        r"|domingo))\b|\b(?:el|los)\s+(?:sabados?|domingos?|jueves|viernes)\s+trabajan\b"
        r"|\bse\s+(?:une|unen|unio|unieron|suma|suman|sumo|sumaron|integra|integran|integro"
        r"|integraron)\s+al\s+grupo\b"
        r"|\b(?:entro|entraron|ingreso|ingresaron|llego|llegaron)\b[^.!?]{0,40}\bal\s+grupo\b"
        r"|\b(?:familias?|hogar|hogares|miembros?|integrantes?|socias?)\s+nuev[oa]s?\b"
        r"|\bnuev[oa]s?\s+(?:familias?|hogar|hogares|miembros?|integrantes?|socias?|companeras?)\b"
        # the group's size: "su grupo ya tiene 9 familias, queda un cupo"
        r"|\bse\s+(?:unio|unieron|sumo|sumaron)\s+(?:la\s+familia|los|las|don|dona)\b"
        r"|\bdad[oa]s?\s+de\s+alta\b|\b(?:inscrit|registrad)[oa]s?\s+en\s+el\s+grupo\b"
        r"|\bgrupo(?:\s+de\s+amig[oa]s)?\s+(?:ya\s+)?(?:tiene|esta\s+en|llego\s+a|esta\s+(?:lleno|completo))\s+"
        r"(?:\d+|[a-z]+)\s+(?:de\s+(?:\d+|diez)\s+)?(?:familias|hogares|miembros)\b|\bgrupo\s+(?:ya\s+)?(?:esta\s+)?(?:lleno|completo)\b"
        r"|\bcupos?\s+(?:libres?|disponibles?)\b|\bgrupo\s+(?:queda|quedo)\s+con\s+(?:\d+|[a-z]+)\s+(?:familias|hogares)\b|\bqueda\s+un\s+cupo\b"
        # why the liaison asks: "es para entender cómo deciden las familias"
        r"|\bpara\s+(?:entender|saber|conocer|aprender)\s+(?:mejor\s+)?(?:como|que|por\s+que|cuanto|si)\b"
        r"|\bnuev[oa]\s+bebe\b|\bbebe\s+nuev[oa]\b|\bfallecio\b|\bfallecimiento\b"
    ),
    # nouns after an article or preposition end in -o like a preterite ("el domingo", "a todo el
    # grupo"): not a report
    logistic_words=re.compile(
        r"\b(?:el|al|del|un|a|su|mi|tu|cada|de|por|para|con|sin|don|dona)\s+[a-z]+o\b"
        r"|\b(?:ya\s+)?(?:confirmo|confirmaron|invito|invitaron|invita|invitan|pregunto|preguntaron"
        r"|dijo|dijeron|vino|vinieron|llego|llegaron|se\s+unio|se\s+unieron|entro|entraron|aviso"
        r"|avisaron|ofrecio|ofrecieron|recibir|invitad[oa]s?|hubo|pidio|pidieron|solicito|solicitaron"
        r"|propuso|propusieron)\b"
        r"|\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
        r"|diciembre)\b|\b(?:lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|todo)\b"
    ),
    # "no puedo aconsejar... pero la caja es muy buena" says it anyway (an advice rule)
    declines=re.compile(
        r"(?:"
        r"\bno\s+(?:te|le|les|los|las)\s+(?:puedo|podemos)\s+(?:aconsejar|dar\s+consejos?|decir\s+que\s+hacer)"
        r"|\bno\s+(?:puedo|podemos)\s+(?:aconsejarte|aconsejarle|aconsejarles|darte\s+consejos?"
        r"|darle\s+consejos?|decirte\s+que\s+hacer|decirle\s+que\s+hacer)"
        r"|\bes\s+(?:decision|cosa)\s+(?:tuya|suya|de\s+ustedes)\b"
        r"|\b(?:lo|eso\s+lo)\s+(?:decidis|decides|decide|deciden)\s+(?:vos|tu|usted|ustedes)\b"
        r"|\bno\s+(?:puedo|podemos|debo)\s+(?:aconsejar|dar\s+consejos?)\b"
        r"|\bno\s+(?:estoy|estamos)\s+autorizad[oa]s?\s+(?:a|para)\s+(?:dar\s+consejos?|aconsejar)\b"
        r"|\bno\s+(?:doy|damos)\s+consejos?\b"
        r"|\bno\s+(?:decirle|decirte|decirles)\s+(?:que|lo\s+que)\s+(?:hacer|tiene\s+que\s+hacer)\b"
        r"|\bno\s+(?:le|te|les)\s+(?:puedo|podemos)\s+decir\s+si\s+[^.!?,;]*"
        r"|\bno\s+me\s+toca\s+(?:a\s+mi\s+)?(?:dar\s+consejos?|aconsejar\w*|decirle\s+que\s+hacer"
        r"|decirte\s+que\s+hacer)"
        r")(?![^.!?]{0,60}[.!?…]*\s*,?\s*pero\b(?![.…\s]*(?:yo|deje|anote|anoto|necesito|ya\s+quedo"
        r"|quedo|ya\s+(?:lo|la)\s+anote|si\s+(?:le|te)\s+puedo"
        r"|me\s+gustaria|con\s+gusto|si\s+quiere|si\s+queres|lo\s+anoto|le\s+anoto|cualquier\s+duda"
        r"|si\s+tiene\s+(?:alguna\s+)?duda|aqui\s+estoy|para\s+(?:la\s+)?encuesta)\b))"
    ),
    survey_question=re.compile(
        r"\b(?:encuesta|pregunta|formulario)(?:\s+\d+)?\s+(?:pregunta|le\s+pregunta|dice)\s+(?:si|cuanto|cuantos"
        r"|cuantas|como|que|cuando|quien|cual)\b"
    ),
    reported_speech=re.compile(
        r"\b(?:usted|vos|tu)\s+(?:me\s+)?(?:dijo|dijiste|escribio|escribiste|conto|contaste|menciono)"
        r"\s+(?:que\s+)?\s*$|\bme\s+(?:dijo|dijiste|conto|contaste)\s+(?:que\s+)?\s*$"
        r"|\b(?:su|tu)\s+(?:plan|nota|meta|respuesta)\s+dice\s*:?\s*$"
        # the family's story telling what they told someone: "Su historia dice que le dijo…"
        r"|\b(?:su|tu)\s+(?:historia|publicacion)\s+(?:dice|cuenta|menciona)\s+que\s+(?:usted\s+)?"
        r"(?:le\s+|les\s+|te\s+)?(?:dijo|pidio|aconsejo|advirtio)\b[^.!?]*$|\banotado\s*[,:;-]?\s*$"
        r"|\b(?:dice|dijo|cuenta|conto)\s+que\s+(?:su|tu|el|la|los|las)\s+[a-z]+\s+$"
    ),
    household_count=re.compile(
        r"\b(?:cuant[oa]s|numero\s+de|\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+"
        r"(?:personas|gente|miembros|adultos|ninos)\s+(?:que\s+)?(?:(?:viven|vive|viviendo|duermen"
        r"|trabajan|trabajando)\s*)?(?:en\s+(?:la|su|tu|el|esa)\s+(?:casa|hogar|vivienda|cuarto"
        r"|departamento)\b|(?<=viven)|(?<=viviendo)|(?<=trabajan)|(?<=trabajando))"
    ),
    survey_quote=re.compile(
        r"\bpregunta(?:\s+\d+)?\s*:?\s*['\"]|\b(?:encuesta|pregunta|formulario|app|aplicacion|nota|plan|historia|respuesta)"
        r"(?:\s+\d+|\s+de\s+la\s+pagina\s+\d+)?\s+"
        r"(?:pregunta|dice|le\s+pregunta)\s*:?\s*['\"]"
    ),
    indirect_question=re.compile(
        r"(?:me|nos)\s+(?:pregunto|preguntaste|pregunta|preguntas|preguntaron)\s+si\b"
        r"|(?:por\s+favor\s+)?(?:diganos|digame|dime|dinos|avisenos|aviseme|avisame|cuentenos"
        r"|cuenteme|cuentame|escribame|hagame\s+saber|me\s+dice|nos\s+dice)\s+(?:que|cual|cuales"
        r"|como|donde|quien)\b"
    ),
    open_question=re.compile(
        # "¿la wawa ya está mejor?", "¿están todos bien?": how someone is doing
        r"(?:(?:la|el|los|las|su|sus)\s+[a-z]+\s+)?(?:ya\s+)?(?:esta|estan|sigue|siguen)\s+(?:todos\s+)?"
        r"(?:bien|mejor|mejorando|sanos?|sanas?)\b"
        r"|(?:(?:en|de|con|para|por|desde|hasta|a)\s+)?(?:como|cuando|quien|quienes|donde|cuanto|cuanta|cuantos|cuantas|cual|cuales"
        r"|que(?!\s+tal\s+si|\s+te\s+parece\s+si|\s+le\s+parece\s+si|\s+esperas?|\s+espera\s+usted)"
        r"|(?:usted\s+|ustedes\s+|tu\s+|vos\s+)?(?:cree|creen|crees|piensa|piensan|piensas)\s+que)\b"
    ),
    pointer_verbs=frozenset(
        {
            "mire",
            "mira",
            "miren",
            "vea",
            "vean",
            "lea",
            "lee",
            "lean",
            "revise",
            "revisa",
            "fijese",
            "fijate",
            "abra",
            "abre",
            "busque",
            "busca",
            "chequee",
            "cheque",
            "checa",
        }
    ),
)
