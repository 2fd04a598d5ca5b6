"""What the network's list and record pages add to the shared views in core.views."""

from ..services import NetworkError, delete_record


class NetworkSection:
    """The network's section navigation around the page, and its domain error."""

    base_template = "network/base.html"
    domain_error = NetworkError

    def delete_record(self, record, user):
        delete_record(record, user)
