"""LAW.md section 11, term by term: each test names the sentence it holds the engine to."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from pydantic import BaseModel

from qiflow import scenario as m
from qiflow.engine.expect import scenario_files
from qiflow.engine.report import Report
from qiflow.engine.run import STATES_QUESTIONS, STATES_REQUESTS, audit
from qiflow.engine.verdict import Verdict, verdict
from qiflow.files.load import load
from qiflow.scenario import Scenario
from tests.conftest import SCENARIOS
from tests.support.helpers import QI_ANSWER, QI_MOTION, REQUESTS, gated_order, scenario


def codes(*docket, **top) -> list[str]:  # noqa: ANN001, ANN002, ANN003
    return audit(scenario(*docket, **top)).codes


def test_careful_procedure_raises_nothing_and_is_not_appealable() -> None:
    report = audit(scenario(QI_ANSWER, REQUESTS, gated_order()))
    assert (report.codes, report.appealable, report.discovery_authorized) == ([], False, True)


def test_pending_qi_motion_bars_discovery_from_carswell_on_only() -> None:
    docket = (QI_MOTION, REQUESTS, gated_order())
    assert codes(*docket) == ["QI101"]
    assert codes(*docket, law_as_of=dt.date(2022, 6, 16)) == []
    assert codes(*docket, law_as_of=dt.date(2022, 6, 17)) == ["QI101"]


def test_deferred_or_denied_without_prejudice_leaves_motion_pending() -> None:
    for outcome in ("deferred", "denied_without_prejudice"):
        ruling = {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": outcome}
        assert codes(QI_MOTION, ruling, REQUESTS, gated_order()) == ["QI101", "QI102"]


def test_deferral_before_carswell_needs_both_findings() -> None:
    before = {"law_as_of": dt.date(2014, 1, 1)}
    bare = {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "deferred"}
    found = {**bare, "pleadings_overcome_qi": True, "fact_questions": [{"id": "q0"}]}
    only_pleadings = {**bare, "pleadings_overcome_qi": True}
    assert codes(QI_MOTION, bare, **before) == ["QI102"]
    assert codes(QI_MOTION, only_pleadings, **before) == ["QI102"]
    assert codes(QI_MOTION, found, **before) == []


def test_denial_is_gate_one_and_resolves_qi() -> None:
    ruling = {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "denied"}
    report = audit(scenario(QI_MOTION, ruling, {"event": "discovery", "by": "doe", "against": "smith"}))
    assert report.codes == []
    assert report.officials[0].gate1 and report.officials[0].qi_status == "decided at the pleadings stage (denied)"


def test_appeal_from_denial_unresolves_qi_until_ruled() -> None:
    deny = {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "denied"}
    appeal = {"event": "appeal", "by": "smith", "from": 2}
    take = {"event": "discovery", "by": "doe", "against": "smith"}
    assert codes(QI_MOTION, deny, appeal, take) == ["QI301", "QI401"]
    affirmed = {"event": "appeal_ruling", "appeal": 3, "outcome": "affirmed"}
    assert codes(QI_MOTION, deny, appeal, affirmed, take) == []
    vacated = {"event": "appeal_ruling", "appeal": 3, "outcome": "vacated"}
    assert codes(QI_MOTION, deny, appeal, vacated, take) == ["QI101", "QI301"]  # the motion is pending again
    reversed_ = {"event": "appeal_ruling", "appeal": 3, "outcome": "reversed"}
    report = audit(scenario(QI_MOTION, deny, appeal, reversed_, take))
    assert report.codes == [] and report.officials[0].qi_status == "granted by the court of appeals: out of the case"


def test_frivolous_certification_ends_the_divestiture() -> None:
    deny = {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "denied"}
    appeal = {"event": "appeal", "by": "smith", "from": 2}
    cert = {"event": "frivolous_certification", "appeal": 3}
    assert codes(QI_MOTION, deny, appeal, cert, {"event": "discovery", "by": "doe", "against": "smith"}) == []


def test_an_appeal_divests_the_court_only_as_to_the_appealing_official() -> None:
    grant_city = {"event": "motion_to_dismiss", "by": "city"}
    ruling = {"event": "motion_to_dismiss_ruling", "motion": 2, "outcome": "granted"}
    appeal = {"event": "appeal", "by": "doe", "from": 3}
    assert codes(QI_ANSWER, grant_city, ruling, appeal, REQUESTS, gated_order()) == []


def test_gates_in_order_and_general_scope() -> None:
    assert codes(QI_ANSWER, REQUESTS, gated_order(pleadings_overcome_qi=False)) == ["QI201"]
    assert codes(QI_ANSWER, REQUESTS, gated_order(fact_questions=[], authorized=[{"request": "r1"}])) == [
        "QI202", "QI203"]
    loose = gated_order(authorized=[{"request": "r1", "addresses": ["q1"]}, {"request": "r2"}])
    assert codes(QI_ANSWER, REQUESTS, loose) == ["QI203"]
    general = gated_order(scope="general", authorized=[])
    assert codes(QI_ANSWER, REQUESTS, general) == ["QI302"]


def test_gate_one_needs_every_covered_official() -> None:
    jones = {"event": "answer", "by": "jones", "asserts_qi": True}
    earlier = gated_order(against=["smith"])
    both = gated_order(against=["smith", "jones"], pleadings_overcome_qi=False)
    assert codes(QI_ANSWER, jones, REQUESTS, earlier, both) == ["QI201"]


def test_limited_order_authorizing_nothing_covers_no_one() -> None:
    empty = gated_order(pleadings_overcome_qi=False, authorized=[])
    report = audit(scenario(QI_ANSWER, REQUESTS, empty))
    assert (report.codes, report.discovery_authorized, report.appealable) == ([], False, False)


def test_codefendant_discovery_is_a_warning() -> None:
    city_order = {"event": "discovery_order", "outcome": "granted", "scope": "general", "against": ["city"]}
    report = audit(scenario(QI_ANSWER, city_order, {"event": "discovery", "by": "doe", "against": "city"}))
    assert report.codes == ["QI303"] and not report.has_errors
    assert codes(QI_ANSWER, {"event": "discovery", "by": "doe", "against": "city"}) == ["QI303"]
    assert codes({"event": "discovery", "by": "doe", "against": "city"}) == []


def test_discovery_must_be_covered_request_by_request() -> None:
    take = {"event": "discovery", "by": "doe", "against": "smith"}
    assert codes(QI_ANSWER, REQUESTS, gated_order(), {**take, "requests": ["r1"]}) == []
    assert codes(QI_ANSWER, REQUESTS, gated_order(), {**take, "requests": ["r1", "r2"]}) == ["QI301"]
    assert codes(QI_ANSWER, REQUESTS, gated_order(), take) == ["QI301"]
    assert codes(QI_ANSWER, REQUESTS, gated_order(against=["jones"]), {**take, "requests": ["r1"]}) == [
        "QI301", "QI303"]


def test_order_vacated_on_appeal_is_no_longer_in_force() -> None:
    appeal = {"event": "appeal", "by": "smith", "from": 3}
    vacate = {"event": "appeal_ruling", "appeal": 4, "outcome": "vacated"}
    report = audit(scenario(QI_ANSWER, REQUESTS, gated_order(), appeal, vacate,
                            {"event": "discovery", "by": "doe", "against": "smith", "requests": ["r1"]}))
    assert report.codes == ["QI301"] and not report.discovery_authorized


def test_municipality_and_official_capacity_cannot_assert_qi() -> None:
    city_qi = {"event": "motion_to_dismiss", "by": "city", "asserts_qi": True}
    assert codes(city_qi, REQUESTS, gated_order(against=["city"])) == ["QI001"]


def test_judgment_takes_named_defendants_out() -> None:
    judgment = {"event": "judgment", "outcome": "settled", "defendants": ["smith"]}
    report = audit(scenario(QI_ANSWER, judgment))
    assert report.state == "filed" or report.officials[0].qi_status == "out of the case"
    everyone = audit(scenario(QI_ANSWER, {"event": "judgment", "outcome": "dismissed"}))
    assert everyone.state == "closed"


@pytest.mark.parametrize("mode", ["audit", "strict"])
def test_strict_mode_refuses_errors_but_not_warnings(mode: str) -> None:
    city_order = {"event": "discovery_order", "outcome": "granted", "scope": "general", "against": ["city"]}
    report = audit(scenario(QI_MOTION, REQUESTS, gated_order(), city_order, mode=mode))
    refused = [v for v in report.violations if v.refused]
    if mode == "strict":
        assert report.refused == [3, 4] and {v.code for v in refused} == {"QI101", "QI303"}
        assert report.appealable is None and not report.discovery_authorized
    else:
        assert report.refused == [] and report.appealable is True
    assert report.codes == ["QI101", "QI303"]


def test_appealable_reports_the_last_order_that_took_effect() -> None:
    denied = {"event": "discovery_order", "outcome": "denied"}
    assert audit(scenario(QI_MOTION, REQUESTS, gated_order(), denied)).appealable is False
    assert audit(scenario(QI_MOTION, REQUESTS, denied, gated_order())).appealable is True
    assert audit(scenario(QI_MOTION)).appealable is None


def test_unnumbered_entries_are_named_by_position() -> None:
    report = audit(scenario({"event": "answer", "by": "smith", "asserts_qi": True, "entry_number": None},
                            {"event": "discovery", "by": "doe", "against": "smith", "entry_number": None}))
    assert report.violations[0].message.startswith("Entry 2 took discovery")


def test_official_capacity_defendant_is_not_an_official_for_coverage() -> None:
    cast = [{"id": "doe", "name": "Doe", "role": "plaintiff"},
            {"id": "chief", "name": "Chief (official capacity)", "role": "defendant", "capacity": "official"},
            {"id": "smith", "name": "Smith", "role": "defendant"}]
    order = {"entry_number": 2, "event": "discovery_order", "outcome": "granted", "scope": "general",
             "against": ["chief"]}
    s = Scenario.model_validate({"qiflow": 1, "title": "t", "parties": cast, "docket": [
        {"entry_number": 1, **QI_ANSWER}, order]})
    report = audit(s)
    assert report.codes == ["QI303"] and not report.discovery_authorized


def test_a_qi_ruling_naming_the_city_does_not_take_it_out() -> None:
    ruling = {"event": "qi_ruling", "outcome": "granted", "defendants": ["smith", "city"]}
    report = audit(scenario(QI_ANSWER, ruling, {"event": "discovery", "by": "doe", "against": "city"}))
    assert report.codes == [] and report.state == "merits"
    assert report.officials[0].qi_status == "granted: out of the case"


def test_the_report_reads_texts_from_every_kind_that_states_them() -> None:
    """``docket_texts`` asks entries by kind (for speed): the kinds are every model with those fields."""
    with_questions = {k for k in m.EVENT_MODELS.values() if "fact_questions" in k.model_fields}
    with_texts = {k for k in m.EVENT_MODELS.values()
                  if "requests" in k.model_fields and k.model_fields["requests"].annotation == list[m.Request]}
    assert set(STATES_QUESTIONS) == with_questions and {STATES_REQUESTS} == with_texts


def _models(model: BaseModel) -> list[BaseModel]:
    """The model and every model inside it."""
    inner = [x for v in model.__dict__.values() for x in (v if isinstance(v, list) else [v]) if isinstance(x, BaseModel)]
    return [model, *(y for x in inner for y in _models(x))]


@pytest.mark.parametrize("law_as_of", [None, dt.date(2022, 8, 1), dt.date(2010, 1, 1)])
def test_reports_made_without_validation_are_valid(law_as_of: dt.date | None) -> None:
    """The report models and the verdict are ``made`` (``Out.made``), not validated: each must be what validating
    it gives."""
    for path in scenario_files([SCENARIOS]):
        report = audit(load(path), file=str(path), law_as_of=law_as_of)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a value not of its field's type warns when serialised
            dumped = report.model_dump()
        assert Report.model_validate(dumped) == report
        assert Report.model_validate(dumped).model_dump_json() == report.model_dump_json()
        assert all(set(x.__dict__) == x.model_fields_set == set(type(x).model_fields) for x in _models(report))
        found = verdict(load(path), law_as_of=law_as_of)
        assert Verdict.model_validate(found.model_dump()) == found and set(found.__dict__) == found.model_fields_set == set(Verdict.model_fields)


def test_reports_share_no_list_or_dict_with_each_other() -> None:
    """The authorities are worked out once per doctrine tuple and day (``doctrines.cited``); each report copies them."""
    docket = (QI_MOTION, REQUESTS, gated_order())
    first, second = audit(scenario(*docket)), audit(scenario(*docket))
    first.entries[-1].cites[0]["text"] = "changed"
    first.entries[-1].authorities.clear()
    first.violations[0].cites.clear()
    assert second == audit(scenario(*docket)) and second.entries[-1].cites[0]["text"] != "changed"
