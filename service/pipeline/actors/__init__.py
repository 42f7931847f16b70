"""Find the actors of an article and who may hold a stance in each sentence.

`build_actor_index` (index) turns catalogued actors into a token-level matcher
(built once, cached by the worker). `find_holders` (findings) matches aliases, demonym
phrases ("Russian Foreign Ministry"), titles and role-only references
("Russia's foreign minister"), adds spaCy NER actors the catalogue lacks,
resolves "he said" and quote speakers (see `service.pipeline.speech`), and
lists the holders of each sentence. `speaks_for` (rollup) is the role roll-up used by
aggregation.

Modules: `index` (aliases to matcher), `titles`, `matching` (aliases,
metonyms, demonyms), `roles` (titles and role-only references), `ner`
(actors new to the catalogue), `holders` (who speaks in each sentence),
`findings` (the whole pass), `rollup` (who speaks for whom).
"""

from service.pipeline.actors.findings import ActorFindings, find_holders
from service.pipeline.actors.index import ActorIndex, build_actor_index
from service.pipeline.actors.rollup import speaks_for, speaks_for_in

__all__ = ["ActorFindings", "ActorIndex", "build_actor_index", "find_holders", "speaks_for", "speaks_for_in"]
