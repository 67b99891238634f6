"""The `peerbot` command line: run, migrate, check and screen.

Every failure a person can cause (no token, a bad setting, a database from a newer peerbot) ends with one clear
sentence on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import logging
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from bot.settings import Settings
from bot.storage.db import Database
from bot.storage.migrations import SchemaTooNew, load_migrations, migrate, schema_version

EXIT_CONFIG = 2


def _fail(message: str) -> int:
    print(f"peerbot: {message}", file=sys.stderr)
    return EXIT_CONFIG


def _load_settings() -> Settings:
    return Settings()


def _describe(error: ValidationError) -> str:
    errors = error.errors()
    unknown = [e for e in errors if e["type"] == "extra_forbidden"]
    if unknown:  # most often a typo, which also leaves the intended setting at its default
        return _unknown_setting(str(unknown[0]["loc"][0]).upper())
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "settings"
    return f"the setting {where.upper()!s} is not valid: {first['msg']}."


def _unknown_setting(name: str) -> str:
    """Name the unknown setting and the nearest known one, instead of pydantic's "Extra inputs are not permitted"."""
    known = [f"PEERBOT_{field.upper()}" for field in Settings.model_fields]
    nearest = difflib.get_close_matches(name if name.startswith("PEERBOT_") else f"PEERBOT_{name}", known, n=1)
    hint = f" Did you mean {nearest[0]}?" if nearest else " The README's Settings table lists every setting."
    if not name.startswith("PEERBOT_"):
        return f"{name} in .env is not a peerbot setting (peerbot's are named PEERBOT_…).{hint}"
    return f"{name} is not a setting peerbot knows.{hint}"


async def _migrate(settings: Settings) -> int:
    db = await Database.open(settings.database_path)
    try:
        version = await migrate(db)
    finally:
        await db.close()
    print(f"Database {settings.database_path} is at schema version {version}.")
    return 0


async def _check(settings: Settings) -> int:
    known = len(load_migrations())
    if settings.database_path.exists():
        db = await Database.open(settings.database_path)
        try:
            current = await schema_version(db)
        finally:
            await db.close()
        if current > known:
            raise SchemaTooNew(current, known)
        print(f"Settings are valid. Database {settings.database_path}: schema version {current}, "
              f"{known - current} pending.")
    else:  # a check creates nothing: `migrate` or `run` makes the file and its folder
        print(f"Settings are valid. Database {settings.database_path} doesn't exist yet; `peerbot migrate` or "
              f"`peerbot run` creates it ({known} migrations to apply).")
    if settings.token is None:
        print("No token is set yet: `peerbot run` needs PEERBOT_TOKEN.")
    from bot.domain.risk.stages import build

    print(build(model=settings.risk_model, second_look=settings.risk_second_look).describe())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="peerbot", description="A Discord bot for peer-support programmes.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="migrate the database and connect to Discord")
    commands.add_parser("migrate", help="apply pending database migrations and print the schema version")
    commands.add_parser("check", help="validate settings and the database without connecting")
    screen = commands.add_parser("screen", help="risk-screen messages from stdin, one JSON result per line")
    screen.add_argument("--jsonl", action="store_true", help="read JSON lines with a `text` field")
    args = parser.parse_args(argv)

    if args.command == "screen":
        from bot.domain.risk.cli import screen_stream

        return screen_stream(sys.stdin, sys.stdout, jsonl=args.jsonl)

    try:
        settings = _load_settings()
    except ValidationError as error:
        return _fail(_describe(error))
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "migrate":
            return asyncio.run(_migrate(settings))
        if args.command == "check":
            return asyncio.run(_check(settings))
        if settings.token is None or not settings.token.get_secret_value().strip():
            return _fail(
                "no Discord bot token is set. Put PEERBOT_TOKEN=<your token> in the environment or in a .env "
                "file (the README's 'Create the Discord application' section shows where to find it)."
            )
        from cogs.runtime import run_bot  # the composition root: only `run` needs Discord

        return asyncio.run(run_bot(settings))
    except SchemaTooNew as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 0
