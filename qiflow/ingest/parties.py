"""Parties: ids (slugs of their names), kinds inferred from names (a city, county, department or board is not an
official), capacity only when stated, and the matching of a filer's name in a docket text to a party."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MUNICIPAL = re.compile(r"\b(city|county|parish|town|township|village|borough|municipal\w*|department|dept\.?|board|"
                       r"district|sheriff'?s?\s+office|police\s+department|commission|authority|consolidated\s+government"
                       r"|school|housing|task\s+force|jail|detention\s+center|correctional\s+(?:center|facility))\b", re.IGNORECASE)
ENTITY = re.compile(r"\b(inc\.?|incorporated|llc|l\.l\.c\.|llp|lp|corp\.?|corporation|company|co\.|ltd\.?|association|"
                    r"trustees?|academy|university|college|state\s+of|united\s+states|bank|insurance|group|partners|"
                    r"foundation|hospital|services|agency|church|federation|chevrolet|"
                    r"(?:texas|louisiana|mississippi)\s+department)\b", re.IGNORECASE)
CAPACITY_BOTH = re.compile(r"individual(?:ly)?\s+and\s+(?:in\s+(?:his|her|their)\s+)?official|official\s+and\s+"
                           r"individual", re.IGNORECASE)
CAPACITY_OFFICIAL = re.compile(r"(?:in\s+(?:his|her|their)\s+)?official\s+capacit", re.IGNORECASE)
CAPACITY_INDIVIDUAL = re.compile(r"individual\s+capacit|personal\s+capacit|\bindividually\b", re.IGNORECASE)


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    if len(text) > 40:
        text = text[:41].rsplit("_", 1)[0] if "_" in text[:41] else text[:40]
    return text.rstrip("_") or "party"


def kind_of(name: str, role: str) -> tuple[str, str]:
    """(kind, why) for a party: municipality, entity or official (natural person)."""
    if ENTITY.search(name):
        return "entity", "its name reads as an organisation"
    if MUNICIPAL.search(name):
        return "municipality", "its name reads as a local government body"
    if role == "defendant":
        return "official", "its name reads as a natural person; that it is a government official is assumed"
    return "official", "a natural person"


def capacity_of(text: str) -> str | None:
    if CAPACITY_BOTH.search(text):
        return "both"
    if CAPACITY_OFFICIAL.search(text) and not CAPACITY_INDIVIDUAL.search(text):
        return "official"
    if CAPACITY_INDIVIDUAL.search(text):
        return "individual"
    return None


@dataclass
class Party:
    id: str
    name: str
    role: str
    kind: str
    capacity: str | None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, str]:
        d = {"id": self.id, "name": self.name, "role": self.role}
        if self.role == "defendant" or self.kind != "official":
            d["kind"] = self.kind
        if self.capacity is not None:
            d["capacity"] = self.capacity
        return d


def build(sources: list[tuple[str, str, str]]) -> list[Party]:
    """Parties from (name, role, extra) triples, deduplicated by name, with unique slug ids."""
    seen: dict[str, Party] = {}
    used: set[str] = set()
    out: list[Party] = []
    for name, role, extra in sources:
        key = normal(name)
        if not key or key in seen:
            continue
        base = slug(name)
        pid, n = base, 2
        while pid in used:
            pid, n = f"{base}_{n}", n + 1
        used.add(pid)
        kind, why = kind_of(name, role)
        capacity = capacity_of(f"{name} {extra}") if role == "defendant" and kind == "official" else None
        party = Party(pid, name, role, kind, capacity)
        if role == "defendant":
            party.notes.append(f"kind {kind}: {why}")
            if kind == "official":
                party.notes.append("capacity " + (f"{capacity} (stated)" if capacity else
                                                  "not stated; the scenario default (individual) applies"))
        seen[key] = party
        out.append(party)
    return out


SUFFIX = re.compile(r"\b(inc|llc|l\.l\.c|llp|corp|corporation|co|ltd|jr|sr|ii|iii|iv|the|et al)\b\.?", re.IGNORECASE)


def normal(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", SUFFIX.sub(" ", name.lower())).split())


def match(fragment: str, parties: list[Party]) -> list[Party]:
    """The parties a filer fragment ("Best Chevrolet, Donald Clay", "Ricky Babin", "Yahoo! Inc") names."""
    found: list[Party] = []
    pieces = [x for x in re.split(r",|;|\band\b|&", fragment) if x.strip()]
    for piece in pieces:
        norm = normal(piece)
        if not norm or norm in ("defendant", "defendants", "plaintiff", "plaintiffs"):
            continue
        hit = next((p for p in parties if normal(p.name) == norm), None)
        if hit is None:
            hit = next((p for p in parties if len(norm) > 3 and (norm in normal(p.name) or normal(p.name) in norm)), None)
        if hit is None:
            last = norm.split()[-1]
            candidates = [p for p in parties if len(last) > 2 and last in normal(p.name).split()]
            hit = candidates[0] if len(candidates) == 1 else None
        if hit is not None and hit not in found:
            found.append(hit)
    return found


FILER = re.compile(r"(?:\bfiled\s+by|(?<!signed )(?<!ordered )(?<!entered )(?<!referred )(?<!clerk )\bby)\s+"
                   r"(?P<who>[^.()\n]+?)(?=\s*(?:\.|\(|$|\bre\b|\bregarding\b|\bas\s+to\b|\bon\s+behalf\b|\bfiled\b))",
                   re.IGNORECASE)


def filers(text: str, parties: list[Party]) -> list[Party]:
    """Who filed the entry, from "by X" / "filed by X" / "X's MOTION"."""
    for m in FILER.finditer(text):
        if re.search(r"\b(judge|clerk|court|magistrate|usm)\b", m.group("who"), re.IGNORECASE):
            continue
        found = match(m.group("who"), parties)
        if found:
            return found
    own = re.match(r"\W*(?P<who>[^.;]{2,80}?)['’]s?\s+(?:motion|answer|response|reply|notice)", text, re.IGNORECASE)
    if own:
        return match(own.group("who"), parties)
    return []


def from_complaint(text: str) -> list[tuple[str, str, str]]:
    """Parties read off a complaint's docket text ("COMPLAINT against A, B filed by C"), when the source has none."""
    out: list[tuple[str, str, str]] = []
    m = re.search(r"against\s+(?P<d>.+?)\s*(?:\(|filed\s+by|,?\s*filed\b|\.\s|$)", text, re.IGNORECASE)
    if m:
        for name in re.split(r",|\band\b", m.group("d")):
            if name.strip() and not re.search(r"filing fee|receipt", name, re.IGNORECASE):
                out.append((name.strip(), "defendant", ""))
    m = re.search(r"filed\s+by\s+(?P<p>[^.(]+)", text, re.IGNORECASE)
    if m:
        for name in re.split(r",|\band\b", m.group("p")):
            if name.strip():
                out.append((name.strip(), "plaintiff", ""))
    return out
