"""How each kind of node and edge looks: sized to stay readable when projected."""

from __future__ import annotations

FONT = "Helvetica"
INK, MUTED, FADED = "#1f2933", "#52606d", "#b8c2cc"
BARRED, PATH, FINAL = "#c0392b", "#1f5fbf", "#0b3d91"

GRAPH = {"rankdir": "TB", "newrank": "true", "nodesep": "0.3", "ranksep": "0.3", "labelloc": "t",
         "fontname": FONT, "fontsize": "34", "fontcolor": INK, "pad": "0.3", "compound": "true"}
NODE_DEFAULT = {"fontname": FONT, "fontsize": "17", "color": INK, "fontcolor": INK, "penwidth": "1.4"}
EDGE_DEFAULT = {"fontname": FONT, "fontsize": "14", "color": MUTED, "fontcolor": MUTED, "arrowsize": "0.8"}

_CLUSTER_FILL = {"pleadings": "#eef4fb", "limited": "#f1f7ec", "ruling": "#fdf6e3", "appeal": "#f6eefb",
                 "merits": "#f0f0f0"}

NODE = {
    "phase": {"shape": "box", "style": "rounded,filled", "fillcolor": "white", "margin": "0.15,0.07"},
    "gate": {"shape": "hexagon", "style": "filled", "fillcolor": "#ffe58a", "margin": "0.05,0.05",
             "penwidth": "3", "fontsize": "18"},
    "settle": {"shape": "plain", "fontsize": "15"},
    "portal": {"shape": "note", "style": "filled", "fillcolor": "#eeeeee", "color": "#8795a1",
               "fontcolor": MUTED, "fontsize": "13", "margin": "0.08,0.04"},
    "barred": {"shape": "octagon", "style": "filled", "fillcolor": "#fdecea", "color": BARRED,
               "fontcolor": BARRED, "fontsize": "14", "margin": "0.02"},
    "start": {"shape": "circle", "style": "filled", "fillcolor": INK, "width": "0.22", "label": ""},
    "table": {"shape": "plain", "fontsize": "15"},
    "legend": {"shape": "plain", "fontsize": "16"},
}
TABLE = {
    "table": 'BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"',
    "legend": 'BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="#c8d1da"',
    "settle": ('BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" BGCOLOR="#eeeeee" COLOR="#8795a1" '
               'STYLE="rounded"'),
}
"""Each table-like node kind's HTML ``TABLE`` attributes."""
EDGE = {
    "move": {},
    "gate": {"color": INK, "fontcolor": INK, "penwidth": "3", "fontsize": "16"},
    "settle": {"style": "dashed", "color": "#8795a1"},
    "settled": {"style": "dashed", "color": "#8795a1"},
    "barred": {"style": "dashed", "color": BARRED, "fontcolor": BARRED, "fontsize": "13"},
    "order": {"style": "invis"},
    "path": {"color": PATH, "fontcolor": PATH, "penwidth": "3.2", "constraint": "false", "fontsize": "13"},
}


def cluster(cid: str) -> dict[str, str]:
    return {"style": "rounded,filled", "fillcolor": _CLUSTER_FILL.get(cid, "#f7f7f7"), "color": "#c8d1da",
            "fontcolor": INK, "margin": "14"}
