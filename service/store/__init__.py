"""Storage: the engine, the tables, the stores that write articles and actors,
the actor catalogue files, Alembic migrations and first-run set-up."""
