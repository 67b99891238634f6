"""The meeting outbox handlers: group posts, leader alerts, the opening, rooms, facilitator access, Discord
scheduled events, feedback prompts and cover requests."""

from __future__ import annotations

from typing import Any

import discord

from bot.domain.meetings.model import Occurrence
from bot.domain.outbox import DeliveryError, OutboxItem
from cogs._common import NO_MENTIONS, member_in
from cogs.alerts import deliver_alert
from cogs.meetings.choices import starts_text
from cogs.meetings.views import CoverButton, FeedbackButton, opening_view, single_button_view
from cogs.runtime import PeerBot

CONDUCT_REMINDER = ("A reminder of our code of conduct: what is shared here stays here, we speak from our own "
                    "experience, and we don't give medical advice.")


class MeetingHandlers:
    """Each is idempotent and reads the current row, so a late or repeated delivery does the right thing."""

    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot

    def all(self) -> dict[str, Any]:
        return {"group_post": self.group_post, "leader_alert": self.leader_alert,
                "meeting_opening": self.opening, "room_sync": self.room_sync, "event_sync": self.event_sync,
                "feedback_prompt": self.feedback_prompt, "cover_ask": self.cover_ask,
                "facilitator_access": self.facilitator_access, "delete_event": self.delete_event}

    def _text_channel(self, channel_id: int | None) -> discord.TextChannel:
        channel = self.bot.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.TextChannel):
            raise DeliveryError(f"channel {channel_id} not found", permanent=True)
        return channel

    async def group_post(self, item: OutboxItem) -> dict[str, Any] | None:
        channel = self._text_channel(int(item.payload["channel_id"]))
        pinged = item.payload.get("mention_ids") or []  # members who asked to be reminded in the channel
        mentions = discord.AllowedMentions(everyone=False, roles=False, users=[discord.Object(u) for u in pinged]
                                           ) if pinged else NO_MENTIONS
        sent = await channel.send(item.payload["text"], allowed_mentions=mentions)
        return {"message_id": sent.id}

    async def leader_alert(self, item: OutboxItem) -> dict[str, Any] | None:
        return await deliver_alert(self.bot, item)  # the alerts channel, else the queue, else DMs

    async def opening(self, item: OutboxItem) -> dict[str, Any] | None:
        found = await self.bot.services.timeline.opening(int(item.payload["occurrence_id"]))
        if found is None:
            return {"skipped": "meeting deleted"}
        o, agenda = found
        channel = self._text_channel(o.channel_id)
        footer = f"Meeting #{o.id}"  # sent once however often it is tried: cogs/delivery.py
        embed = discord.Embed(title=o.label, description=(agenda or "Welcome, everyone.")[:4000])
        embed.add_field(name="Code of conduct", value=CONDUCT_REMINDER, inline=False)
        embed.add_field(name="Facilitator", value=f"<@{o.facilitator_id}>" if o.facilitator_id else "to be confirmed")
        embed.set_footer(text=footer)
        opened = "The room is open." if o.state.value == "open" else \
            "The room opens when a facilitator checks in."
        sent = await channel.send(f"**{o.label}** is starting. {opened}", embed=embed,
                                  view=opening_view(o.id), allowed_mentions=NO_MENTIONS)
        return {"message_id": sent.id}

    async def room_sync(self, item: OutboxItem) -> dict[str, Any] | None:
        state = await self.bot.services.timeline.room_state(int(item.payload["group_id"]))
        if state is None or not state.meeting_only:
            return {"skipped": "not a meeting-only group"}
        guild = self.bot.get_guild(item.guild_id)
        channel = guild.get_channel(state.channel_id) if guild and state.channel_id else None
        role = guild.get_role(state.role_id) if guild and state.role_id else None
        if guild is None:
            raise DeliveryError("guild not available yet")
        if not isinstance(channel, discord.TextChannel) or role is None:
            return {"skipped": "channel or role gone"}
        await channel.set_permissions(role, view_channel=True, read_message_history=True,
                                      send_messages=state.open, reason="peerbot meeting room")
        voice = guild.get_channel(state.voice_channel_id) if state.voice_channel_id else None
        if isinstance(voice, discord.VoiceChannel):
            await voice.set_permissions(role, view_channel=True, connect=state.open, reason="peerbot meeting room")
        return {"open": state.open}

    async def facilitator_access(self, item: OutboxItem) -> dict[str, Any] | None:
        """A member overwrite on the group's channels: facilitators see and post there without joining."""
        state = await self.bot.services.timeline.room_state(int(item.payload["group_id"]))
        guild = self.bot.get_guild(item.guild_id)
        if guild is None:
            raise DeliveryError("guild not available yet")
        if state is None:
            return {"skipped": "group gone or archived"}
        user_id = int(item.payload["user_id"])
        who = await member_in(guild, user_id)
        if who is None:
            return {"skipped": "no longer in the server"}
        grant = bool(item.payload["grant"])
        for channel_id in (state.channel_id, state.voice_channel_id):
            channel = guild.get_channel(channel_id) if channel_id else None
            if isinstance(channel, discord.TextChannel):
                overwrite = discord.PermissionOverwrite(view_channel=True, send_messages=True,
                                                        read_message_history=True) if grant else None
                await channel.set_permissions(who, overwrite=overwrite, reason="peerbot facilitator access")
            elif isinstance(channel, discord.VoiceChannel):
                overwrite = discord.PermissionOverwrite(view_channel=True, connect=True, speak=True,
                                                        mute_members=True) if grant else None
                await channel.set_permissions(who, overwrite=overwrite, reason="peerbot facilitator access")
        return {"granted": grant}

    async def event_sync(self, item: OutboxItem) -> dict[str, Any] | None:
        timeline = self.bot.services.timeline
        spec = await timeline.event_spec(int(item.payload["occurrence_id"]))
        guild = self.bot.get_guild(item.guild_id)
        if spec is None:
            return {"skipped": "meeting deleted"}
        if guild is None:
            raise DeliveryError("guild not available yet")
        o: Occurrence = spec["occurrence"]
        status: str = spec["status"]
        event = guild.get_scheduled_event(o.event_id) if o.event_id else None
        if event is None and o.event_id:
            try:
                event = await guild.fetch_scheduled_event(o.event_id)
            except discord.NotFound:
                event = None
        if status == "cancelled":
            if event is not None and event.status is discord.EventStatus.scheduled:
                await event.cancel(reason="peerbot: meeting cancelled")
            return {"status": status}
        if status == "scheduled":
            if o.starts_at <= self.bot.services.clock.now():
                return {"skipped": "already started"}
            voice = guild.get_channel(spec["voice_channel_id"]) if spec["voice_channel_id"] else None
            fields: dict[str, Any] = {"name": o.label[:100], "start_time": o.starts_at, "end_time": o.ends_at,
                                      "description": f"{o.group_name}. {spec['agenda']}"[:1000]}
            if event is not None:
                await event.edit(**fields, reason="peerbot: meeting changed")
                return {"event_id": event.id}
            if isinstance(voice, discord.VoiceChannel):
                # Tied to the group's voice channel: only people who can see that channel see the event.
                created = await guild.create_scheduled_event(**fields, channel=voice,
                                                             privacy_level=discord.PrivacyLevel.guild_only)
            else:
                channel = guild.get_channel(o.channel_id) if o.channel_id else None
                created = await guild.create_scheduled_event(
                    **fields, entity_type=discord.EntityType.external,
                    location=f"#{channel.name}" if channel else o.group_name[:100],
                    privacy_level=discord.PrivacyLevel.guild_only)
            await timeline.record_event(o.id, created.id)
            return {"event_id": created.id}
        if event is None:
            return {"skipped": "no event"}
        if status == "active" and event.status is discord.EventStatus.scheduled:
            await event.start(reason="peerbot: the room is open")
        elif status == "completed" and event.status is discord.EventStatus.active:
            await event.end(reason="peerbot: the meeting ended")
        elif status == "completed" and event.status is discord.EventStatus.scheduled:
            await event.cancel(reason="peerbot: the meeting ended without starting")
        return {"status": status}

    async def delete_event(self, item: OutboxItem) -> dict[str, Any] | None:
        """The group was deleted: its upcoming meetings' events leave the Events tab too."""
        guild = self.bot.get_guild(item.guild_id)
        if guild is None:
            raise DeliveryError("guild not available yet")
        try:
            event = guild.get_scheduled_event(int(item.payload["event_id"])) or await guild.fetch_scheduled_event(
                int(item.payload["event_id"]))
        except discord.NotFound:
            return {"skipped": "already gone"}
        await event.delete(reason="peerbot: the group was deleted")
        return None

    async def feedback_prompt(self, item: OutboxItem) -> dict[str, Any] | None:
        found = await self.bot.services.timeline.opening(int(item.payload["occurrence_id"]))
        if found is None:
            return {"skipped": "meeting deleted"}
        o, _ = found
        user_id = int(item.payload["user_id"])
        user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
        sent = await user.send(
            f"Thank you for coming to **{o.label}** ({o.group_name}). Would you tell us how it was? It takes a "
            "moment, it's anonymous, and it helps the facilitators.", view=single_button_view(FeedbackButton(o.id)),
            allowed_mentions=NO_MENTIONS)
        return {"message_id": sent.id}

    async def cover_ask(self, item: OutboxItem) -> dict[str, Any] | None:
        services = self.bot.services
        waiting = await services.meetings.cover_request(int(item.payload["request_id"]))
        if waiting is None:
            return {"skipped": "no longer needed"}
        occurrence_id, requested_by = waiting
        o = await services.meetings.occurrence(item.guild_id, occurrence_id)
        user_id = int(item.payload["user_id"])
        user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
        sent = await user.send(
            f"<@{requested_by}> can't make **{o.label}** ({o.group_name}) on {starts_text(o)}. Could you cover it?",
            view=single_button_view(CoverButton(item.guild_id, int(item.payload["request_id"]))),
            allowed_mentions=NO_MENTIONS)
        return {"message_id": sent.id}
