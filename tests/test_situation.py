"""The explorer's abstractions are sound: the postures its key merges behave alike, one step on, and the entries
its alphabet leaves out reach nothing new, over the whole space."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from qiflow.engine.step import Docket
from qiflow.procedure.careful import PROCEDURE, VARIANTS
from qiflow.verify.alphabet import LAW_AS_OF
from qiflow.verify.explore import explore
from qiflow.verify.situation import situation
from tests.support.bisimulation import Checked, check, entries
from tests.support.helpers import scenario


@cache
def checked(law: str, day: dt.date) -> Checked:
    return check(VARIANTS[law], day)


@pytest.mark.parametrize("law, day", [("v2", day) for day in LAW_AS_OF] + [("v1", LAW_AS_OF[-1])], ids=str)
def test_every_posture_the_explorer_drops_behaves_as_the_one_it_keeps(law: str, day: dt.date) -> None:
    """In every era under the law as written, and under version 1 (whose guards differ) after Carswell."""
    found = checked(law, day)
    assert found.mismatch is None and found.left_out == ()
    assert found.dropped > found.situations  # most situations are reached more than once


def test_the_key_holds_where_a_removed_guard_lets_more_through() -> None:
    """Without ``ruling_not_deferred`` a motion can be left deferred with no findings, which
    ``qi_motion_decided`` reads: the key must keep that even once the official is out of the case."""
    found = check(PROCEDURE.without("ruling_not_deferred"), LAW_AS_OF[0])
    assert found.mismatch is None and found.left_out == ()


def test_the_check_covers_the_space_the_explorer_proves() -> None:
    assert sum(checked("v2", day).situations for day in LAW_AS_OF) == explore().situations


def _without_requests(key: tuple) -> tuple:
    """Requests made decide which discovery and which limited orders are offered, and what guards allow."""
    return key[:5] + key[6:]


def test_a_key_that_forgets_what_the_law_reads_is_caught() -> None:
    assert check(PROCEDURE, LAW_AS_OF[-1], lambda p: _without_requests(situation(p))).mismatch is not None


_ORDER = {"event": "discovery_order", "outcome": "granted", "scope": "general"}
_ANSWER = {"event": "answer", "by": "smith", "asserts_qi": True}
_DENIAL = {"event": "qi_ruling", "outcome": "denied", "defendants": ["smith"]}


@pytest.mark.parametrize("appealed", ["denial", "order"])
def test_a_source_appealed_before_a_judgment_is_told_apart(appealed: str) -> None:
    """The check's first find: an appeal from a denial of QI and one from a discovery order, once a judgment
    followed, had one key, though reversing them does different things (the official out; the order void)."""
    first, second = ([_ORDER, _ANSWER, _DENIAL], [_ANSWER, _DENIAL, _ORDER])
    tails = [{"event": "appeal", "by": "smith", "from": 3}, {"event": "judgment", "outcome": "dismissed",
                                                             "defendants": ["city"]}]
    reversal = {"event": "appeal_ruling", "appeal": 4, "outcome": "reversed"}
    ends = {}
    for name, start in (("denial", first), ("order", second)):
        case = Docket(scenario(*start, *tails).parties, LAW_AS_OF[-1], strict=True)
        for entry in scenario(*start, *tails).docket:
            case.step(entry)
        ends[name] = case
    assert situation(ends["denial"].posture) != situation(ends["order"].posture)
    after = ends[appealed].step(scenario(*first, *tails, reversal).docket[-1])
    assert after.accepted
    out = "smith" not in after.after.in_case
    assert out == (appealed == "denial") and bool(after.after.orders) == (appealed == "denial")


def test_an_entry_left_out_that_reaches_something_new_is_caught() -> None:
    more = entries({"event": "discovery_motion", "by": "pat", "requests": [{"id": "r3"}]})
    assert check(PROCEDURE, LAW_AS_OF[-1], left_out=more).left_out == ("discovery_motion",
                                                                        "reaches a situation the alphabet does not")
