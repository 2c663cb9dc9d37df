"""Login is throttled per account and address and slowed per account, never locked; sign-up per address."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from projects import ratelimits

pytestmark = pytest.mark.ratelimit


@pytest.fixture(autouse=True)
def _clean_counters():
    cache.clear()


def login(client, username, password, address="10.0.0.1", **headers):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def refused(response) -> bool:
    return response.status_code == 429 and "Too many attempts" in response.content.decode()


def test_the_tenth_wrong_password_from_an_address_is_the_last_one_checked(client, owner):
    for _ in range(ratelimits_limit(ratelimits.LOGIN_PER_ACCOUNT_ADDRESS) - 1):
        assert login(client, "alice", "wrong").status_code == 200
    # The 10th: checked (a right password would still log in), then counted.
    assert login(client, "alice", "wrong").status_code == 200
    assert refused(login(client, "alice", "pw-alice-123"))  # an 11th is not checked at all
    assert refused(login(client, "ALICE ", "wrong"))  # the same account however it is typed


def test_nine_wrong_passwords_then_the_right_one_logs_in(client, owner):
    for _ in range(9):
        login(client, "alice", "wrong")
    assert login(client, "alice", "pw-alice-123").status_code == 302


def test_an_account_attacked_from_one_address_is_open_to_its_owner_elsewhere(client, owner):
    for _ in range(30):
        login(client, "alice", "wrong", address="10.0.0.66")
    assert refused(login(client, "alice", "pw-alice-123", address="10.0.0.66"))
    assert login(client, "alice", "pw-alice-123", address="10.0.0.7").status_code == 302


def test_thirty_wrong_passwords_from_an_address_do_not_stop_another_user_there(client, owner, member):
    # Behind a proxy or a NAT everyone shares the address: one attacker must not lock them out.
    for n in range(30):
        login(client, "alice" if n % 2 else f"user{n}", "wrong", address="10.0.0.9")
    assert login(client, "bob", "pw-bob-123", address="10.0.0.9").status_code == 302


def test_an_account_under_attack_from_many_addresses_is_slowed_not_locked(client, owner):
    limit = ratelimits_limit(ratelimits.LOGIN_PER_ACCOUNT)
    for n in range(limit):  # a botnet: at most 5 guesses from each address
        assert login(client, "alice", "wrong", address=f"10.2.{n // 5}.{n % 5}").status_code == 200
    # Slowed: one attempt per address per minute, and a right password still logs in.
    assert login(client, "alice", "wrong", address="10.3.0.1").status_code == 200
    assert refused(login(client, "alice", "pw-alice-123", address="10.3.0.1"))  # the second within the minute
    assert login(client, "alice", "pw-alice-123", address="10.3.0.2").status_code == 302


def test_the_proxy_header_is_used_only_from_a_trusted_proxy(client, owner, member, settings):
    forwarded = {"HTTP_X_FORWARDED_FOR": "10.9.9.9"}
    for _ in range(10):  # a client writing its own header: counted under its real address
        login(client, "alice", "wrong", address="10.0.0.5", **forwarded)
    assert refused(login(client, "alice", "pw-alice-123", address="10.0.0.5", HTTP_X_FORWARDED_FOR="10.8.8.8"))

    settings.TRUSTED_PROXIES = frozenset({"10.0.0.254"})
    for _ in range(10):  # through the proxy: counted under the client the proxy names
        login(client, "bob", "wrong", address="10.0.0.254", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.9.9.9")
    assert refused(login(client, "bob", "pw-bob-123", address="10.0.0.254", HTTP_X_FORWARDED_FOR="10.9.9.9"))
    # Another client behind the same proxy, even one claiming the attacker's address first in the chain:
    through = {"HTTP_X_FORWARDED_FOR": "10.9.9.9, 10.7.7.7"}
    assert login(client, "bob", "pw-bob-123", address="10.0.0.254", **through).status_code == 302


def test_client_address_falls_back_to_the_connection(rf, settings):
    settings.TRUSTED_PROXIES = frozenset({"10.0.0.254"})
    assert ratelimits.client_address(rf.get("/", REMOTE_ADDR="10.0.0.254", HTTP_X_FORWARDED_FOR="junk")) == "10.0.0.254"
    assert ratelimits.client_address(rf.get("/", REMOTE_ADDR="10.0.0.254")) == "10.0.0.254"
    v6 = rf.get("/", REMOTE_ADDR="2001:db8::1")
    assert ratelimits.client_address(v6) == "2001:db8::/64"


def ratelimits_limit(rate: str) -> int:
    return int(rate.split("/")[0])


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

    monkeypatch.setattr(ratelimits, "get_usage", down)
    assert login(client, "alice", "pw-alice-123").status_code == 302
