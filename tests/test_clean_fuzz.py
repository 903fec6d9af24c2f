"""Fuzzing: clean_html returns an Article or raises our own error, never anything else."""

from __future__ import annotations

import time

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.clean import clean_html  # noqa: E402
from pipeline.errors import PipelineError  # noqa: E402
from pipeline.records import Article  # noqa: E402

SEED = (
    "<html><head><title>Schools reopen</title><meta charset='utf-8'></head><body><article>"
    "<h1>Schools reopen</h1>" + "<p>The ministry said schools reopen on Monday across the "
    "country after the long holiday, with new rules for classes.</p>"
    * 5
    + "</article></body></html>"
)


def mutate(data: bytes, cuts: list[int], noise: bytes) -> bytes:
    out = data
    for c in cuts:
        c %= max(1, len(out))
        out = out[:c] + noise + out[c + len(noise) // 2 :]
    return out


@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=3000),
        st.builds(
            mutate,
            st.just(SEED.encode()),
            st.lists(st.integers(0, 10**6), max_size=5),
            st.binary(max_size=200),
        ),
        st.builds(lambda n: "<div>" * n + "text " * 50 + "</div>" * (n // 2), st.integers(0, 3000)),
        st.builds(lambda n: f"<p title='{'x' * n}'>" + "words here " * 60, st.integers(0, 200_000)),
        st.builds(
            lambda enc: SEED.replace("Schools", "Школы").encode(enc, "replace"),
            st.sampled_from(["windows-1251", "latin-1", "gb2312", "utf-16"]),
        ),
    )
)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_clean_html_never_crashes(doc: bytes | str) -> None:
    start = time.perf_counter()
    try:
        art = clean_html(doc)
    except PipelineError:
        pass
    else:
        assert isinstance(art, Article)
    assert time.perf_counter() - start < 5.0
