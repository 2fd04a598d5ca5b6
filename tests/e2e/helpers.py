"""Small readers of what the workflows' pages show, shared by the end-to-end tests."""


def message(page):
    """The confirmation the page shows after an action (the status message, not an alert)."""
    return page.get_by_role("status").get_by_role("listitem").inner_text()
