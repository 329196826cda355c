"""Spanish word lists: verbs by life domain with their imperative forms, life vs app nouns.

Spanish direction is mostly carried by verb *forms* (usted/tú imperatives, subjunctives after
"le recomiendo que"), so verbs are listed once with their irregular stems and expanded into
the forms liaisons type, with or without accents.
"""

from __future__ import annotations

import re

# fmt: off
ABBREVIATIONS: dict[str, str] = {
    "q": "que", "k": "que", "xq": "porque", "pq": "porque", "porq": "porque", "x": "por",
    "tb": "tambien", "tmb": "tambien", "tmbn": "tambien", "pa": "para", "ud": "usted",
    "uds": "ustedes", "porfa": "por favor", "xfa": "por favor", "xfavor": "por favor",
    "dsps": "despues", "dps": "despues", "aki": "aqui", "msj": "mensaje", "foto": "foto",
    "d": "de", "tqm": "", "bn": "bien", "mñn": "manana", "mna": "manana", "nd": "nada",
    "vdd": "verdad", "toy": "estoy", "ta": "esta", "pos": "pues", "weno": "bueno",
    "fam": "familia", "fams": "familias", "flia": "familia", "flias": "familias",
    "cuidao": "cuidado", "pa'": "para", "pal": "para el", "tons": "entonces", "ps": "pues",
}

STOPWORDS = frozenset(
    [
        "el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "es", "por", "para",
        "con", "su", "sus", "le", "les", "se", "lo", "mi", "usted", "ustedes", "como", "esta",
        "este", "esto", "gracias", "hola", "pero", "mas", "muy", "al", "ya", "tiene", "puede",
        "buenos", "buenas", "dias", "tardes", "semana", "mes", "hoy", "manana", "favor", "fue",
        "ella", "ellos", "nos", "donde", "cuando", "porque", "tambien", "si"
    ]
)

# (infinitive, usted imperative / present subjunctive, tú imperative). Negative tú form is
# the usted form + "s" ("no gastes"), the plural adds "n" ("paguen").
_LIFE_VERBS: tuple[tuple[str, str, str], ...] = (
    # dinero
    ("ahorrar", "ahorre", "ahorra"), ("pagar", "pague", "paga"), ("guardar", "guarde", "guarda"),
    ("mezclar", "mezcle", "mezcla"),
    ("gastar", "gaste", "gasta"), ("invertir", "invierta", "invierte"),
    ("depositar", "deposite", "deposita"), ("prestar", "preste", "presta"),
    ("endeudar", "endeude", "endeuda"), ("comprar", "compre", "compra"),
    ("vender", "venda", "vende"), ("abonar", "abone", "abona"),
    ("liquidar", "liquide", "liquida"), ("cobrar", "cobre", "cobra"),
    ("juntar", "junte", "junta"), ("apartar", "aparte", "aparta"),
    ("administrar", "administre", "administra"), ("empenar", "empene", "empena"),
    # negocio y trabajo
    ("invertir", "invierta", "invierte"), ("emprender", "emprenda", "emprende"),
    ("renunciar", "renuncie", "renuncia"), ("trabajar", "trabaje", "trabaja"),
    ("contratar", "contrate", "contrata"), ("negociar", "negocie", "negocia"),
    ("ampliar", "amplie", "amplia"), ("surtir", "surta", "surte"),
    # hijos, salud, casa
    ("inscribir", "inscriba", "inscribe"), ("estudiar", "estudie", "estudia"),
    ("vacunar", "vacune", "vacuna"), ("mudar", "mude", "muda"), ("rentar", "rente", "renta"),
    ("alquilar", "alquile", "alquila"), ("arrendar", "arriende", "arrienda"),
    ("sembrar", "siembre", "siembra"), ("descansar", "descanse", "descansa"),
    ("postular", "postule", "postula"), ("proteger", "proteja", "protege"),
    ("aceptar", "acepte", "acepta"),
    ("solicitar", "solicite", "solicita"), ("aplicar", "aplique", "aplica"),
    # decisiones
    ("evitar", "evite", "evita"), ("considerar", "considere", "considera"),
    ("enfocar", "enfoque", "enfoca"), ("concentrar", "concentre", "concentra"),
    ("priorizar", "priorice", "prioriza"), ("reducir", "reduzca", "reduce"),
    ("recortar", "recorte", "recorta"), ("aprovechar", "aproveche", "aprovecha"),
    ("cancelar", "cancele", "cancela"), ("dejar", "deje", "deja"),
    ("comparar", "compare", "compara"), ("cotizar", "cotice", "cotiza"),
    ("regatear", "regatee", "regatea"), ("rebajar", "rebaje", "rebaja"),
    ("promocionar", "promocione", "promociona"), ("anunciar", "anuncie", "anuncia"),
    ("hipotecar", "hipoteque", "hipoteca"), ("fiar", "fie", "fia"),
    ("declarar", "declare", "declara"), ("afiliar", "afilie", "afilia"),
    # derechos y familia
    ("denunciar", "denuncie", "denuncia"), ("reclamar", "reclame", "reclama"),
    ("demandar", "demande", "demanda"), ("exigir", "exija", "exige"),
    ("matricular", "matricule", "matricula"), ("alimentar", "alimente", "alimenta"),
    ("amamantar", "amamante", "amamanta"), ("castigar", "castigue", "castiga"),
    ("reganar", "regane", "regana"), ("desparasitar", "desparasite", "desparasita"),
)

# Imperatives whose meaning depends on the object ("lleve a la niña al centro de salud" vs
# "lleve los papeles a la reunión").
_OBJECT_DEPENDENT: tuple[tuple[str, str, str], ...] = (
    ("llevar", "lleve", "lleva"), ("buscar", "busque", "busca"), ("llamar", "llame", "llama"),
    ("abrir", "abra", "abre"), ("pedir", "pida", "pide"), ("sacar", "saque", "saca"),
    ("hablar", "hable", "habla"), ("ir", "vaya", "ve"), ("andar", "ande", "anda"),
    ("quitar", "quite", "quita"),
    ("usar", "use", "usa"),
    ("poner", "ponga", "pon"), ("tomar", "tome", "toma"), ("cambiar", "cambie", "cambia"),
    ("firmar", "firme", "firma"), ("anotar", "anote", "anota"), ("apuntar", "apunte", "apunta"),
    ("cuidar", "cuide", "cuida"), ("hacer", "haga", "haz"), ("pensar", "piense", "piensa"),
    ("empezar", "empiece", "empieza"), ("comenzar", "comience", "comienza"),
    ("consultar", "consulte", "consulta"), ("acudir", "acuda", "acude"),
    ("registrar", "registre", "registra"), ("arreglar", "arregle", "arregla"),
    ("cocinar", "cocine", "cocina"), ("organizar", "organice", "organiza"),
    ("preguntar", "pregunte", "pregunta"), ("hablar", "hable", "habla"),
    ("seguir", "siga", "sigue"), ("meter", "meta", "mete"),
    ("hacerse", "hagase", "hazte"), ("ponerse", "pongase", "ponte"), ("llevarse", "llevese", ""),
    ("mandar", "mande", "manda"), ("escribir", "escriba", "escribe"),
    ("probar", "pruebe", "prueba"),
    ("dejar", "deje", "deja"), ("acercar", "acerque", "acerca"), ("visitar", "visite", "visita"),
    ("esperar", "espere", "espera"), ("checar", "cheque", "checa"),
    ("ofrecer", "ofrezca", "ofrece"), ("dividir", "divida", "divide"),
    ("repartir", "reparta", "reparte"), ("vigilar", "vigile", "vigila"),
    ("controlar", "controle", "controla"), ("bajar", "baje", "baja"),
    ("acostar", "acueste", "acuesta"), ("dormir", "duerma", "duerme"),
    ("caminar", "camine", "camina"), ("preparar", "prepare", "prepara"),
    ("limpiar", "limpie", "limpia"), ("platicar", "platique", "platica"),
    ("conversar", "converse", "conversa"), ("separar", "separe", "separa"),
    ("asegurar", "asegure", "asegura"), ("comer", "coma", "come"), ("cenar", "cene", "cena"),
    ("apagar", "apague", "apaga"), ("cortar", "corte", "corta"), ("mover", "mueva", "mueve"),
    ("plantar", "plante", "planta"), ("criar", "crie", "cria"), ("cerrar", "cierre", "cierra"),
    ("manejar", "maneje", "maneja"), ("dedicar", "dedique", "dedica"),
    ("aprender", "aprenda", "aprende"), ("ensenar", "ensene", "ensena"),
    ("decir", "diga", "dile"), ("reservar", "reserve", "reserva"), ("pasar", "pase", "pasa"),
    ("leer", "lea", "lee"), ("salir", "salga", "sal"), ("aguantar", "aguante", "aguanta"),
    ("conseguir", "consiga", "consigue"), ("coger", "coja", "coge"),
    ("darle", "dele", ""), ("darles", "deles", ""),
)

LOGISTIC_VERBS = frozenset(
    [
        "mandar", "mande", "manda", "enviar", "envie", "envia", "subir", "suba", "sube", "tocar",
        "toque", "toca", "actualizar", "actualice", "actualiza", "confirmar", "confirme",
        "picar", "picarle", "picale", "pique", "piquele",
        "confirma", "avisar", "avise", "avisa", "llenar", "llene", "llena", "contestar", "conteste",
        "contesta", "responder", "responda", "descargar", "descargue", "descarga", "instalar",
        "instale", "instala", "desinstalar", "desinstale", "reinstalar", "reinstale", "ingresar",
        "ingrese", "ingresa", "reenviar", "reenvie", "reenvia",
        "marcar", "marque", "marca", "decir", "diga", "dime", "contar", "cuente", "cuenta",
        "escribir", "escriba", "escribe", "completar", "complete", "completa", "adjuntar",
        "adjunte", "reportar", "reporte", "corregir", "corrija", "corrige", "verificar",
        "verifique", "tomarle", "llegar", "recibir", "revisar", "revise", "revisa", "chequear",
        "saltar", "salte", "salta", "saltese", "saltate", "saltarse",
        "chequee", "chequea"
    ]
)

# Program verbs that also direct life ("mandar a los niños a la escuela").
AMBIGUOUS_LOGISTIC_VERBS = frozenset(
    ["mandar", "mande", "manda", "enviar", "envie", "envia", "llegar", "recibir", "revisar",
     "subir", "suba", "sube", "tocar", "toque", "toca",
     "revise", "revisa", "contar", "cuente", "cuenta", "decir", "diga", "saltar", "salte", "salta",
     "saltese", "saltate", "saltarse"]
)

CHAIN_VERBS = frozenset(
    [
        "intentar", "intente", "intenta", "tratar", "trate", "trata", "procurar", "procure",
        "procura", "empezar", "empiece", "empieza", "comenzar", "comience", "comienza", "volver",
        "aproveche", "aprovecha", "aprovechen", "aprovecha",
        "vuelva", "vuelve", "seguir", "siga", "sigue", "dejar"
    ]
)

SKIP_WORDS = frozenset(
    [
        "de", "a", "que", "no", "mejor", "tambien", "ya", "siempre", "solo", "solamente", "primero",
        "bien", "si", "ir", "vaya", "ahora", "se", "le", "les", "lo", "la", "los", "las", "me",
        "te", "nos", "usted", "tu", "ustedes", "muy", "mas", "un", "poco", "poquito", "por",
        "favor", "realmente", "pronto", "hoy", "mismo", "para"
    ]
)

_CLITIC = re.compile(r"(?:se|le|les|lo|la|los|las|me|te|nos)+$")
_ONE_CLITIC = re.compile(r"(?:se|le|les|lo|la|los|las|me|te|nos)$")


def base_form(word: str) -> str:
    """Strip enclitic pronouns: "enfoquese" -> "enfoque", "desinstalarla" -> "desinstalar"."""
    if word in LOGISTIC_VERBS or word in LIFE_VERB_FORMS:
        return word  # "revise", "aparte" are verbs, not "revi" + "se", "apar" + "te"
    # One pronoun at a time, so "apuntelo" is "apunte" (+ "lo"), not "apun" (+ "te" + "lo")
    stem = word
    while len(stem) > 4 and (match := _ONE_CLITIC.search(stem)):
        stem = stem[: match.start()]
        if stem in KNOWN_VERB_FORMS:
            return stem
    if len(word) == 5 and (stripped := _CLITIC.sub("", word)) in {"dar", "ver", "oir"}:
        return stripped  # "darle", "verlo"
    if len(word) > 5:
        stripped = _CLITIC.sub("", word)
        if len(stripped) >= 3 and stripped[-1] in "aeiourn":
            return stripped
    return word


_THIRD_PERSON_CLITIC = re.compile(r"(?:se|le|les|lo|la|los|las)$")


def is_enclitic_command(word: str) -> bool:
    """ "guardela", "mandeselo": a pronoun attached to a finite verb only happens in commands.

    Pronouns for the speaker ("mandeme", "digame") ask for something and are left out.
    """
    base = base_form(word)
    return (
        base != word
        and bool(_THIRD_PERSON_CLITIC.search(word))
        and not is_infinitive(base)
        and (base in LIFE_VERB_FORMS or base in OBJECT_DEPENDENT_FORMS)
    )


_REPORTING_VERBS = frozenset(
    ["cuenta", "dice", "comenta", "explica", "platica", "escribe", "asegura", "cree", "dicen",
     "cuentan", "comentan", "explican", "aseguran", "creen"]
)


_SPANS_OF_TIME = frozenset(
    ["rato", "tiempo", "mucho", "poco", "un", "una", "unos", "unas", "dos", "tres", "dias",
     "meses", "anos", "semanas", "ratito"]
)


def follows_subject(word: str, following: str) -> bool:
    """ "cuenta que", "dice que": a tú form before "que" reports what someone says; "hace rato"
    says how long ago."""
    if word == "hace" and following in _SPANS_OF_TIME:
        return True
    return following == "que" and word in _REPORTING_VERBS


_AR_INFINITIVES = frozenset(
    infinitive for infinitive, _, _ in _LIFE_VERBS + _OBJECT_DEPENDENT if infinitive.endswith("ar")
) | frozenset(word for word in LOGISTIC_VERBS if word.endswith("ar"))
# "verifiqué" is "verificar", "pagué" "pagar", "empecé" "empezar"
_PRETERITE_SPELLINGS = (("que", "car"), ("gue", "gar"), ("ce", "zar"), ("e", "ar"))


def is_first_person_past(word: str) -> bool:
    """ "revisé", "mandé", "pagué" (once the accent is gone): the speaker's past of an -ar
    verb. Usted commands carry no accent and voseo ones end in -á, so when the liaison typed
    the accent, this is what they did, not a command."""
    return any(
        word.endswith(ending) and word[: -len(ending)] + infinitive in _AR_INFINITIVES
        for ending, infinitive in _PRETERITE_SPELLINGS
    )


def is_infinitive(word: str) -> bool:
    """Infinitives end in -ar/-er/-ir (after clitics are stripped)."""
    return word == "ir" or (len(word) > 2 and word.endswith(("ar", "er", "ir")))


def _forms(table: tuple[tuple[str, str, str], ...]) -> set[str]:
    forms: set[str] = set()
    for infinitive, usted, tu in table:
        forms |= {infinitive, usted, usted + "s", usted + "n"}
        if tu:
            forms.add(tu)
        if len(infinitive) > 4:
            forms.add(infinitive[:-1])  # voseo: "probá", "vendé", "pedí" once accents go
    return forms


def _conjugated(table: tuple[tuple[str, str, str], ...]) -> set[str]:
    """Extra indicative forms so reports and suggestions are recognised as life topics."""
    forms = _forms(table)
    for infinitive, _, tu in table:
        stem, ending = infinitive[:-2], infinitive[-2:]
        if ending == "ar":
            forms |= {stem + s for s in ("o", "as", "amos", "an", "ando", "ado", "aron",
                                         "aria", "arias", "ara", "aras")}
        else:
            forms |= {stem + s for s in ("o", "es", "en", "iendo", "ido", "ieron", "io",
                                         "eria", "iria", "iera", "ieras")}
        if tu:
            forms |= {tu + "s", tu + "n"}
    return forms


LIFE_VERB_FORMS = frozenset(_forms(_LIFE_VERBS))
# usted/ustedes subjunctives and negative tú forms: after "no" they only ever command or wish
NEGATIVE_COMMAND_FORMS = frozenset(
    form for _, usted, _ in _LIFE_VERBS for form in (usted, usted + "s", usted + "n")
)
OBJECT_DEPENDENT_FORMS = frozenset(_forms(_OBJECT_DEPENDENT))
KNOWN_VERB_FORMS = LIFE_VERB_FORMS | OBJECT_DEPENDENT_FORMS | LOGISTIC_VERBS | CHAIN_VERBS
# tú imperatives that are also 3rd-person statements ("¿Vende los domingos?").
# Irregular verbs add their 3rd person, which a voseo command only matches unaccented
# ("una familia de Azul hace pastas para vender").
STATEMENT_FORMS = frozenset(tu for _, _, tu in _LIFE_VERBS + _OBJECT_DEPENDENT if tu) | {
    "hace",
    "pone",
    "sale",
    "tiene",
}

_LIFE_NOUNS = r"""
dinero|plata|lana|feria|efectivo|ahorros?|cuenta\s+de\s+ahorros?|banco|cooperativa|caja
|prestamos?|prestamista|deudas?|tarjeta|credito|interes|intereses|renta|alquiler|(?<!mas\s)(?<!buena\s)(?<!poca\s)luz|agua
|gas|predial|cuentas|presupuesto|gastos?|tanda|cundina|junta|san|susu|quincena|sueldo|salario|aumento
|patron|jefe|trabajo|empleo|chamba|turno|horas\s+extra|negocio|ventas?|precios?|clientes
|ganancias?|tienda|puesto|mercado|mercancia|inventario|refri|horno|maquina|tortillas
|pupusas|tamales|comida|tiend\w*|negocit\w*|puestit\w*|gasolina|tanque|escuela|colegio|beca|becas|utiles|tarea|maestra|maestro
|calificaciones|candados?|colmados?|robos?|robar|subsidios?|vivienda|talleres|taller|curso|cursos|capacitacion|chicos|chamacos|cipotes|chamos|pelados|guaguas|hijitos|asesora?|finanzas|licenciad[ao]|migracion|parroquia|iglesia|grupo\s+de\s+apoyo|inflacion|(?<!\bno\sen\s)dolares|plazo\s+fijo|universidad|prepa|preparatoria|secundaria|primaria|kinder|guarderia|ninos?|ninas?|hijos?|hijas?|bebe|nene|salud|clinica|centro\s+de\s+salud
|doctor|doctora|medico|hospital|medicina|vacunas?|seguro|asma|formula|casa|terreno|carro
|carros|auto|moto|camioneta|muebles|tele|television|abogado|desalojo|wic|apoyo\s+de
|psicologa|psicologo|dentista|enfermera|terapia|consejera|cheque|remesas?|aval|fiador
|programa|oficina\s+de|semestres?|clases\s+de|ingles|idiomas?|carrera|imss|issste|consumo|fiao|seguro\s+social|rodillas?|muelas?|dolor|vacas?|ganado|chanchos?|cerdos?|gallinas?|pollos?|cabras?|borregos?|balanceado|pasto|cosecha|milpa|cafetal|parcela|diezmo|velorio|funeraria|mosquiteros?|aguinaldo|cunado|prestado|fiado|mayoreo|ropa|marketplace|lo\s+mismo
"""
LIFE_TERMS = re.compile(
    r"\b(?:" + re.sub(r"\s+", "", _LIFE_NOUNS) + "|"
    + "|".join(sorted(_conjugated(_LIFE_VERBS), key=len, reverse=True)) + r")\b"
)

APP_TERMS = re.compile(
    r"\b(?:encuestas?|formularios?|aplicacion|app|fotos?|foto|imagen|recibos?|comprobantes?"
    r"|documentos?|papeles|contrasena|codigo|pin|nip|enlace|link|boton|pantalla|reunion|reuniones"
    r"|flash|boletas?|tickets?|iconos?|pestana|menu|historial|borrador|cerrar\s+sesion"
    r"|visita|estipendio|apoyo|pago\s+del\s+estipendio|historia|publicacion|muro|mensaje|perfil"
    r"|borros[oa]s?|se\s+lean?|no\s+se\s+(?:lee|leen|ve|ven)|legibles?|luz\s+de\s+dia"
    r"|(?:la|las|una|esa|esta|cada|sus?|tus?)\s+preguntas?"
    r"|celular|telefono|sistema|version|wifi|datos|internet|respuestas?|verificacion"
    r"|consentimiento|cuenta\s+de\s+la\s+app|seccion|secciones|opcional|spam|correo|bandeja|lo\s+que\s+(?:mas\s+o\s+menos\s+)?recuerdes?|mas\s+o\s+menos|aproximad\w*|ajustes|configuracion|idioma|casillas?|campos?|siguiente\s+pregunta"
    r"|[a-z]+\s*>\s*[a-z]+|(?:ponga|pon|anote|marque|escriba|ingrese)\s+(?:un\s+)?(?:0|cero|\$\s*0)"
    r"|(?:en|como|bajo)\s+(?:la\s+casilla\s+(?:de\s+)?)?['\"]|salon|cita|llamada|numero|cantidad|montos?"
    r"|(?:poner|ponga|pon|anotar|anote|escribir|escriba)\s+(?:[a-z]+\s+){0,3}?en\s+(?:quetzales|dolares|pesos"
    r"|soles|lempiras|colones|cordobas|bolivianos|guaranies|numeros|cifras|kilos|libras))\b"
)

TIME_TERMS = re.compile(
    r"\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|hoy|tarde|noche"
    r"|\d{1,2}(?::\d\d)?|(?<!\bes\s)(?<!\bsiendo\s)hora|horas|fecha|plazo(?!\s+fijo))\b"
)
# fmt: on
