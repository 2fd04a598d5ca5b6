"""The shared scenarios for concurrent-edit tests: two people open the same form, both save."""

import datetime
import os
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

# Races per kind of record; `RACE_ROUNDS=50 pytest -s -k parallel` for the figures.
RACE_ROUNDS = int(os.environ.get("RACE_ROUNDS", "5"))

# Two saves at the same moment need two connections to a server that runs them in parallel:
# PostgreSQL (CI runs the whole suite on it). SQLite serialises all writes of the file anyway.
parallel_database = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL, which CI provides"
)


def form_data(form):
    """What a browser would send back for an unchanged form."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif isinstance(value, datetime.datetime):
            local = value if timezone.is_naive(value) else timezone.localtime(value)
            data[name] = local.strftime("%Y-%m-%d %H:%M")
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data


def assert_second_save_is_refused(client, url, field, first, second, current_value, shown=None):
    """Both load `url`; the first save goes through, the second is refused and changes nothing.

    `shown`: how the two values read on the page, when not as entered (dates, say).
    """
    loaded = form_data(client.get(url).context["form"])
    assert client.post(url, {**loaded, field: first}).status_code == 302
    assert current_value() == first
    response = client.post(url, {**loaded, field: second})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jemand anderes hat diesen Datensatz geändert" in page
    # The refused editor sees the saved value beside their own entry.
    conflict = page[page.index('class="conflict"') : page.index("</section>")]
    assert all(str(value) in conflict for value in shown or (first, second))
    assert current_value() == first
    # Reloading the form shows the newer state, and saving from there works.
    reloaded = form_data(client.get(url).context["form"])
    assert client.post(url, {**reloaded, field: second}).status_code == 302
    assert current_value() == second


def save_at_the_same_moment(user, url, loaded, field, values):
    """Two browsers send `loaded` with field set to each of `values`, released together."""
    statuses = [None, None]
    start = threading.Barrier(2)

    def save(index):
        try:
            client = Client()
            client.force_login(user)
            start.wait()
            statuses[index] = client.post(url, {**loaded, field: values[index]}).status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(index,)) for index in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def assert_parallel_saves_never_both_win(user, url, field, value, current_value):
    """Two people who opened the form at the same version press save at the same moment,
    each on their own connection: exactly one save goes through, the other sees the conflict.

    `value`: a text that each race varies, or a function of the race giving both values.
    """
    lost = 0
    for race in range(RACE_ROUNDS):
        opener = Client()
        opener.force_login(user)
        loaded = form_data(opener.get(url).context["form"])
        values = value(race) if callable(value) else [f"{value} {race}a", f"{value} {race}b"]
        statuses = save_at_the_same_moment(user, url, loaded, field, values)
        lost += statuses == [302, 302]
        assert sorted(statuses, key=str) == [200, 302], statuses
        assert current_value() == values[statuses.index(302)]
    print(f"\n{url}: {RACE_ROUNDS} parallel races, {lost} lost writes")
