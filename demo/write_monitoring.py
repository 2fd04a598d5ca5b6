"""Writes the status report history, indicators and projects of the current plan's measures."""

import datetime
from decimal import Decimal

from measures.models import Indicator, IndicatorValue, Measure, Project, StatusReport

from .content import MEASURES, PENDING_DATE, REPORTING_DATES, STAFF_AUTHOR
from .content_monitoring import HISTORY_TEXTS, INDICATORS, OPEN_ROUND_ANSWERS, PROJECTS
from .helpers import bulk, day, link
from .write_network import first_contact_names

Status = Measure.Status


def load_reports(measures):
    """Create the reports of every measure from its spec; `measures` maps code to measure."""
    partners = first_contact_names()
    reports = []
    for index, spec in enumerate(MEASURES):
        partner = partners.get(spec["lead"], STAFF_AUTHOR)
        reports += report_history(measures[spec["code"]], spec, index, partner)
        reports += open_round_answer(measures[spec["code"]], spec, partner)
    return bulk(StatusReport, reports)


def open_round_answer(measure, spec, partner):
    """The answer to the open round that OPEN_ROUND_ANSWERS gives the measure, if any."""
    if spec["code"] not in OPEN_ROUND_ANSWERS:
        return []
    review_state, progress, text, next_steps, obstacles = OPEN_ROUND_ANSWERS[spec["code"]]
    return [
        StatusReport(
            measure=measure,
            reporting_date=day(PENDING_DATE),
            status=spec["status"],
            progress=spec["progress"] if progress is None else progress,
            text=text,
            next_steps=next_steps,
            obstacles=obstacles,
            author_name=partner,
            review_state=review_state,
        )
    ]


def report_history(measure, spec, index, partner):
    """Accepted reports that end in the measure's current state, then any pending one."""
    span = spec.get("reports", (0, len(REPORTING_DATES) - 1))
    if span is None:
        return []
    first, last = span
    # Spread the dates a little so that not every report of a round falls on the same day.
    offset = datetime.timedelta(days=index % 5)
    dates = [day(iso) - offset for iso in REPORTING_DATES[first : last + 1]]
    steps = progression(spec["status"], spec["progress"], len(dates))
    reports = []
    for number, (date, (status, progress)) in enumerate(zip(dates, steps, strict=True)):
        if number == len(dates) - 1:
            text, next_steps, obstacles = spec["latest"]
        else:
            texts = HISTORY_TEXTS[status]
            text, next_steps, obstacles = texts[(index + number) % len(texts)]
        reports.append(
            StatusReport(
                measure=measure,
                reporting_date=date,
                status=status,
                progress=progress,
                text=text,
                next_steps=next_steps,
                obstacles=obstacles,
                # Partners answer the monitoring rounds; the office writes the reports between.
                author_name=partner if number % 2 == 0 else STAFF_AUTHOR,
                review_state=StatusReport.ReviewState.ACCEPTED,
            )
        )
    if "pending" in spec:
        review_state, status, progress, text, comment = spec["pending"]
        reports.append(
            StatusReport(
                measure=measure,
                # An answer to the open round: dated on its reporting date.
                reporting_date=day(PENDING_DATE),
                status=status,
                progress=progress,
                text=text,
                author_name=partner,
                review_state=review_state,
                review_comment=comment,
            )
        )
    return reports


def progression(status, progress, count):
    """(status, progress) of `count` reports ending in `status` and `progress`."""
    if status in (Status.PLANNED, Status.CONTINUOUS):
        return [(status, progress)] * count
    # Before its current state the measure was in progress, its progress rising towards it.
    ceiling = 95 if status == Status.DONE else progress
    steps = [
        (Status.IN_PROGRESS, max(5, 5 * round(ceiling * (step + 1) / count / 5)))
        for step in range(count - 1)
    ]
    if status == Status.DELAYED and len(steps) > 1:
        steps[-1] = (Status.DELAYED, progress)
    return [*steps, (status, progress)]


def load_indicators(measures):
    indicators = bulk(
        Indicator,
        [
            Indicator(
                measure=measures[code],
                title=title,
                unit=unit,
                baseline=Decimal(baseline),
                target=Decimal(target),
            )
            for code, title, unit, baseline, target, _values in INDICATORS
        ],
    )
    bulk(
        IndicatorValue,
        [
            IndicatorValue(indicator=indicator, date=day(date), value=Decimal(value), note=note)
            for indicator, spec in zip(indicators, INDICATORS, strict=True)
            for date, value, note in spec[5]
        ],
    )


def load_projects(measures, actors):
    projects = bulk(
        Project,
        [
            Project(
                title=spec["title"],
                description=spec["description"],
                start=day(spec["period"][0]),
                end=day(spec["period"][1]),
                funding=spec["funding"],
                status=spec["status"],
            )
            for spec in PROJECTS
        ],
    )
    pairs = list(zip(projects, PROJECTS, strict=True))
    link(
        Project._meta.get_field("measures"),
        [(project.pk, measures[code].pk) for project, spec in pairs for code in spec["measures"]],
    )
    link(
        Project._meta.get_field("partner_actors"),
        [(project.pk, actors[name].pk) for project, spec in pairs for name in spec["actors"]],
    )
