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
    data = {"username": "newbie", "password1": "a-long-pass-942", "password2": "a-long-pass-942",
            "next": "/invitations/abc/"}  # fmt: skip
    response = client.post(reverse("signup"), data)
    assert response.status_code == 302 and response["Location"] == "/invitations/abc/"


def test_signing_up_never_redirects_to_another_site(client, db):
    data = {"username": "newbie", "password1": "a-long-pass-942", "password2": "a-long-pass-942",
            "next": "https://evil.example/"}  # fmt: skip
    assert client.post(reverse("signup"), data)["Location"] == reverse("project_list")
