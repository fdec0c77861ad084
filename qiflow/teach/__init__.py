"""Teaching views built on the engine's Report: because-chains, the stepper, paths, quizzes, exercises.

Everything here reads the public Report (``qiflow.engine.report``) and the scenario; the few facts the
Report does not carry are read in one place, ``qiflow.teach.facts``.
"""
