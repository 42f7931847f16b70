"""Read models behind the time views, comparisons and networks: how stored
records become history buckets, changes, actor networks and JSON payloads."""
