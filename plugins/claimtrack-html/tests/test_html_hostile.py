"""A hostile page ends in an article or one clear error: deep JSON-LD, deep nesting,
unclosed comments and pages too big for the article extractor."""

from __future__ import annotations

import pytest
from claimtrack import LoadError

import claimtrack_html
from claimtrack_html import MAX_PAGE_CHARS, article_source

ARTICLE = "".join(
    f"<p>The council said it will reopen the depot by May, and paragraph {i} says more.</p>\n"
    for i in range(12)
)


def _page(body: str, head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Depot to reopen</title>{head}</head>"
        f"<body><article><h1>Depot to reopen</h1>{body}</article></body></html>"
    ).encode()


def test_deeply_nested_json_ld_does_not_drop_the_page() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    head = f'<script type="application/ld+json">{deep}</script>'
    source = article_source(_page(ARTICLE, head), "https://news.example/depot")
    assert "reopen the depot by May" in source.text


def test_a_date_deep_in_json_ld_is_still_found_when_reasonably_deep() -> None:
    nested = '{"a": ' * 10 + '{"datePublished": "2025-03-14T09:30:00+00:00"}' + "}" * 10
    head = f'<script type="application/ld+json">{nested}</script>'
    source = article_source(_page(ARTICLE, head), "https://news.example/depot")
    assert source.published_at is not None and source.published_at.isoformat().startswith(
        "2025-03-14T09:30"
    )


@pytest.mark.parametrize(
    "body",
    [
        ARTICLE + "<!-- a note that never closes " + ARTICLE,
        ARTICLE + "<b><i>" * 20_000 + "deep" + "</i></b>" * 20_000,
        ARTICLE + "<div>" * 20_000 + "<p>deep</p>",
    ],
    ids=["unclosed-comment", "deep-inline", "deep-blocks"],
)
def test_hostile_markup_ends_with_the_article_before_it(body: str) -> None:
    # Past an unclosed comment or the parser's depth limit nothing more is read, but
    # what came before is the article.
    source = article_source(_page(body), "https://news.example/depot")
    assert "reopen the depot by May" in source.text


def test_a_page_too_big_for_the_extractor_is_refused_naming_the_limit() -> None:
    filler = "<p>" + "word " * 200 + "</p>\n"
    body = filler * (MAX_PAGE_CHARS // 1000 + 10)
    with pytest.raises(LoadError, match=r"more than 1,000,000 characters of text"):
        article_source(_page(body), "https://news.example/huge")


def test_scripts_and_styles_do_not_count_towards_the_page_size() -> None:
    script = "<script>var x = '" + "y" * (MAX_PAGE_CHARS + 10) + "';</script>"
    source = article_source(_page(ARTICLE + script), "https://news.example/depot")
    assert "reopen the depot by May" in source.text


def test_too_many_elements_is_refused() -> None:
    body = ARTICLE + "<span></span>" * (claimtrack_html.MAX_PAGE_ELEMENTS + 1)
    with pytest.raises(LoadError, match="more than 50,000 elements"):
        article_source(_page(body), "https://news.example/many")


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["<p>The council will act by May.</p><!-- c -->\n", "<b>word "])
def test_two_megabytes_of_hostile_markup_end_in_an_answer(unit: str) -> None:
    body = unit * (2 * 1024 * 1024 // len(unit))
    try:
        source = article_source(_page(ARTICLE + body), "https://news.example/big")
    except LoadError as exc:
        assert "more than" in str(exc)
    else:
        assert "reopen the depot" in source.text
