"""The HTTP side of the client: JSON in and out, problem details turned into ApiError."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

TIMEOUT = 120


class ApiError(Exception):
    def __init__(self, status: int, detail: str, errors=(), body: dict | None = None):
        self.status, self.errors, self.body = status, list(errors), body or {}
        super().__init__(detail)


@dataclass(frozen=True)
class Client:
    url: str  # the server, e.g. https://designer.example.com
    token: str

    def get(self, path: str, **query):
        return self.call("GET", path, query=query)

    def post(self, path: str, body: dict | None = None):
        return self.call("POST", path, body=body or {})

    def put(self, path: str, body: dict):
        return self.call("PUT", path, body=body)

    def call(self, method: str, path: str, *, query=None, body=None, raw: bool = False):
        request = self._request(method, path, query=query, body=body)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (the URL the person gave)
                data = response.read()
        except urllib.error.HTTPError as error:
            raise _api_error(error) from None
        except urllib.error.URLError as error:
            raise ApiError(0, f"cannot reach {self.url}: {error.reason}") from None
        if raw:
            return data
        return json.loads(data) if data else None

    def download(self, path: str) -> bytes:
        return self.call("GET", path, raw=True)

    def _request(self, method: str, path: str, *, query, body) -> urllib.request.Request:
        url = self.url.rstrip("/") + "/api/v1" + path
        query = {k: v for k, v in (query or {}).items() if v is not None}
        if query:
            url += "?" + urllib.parse.urlencode(query)
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        return urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310


def _api_error(error: urllib.error.HTTPError) -> ApiError:
    raw = error.read()
    try:
        body = json.loads(raw)
    except ValueError:
        return ApiError(error.code, f"HTTP {error.code}: {raw[:200].decode(errors='replace')}")
    if not isinstance(body, dict):
        return ApiError(error.code, f"HTTP {error.code}")
    errors = [f"{e.get('path') or '-'}: {e.get('message')}" for e in body.get("errors") or []]
    return ApiError(error.code, body.get("detail") or f"HTTP {error.code}", errors, body)
