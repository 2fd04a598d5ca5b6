"""The demo city's districts and the shape of its invented monitoring figures (issue 15).

The boundaries are INVENTED: cells of one coarse grid around Göppingen, given to the districts
roughly where the places lie. Neighbours take the same grid points, so they share their edges
and never overlap. The figures are invented too: a trend from 2016 to 2025 per indicator, a
district difference and a little noise.
"""

CITY = ("08117019", "Göppingen")
BOUNDARY_NOTE = "Vereinfachte, erfundene Grenze – nur für die Vorführung"
SOURCE_REFERENCE = "Erfundene Demodaten"
YEARS = range(2016, 2026)

# Grid lines: longitudes west to east, latitudes south to north (WGS 84).
LONGITUDES = [9.590, 9.625, 9.640, 9.670, 9.690, 9.705, 9.730]
LATITUDES = [48.665, 48.690, 48.715, 48.735, 48.750, 48.770]

# name, number, cells (column, row) counted from the south-west, residents in 2016, and how
# much the district's figures differ from the city's (the core town +1, the villages below 0).
DISTRICTS = [
    ("Kernstadt", 1, [(2, 1), (3, 1)], 36800, 1.0),
    ("Bartenbach", 2, [(2, 2), (3, 2), (4, 2)], 2100, -0.5),
    ("Bezgenriet", 3, [(0, 0), (1, 0)], 2000, -0.3),
    ("Faurndau", 4, [(0, 1), (1, 1), (0, 2), (1, 2)], 6600, 0.4),
    ("Hohenstaufen", 5, [(5, 2), (4, 3), (5, 3)], 2150, -0.8),
    ("Holzheim", 6, [(4, 0), (5, 0), (4, 1), (5, 1)], 4700, 0.0),
    ("Jebenhausen", 7, [(2, 0), (3, 0)], 4100, -0.4),
    ("Maitis", 8, [(3, 3), (3, 4), (4, 4)], 520, -0.9),
]

# Share of residents with a migration background in 2016 at profile 0, and its yearly rise.
MIGRATION_SHARE = (33.0, 0.7)
MIGRATION_SPREAD = 14.0  # percentage points per unit of the district profile
POPULATION_GROWTH = 0.004  # per year

MIGRATION_GROUPS = ("mit Migrationshintergrund", "ohne Migrationshintergrund")
NATIONALITY_GROUPS = ("deutsch", "nichtdeutsch")

# code -> (value 2016, value 2025, difference per unit of the district profile, noise).
# S1 and S2 follow from the population above; T1 has values in election years only.
FIGURES = {
    "S3": (16.5, 21.5, 7.0, 0.2),
    "R1": (1.8, 2.6, 0.0, 0.1),
    "R2": (55.0, 62.0, 0.0, 0.6),
    "K1": (17.0, 29.0, -4.0, 0.8),
    "K2": (24.0, 18.5, 7.0, 0.7),
    "B1": (38.0, 41.5, -8.0, 0.8),
    "B2": (7.5, 6.1, 0.0, 0.3),
    "A1": (56.0, 63.0, -4.0, 0.5),
    "A2": (5.8, 4.7, 1.6, 0.15),
    "A3": (8.6, 7.1, 3.0, 0.2),
    "W1": (42.0, 44.6, -4.5, 0.2),
    "G1": (86.0, 91.0, -3.0, 0.6),
    "T1": (39.0, 45.0, -6.0, 1.0),
    "T2": (34, 47, 0.0, 1.0),
    "D1": (14.0, 21.0, 0.0, 0.4),
    "D2": (40, 95, 0.0, 4.0),
}
ELECTION_YEARS = {"T1": (2019, 2024)}
# The pandemic's bump in unemployment and SGB II, in percentage points.
BUMPS = {"A2": {2020: 0.9, 2021: 0.5}, "A3": {2020: 0.4, 2021: 0.3}}
# Unemployment of non-Germans against the total, for A2's groups.
NATIONALITY_FACTOR = {"deutsch": 0.75, "nichtdeutsch": 2.1}

# Three indicators in the monitoring report, with a short reading.
IN_REPORT = {
    "S2": "Der Anteil der Menschen mit Migrationshintergrund wächst langsam. In der Kernstadt "
    "und in Faurndau ist er deutlich höher als in den Ortsteilen auf der Alb.",
    "K2": "Der Sprachförderbedarf bei der Einschulung geht zurück, seit die Kitas die "
    "alltagsintegrierte Sprachbildung ausgebaut haben; in der Kernstadt bleibt er hoch.",
    "A2": "Die Arbeitslosigkeit ist nach dem Anstieg in der Pandemie wieder gesunken. "
    "Ausländerinnen und Ausländer sind weiterhin mehr als doppelt so oft arbeitslos.",
}
# Indicators linked to measures (by code) and to action fields of the demo plan.
MEASURE_LINKS = {"K2": ["1.2", "1.4"], "A2": ["3.2", "3.5"]}
FIELD_LINKS = {"K2": ["1"], "K1": ["1", "2"], "B1": ["2"], "A1": ["3"], "A2": ["3"], "W1": ["4"]}
