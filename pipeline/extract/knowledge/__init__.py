"""What the extractors know, in one place: word lists, organizations and places, loaded from ``models/``.

- ``lexicon``: honorifics, job titles, organization head words and known organizations
  (``get_lexicon``), with the case folding every lookup uses (``fold``);
- ``gazetteer``: the one place index (GeoNames, pycountry, ``models/places_extra.json``;
  ``get_gazetteer``), which the lexicon's place checks also ask;
- ``patterns``: sequence-shaped cues ("Reporting by", "headed by") as spaCy Matcher
  patterns from ``models/*_cues.jsonl`` (``cue_ends``);
- ``casefold_scan``: case-insensitive regular-expression scans over a lower-cased copy.

Each loader reads the active models folder (``pipeline.knowledge.models_dir()``) once per
process and folder; extractors ask for it, they never read files themselves.
"""
