"""Entry references by id (SCENARIOS.md "Docket entries"): resolved once, to the engine's int refs.

The engine names an entry by ``entry_ref`` (its number, or its place negated when it has none); a file
may instead refer to an earlier entry by its ``id``. ``resolved`` rewrites those string references to
int refs, and is the identity (no copy) when the scenario has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from qiflow import scenario as m
from qiflow.engine.step import entry_ref
from qiflow.law.posture import ref_label

E = TypeVar("E", bound=m.Entry)

REF_FIELDS: dict[type[m.Entry], str] = {
    m.MotionToDismissRuling: "motion", m.Response: "to", m.Appeal: "from_",
    m.FrivolousCertification: "appeal", m.AppealRuling: "appeal",
}
"""Each event model that refers to an earlier entry, and the attribute holding the reference."""


def has_string_refs(scenario: m.Scenario) -> bool:
    """Whether any entry, or ``expect.refused``, refers to an entry by id."""
    if scenario.expect is not None and any(isinstance(r, str) for r in scenario.expect.refused or ()):
        return True
    for e in scenario.docket:  # a loop, not ``any`` over a generator: asked of every docket judged
        field = REF_FIELDS.get(type(e))
        if field is not None and isinstance(getattr(e, field), str):
            return True
    return False


def resolved(scenario: m.Scenario) -> m.Scenario:
    """The scenario with every reference by id replaced by that entry's int ref (``scenario`` itself if none).

    ``expect.refused`` names an entry as the report does: its number, else its 1-based position.
    An unknown id is left as it is (the loader refuses such a file before it gets here).
    """
    if not has_string_refs(scenario):
        return scenario
    refs = ids(scenario.docket)
    listed_as = {e.id: e.entry_number if e.entry_number is not None else i
                 for i, e in enumerate(scenario.docket, 1) if e.id is not None}
    docket = []
    for e in scenario.docket:
        fld = REF_FIELDS.get(type(e))
        docket.append(by_ref(e, fld, refs) if fld else e)
    expect = scenario.expect
    if expect is not None and expect.refused:
        listed = [listed_as[r] if isinstance(r, str) and r in listed_as else r for r in expect.refused]
        expect = expect.model_copy(update={"refused": listed})
    return scenario.model_copy(update={"docket": docket, "expect": expect})


def ids(docket: Sequence[m.Entry]) -> dict[str, int]:
    """Each entry id, with the int ref of the entry it names."""
    return {e.id: entry_ref(e, i) for i, e in enumerate(docket, 1) if e.id is not None}


def by_ref(entry: E, field: str, refs: dict[str, int]) -> E:
    """The entry with its reference in ``field`` by id replaced by that entry's int ref (itself if there is none)."""
    value = getattr(entry, field)
    return entry.model_copy(update={field: refs[value]}) if isinstance(value, str) and value in refs else entry


def entry_at(docket: Sequence[m.Entry], ref: int | str) -> tuple[int, m.Entry] | None:
    """The entry a reference names, with its 1-based position (None if there is no such entry)."""
    for i, e in enumerate(docket, 1):
        if (isinstance(ref, str) and e.id == ref) or (isinstance(ref, int) and entry_ref(e, i) == ref):
            return i, e
    return None


def ref_name(docket: Sequence[m.Entry], ref: int | str) -> str:
    """How output names the entry a reference points to: "Dkt. N", or "Entry N" (its place) if unnumbered."""
    if isinstance(ref, int):
        return ref_label(ref)
    found = entry_at(docket, ref)
    return ref_label(entry_ref(found[1], found[0])) if found else "an entry"
