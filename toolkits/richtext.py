"""Rich text of good practices: a small set of HTML tags, everything else removed.

Script and style elements are removed with their content; links keep only http(s) and
mailto addresses and open with rel="noopener noreferrer"."""

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def clean_html(value):
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        clean_content_tags={"script", "style"},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def html_to_text(value):
    """The words of sanitised HTML, for the search index, snippets and the SQLite fallback."""
    # Tags become spaces so that words of adjacent blocks do not run together.
    text = re.sub(r"<[^>]*>", " ", clean_html(value))
    return " ".join(html.unescape(text).split())
