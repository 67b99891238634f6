"""The mentions suite (issue 13): nothing peerbot sends pings anyone, except the on-call role in an escalation and
the few members who asked for it, each exactly as the table below says.

Three checks, which together reach every send path:
- the bot's default is "mention nobody", and discord.py applies it to every route peerbot sends by (a channel
  message, an edit, an interaction's reply, its follow-ups) when a call names no `allowed_mentions`;
- the source: every `allowed_mentions=` in cogs/ is `NO_MENTIONS`, except in the functions of `PINGS`;
- the wire: a busy day (tests/fault_scenario.py) over the fake Discord; every message created or edited carries
  "mention nobody", or one of the pings of `PINGS` with exactly the people its text names. (The matching
  welcome is not in that day; tests/test_cogs_matching.py checks it pings the pair and no role.)
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import discord
import pytest
from discord.webhook.async_ import AsyncWebhookAdapter

from bot.services import Services
from cogs.runtime import PeerBot
from tests.fakediscord import FakeDiscord
from tests.fault_scenario import GUILD, ONCALL_ROLE, QUEUE_CHANNEL, Scenario

NOBODY = {"parse": []}
ROOT = Path(__file__).resolve().parent.parent

# Every ping peerbot may make: where in cogs/ it is built, and whom it may reach.
PINGS = {
    ("cogs/referral_delivery.py", "escalate"): "the on-call role, in an escalation of an unclaimed referral",
    ("cogs/private_thread.py", "post_privately"): "the member, in their own private thread (their DMs are closed)",
    ("cogs/meetings/handlers.py", "group_post"): "members who chose to hear about their meetings in the group's "
                                                 "channel, in a post about their meeting",
    ("cogs/matching/handlers.py", "post"): "the matched pair, in the welcome of their own private space",
    ("cogs/matching/handlers.py", "_in_private_thread"): "the member, in their own private thread, for a match's "
                                                         "message when their DMs are closed",
}


# ---- the default -----------------------------------------------------------------------------------------------
async def test_with_no_allowed_mentions_named_every_route_mentions_nobody(
    services: Services, monkeypatch: pytest.MonkeyPatch,
) -> None:
    bot = PeerBot(services)
    await bot._async_setup_hook()
    fake = FakeDiscord(guild_id=GUILD)
    fake.add_channel(QUEUE_CHANNEL, "somewhere")
    fake.attach(bot)
    channel = bot.get_channel(QUEUE_CHANNEL)
    assert isinstance(channel, discord.TextChannel)
    sent = await channel.send("@everyone <@&5> <@7> hello")
    await sent.edit(content="@here <@7> edited")

    webhook_bodies: list[dict[str, Any]] = []

    async def webhook_request(self: Any, route: Any, session: Any, **kwargs: Any) -> Any:
        params = kwargs.get("payload") or {}
        webhook_bodies.append(params.get("data", params))  # an interaction's reply nests it under "data"
        message = {"id": "1", "channel_id": str(QUEUE_CHANNEL), "author": {"id": "9999", "username": "peerbot",
                   "discriminator": "0", "avatar": None}, "content": "", "timestamp": "2026-03-02T12:00:00+00:00",
                   "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
                   "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0}
        if route.path.endswith("/callback"):
            return {"interaction": {"id": "11", "type": 2}, "resource": {"type": 4, "message": message}}
        return message

    monkeypatch.setattr(AsyncWebhookAdapter, "request", webhook_request)
    interaction = discord.Interaction(data={  # type: ignore[typeddict-item]
        "id": "11", "application_id": "9999", "type": 2, "token": "t", "version": 1, "guild_id": str(GUILD),
        "channel_id": str(QUEUE_CHANNEL), "locale": "en-US", "guild_locale": "en-US", "app_permissions": "0",
        "entitlements": [], "authorizing_integration_owners": {}, "attachment_size_limit": 8_000_000,
        "data": {"id": "12", "name": "x", "type": 1},
        "member": {"user": {"id": "7", "username": "u", "discriminator": "0", "avatar": None}, "roles": [],
                   "joined_at": "2026-01-01T00:00:00+00:00", "deaf": False, "mute": False, "flags": 0,
                   "permissions": "0"}}, state=bot._connection)
    await interaction.response.send_message("@everyone <@7> reply")
    await interaction.followup.send("@everyone <@7> follow-up")
    await interaction.edit_original_response(content="@everyone <@7> edited reply")

    bodies = [body for _, _, body in fake.calls if body] + webhook_bodies
    assert len(bodies) == 5 and all(body["allowed_mentions"] == NOBODY for body in bodies), bodies
    await bot.close()


# ---- the source ------------------------------------------------------------------------------------------------
def _allowed_mentions_in_cogs() -> list[tuple[str, str, ast.expr]]:
    """Every `allowed_mentions=` argument in cogs/: (file, enclosing function, value)."""
    found = []
    for path in sorted((ROOT / "cogs").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Call):
                    found += [(str(path.relative_to(ROOT)), function.name, k.value) for k in node.keywords
                              if k.arg == "allowed_mentions"]
    return found


def test_every_allowed_mentions_in_the_code_is_nobody_except_the_table_of_pings() -> None:
    seen: set[tuple[str, str]] = set()
    for where, function, value in _allowed_mentions_in_cogs():
        if ast.unparse(value) in ("NO_MENTIONS", "discord.AllowedMentions.none()"):
            continue
        assert (where, function) in PINGS, f"{where}:{function} may ping: add it to PINGS with a reason, or use " \
                                           "NO_MENTIONS"
        seen.add((where, function))
    assert seen == set(PINGS), f"PINGS lists places that no longer ping: {set(PINGS) - seen}"
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "cogs").rglob("*.py"))
    assert "AllowedMentions.all(" not in source and "everyone=True" not in source
    assert source.count("AllowedMentions(") == source.count("AllowedMentions(everyone=False")


def test_the_bot_mentions_nobody_by_default(services: Services) -> None:
    bot = PeerBot(services)
    assert bot.allowed_mentions is not None and bot.allowed_mentions.to_dict() == NOBODY


# ---- the wire --------------------------------------------------------------------------------------------------
async def test_a_busy_day_pings_only_the_on_call_role_and_members_who_asked(tmp_path: Path) -> None:
    scenario = Scenario(tmp_path, referrals=30, members=40, hours=8.0)
    await scenario.start()
    try:
        for author in scenario.authors[:3]:  # closed DMs: their notes go to a private thread, mentioning them
            scenario.fake.refuse("dm", author)
        await scenario.run()
        hear_in_channel = {int(r["user_id"]) for r in await scenario.services.db.fetch_all(
            "SELECT user_id FROM member_prefs WHERE reminder_via = 'channel'")}
    finally:
        await scenario.close()
    fake = scenario.fake
    threads = {t["id"] for t in fake.created("thread")}
    kinds: dict[str, int] = {}
    for method, path, body in fake.calls:
        if not re.fullmatch(r"/channels/\d+/messages(/\d+)?", path) or method not in ("POST", "PATCH"):
            continue
        assert body is not None and "allowed_mentions" in body, (method, path, body)
        kind = _ping(body, int(path.split("/")[2]), threads, hear_in_channel)
        kinds[kind] = kinds.get(kind, 0) + 1
    assert set(kinds) == {"nobody", "on-call", "own thread", "meeting post"}, kinds  # each path was taken


def _ping(body: dict[str, Any], channel: int, threads: set[int], hear_in_channel: set[int]) -> str:
    """Which ping of PINGS a message is ('nobody' if none); fails if it is none of them."""
    mentions, content = body["allowed_mentions"], body.get("content") or ""
    if mentions == NOBODY:
        return "nobody"
    named = {int(u) for u in re.findall(r"<@!?(\d+)>", content)}
    if mentions == {"parse": [], "roles": [ONCALL_ROLE]}:
        assert content.startswith(f"<@&{ONCALL_ROLE}> Referral #") and "has not been claimed" in content
        return "on-call"
    assert set(mentions) == {"parse", "users"} and mentions["parse"] == [], body
    users = set(mentions["users"])
    assert users and users == named, body  # exactly the people the text names
    if channel in threads:
        assert len(users) == 1 and content.startswith(f"<@{next(iter(users))}> "), body
        return "own thread"
    assert users <= hear_in_channel, body
    return "meeting post"
