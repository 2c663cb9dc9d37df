"""Login is limited per account and per address; sign-up per address."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from projects import ratelimits

pytestmark = pytest.mark.ratelimit


@pytest.fixture(autouse=True)
def _clean_counters():
    cache.clear()


def login(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_after_ten_wrong_passwords_even_the_right_one_is_refused(client, owner, member):
    for _ in range(10):
        assert login(client, "alice", "wrong").status_code == 200
    assert login(client, "alice", "wrong").status_code == 200  # the 11th is still checked, then counted
    response = login(client, "alice", "pw-alice-123")
    assert response.status_code == 429 and "Too many attempts" in response.content.decode()
    # another account from another address is not affected
    assert login(client, "bob", "pw-bob-123", address="10.0.0.2").status_code == 302


def test_one_address_trying_many_accounts_is_limited(client, owner):
    for n in range(31):
        login(client, f"user{n}", "wrong", address="10.0.0.9")
    assert login(client, "alice", "pw-alice-123", address="10.0.0.9").status_code == 429
    assert login(client, "alice", "pw-alice-123", address="10.0.0.8").status_code == 302


def test_successful_logins_do_not_count(client, owner):
    for _ in range(15):
        assert login(client, "alice", "pw-alice-123").status_code == 302
        client.logout()


def test_signup_is_limited_per_address(client, db):
    for n in range(5):
        data = {"username": f"new{n}", "password1": "a-long-pass-942", "password2": "a-long-pass-942"}
        assert client.post(reverse("signup"), data, REMOTE_ADDR="10.1.1.1").status_code == 302
        client.logout()
    data = {"username": "new9", "password1": "a-long-pass-942", "password2": "a-long-pass-942"}
    assert client.post(reverse("signup"), data, REMOTE_ADDR="10.1.1.1").status_code == 429


def test_all_numeric_passwords_are_refused(client, db):
    data = {"username": "digits", "password1": "84736291047", "password2": "84736291047"}
    response = client.post(reverse("signup"), data)
    assert response.status_code == 422 and "entirely numeric" in response.content.decode()


def test_a_cache_outage_skips_the_limits_instead_of_failing(client, owner, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(ratelimits, "is_ratelimited", down)
    assert login(client, "alice", "pw-alice-123").status_code == 302
