"""{% cachedhtml "name" part … %}…{% endcachedhtml %}: the enclosed HTML from the cache.

An empty name (a variable the page leaves unset) renders the HTML without the cache.

The key holds the name, the parts (whatever the HTML depends on besides the data: the path,
the query, …), the language, the day and the data version (core.caching), so that every save
shows at once. Only for HTML that is the same for every user who sees it, without a CSRF token.
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString

from core.caching import cached_html

register = template.Library()


class CachedHtmlNode(template.Node):
    def __init__(self, nodelist: NodeList, name: FilterExpression, parts: list[FilterExpression]):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context: Context) -> SafeString:
        name = self.name.resolve(context)
        if not name:  # a page that does not cache this part (see templates/list_page.html)
            return self.nodelist.render(context)
        return cached_html(
            str(name),
            [part.resolve(context) for part in self.parts],
            lambda: self.nodelist.render(context),
        )


@register.tag
def cachedhtml(parser: Parser, token: Token) -> CachedHtmlNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and the parts of the key")
    nodelist = parser.parse(("endcachedhtml",))
    parser.delete_first_token()
    return CachedHtmlNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
