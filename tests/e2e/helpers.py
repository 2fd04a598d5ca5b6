"""Small readers of what the workflows' pages show, shared by the end-to-end tests."""


def message(page):
    """The confirmation the page shows after an action (the status message, not an alert)."""
    return page.get_by_role("status").get_by_role("listitem").inner_text()


def submit_without_csrf_cookie(page, button):
    """Send the page's form as a browser that lost its CSRF cookie; return the answer's status."""
    page.context.clear_cookies(name="csrftoken")
    page.context.guard.allowed_statuses.add(403)
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name=button).click()
    return answer.value.status
