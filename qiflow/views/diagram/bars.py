"""An editorial overlay for the map: in which phases the diagram draws which moves as barred.

Kept apart from the procedure (the law decides refusals, not phases): a test holds every drawn bar to the
explorer, which must see the guard refuse some entry while the case stands in that phase.
"""

from __future__ import annotations

from qiflow.law import guards as g
from qiflow.law.guards import Guard

BARS: dict[str, tuple[Guard, ...]] = {
    "qi_motion_pending": (g.qi_motion_ruled_first, g.ruling_not_deferred),
    "qi_stay": (g.stay_of_discovery, g.qi_discovery_only),
    "on_appeal": (g.no_discovery_during_appeal,),
}
