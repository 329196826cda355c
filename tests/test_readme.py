"""The README is where an operator learns the configuration: every setting must be in it."""

from pathlib import Path

from app.config import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        variable = f"MUTUALITY_{name.upper()}"
        aliases = getattr(field.validation_alias, "choices", None) or []
        assert variable in text or any(alias in text for alias in aliases), (
            f"setting {name} ({variable}) is not in README's configuration table"
        )


def test_quick_start_is_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    quick_start = text.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in quick_start.splitlines() if line.strip()]
    assert [command.split("#")[0].strip() for command in commands] == [
        "python3 dev.py serve",
        "python3 dev.py test",
    ]
