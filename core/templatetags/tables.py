"""The one wrapper for wide tables.

    {% tableregion "caption-id" %}<table>…</table>{% endtableregion %}
    {% tableregion "indicator" indicator.pk %}…  (id "indicator-7": the parts joined by "-")

A wide table scrolls sideways inside its own region instead of widening the page (WCAG 1.4.10).
The region can be focused, so keyboard users can scroll it too, and is named by the table's
caption (give the caption that id), not by the section's heading: two regions with the same
name would be ambiguous landmarks.
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


class TableRegionNode(template.Node):
    def __init__(self, nodelist: NodeList, id_parts: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.id_parts = id_parts

    def render(self, context: Context) -> SafeString:
        return format_html(
            '<div class="table-wrapper" role="region" aria-labelledby="{}" tabindex="0">{}</div>',
            "-".join(str(part.resolve(context)) for part in self.id_parts),
            self.nodelist.render(context),
        )


@register.tag
def tableregion(parser: Parser, token: Token) -> TableRegionNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the id of the table's caption")
    nodelist = parser.parse(("endtableregion",))
    parser.delete_first_token()
    return TableRegionNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])
