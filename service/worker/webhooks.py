"""Sending webhook deliveries: one signed POST per delivery row, retried with
backoff, its outcome written back (GET /webhooks/{id}/deliveries shows it).

The body is the event as JSON; `X-Stance-Signature: sha256=<hex>` is the
HMAC-SHA256 of the body with the webhook's secret, `X-Stance-Delivery` the
delivery id (a receiver can drop repeats), `X-Stance-Event` the event type.
A 2xx answer delivers it; anything else (or no answer within 10 s) is
retried MAX_ATTEMPTS times in all, 10 s x 2^(n-1) apart (at most 10 min).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request

from huey.exceptions import RetryTask

from service.store.orm import Webhook, WebhookDelivery, utcnow
from service.worker.job import worker_app

MAX_ATTEMPTS = 5
TIMEOUT_SECONDS = 10.0


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def deliver(delivery_id: int) -> None:
    """Send one delivery; raises RetryTask while attempts remain after a failure."""
    from service.store.db import db

    with worker_app().app_context():
        session = db.session
        delivery = session.get(WebhookDelivery, delivery_id)
        if delivery is None or delivery.status == "delivered":
            return
        hook = session.get(Webhook, delivery.webhook_id)
        if hook is None:
            return
        body = json.dumps(delivery.event, sort_keys=True).encode("utf-8")
        status, error = _post(hook.url, body, hook.secret, delivery.id, str(delivery.event.get("type", "")))
        delivery.attempts += 1
        delivery.response_status = status
        delivery.error = error
        if error is None:
            delivery.status, delivery.delivered_at = "delivered", utcnow()
        else:
            delivery.status = "retrying" if delivery.attempts < MAX_ATTEMPTS else "failed"
        attempts, retrying = delivery.attempts, delivery.status == "retrying"
        session.commit()
    if retrying:
        raise RetryTask(error, delay=min(600, 10 * 2 ** (attempts - 1)))


def _post(url: str, body: bytes, secret: str, delivery_id: int, event: str) -> tuple[int | None, str | None]:
    """(HTTP status or None, error or None)."""
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "stance-tracker-webhooks",
            "X-Stance-Event": event,
            "X-Stance-Delivery": str(delivery_id),
            "X-Stance-Signature": signature(secret, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, None
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        return None, f"{type(exc).__name__}: {exc}"
