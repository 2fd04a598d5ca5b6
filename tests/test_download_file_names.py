"""Downloads name their file in a Content-Disposition header any mail or HTTP parser reads back."""

from email.message import EmailMessage

from django.urls import reverse


def parsed(header):
    message = EmailMessage()
    message["Content-Disposition"] = header
    return message


def test_a_quote_and_umlaut_in_the_measure_code_keep_the_sheets_file_name(
    client, koordination, measure
):
    measure.code = 'Ä"1;2'
    measure.title = "Sprachförderung für Mütter"
    measure.save()
    client.force_login(koordination)
    response = client.get(reverse("measures:sheet", args=[measure.pk]))
    assert response.status_code == 200
    header = parsed(response["Content-Disposition"])
    assert header.get_content_disposition() == "inline"
    assert header.get_filename() == 'massnahmenblatt-Ä"1;2.pdf'
