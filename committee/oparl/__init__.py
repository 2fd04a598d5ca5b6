"""A read-only OParl 1.1 interface (https://oparl.org) to the committee's public data.

Only public data leaves through it: public meetings, their public items and those items'
documents, the public editions of invitations and minutes, committees and the councillors'
factions, members' names and memberships, places, terms. Never e-mail addresses, non-public
meetings or items, or their documents; attendance only when OPARL_PUBLISH_ATTENDANCE is on.

Modules: views and files (endpoints), paging (JSON, errors, pages), serializers, tracking and
signals (tombstones, `modified` of parents, derived places and factions), archive (the public
invitation).
"""
