"""Generated pages: one module per page kind, each rendering its pages for one language.

Adding a page kind means one module here and one line in `registry.KINDS`. Templates are in
`templates/`. This file imports nothing, so that `curriculum check`, which needs only `paths`,
does not load every page kind (and their libraries: Jinja, icalendar).
"""
