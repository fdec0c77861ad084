"""Flowcharts of the careful procedure, drawn from ``PROCEDURE``: the whole procedure, a case's path, a counterexample."""

from qiflow.views.diagram.dot import to_dot
from qiflow.views.diagram.mermaid import to_mermaid
from qiflow.views.diagram.path_view import case_graph
from qiflow.views.diagram.procedure_view import procedure_graph
from qiflow.views.diagram.render import FORMATS, DotMissing, render

__all__ = ["FORMATS", "DotMissing", "case_graph", "procedure_graph", "render", "to_dot", "to_mermaid"]
