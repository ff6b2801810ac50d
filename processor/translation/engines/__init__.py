"""Translating sentences: the CTranslate2 engine (``ct2``), how each model family is told
its languages (``styles``), the best installed route for a pair (``routes``), each
sentence translated once per run (``cache``), and scores on FLORES-200 (``evaluate``)."""
