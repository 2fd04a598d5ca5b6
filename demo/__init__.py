"""Demo data for the Integrationsplan of Göppingen, loaded by `manage.py load_demo`.

Public institutions carry their real names; every person, every migrant organisation, company and
initiative is invented, and every address is an example address.
"""
