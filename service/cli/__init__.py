"""The `stance-tracker` command line: serve, worker, init and migrations,
actor import, evaluation, training, API keys, export and restore."""
