"""Shared set-up for matching tests: a programme, the taxonomy, profiles, approved supporters, requests."""

from __future__ import annotations

from typing import Any

from bot.domain.matching.profile import ProfileDraft, Role, Side
from bot.domain.matching.programme import Programme
from bot.domain.matching.request import Intake
from bot.domain.matching.taxonomy import Kind
from bot.domain.roles import Actor
from bot.services import Services
from tests.conftest import LEADER, actor

SEEKER, SEEKER2, SEEKER3 = actor(40), actor(41), actor(42)
SUP1, SUP2, SUP3, SUP4 = actor(50), actor(51), actor(52), actor(53)

CONDITIONS = ("Kidney transplant", "Liver transplant", "Breast cancer", "Type 1 diabetes", "Down syndrome",
              "Postnatal depression", "Rare metabolic disorder")
TAGS = ("living donor", "deceased donor", "stage 2", "newly diagnosed", "survivor", "insulin pump")
ISSUES = ("rejection", "returning to work", "feeding", "relapse", "benefits", "sleep", "school", "fear of recurrence")


async def make_programme(services: Services, name: str = "Support parents", **settings: Any) -> Programme:
    for kind, labels in ((Kind.CONDITION, CONDITIONS), (Kind.TAG, TAGS), (Kind.ISSUE, ISSUES)):
        for label in labels:
            await services.matching.taxonomy.add(LEADER, kind, label)
    return await services.matching.programmes.create(LEADER, name, settings)


def draft(role: str = "patient", languages: str = "English", **fields: Any) -> ProfileDraft:
    return ProfileDraft(role=role, languages=languages, **fields)


async def seeker(services: Services, programme: Programme, who: Actor = SEEKER, **fields: Any) -> None:
    fields.setdefault("condition", "Kidney transplant")
    await services.matching.profiles.save(who, programme, Side.SEEKER, draft(**fields))


async def supporter(services: Services, programme: Programme, who: Actor, cap: int | None = None,
                    **fields: Any) -> None:
    fields.setdefault("condition", "Kidney transplant")
    await services.matching.profiles.save(who, programme, Side.SUPPORTER, draft(**fields))
    await services.matching.supporters.approve(LEADER, programme, who.user_id, "Peer mentor training", "2026-01-10",
                                               cap)


def intake(**changes: Any) -> Intake:
    base: dict[str, Any] = {"challenges": "My son has just had a transplant and I'm scared of rejection.",
                            "why_now": "He comes home next week.", "wants": "Someone who has been through it."}
    base.update(changes)
    return Intake.clean(**base, today=__import__("datetime").date(2026, 3, 2))


async def ask(services: Services, programme: Programme, who: Actor = SEEKER, role: Role = Role.PATIENT,
              **changes: Any) -> int:
    submitted = await services.matching.intake.submit(who, programme, role, intake(**changes))
    return submitted.request.id


async def pending_offers(services: Services, request_id: int | None = None) -> list[tuple[int, int]]:
    """(offer id, supporter id) of pending offers, oldest first."""
    rows = await services.db.fetch_all(
        "SELECT id, supporter_id FROM match_offers WHERE state = 'pending'"
        + (" AND request_id = ?" if request_id else "") + " ORDER BY id", (request_id,) if request_id else ())
    return [(int(r["id"]), int(r["supporter_id"])) for r in rows]


async def accept_first(services: Services, request_id: int | None = None) -> int:
    offer_id, supporter_id = (await pending_offers(services, request_id))[0]
    return await services.matching.matchmaker.accept(actor(supporter_id), offer_id)


async def open_space(services: Services, match_id: int, space_id: int | None = None) -> int:
    space_id = space_id or 7000 + match_id
    assert await services.matching.spaces.record(match_id, 1, space_id)
    return space_id


async def match_row(services: Services, match_id: int) -> dict[str, Any]:
    row = await services.db.fetch_one("SELECT * FROM matches WHERE id = ?", (match_id,))
    assert row is not None
    return dict(row)
