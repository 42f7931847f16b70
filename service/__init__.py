"""stance-tracker: who stands where on which issue, with the evidence.

The request path runs `web/` (app factory and guard rails) -> `api/` ->
`schemas/` -> `views/` -> `store/`; the analysis path runs `worker/` ->
`pipeline/` -> `nlp/` -> `store/`. `cli/` drives both (see the README's
"Layout" section).
"""

__version__ = "0.1.0"
