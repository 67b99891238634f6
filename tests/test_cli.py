"""The command line as a new user meets it: run as a real subprocess, in an empty folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def peerbot(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PEERBOT_")}
    clean["PYTHONPATH"] = str(ROOT)
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=tmp_path, env=clean, capture_output=True, text=True, timeout=60
    )


def test_run_without_token_prints_one_clear_line(tmp_path: Path) -> None:
    result = peerbot(tmp_path, "run")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "PEERBOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_setting_is_one_clear_line(tmp_path: Path) -> None:
    result = peerbot(tmp_path, "run", env={"PEERBOT_DEV_GUILD_ID": "not-a-number"})
    assert result.returncode == 2
    assert "DEV_GUILD_ID" in result.stderr and "Traceback" not in result.stderr


def test_misspelt_setting_in_dotenv_is_caught(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("PEERBOT_TOKNE=abc\n")
    result = peerbot(tmp_path, "check")
    assert result.returncode == 2 and "TOKNE" in result.stderr


def test_migrate_builds_schema_then_check_reports_it(tmp_path: Path) -> None:
    result = peerbot(tmp_path, "migrate")
    assert result.returncode == 0, result.stderr
    assert "schema version" in result.stdout
    assert (tmp_path / "data" / "peerbot.db").exists()
    check = peerbot(tmp_path, "check")
    assert check.returncode == 0 and "0 pending" in check.stdout
    assert "Risk screening stages: rules with their second look" in check.stdout
    off = peerbot(tmp_path, "check", env={"PEERBOT_RISK_MODEL": "false"})
    assert "The learned model is off: PEERBOT_RISK_MODEL is false" in off.stdout


def test_newer_database_is_refused_with_a_sentence(tmp_path: Path) -> None:
    import sqlite3

    (tmp_path / "data").mkdir()
    with sqlite3.connect(tmp_path / "data" / "peerbot.db") as conn:
        conn.execute("PRAGMA user_version = 999")
    result = peerbot(tmp_path, "migrate")
    assert result.returncode == 2 and "newer" not in result.stdout and "999" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"]])
def test_help(tmp_path: Path, args: list[str]) -> None:
    assert peerbot(tmp_path, *args).returncode == 0


def test_check_creates_nothing(tmp_path: Path) -> None:
    result = peerbot(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert "doesn't exist yet" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("line", "said"), [
    ("PEERBOT_TOKNE=abc", "PEERBOT_TOKNE is not a setting peerbot knows. Did you mean PEERBOT_TOKEN?"),
    ("PEERBOT_DATABSE_PATH=x.db", "Did you mean PEERBOT_DATABASE_PATH?"),
    ("PEERBOT_FLAGS_PER_HOURS=3", "Did you mean PEERBOT_FLAGS_PER_HOUR?"),
])
def test_a_typo_in_dotenv_names_the_nearest_setting(tmp_path: Path, line: str, said: str) -> None:
    (tmp_path / ".env").write_text(line + "\n")
    result = peerbot(tmp_path, "check")
    assert result.returncode == 2 and said in result.stderr
    assert "Extra inputs" not in result.stderr and result.stderr.count("\n") == 1


async def test_run_without_network_prints_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import aiohttp
    import discord

    from bot.settings import Settings
    from cogs.runtime import run_bot

    async def offline(self: discord.Client, token: str) -> None:
        raise aiohttp.ClientConnectionError("Cannot connect to host discord.com:443 [Name or service not known]")

    monkeypatch.setattr(discord.Client, "login", offline)
    settings = Settings(_env_file=None, token="abc", database_path=tmp_path / "peerbot.db",  # type: ignore[call-arg]
                        risk_model=False)
    assert await run_bot(settings) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not reach Discord" in err and "Traceback" not in err
