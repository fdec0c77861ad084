"""The scenario file format (SCENARIOS.md, format 1) as pydantic models: parties, docket events, expectations.

Every docket event kind is one model in a union discriminated on ``event``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Role(StrEnum):
    PLAINTIFF = "plaintiff"
    DEFENDANT = "defendant"
    OTHER = "other"


class Kind(StrEnum):
    OFFICIAL = "official"
    MUNICIPALITY = "municipality"
    ENTITY = "entity"


class Capacity(StrEnum):
    INDIVIDUAL = "individual"
    OFFICIAL = "official"
    BOTH = "both"


class Party(Model):
    id: str
    name: str
    role: Role
    kind: Kind = Kind.OFFICIAL
    capacity: Capacity = Capacity.INDIVIDUAL

    @property
    def is_defendant(self) -> bool:
        return self.role is Role.DEFENDANT

    @property
    def is_official(self) -> bool:
        """An official in LAW.md s.11's sense: a defendant of kind official sued individually (or both)."""
        return self.is_defendant and self.kind is Kind.OFFICIAL and self.capacity is not Capacity.OFFICIAL

    @property
    def may_assert_qi(self) -> bool:
        """Owen, 445 U.S. at 638; Graham, 473 U.S. at 166-67: only officials sued individually."""
        return self.is_official


class FactQuestion(Model):
    id: str
    text: str = ""
    as_to: list[str] | None = None
    """The officials it concerns (default: LAW.md s.11 "Findings")."""


class Request(Model):
    id: str
    text: str = ""


class Authorization(Model):
    request: str
    addresses: list[str] = []


def _not_a_boolean(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(f"a whole number, not {str(value).lower()}")
    return value


Number = Annotated[int, BeforeValidator(_not_a_boolean)]
"""A docket number: a whole number (``"14"`` typed at a prompt is 14), never a boolean, which would pass for 0 or 1."""

EntryRef = Number | str
"""A reference to an earlier docket entry: its ``entry_number`` (an int) or its ``id`` (a string)."""


def int_ref(ref: EntryRef) -> int:
    """The engine's int ref for ``ref``: the engine runs on scenarios whose ids are resolved to int refs
    (``qiflow.engine.refs.resolved``); a string reaching it is a caller's bug, not bad input."""
    if isinstance(ref, str):
        raise TypeError(f"entry id {ref!r} not resolved: pass the scenario through qiflow.engine.refs.resolved")
    return ref


class Entry(Model):
    """Fields every docket entry may carry (CourtListener's names where they exist)."""

    event: str
    entry_number: Number | None = None
    id: str | None = None
    """A name unique in the docket, so that later entries can refer to an entry whose number is unknown."""
    date_filed: dt.date | None = None
    description: str | None = None
    by: str | list[str] | None = None
    note: str | None = None
    review: str | None = None
    """What an importer assumed about this entry and why, for a human to confirm (``qiflow import``)."""
    expect: list[str] | None = None

    @property
    def filers(self) -> tuple[str, ...]:
        """The parties it is filed by: ``by`` is one id or a list of them (LAW.md s.11 "Terms")."""
        if self.by is None:
            return ()
        return (self.by,) if isinstance(self.by, str) else tuple(self.by)


class Complaint(Entry):
    event: Literal["complaint"]


class Answer(Entry):
    event: Literal["answer"]
    by: str | list[str]
    asserts_qi: bool = False


class MotionToDismiss(Entry):
    event: Literal["motion_to_dismiss"]
    by: str | list[str]
    asserts_qi: bool = False
    rule: Literal["12(b)(6)", "12(c)"] | None = None


MotionRulingOutcome = Literal[
    "granted", "granted_in_part", "denied", "denied_without_prejudice", "deferred", "converted"]


class MotionToDismissRuling(Entry):
    event: Literal["motion_to_dismiss_ruling"]
    motion: EntryRef
    outcome: MotionRulingOutcome
    pleadings_overcome_qi: bool = False
    fact_questions: list[FactQuestion] = []
    reserves_qi: bool = False
    """The ruling leaves QI for later, whatever its title ("denied ... at this point in time")."""
    reply_ordered: bool = False
    """It orders a Rule 7(a) reply or gives leave to amend (Schultea), rather than deferring for discovery."""
    styled: str | None = None
    """The docket's own word for the ruling, for display."""

    @property
    def defers(self) -> bool:
        """A deferral: it leaves the motion pending (LAW.md s.11 "Terms": everything that does not decide it)."""
        return self.outcome in ("deferred", "denied_without_prejudice") or (
            self.outcome == "denied" and self.reserves_qi)


class ReplyOrder(Entry):
    event: Literal["reply_order"]


class Reply(Entry):
    event: Literal["reply"]


class SjNotice(Entry):
    event: Literal["sj_notice"]


class DiscoveryMotion(Entry):
    event: Literal["discovery_motion"]
    requests: list[Request] = []


class Response(Entry):
    event: Literal["response"]
    to: EntryRef | None = None


class Referral(Entry):
    event: Literal["referral"]
    to: str | None = None


class ConferenceOrder(Entry):
    event: Literal["conference_order"]
    confer_by: dt.date
    report_by: dt.date


class Conference(Entry):
    event: Literal["conference"]


class JointReport(Entry):
    event: Literal["joint_report"]
    agreed: list[str] = []
    disputed: list[str] = []


class Supplement(Entry):
    event: Literal["supplement"]
    requests: list[str] = []


class DiscoveryOrder(Entry):
    event: Literal["discovery_order"]
    outcome: Literal["granted", "granted_in_part", "denied", "stayed", "vacated"]
    scope: Literal["limited", "general"] = "limited"
    against: list[str] | None = None
    pleadings_overcome_qi: bool = False
    fact_questions: list[FactQuestion] = []
    authorized: list[Authorization] = []

    @property
    def grants(self) -> bool:
        return self.outcome in ("granted", "granted_in_part")


class Discovery(Entry):
    event: Literal["discovery"]
    against: str
    requests: list[str] = []


class SjMotion(Entry):
    event: Literal["sj_motion"]
    by: str | list[str]
    asserts_qi: bool = False


class QiRuling(Entry):
    event: Literal["qi_ruling"]
    outcome: Literal["granted", "denied", "granted_in_part"]
    basis: Literal["law", "fact_dispute"] = "law"
    defendants: list[str] | None = None


class Appeal(Entry):
    event: Literal["appeal"]
    from_: EntryRef = Field(alias="from")


class FrivolousCertification(Entry):
    event: Literal["frivolous_certification"]
    appeal: EntryRef


class AppealRuling(Entry):
    event: Literal["appeal_ruling"]
    appeal: EntryRef
    outcome: Literal["affirmed", "reversed", "vacated", "dismissed"]
    as_to: list[str] | None = None
    """The parties a reversal or vacatur reaches (default: LAW.md s.11 "appeal_ruling")."""
    renders: Literal["qi_granted"] | None = None
    """The court of appeals itself grants QI ("reversed and rendered")."""


class Judgment(Entry):
    event: Literal["judgment"]
    outcome: Literal["dismissed", "for_plaintiff", "for_defendant", "settled"]
    defendants: list[str] | None = None


class Order(Entry):
    event: Literal["order"]


class Other(Entry):
    event: Literal["other"]


Event = Annotated[
    Complaint | Answer | MotionToDismiss | MotionToDismissRuling | ReplyOrder | Reply | SjNotice | DiscoveryMotion
    | Response | Referral | ConferenceOrder | Conference | JointReport | Supplement | DiscoveryOrder | Discovery
    | SjMotion | QiRuling | Appeal | FrivolousCertification | AppealRuling | Judgment | Order | Other,
    Field(discriminator="event"),
]

EVENT_MODELS: dict[str, type[Entry]] = {
    model.model_fields["event"].annotation.__args__[0]: model  # type: ignore[union-attr]
    for model in Event.__origin__.__args__  # type: ignore[attr-defined]
}
"""Each event kind's model, in the format's order."""
EVENT_KINDS: tuple[str, ...] = tuple(EVENT_MODELS)


class Expect(Model):
    """What must come out; a key left out is not checked (``model_fields_set`` tells which were given)."""

    violations: list[str] | None = None
    discovery_authorized: bool | None = None
    appealable: bool | None = None
    refused: list[EntryRef] | None = None
    state: str | None = None


class CourtHeld(Model):
    """What the court of appeals found, in qiflow's terms, for comparing with the engine's verdict."""

    departures: list[str] = []
    appealable: bool | None = None


class CaseFacts(Model):
    """Extension: the case-library facts of a scenario drawn from a reported opinion."""

    citation: str
    short_name: str
    year: int
    decided: dt.date | None = None
    posture: str
    turned_on: str
    appellate_outcome: str
    outcome_summary: str = ""
    court_held: CourtHeld = CourtHeld()


class Teaching(Model):
    """Extension: the worked commentary a teacher reads with the case."""

    question: str
    held: str
    gate: str
    remember: str


class Source(Model):
    """Extension: one source of a case file, and how it was read (a plain string is also a source)."""

    cite: str
    read: Literal["opinion", "quoted", "summary"]
    """``opinion``: read in the opinion itself; ``quoted``: known from a later court's quotation of it;
    ``summary``: from a summary (a dissent's, a digest's, a secondary source's account)."""
    pages: str | None = None
    """The pages read or quoted, as the reporter numbers them (absent: not known)."""
    what: str
    """What was taken from it, in words (quotations in quotation marks)."""


class Scenario(Model):
    qiflow: Literal[1]
    title: str
    court: str | None = None
    case_number: str | None = None
    mode: Literal["audit", "strict"] = "audit"
    law_as_of: dt.date | None = None
    sources: list[str | Source] = []
    note: str | None = None
    case: CaseFacts | None = None
    teaching: Teaching | None = None
    parties: list[Party]
    docket: list[Event]
    expect: Expect | None = None
