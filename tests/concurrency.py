"""The shared scenario for concurrent-edit tests: two people open the same form, both save."""

import datetime

from django.utils import timezone


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


def assert_second_save_is_refused(client, url, field, first, second, current_value):
    """Both load `url`; the first save goes through, the second is refused and changes nothing."""
    loaded = form_data(client.get(url).context["form"])
    assert client.post(url, {**loaded, field: first}).status_code == 302
    assert current_value() == first
    response = client.post(url, {**loaded, field: second})
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Datensatz geändert" in response.content.decode()
    assert current_value() == first
    # Reloading the form shows the newer state, and saving from there works.
    reloaded = form_data(client.get(url).context["form"])
    assert client.post(url, {**reloaded, field: second}).status_code == 302
    assert current_value() == second
