"""How each kind of node and edge looks: sized to stay readable when projected."""

from __future__ import annotations

FONT = "Helvetica"
INK, MUTED, FADED = "#1f2933", "#52606d", "#b8c2cc"
BARRED, PATH, FINAL = "#c0392b", "#1f5fbf", "#0b3d91"

GRAPH = {"rankdir": "TB", "newrank": "true", "nodesep": "0.35", "ranksep": "0.45", "labelloc": "t",
         "fontname": FONT, "fontsize": "26", "fontcolor": INK, "pad": "0.3", "compound": "true"}
NODE_DEFAULT = {"fontname": FONT, "fontsize": "15", "color": INK, "fontcolor": INK, "penwidth": "1.4"}
EDGE_DEFAULT = {"fontname": FONT, "fontsize": "12", "color": MUTED, "fontcolor": MUTED, "arrowsize": "0.8"}

_CLUSTER_FILL = {"pleadings": "#eef4fb", "limited": "#f1f7ec", "ruling": "#fdf6e3", "appeal": "#f6eefb",
                 "merits": "#f0f0f0"}

NODE = {
    "phase": {"shape": "box", "style": "rounded,filled", "fillcolor": "white", "margin": "0.15,0.07"},
    "gate": {"shape": "hexagon", "style": "filled", "fillcolor": "#fff3c4", "margin": "0.05,0.05"},
    "settle": {"shape": "diamond", "style": "filled", "fillcolor": "#eeeeee", "fontsize": "12"},
    "barred": {"shape": "octagon", "style": "filled", "fillcolor": "#fdecea", "color": BARRED,
               "fontcolor": BARRED, "fontsize": "12", "margin": "0.02"},
    "join": {"shape": "point", "width": "0.08", "color": MUTED},
    "start": {"shape": "circle", "style": "filled", "fillcolor": INK, "width": "0.22", "label": ""},
    "table": {"shape": "plain", "fontsize": "12"},
}
EDGE = {
    "move": {},
    "feed": {"arrowhead": "none", "color": FADED},
    "gate": {"color": INK, "fontcolor": INK, "penwidth": "1.6"},
    "settle": {"style": "dashed", "color": "#8795a1", "fontsize": "11"},
    "settled": {"style": "dashed", "color": "#8795a1", "fontsize": "11", "constraint": "false"},
    "barred": {"style": "dashed", "color": BARRED, "fontcolor": BARRED},
    "path": {"color": PATH, "fontcolor": PATH, "penwidth": "3.2", "constraint": "false", "fontsize": "13"},
}


def cluster(cid: str) -> dict[str, str]:
    return {"style": "rounded,filled", "fillcolor": _CLUSTER_FILL.get(cid, "#f7f7f7"), "color": "#c8d1da",
            "fontcolor": INK, "margin": "14"}
