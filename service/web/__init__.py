"""The web layer around the API: the app factory, API keys, rate limits,
idempotency, response caches and ETags, problem+json errors, the WSGI and
gunicorn entry points."""
