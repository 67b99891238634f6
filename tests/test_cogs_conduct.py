"""Conduct's Discord adapters with autospecced discord.py doubles: the message listener, the outbox handlers
(hide and give the text back, notices, timeouts, missing permissions), the Appeal button, the commands, and the
AutoMod sync and event path."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from unittest.mock import MagicMock, create_autospec

import discord
import pytest

from bot.domain.conduct.automod import CRISIS_WORDS, MAX_REGEX_LEN, Kind, problems, specs
from bot.domain.conduct.enforcement import Incoming
from bot.services import Services
from cogs.runtime import PeerBot
from tests import helpers
from tests.conftest import ADMIN, ADMIN_ROLE, GUILD, MOD_ROLE, MODERATOR, FakeClock, actor
from tests.meeting_helpers import make_group, outbox

AUTHOR = 77
MOD2 = actor(4, MOD_ROLE)


@pytest.fixture
def dm(bot: PeerBot, monkeypatch: pytest.MonkeyPatch) -> MagicMock:
    """The member's DMs: every message peerbot sends them."""
    user = create_autospec(discord.User, instance=True)
    user.id = AUTHOR
    user.send.return_value = MagicMock(id=900)
    monkeypatch.setattr(bot, "get_user", lambda user_id: user)
    return user


async def channel_in(bot: PeerBot, services: Services, monkeypatch: pytest.MonkeyPatch) -> MagicMock:
    await make_group(services)
    channel = create_autospec(discord.TextChannel, instance=True)
    channel.id = int(await services.db.fetch_value("SELECT channel_id FROM groups"))
    partial = create_autospec(discord.PartialMessage, instance=True)
    channel.get_partial_message.return_value = partial
    monkeypatch.setattr(bot, "get_channel", lambda cid: channel if cid == channel.id else None)
    return channel


def message(channel: MagicMock, server: MagicMock, text: str, message_id: int, author: int = AUTHOR) -> MagicMock:
    double = create_autospec(discord.Message, instance=True)
    double.author = helpers.member(author)
    double.author.bot = False
    double.guild, double.channel, double.id, double.content = server, channel, message_id, text
    double.created_at, double.edited_at = datetime(2026, 3, 2, 12, tzinfo=UTC), None
    double.reference = None
    double.raw_mentions, double.raw_role_mentions, double.mention_everyone = [], [], False
    return double


def conduct_cog(bot: PeerBot) -> Any:
    found = bot.get_cog("Conduct")
    assert found is not None
    return found


async def test_an_insult_is_hidden_and_the_author_gets_their_text_back(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = await channel_in(bot, services, monkeypatch)
    await conduct_cog(bot).screen_conduct(message(channel, server, "you're a useless idiot", 501))
    await conduct_cog(bot).screen_conduct(message(channel, server, "see you all on thursday", 502))
    await services.outbox.run_due()  # hide, then the mod log (no channel: skipped)
    channel.get_partial_message.assert_called_once_with(501)
    channel.get_partial_message.return_value.delete.assert_awaited_once()
    await services.outbox.run_due()  # the notice, queued by the hide
    text = dm.send.call_args.args[0]
    assert "I've taken the message down" in text and "you're a useless idiot" in text
    assert dm.send.call_args.kwargs["allowed_mentions"].to_dict() == discord.AllowedMentions.none().to_dict()
    (button,) = dm.send.call_args.kwargs["view"].children  # hiding is a sanction: it may be appealed
    assert button.custom_id == "peerbot:conduct-appeal:1"
    case = await services.conduct_cases.get(1)
    assert case.content is None  # given back, so no longer kept


async def test_distress_in_a_group_is_never_touched(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = await channel_in(bot, services, monkeypatch)
    for n, text in enumerate(["I'm such an idiot, I relapsed and I can't cope",
                              "honestly I just want to die, my ex was right that I'm useless"]):
        await conduct_cog(bot).screen_conduct(message(channel, server, text, 600 + n))
    await services.outbox.run_due()
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 0
    channel.get_partial_message.assert_not_called()
    dm.send.assert_not_called()


class NoHistory:
    """channel.history(): nothing before the message."""

    def __aiter__(self) -> NoHistory:
        return self

    async def __anext__(self) -> Any:
        raise StopAsyncIteration


def edit(message: MagicMock, text: str, *, cached: bool = True) -> MagicMock:
    """Discord's raw edit event for `message`, now reading `text` (as when the member edits it)."""
    before = create_autospec(discord.Message, instance=True)
    before.content = message.content
    message.content, message.edited_at = text, datetime(2026, 3, 2, 12, 5, tzinfo=UTC)
    message.jump_url = f"https://discord.com/channels/{GUILD}/{message.channel.id}/{message.id}"
    payload = create_autospec(discord.RawMessageUpdateEvent, instance=True)
    payload.message, payload.cached_message = message, before if cached else None
    payload.guild_id, payload.channel_id, payload.message_id = GUILD, message.channel.id, message.id
    return payload


async def test_an_edit_is_screened_again_and_never_doubles_an_action(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = await channel_in(bot, services, monkeypatch)
    cog = conduct_cog(bot)
    posted = message(channel, server, "found this www.cheapmeds.biz", 510)
    await cog.screen_conduct(posted)
    await services.outbox.run_due()
    assert "Links in the group" in dm.send.call_args.args[0]  # the link rule's nudge
    preview = edit(posted, posted.content)  # a link preview arriving: the words are the same
    await cog.screen_conduct_edit(preview)
    await cog.screen_conduct_edit(edit(posted, "found this www.cheapmeds.biz, you moron"))
    await cog.screen_conduct_edit(edit(posted, "found this www.cheapmeds.biz, you moron!!", cached=False))
    for _ in range(2):
        await services.outbox.run_due()
    channel.get_partial_message.assert_called_once_with(510)  # taken down once
    assert dm.send.await_count == 2  # the nudge, then the notice for the edit, about the insult
    text = dm.send.call_args.args[0]
    assert "with respect" in text and "you moron" in text and "I've taken the message down" in text
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 1


async def test_distress_edited_into_a_message_goes_to_the_referral_queue_not_conduct(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = await channel_in(bot, services, monkeypatch)
    screening = bot.get_cog("Screening")
    assert screening is not None
    posted = message(channel, server, "morning all", 520)
    posted.jump_url = "https://discord.com/channels/1/2/520"
    channel.history.return_value = NoHistory()
    for payload in (edit(posted, "you idiots, I've taken all my pills and I want to die tonight"),
                    edit(posted, "you idiots, I've taken all my pills and I want to die tonight.", cached=False)):
        await conduct_cog(bot).screen_conduct_edit(payload)
        await screening.on_raw_message_edit(payload)
    await services.screening.drain()
    await services.screening.stop()
    rows = await services.db.fetch_all("SELECT tier, message_id FROM referrals")
    assert [(r["tier"], r["message_id"]) for r in rows] == [("crisis", 520)]  # one referral for the message
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 0


async def test_missing_manage_messages_is_a_mod_log_note_not_a_crash(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = await channel_in(bot, services, monkeypatch)
    modlog = create_autospec(discord.TextChannel, instance=True)
    modlog.id = 4242
    modlog.send.return_value = MagicMock(id=4243)
    monkeypatch.setattr(bot, "get_channel", lambda cid: {channel.id: channel, 4242: modlog}.get(cid))
    await services.conduct_policy.configure(ADMIN, modlog_channel_id=4242)
    channel.get_partial_message.return_value.delete.side_effect = helpers.http_error(discord.Forbidden, 403)
    await conduct_cog(bot).screen_conduct(message(channel, server, "call me on 07700 900123", 700))
    for _ in range(3):
        await services.outbox.run_due()
    notes = [c.args[0] for c in modlog.send.call_args_list if c.args]
    assert any("couldn't hide the message" in n and "Manage Messages" in n for n in notes)
    assert any("embed" in c.kwargs for c in modlog.send.call_args_list)  # the case itself, too
    text = dm.send.call_args.args[0]
    assert "taken the message down" not in text and "contact details" in text
    assert await services.db.fetch_value("SELECT COUNT(*) FROM outbox WHERE state = 'pending'") == 0


async def test_timeouts_need_moderate_members_and_survive_discord_errors(
    bot: PeerBot, server: MagicMock, services: Services, clock: FakeClock, dm: MagicMock
) -> None:
    member = helpers.member(AUTHOR)
    server.get_member.return_value = member
    for n in range(3):
        await services.enforcement.warn(MODERATOR, AUTHOR, f"warning {n}")
    await services.outbox.run_due()
    member.timeout.assert_not_called()
    assert "Moderate Members" in " ".join(
        e["detail"] or "" for e in await services.conduct_cases.events(3))
    # With the permission, and a 503 on the first try: retried from the database record, done once.
    server.me.guild_permissions = discord.Permissions(moderate_members=True)
    await services.enforcement.warn(MODERATOR, AUTHOR, "warning 4")
    member.timeout.side_effect = [helpers.http_error(discord.DiscordServerError, 503), None]
    await services.outbox.run_due()
    clock.advance(seconds=30)
    await services.outbox.run_due()
    assert member.timeout.await_count == 2
    until = member.timeout.call_args.args[0]
    assert until == clock.now() - timedelta(seconds=30) + timedelta(hours=24)
    await services.outbox.run_due()
    assert member.timeout.await_count == 2


async def test_the_appeal_button_is_only_for_the_member_and_opens_the_appeal(
    bot: PeerBot, server: MagicMock, services: Services
) -> None:
    from cogs.conduct.views import AppealButton, AppealModal

    case = await services.enforcement.warn(MODERATOR, AUTHOR, "rude to a member")
    stranger = helpers.interaction(bot, helpers.member(5), None)
    await AppealButton(case.id).callback(stranger)
    assert "Only the member" in helpers.last_reply(stranger)["content"]
    mine = helpers.interaction(bot, helpers.member(AUTHOR), None)
    await AppealButton(case.id).callback(mine)
    modal = mine.response.send_modal.call_args.args[0]
    assert isinstance(modal, AppealModal)
    modal.why._value = "I was quoting my ex"
    await modal.on_submit(mine)
    assert (await services.conduct_cases.get(case.id)).appeal_state == "pending"
    assert await outbox(services, "conduct_modlog", f"conduct_modlog:{case.id}:appealed")


async def test_commands_check_roles_on_the_server_side(bot: PeerBot, server: MagicMock, services: Services) -> None:
    target = helpers.member(AUTHOR)
    peer = helpers.interaction(bot, helpers.member(8), server)
    await helpers.invoke(bot, "conduct warn", peer, member=target, reason="rude", rule=None)
    assert "Only a moderator" in helpers.last_reply(peer)["content"]
    mod = helpers.interaction(bot, helpers.member(3, MOD_ROLE), server)
    await helpers.invoke(bot, "conduct warn", mod, member=target, reason="rude", rule=None)
    assert "Case #1" in helpers.last_reply(mod)["content"]
    await helpers.invoke(bot, "conduct case", mod, member=target)
    assert "1 active warning" in helpers.last_reply(mod)["content"]
    await helpers.invoke(bot, "conduct pardon", mod, case=1, reason="sorted")
    assert "pardoned" in helpers.last_reply(mod)["content"]
    await helpers.invoke(bot, "conduct pardon", mod, case=1, reason="again")
    assert "already pardoned" in helpers.last_reply(mod)["content"]
    await helpers.invoke(bot, "conduct stats", mod)
    assert helpers.last_reply(mod)["content"] == "No automatic actions yet."
    await helpers.invoke(bot, "conduct settings", mod, modlog=None, screening=None, warning_days=10,
                         threshold_count=None, threshold_days=None, timeout_hours=None, grace_days=None)
    assert "Only a admin" in helpers.last_reply(mod)["content"]
    admin = helpers.interaction(bot, helpers.member(1, ADMIN_ROLE), server)
    await helpers.invoke(bot, "conduct settings", admin, modlog=None, screening=None, warning_days=10,
                         threshold_count=None, threshold_days=None, timeout_hours=9999, grace_days=None)
    assert "out of range" in helpers.last_reply(admin)["content"]
    assert (await services.conduct_policy.config(GUILD)).warning_days == 30  # nothing half-changed
    rule = discord.app_commands.Choice(name="link", value="link")
    await helpers.invoke(bot, "conduct rule", admin, rule=rule, group=None, enabled=None, ladder="nudge; ban",
                         allow=None, bypass_role=None, exempt_channel=None)
    assert "not a list of actions" in helpers.last_reply(admin)["content"]
    await helpers.invoke(bot, "conduct rule", admin, rule=rule, group=None, enabled=None, ladder="nudge; hide+warn",
                         allow="Example.ORG", bypass_role=None, exempt_channel=None)
    assert "ladder nudge; hide+warn" in helpers.last_reply(admin)["content"]
    assert (await services.conduct_policy.resolved(GUILD, None))["link"].allows("see example.org")


# ---- AutoMod ---------------------------------------------------------------------------------------------
def test_peerbots_automod_rules_fit_discords_limits() -> None:
    rules = {spec.kind: spec for spec in specs(alert_channel_id=55)}
    assert set(rules) == {Kind.SLURS, Kind.CONTACT, Kind.MENTIONS, Kind.CRISIS}
    assert all(problems(spec) == [] for spec in rules.values())
    crisis = rules[Kind.CRISIS]
    assert crisis.block_message is None and crisis.alert_channel_id == 55 and crisis.keywords == CRISIS_WORDS
    assert Kind.CRISIS not in {s.kind for s in specs(alert_channel_id=None)}
    too_long = rules[Kind.CONTACT].__class__(Kind.CONTACT, "x", "keyword", regexes=("a" * (MAX_REGEX_LEN + 1),))
    assert problems(too_long)


def automod_rule(rule_id: int, name: str, trigger: discord.AutoModTrigger) -> MagicMock:
    double = create_autospec(discord.AutoModRule, instance=True)
    double.id, double.name, double.trigger = rule_id, name, trigger
    return double


async def test_setup_automod_creates_then_edits_and_never_blocks_crisis_words(
    bot: PeerBot, server: MagicMock, services: Services
) -> None:
    await services.referrals.configure(ADMIN, queue_channel_id=55)
    created: list[MagicMock] = []

    def create(**kwargs: Any) -> MagicMock:
        created.append(automod_rule(800 + len(created), kwargs["name"], kwargs["trigger"]))
        return created[-1]

    server.fetch_automod_rules.return_value = [
        automod_rule(1, "the server's own", discord.AutoModTrigger(keyword_filter=["spoilers"]))]
    server.create_automod_rule.side_effect = create
    admin = helpers.interaction(bot, helpers.member(1, ADMIN_ROLE), server)
    await helpers.invoke(bot, "setup automod", admin)
    assert server.create_automod_rule.await_count == 4
    calls = {c.kwargs["name"]: c.kwargs for c in server.create_automod_rule.call_args_list}
    crisis = next(kw for name, kw in calls.items() if "crisis" in name)
    assert [a.type for a in crisis["actions"]] == [discord.AutoModRuleActionType.send_alert_message]
    assert crisis["actions"][0].channel_id == 55
    for name, kw in calls.items():
        if "crisis" not in name:
            assert [a.type for a in kw["actions"]] == [discord.AutoModRuleActionType.block_message]
            assert kw["actions"][0].custom_message
    assert "created" in helpers.last_reply(admin)["content"]
    # Again: the same rules are edited, none created twice.
    server.fetch_automod_rules.return_value = [server.fetch_automod_rules.return_value[0], *created]
    await helpers.invoke(bot, "setup automod", admin)
    assert server.create_automod_rule.await_count == 4
    assert all(rule.edit.await_count == 1 for rule in created)
    # A moderator may not; and without Manage Server the admin is told, nothing half-done.
    mod = helpers.interaction(bot, helpers.member(3, MOD_ROLE), server)
    await helpers.invoke(bot, "setup automod", mod)
    assert "Only a admin" in helpers.last_reply(mod)["content"]
    server.fetch_automod_rules.side_effect = helpers.http_error(discord.Forbidden, 403)
    await helpers.invoke(bot, "setup automod", admin)
    assert "Manage Server" in helpers.last_reply(admin)["content"]


async def test_setup_automod_stays_within_six_keyword_rules(
    bot: PeerBot, server: MagicMock, services: Services
) -> None:
    others = [automod_rule(n, f"rule {n}", discord.AutoModTrigger(keyword_filter=["x"])) for n in range(5)]
    others.append(automod_rule(9, "their mentions", discord.AutoModTrigger(mention_limit=10)))
    server.fetch_automod_rules.return_value = others
    server.create_automod_rule.side_effect = lambda **kw: automod_rule(700, kw["name"], kw["trigger"])
    admin = helpers.interaction(bot, helpers.member(1, ADMIN_ROLE), server)
    await helpers.invoke(bot, "setup automod", admin)
    assert server.create_automod_rule.await_count == 1  # one keyword slot left; mention spam is taken
    text = helpers.last_reply(admin)["content"]
    assert "already has 6 keyword rules" in text and "already has a mention-spam rule" in text
    assert "referral queue" in text  # no queue: no crisis alert rule yet


def automod_action(rule_id: int, action: discord.AutoModRuleAction, content: str, message_id: int | None,
                   channel_id: int = 321) -> MagicMock:
    double = create_autospec(discord.AutoModAction, instance=True)
    double.guild_id, double.rule_id, double.user_id, double.channel_id = GUILD, rule_id, AUTHOR, channel_id
    double.action, double.content, double.message_id = action, content, message_id
    double.matched_keyword, double.matched_content = "x", None
    return double


async def test_automod_events_become_cases_and_referrals_without_duplicates(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock
) -> None:
    await services.conduct_automod.record(GUILD, Kind.SLURS, 801)
    await services.conduct_automod.record(GUILD, Kind.CRISIS, 804)
    cog = conduct_cog(bot)
    block = discord.AutoModRuleAction(custom_message="no")
    await cog.on_automod_action(automod_action(801, block, "you f@ggot", None))
    case = await services.conduct_cases.get(1)
    assert case.source == "automod" and case.rule == "slur"
    await services.outbox.run_due()
    assert "you f@ggot" in dm.send.call_args.args[0]  # blocked by Discord, given back by peerbot
    # A rule that isn't peerbot's is none of its business.
    await cog.on_automod_action(automod_action(999, block, "whatever", None))
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 1

    alert = discord.AutoModRuleAction(channel_id=55)
    text = "I'm going to kill myself tonight, I've got the pills here"
    await cog.on_automod_action(automod_action(804, alert, text, 4444))
    await cog.on_automod_action(automod_action(804, alert, text, 4444))  # the event, delivered again
    screening = services.screener.screen(text)
    await services.referrals.from_screening(GUILD, AUTHOR, 321, 4444, "url", text, [], screening)  # peerbot's own
    rows = await services.db.fetch_all("SELECT tier, message_id FROM referrals")
    assert [(r["tier"], r["message_id"]) for r in rows] == [("crisis", 4444)]
    # A crisis word the screener reads as nothing still reaches the professionals, as a concern.
    await cog.on_automod_action(automod_action(804, alert, "suicide squad was a rubbish film", 4445))
    assert (await services.db.fetch_all("SELECT tier FROM referrals WHERE message_id = 4445"))[0]["tier"] == "concern"
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 1  # crisis is never a case


async def test_one_blocked_message_reported_by_several_rules_is_one_case_and_one_mod_log_entry(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, clock: FakeClock
) -> None:
    for kind, rule_id in ((Kind.SLURS, 801), (Kind.CONTACT, 802), (Kind.CRISIS, 804)):
        await services.conduct_automod.record(GUILD, kind, rule_id)
    cog = conduct_cog(bot)
    block = discord.AutoModRuleAction(custom_message="no")
    text = "you f@ggot, call me on 07700 900123"
    # Discord reports the message once per rule, and may deliver a report twice; a blocked message has no id.
    for rule_id in (801, 802, 801):
        await cog.on_automod_action(automod_action(rule_id, block, text, None))
    # An alert an admin added to our slur rule is Discord's own doing: no second case.
    await cog.on_automod_action(automod_action(801, discord.AutoModRuleAction(channel_id=55), text, None))
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 1
    assert len(await outbox(services, "conduct_modlog")) == 1
    assert len(await outbox(services, "conduct_notice")) == 1
    clock.advance(minutes=2)  # the same words sent again later are a new message
    await cog.on_automod_action(automod_action(801, block, text, None))
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 2


async def test_a_blocked_message_in_crisis_is_one_referral_and_no_case(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock
) -> None:
    for kind, rule_id in ((Kind.CONTACT, 802), (Kind.CRISIS, 804)):
        await services.conduct_automod.record(GUILD, kind, rule_id)
    cog = conduct_cog(bot)
    text = "I'm going to kill myself tonight, I've got the pills, call me on 07700 900123"
    # The contact rule blocks it, so the crisis rule's alert has no message id either.
    for _ in range(2):
        await cog.on_automod_action(automod_action(802, discord.AutoModRuleAction(custom_message="no"), text, None))
        await cog.on_automod_action(automod_action(804, discord.AutoModRuleAction(channel_id=55), text, None))
    rows = await services.db.fetch_all("SELECT tier, message_id, content FROM referrals")
    assert [(r["tier"], r["message_id"], r["content"]) for r in rows] == [("crisis", None, text)]
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 0  # distress: never a case
    assert await outbox(services, "hide_message") == []  # never posted: nothing to hide


async def test_peerbots_screening_first_then_the_automod_alert_is_one_referral(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = await channel_in(bot, services, monkeypatch)
    await services.conduct_automod.record(GUILD, Kind.CRISIS, 804)
    text = "I want to end my life tonight, I've saved up my tablets"
    posted = message(channel, server, text, 530)
    posted.jump_url = "https://discord.com/channels/1/2/530"
    channel.history.return_value = NoHistory()
    screening = bot.get_cog("Screening")
    assert screening is not None
    await screening.on_message(posted)
    await services.screening.drain()
    await services.screening.stop()
    alert = discord.AutoModRuleAction(channel_id=55)
    await conduct_cog(bot).on_automod_action(automod_action(804, alert, text, 530, channel_id=channel.id))
    rows = await services.db.fetch_all("SELECT tier, message_id FROM referrals")
    assert [(r["tier"], r["message_id"]) for r in rows] == [("crisis", 530)]


async def test_discord_refusing_a_timeout_its_lifting_or_a_return_is_a_mod_log_note(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock
) -> None:
    member = helpers.member(AUTHOR)
    server.get_member.return_value = member
    server.me.guild_permissions = discord.Permissions(moderate_members=True)
    # The permission is there, but the member's role sits above peerbot's: Discord says 403.
    member.timeout.side_effect = helpers.http_error(discord.Forbidden, 403)
    for n in range(3):
        case = await services.enforcement.warn(MODERATOR, AUTHOR, f"warning {n}")
    await services.outbox.run_due()
    assert member.timeout.await_count == 1
    member.timed_out_until = datetime(2026, 3, 3, tzinfo=UTC)  # a moderator timed them out by hand meanwhile
    await services.conduct_cases.pardon(MOD2, case.id, None)  # ... and lifting it is refused too
    await services.outbox.run_due()
    assert member.timeout.await_count == 2
    # A facilitator's removal from a meeting, undone when it ends, refused as well.
    room = create_autospec(discord.VoiceChannel, instance=True)
    room.id = 66
    room.set_permissions.side_effect = helpers.http_error(discord.Forbidden, 403)
    server.get_channel.side_effect = lambda cid: room if cid == 66 else None
    async with services.db.transaction():
        await services.outbox.enqueue(GUILD, "conduct_meeting_return", {"channel_id": 66, "user_id": AUTHOR},
                                      dedupe_key="conduct_meeting_return:1:77")
    await services.outbox.run_due()
    notes = [n["text"] for n in await outbox(services, "conduct_modlog_note")]
    assert len(notes) == 3 and all("I couldn't" in n for n in notes)
    assert "role may be above mine" in notes[0] and "lift the timeout" in notes[1] and "<#66>" in notes[2]
    assert await services.db.fetch_value("SELECT COUNT(*) FROM outbox WHERE state NOT IN ('done', 'pending')") == 0


async def test_a_message_in_a_channel_peerbot_can_no_longer_see_is_a_note_and_the_member_still_hears(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_group(services)
    channel_id = int(await services.db.fetch_value("SELECT channel_id FROM groups"))
    await services.enforcement.on_message(Incoming(GUILD, channel_id, 560, AUTHOR, "you useless idiot",
                                                   services.clock.now()))
    fetch = MagicMock(side_effect=helpers.http_error(discord.NotFound, 404))

    async def fetch_channel(channel: int) -> Any:
        return fetch(channel)

    monkeypatch.setattr(bot, "fetch_channel", fetch_channel)
    for _ in range(2):
        await services.outbox.run_due()
    fetch.assert_called_once_with(channel_id)
    (note,) = await outbox(services, "conduct_modlog_note")
    assert "can't see" in note["text"]
    text = dm.send.call_args.args[0]  # the member still hears why, and is not told it was taken down
    assert "with respect" in text and "taken the message down" not in text


async def test_an_edit_without_the_members_roles_still_honours_a_bypass_role(
    bot: PeerBot, server: MagicMock, services: Services, dm: MagicMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = await channel_in(bot, services, monkeypatch)
    await services.conduct_policy.set_layer(ADMIN, "insult", None, bypass_roles=frozenset({MOD_ROLE}))
    posted = message(channel, server, "thanks for the report", 540)
    user = create_autospec(discord.User, instance=True)  # the edit carries a user, not the member
    user.id, user.bot = AUTHOR, False
    posted.author = user
    server.get_member.return_value = helpers.member(AUTHOR, MOD_ROLE)
    await conduct_cog(bot).screen_conduct_edit(edit(posted, "thanks, you useless idiot"))
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 0
    server.get_member.return_value = None  # not in the cache either: screened as anyone's
    await conduct_cog(bot).screen_conduct_edit(edit(posted, "thanks, you useless idiot!"))
    assert await services.db.fetch_value("SELECT COUNT(*) FROM conduct_cases") == 1
