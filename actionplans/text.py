"""User-written rich text: sanitized with nh3 before it is stored and again before it is shown."""

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "blockquote", "h3", "h4", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_BLOCK = re.compile(r"<(p|ul|ol|blockquote|h3|h4)\b", re.IGNORECASE)


def sanitize(value):
    if not value:
        return ""
    cleaned = nh3.clean(
        value, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel="noopener noreferrer nofollow"
    ).strip()
    if "<" not in value:
        # Plain text stays plain ("Jobs & skills", not "Jobs &amp; skills" in the edit box);
        # with no "<" it cannot carry markup, and render() escapes it for display.
        return html.unescape(cleaned)
    return cleaned


def render(value):
    """Sanitized HTML for display; plain text keeps its paragraphs and line breaks."""
    cleaned = sanitize(value)
    if not cleaned or _BLOCK.search(cleaned):
        return cleaned
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)


def plain(value):
    """The text of sanitized HTML, for comparisons and snapshots of what a reader sees."""
    return html.unescape(nh3.clean(value or "", tags=set())).strip()
