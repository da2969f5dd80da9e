"""Signing in to the admin in a real Chromium, through the real forms."""


def sign_in(page, origin: str, username: str, password: str, code=None) -> None:
    """Sign in as `username`; `code()` gives the authenticator's current code when asked."""
    page.goto(f"{origin}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    if code is not None:
        page.fill("#id_token", code())
        page.click("button[type=submit]")
    page.wait_for_url(f"{origin}/admin/")
