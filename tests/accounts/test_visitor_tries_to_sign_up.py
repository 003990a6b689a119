from accounts.models import User


def test_the_sign_up_page_says_sign_up_is_closed(client, db):
    response = client.get("/accounts/signup/")

    assert response.status_code == 200
    assert "Sign Up Closed" in response.content.decode()
    main = response.content.decode().split('id="main"')[1].split("</main>")[0]
    assert "<form" not in main


def test_posting_a_sign_up_creates_nobody(client, db):
    response = client.post(
        "/accounts/signup/",
        {"email": "self.made@anywhere.example", "password1": "Good-password-2017", "password2": "Good-password-2017"},
    )

    assert "Sign Up Closed" in response.content.decode()
    assert not User.objects.exists()
    assert "_auth_user_id" not in client.session
