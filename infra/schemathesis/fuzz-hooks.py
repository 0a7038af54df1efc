"""Schemathesis hooks of Linju's OpenAPI fuzz run (loaded with SCHEMATHESIS_HOOKS).

Requests under LINJU_FUZZ_SIGN_PREFIX are signed the way a pinned peer node signs them, by the
run's signer (LINJU_FUZZ_SIGNER, on loopback): the key and the RFC 9421 code stay in TypeScript,
written once. One request in four is left unsigned, so both walls are fuzzed: the signature
check and, behind it, the message validation. Every answer is appended to LINJU_FUZZ_LOG as one
JSON line, for the run's own assertions. Bodies sent keep the one rule of the exchange that
JSON Schema cannot state (see before_call).
"""

import hashlib
import json
import os
import urllib.request
from urllib.parse import urlsplit

import requests
import schemathesis

SIGNER = os.environ["LINJU_FUZZ_SIGNER"]
SIGN_PREFIX = os.environ["LINJU_FUZZ_SIGN_PREFIX"]
LOG = os.environ["LINJU_FUZZ_LOG"]


def _bytes(body):
    if body is None:
        return b""
    return body.encode() if isinstance(body, str) else body


class PeerSignature(requests.auth.AuthBase):
    """Signs the prepared request: its final URL, headers and body bytes."""

    def __call__(self, request):
        body = _bytes(request.body)
        # Deterministic (no process-salted hash), so a seeded run repeats itself.
        if hashlib.sha256(request.method.encode() + request.url.encode() + body).digest()[0] < 64:
            return request
        ask = {
            "method": request.method,
            "url": request.url,
            "headers": dict(request.headers),
            "body": body.decode("latin-1"),
        }
        asked = urllib.request.Request(
            SIGNER, data=json.dumps(ask).encode(), headers={"content-type": "application/json"}
        )
        with urllib.request.urlopen(asked) as answer:
            request.headers.update(json.load(answer))
        return request


def _attachment_urls_name_their_hash(value):
    """An attachment's url ends with /attachments/<its sha256>: a rule across two fields, which the
    document states in words only (JSON Schema cannot compare fields)."""
    if isinstance(value, dict):
        if isinstance(value.get("sha256"), str) and isinstance(value.get("url"), str):
            value["url"] = "/federation/v1/referrals/fuzz/attachments/" + value["sha256"]
        for item in value.values():
            _attachment_urls_name_their_hash(item)
    elif isinstance(value, list):
        for item in value:
            _attachment_urls_name_their_hash(item)
    return value


@schemathesis.hook
def before_call(context, case, kwargs):
    # Here, not in map_body: every phase's cases pass this way (the coverage phase's skip map_body),
    # and schemathesis re-validates what an edit here changed. Invalid cases keep their mismatches.
    if case.meta is not None and case.meta.generation.mode.is_positive:
        _attachment_urls_name_their_hash(case.body)
    if case.operation.path.startswith(SIGN_PREFIX):
        kwargs["auth"] = PeerSignature()


@schemathesis.hook
def after_call(context, case, response):
    sent = response.request
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(
            json.dumps(
                {
                    "method": sent.method,
                    "path": urlsplit(sent.url).path,
                    "signature": sent.headers.get("Signature"),
                    "status": response.status_code,
                    "contentType": (response.headers.get("content-type") or [None])[0],
                    "allow": (response.headers.get("allow") or [None])[0],
                }
            )
            + "\n"
        )
