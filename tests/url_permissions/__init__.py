"""The permission table, one module per area so that each area's URLs stay beside each other.

Each module has TABLE: URL name -> (kwargs builder or None, expected status per role). A builder
receives the shared objects (measure, actor, meeting, …) and may create more of its own.
"""

ROLES = ("anonymous", "no_role", "lesezugriff", "sachbearbeitung", "koordination")

READ = {
    "anonymous": 302,
    "no_role": 403,
    "lesezugriff": 200,
    "sachbearbeitung": 200,
    "koordination": 200,
}
WRITE = {**READ, "lesezugriff": 403}
COORDINATION = {**WRITE, "sachbearbeitung": 403}
PUBLIC = dict.fromkeys(ROLES, 200)
