"""The common core of the monthly survey: the indicators every partner asks, with stable ids.

This is data: the first version of the core is written to `survey_forms` from it. More
languages or wording are added as data too, as a new core version row; ids never change, so
dashboards aggregate across partners and versions.
"""

from typing import Any

from app.models.survey_form import MAX_MONEY_MINOR

MAX_PEOPLE = 30
MAX_BUSINESSES = 20
MAX_HELP_TIMES = 500

HELP_KINDS: list[dict[str, Any]] = [
    {"id": "money", "label": {"en": "Money", "es": "Dinero"}},
    {"id": "childcare", "label": {"en": "Childcare", "es": "Cuidado de niños"}},
    {"id": "food", "label": {"en": "Food", "es": "Comida"}},
    {"id": "transport", "label": {"en": "Transport", "es": "Transporte"}},
    {"id": "advice", "label": {"en": "Advice", "es": "Consejo"}},
    {"id": "other", "label": {"en": "Other", "es": "Otro"}},
]


def _money(question_id: str, en: str, es: str, help_en: str, help_es: str) -> dict[str, Any]:
    return {
        "id": question_id,
        "type": "money",
        "label": {"en": en, "es": es},
        "help": {"en": help_en, "es": help_es},
        "required": True,
        "min": 0,
        "max": MAX_MONEY_MINOR,
    }


def _count(question_id: str, en: str, es: str, maximum: int) -> dict[str, Any]:
    return {
        "id": question_id,
        "type": "count",
        "label": {"en": en, "es": es},
        "required": True,
        "min": 0,
        "max": maximum,
    }


CORE_QUESTIONS: list[dict[str, Any]] = [
    _money(
        "income_work",
        "Household income from work this month",
        "Ingresos del hogar por trabajo este mes",
        "Wages and salaries of everyone in the household, in cents.",
        "Sueldos y salarios de todos en el hogar, en centavos.",
    ),
    _money(
        "income_business",
        "Household income from business this month",
        "Ingresos del hogar por negocios este mes",
        "What your businesses earned after costs, in cents.",
        "Lo que ganaron sus negocios después de gastos, en centavos.",
    ),
    _money(
        "income_other",
        "Other income this month",
        "Otros ingresos este mes",
        "Benefits, gifts, remittances and anything else, in cents.",
        "Beneficios, regalos, remesas y cualquier otro, en centavos.",
    ),
    _money(
        "savings",
        "Savings at the end of the month",
        "Ahorros al final del mes",
        "Cash, bank accounts and savings circles, in cents.",
        "Efectivo, cuentas de banco y tandas, en centavos.",
    ),
    _money(
        "debt",
        "Debt at the end of the month",
        "Deudas al final del mes",
        "Everything the household owes, in cents.",
        "Todo lo que el hogar debe, en centavos.",
    ),
    _count("members_employed", "Members with a job", "Miembros con trabajo", MAX_PEOPLE),
    _count("businesses_run", "Businesses the household runs", "Negocios del hogar", MAX_BUSINESSES),
    _count(
        "children_in_school",
        "Children enrolled in school",
        "Niños inscritos en la escuela",
        MAX_PEOPLE,
    ),
    {
        "id": "anyone_unable_to_work",
        "type": "yes_no",
        "label": {
            "en": "Was anyone unable to work because of health?",
            "es": "¿Alguien no pudo trabajar por su salud?",
        },
        "required": True,
    },
    {
        "id": "rent_on_time",
        "type": "single_choice",
        "label": {"en": "Was the rent paid on time?", "es": "¿Se pagó la renta a tiempo?"},
        "required": True,
        "choices": [
            {"id": "yes", "label": {"en": "Yes", "es": "Sí"}},
            {"id": "no", "label": {"en": "No", "es": "No"}},
            {"id": "not_renting", "label": {"en": "We do not rent", "es": "No rentamos"}},
        ],
    },
    _count(
        "help_given_count",
        "Times you helped other households",
        "Veces que ayudaron a otros hogares",
        MAX_HELP_TIMES,
    ),
    {
        "id": "help_given_kinds",
        "type": "multiple_choice",
        "label": {"en": "What help did you give?", "es": "¿Qué ayuda dieron?"},
        "required": False,
        "choices": HELP_KINDS,
    },
    _count(
        "help_received_count",
        "Times other households helped you",
        "Veces que otros hogares les ayudaron",
        MAX_HELP_TIMES,
    ),
    {
        "id": "help_received_kinds",
        "type": "multiple_choice",
        "label": {"en": "What help did you receive?", "es": "¿Qué ayuda recibieron?"},
        "required": False,
        "choices": HELP_KINDS,
    },
]
