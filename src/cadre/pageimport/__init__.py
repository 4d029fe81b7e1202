"""Timeline import: read a public page, propose its dated events, review them into the timeline.

The reader (`reader.py`) is plain Python; this app keeps what it proposes as a batch of
candidates for review (`models.py`) and turns accepted ones into timeline events citing
the page (`services.py`). It sits above missions and sources, whose records it writes.
"""
