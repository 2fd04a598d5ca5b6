"""The public overview: the plan, its progress per action field, the statuses, the latest
public report and the next public meetings (issue 14)."""

import re

from django.shortcuts import render

from measures.models import Plan
from measures.reports import charts
from public import data
from public.charts import progress_bars
from public.models import PublicText
from public.pages import public_page

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: an empty line starts a new one."""
    return [
        part.strip() for part in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if part.strip()
    ]


@public_page
def overview(request):
    plan = Plan.current()
    fields = data.field_rows(plan)
    chart = progress_bars(fields) if fields else None
    statuses = data.status_rows()
    return render(
        request,
        "public/overview.html",
        {
            "plan": plan,
            "introduction": paragraphs(PublicText.text(PublicText.Key.INTRODUCTION)),
            "fields": fields,
            "chart": chart,
            "chart_alt": charts.progress_alt(chart) if chart else "",
            "statuses": statuses,
            "total": sum(row["count"] for row in statuses),
            "report": data.latest_public_report(),
            "meetings": data.next_public_meetings(),
        },
    )
