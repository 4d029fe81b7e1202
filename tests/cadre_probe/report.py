"""A section the mission report finds by itself (tests/reports): proof that an app's
report.py is discovered once the app is installed."""


def report_sections(mission, start, end):
    return [
        {
            "key": "probe",
            "order": 45,
            "title": "Probe section",
            "paragraphs": ["The probe counted {f:probe-count} things."],
            "figures": [
                {
                    "key": "probe-count",
                    "label": "Probe things",
                    "value": 7,
                    "source": {"kind": "records", "label": "Probe records", "url": "/probe/"},
                }
            ],
            "tables": [],
            "charts": [],
            "disagreements": [],
        }
    ]
