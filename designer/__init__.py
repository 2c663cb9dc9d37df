"""The pure core of the schema designer: no Django, no database, no clock.

Everything that can be computed from a schema document lives here (see
../README.md "Design"). A test enforces that nothing here imports Django,
``projects``, Celery, Redis or psycopg.
"""
