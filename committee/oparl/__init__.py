"""A read-only OParl 1.1 interface (https://oparl.org) to the committee's public data.

Only public data leaves through it: public meetings, their public items and those items'
documents, committees, members' names and memberships, terms. Never e-mail addresses,
non-public meetings or items, or their documents.
"""
