from django.contrib.auth import get_user_model
from django.urls import reverse


def test_signup_logs_in_and_lands_on_my_projects(client, db):
    response = client.post(
        reverse("signup"), {"username": "dana", "password1": "a-long-pass-942", "password2": "a-long-pass-942"}
    )
    assert response.status_code == 302 and response.url == reverse("project_list")
    assert get_user_model().objects.filter(username="dana").exists()
    assert client.get(reverse("project_list")).status_code == 200


def test_signup_with_mismatched_passwords_shows_the_error(client, db):
    response = client.post(reverse("signup"), {"username": "dana", "password1": "a-long-pass-942", "password2": "x"})
    assert response.status_code == 422
    assert "password fields didn" in response.content.decode()
    assert not get_user_model().objects.filter(username="dana").exists()


def test_login_and_logout(client, owner):
    response = client.post(reverse("login"), {"username": "alice", "password": "pw-alice-123"})
    assert response.status_code == 302
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("project_list")).status_code == 302  # back to the login page


def test_signing_up_from_an_invitation_link_comes_back_to_it(client, db):
    data = {
        "username": "newbie",
        "password1": "a-long-pass-942",
        "password2": "a-long-pass-942",
        "next": "/invitations/abc/",
    }
    response = client.post(reverse("signup"), data)
    assert response.status_code == 302 and response["Location"] == "/invitations/abc/"


def test_signing_up_never_redirects_to_another_site(client, db):
    data = {
        "username": "newbie",
        "password1": "a-long-pass-942",
        "password2": "a-long-pass-942",
        "next": "https://evil.example/",
    }
    assert client.post(reverse("signup"), data)["Location"] == reverse("project_list")


def test_user_names_that_look_like_an_existing_one_are_refused(client, owner):
    # The probe's case: a Cyrillic a (U+0430) in front of "lice" was accepted beside alice.
    for look_alike in ("\u0430lice", "ALICE", "\uff41\uff4c\uff49\uff43\uff45", "\u00e1lice", "a1ice", "\u03b1lice"):
        data = {"username": look_alike, "password1": "a-long-pass-942", "password2": "a-long-pass-942"}
        response = client.post(reverse("signup"), data)
        assert response.status_code == 422, look_alike
        assert "looks too much like an existing one" in response.content.decode() or "already exists" in (
            response.content.decode()
        )
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["alice"]
    data = {"username": "alicia", "password1": "a-long-pass-942", "password2": "a-long-pass-942"}
    assert client.post(reverse("signup"), data).status_code == 302  # a different name is fine
