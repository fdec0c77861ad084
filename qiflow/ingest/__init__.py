"""``qiflow import``: turn a real docket (CourtListener JSON, a saved PACER docket report, pasted docket text)
into a draft scenario, each entry classified into qiflow's event kinds and every uncertain judgment flagged.

The layers, one module each: ``sources`` read a docket into :class:`~qiflow.ingest.docket.Docket`;
``patterns`` is the pattern table (data); ``classify`` applies it to one entry's text; ``link`` is the
whole-case pass (rulings to the motions they decide, QI carried, filers to parties); ``parties`` infers
party kinds; ``draft`` builds and dumps the scenario; ``summary`` says what still needs a human.
"""
