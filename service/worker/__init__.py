"""The analysis worker: the huey queue and tasks, the job that claims,
analyses and stores an article, its heartbeat, and the loaded runtime."""
