"""What members and moderators see of a case: the member's notice with its Appeal button, the mod-log entry with
its buttons, and the appeal modal. Every button is persistent (the case id is in its custom id) and every press
is checked again by the service it calls."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.domain.conduct.cases import ConductCase, Source
from bot.domain.conduct.model import Action
from bot.domain.conduct.rules import RuleType
from cogs._common import actor_of, bot_of, kind_message, reply

DONE = {Action.HIDE: "I've taken the message down", Action.WARN: "this is a warning, which expires on its own",
        Action.TIMEOUT: "you're timed out for a while", Action.ESCALATE: "a moderator will take a look"}


def notice_text(case: ConductCase, rule: RuleType | None, hidden: bool) -> str:
    """The member's private notice: kind, says what happened and why, and gives back what they wrote."""
    parts = []
    if case.source is Source.AUTOMOD:
        parts.append("Discord blocked a message you sent, under a rule this server asked peerbot to keep.")
    if rule is not None:
        parts.append(rule.reminder)
    if case.reason:
        parts.append(f"From the {'facilitator' if case.source is Source.FACILITATOR else 'moderator'}: "
                     f"{case.reason}")
    done = [text for action, text in DONE.items() if action in case.actions and (action is not Action.HIDE or hidden)]
    if done:
        parts.append("What happens now: " + "; ".join(done) + ".")
    if case.content and (hidden or case.source is Source.AUTOMOD):
        quoted = case.content[:1500].replace("```", "'''")
        parts.append(f"Nothing you wrote is lost; here it is:\n```\n{quoted}\n```")
    if case.sanction:
        parts.append("If you think this was a mistake, press **Appeal**: a moderator who wasn't involved will look.")
    parts.append(f"(Case #{case.id})")
    return "\n\n".join(parts)[:1990]


class AppealModal(discord.ui.Modal, title="Appeal"):
    why: discord.ui.TextInput[AppealModal] = discord.ui.TextInput(
        label="What should the moderator know?", style=discord.TextStyle.paragraph, max_length=1000)

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await bot_of(interaction).services.conduct_cases.appeal(interaction.user.id, self.case_id, self.why.value)
        await reply(interaction, "Thank you. A moderator who wasn't involved will look at it, and I'll tell you "
                                 "what they decide.")

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        await reply(interaction, kind_message(error))


class AppealButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"peerbot:conduct-appeal:(?P<case>\d+)"):
    """On the member's notice (a DM). Only the member the case is about may appeal: the service checks."""

    def __init__(self, case_id: int) -> None:
        super().__init__(discord.ui.Button(label="Appeal", style=discord.ButtonStyle.secondary,
                                           custom_id=f"peerbot:conduct-appeal:{case_id}"))
        self.case_id = case_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> AppealButton:
        return cls(int(match["case"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            case = await bot_of(interaction).services.conduct_cases.get(self.case_id)
            if case.member_id != interaction.user.id:
                raise PermissionError
        except Exception:
            await reply(interaction, "Only the member a case is about can appeal it.")
            return
        await interaction.response.send_modal(AppealModal(self.case_id))


MOD_ACTIONS = {"pardon": "Pardon", "fp": "False positive", "resolve": "Done", "uphold": "Uphold",
               "overturn": "Overturn"}


class ModButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                template=r"peerbot:conduct-mod:(?P<action>[a-z]+):(?P<case>\d+)"):
    """On a mod-log entry. The service checks the role, and for appeals that the moderator did not act."""

    def __init__(self, action: str, case_id: int) -> None:
        style = discord.ButtonStyle.danger if action in ("fp", "overturn") else discord.ButtonStyle.secondary
        super().__init__(discord.ui.Button(label=MOD_ACTIONS[action], style=style,
                                           custom_id=f"peerbot:conduct-mod:{action}:{case_id}"))
        self.action = action
        self.case_id = case_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> ModButton:
        return cls(match["action"], int(match["case"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        cases = bot_of(interaction).services.conduct_cases
        try:
            actor = actor_of(interaction)
            if self.action == "pardon":
                case = await cases.pardon(actor, self.case_id, None)
            elif self.action == "fp":
                case = await cases.mark_false_positive(actor, self.case_id)
            elif self.action == "resolve":
                case = await cases.resolve(actor, self.case_id)
            else:
                case = await cases.decide_appeal(actor, self.case_id, uphold=self.action == "uphold", note=None)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, f"Case #{case.id}: {describe(case)}")


def describe(case: ConductCase) -> str:
    state = case.status + (" (false positive)" if case.false_positive else "")
    if case.appeal_state:
        state += f", appeal {case.appeal_state}"
    if case.escalation == "open":
        state += ", waiting for a moderator"
    return state


def mod_view(case: ConductCase) -> discord.ui.View | None:
    actions = []
    if case.appeal_state == "pending":
        actions += ["uphold", "overturn"]
    elif case.status == "active":
        if case.escalation == "open":
            actions.append("resolve")
        actions.append("pardon")
        if case.source in (Source.AUTO, Source.AUTOMOD) and not case.false_positive:
            actions.append("fp")
    if not actions:
        return None
    view = discord.ui.View(timeout=None)
    for action in actions:
        view.add_item(ModButton(action, case.id))
    return view


def appeal_view(case: ConductCase) -> discord.ui.View | None:
    if not case.sanction:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(AppealButton(case.id))
    return view
