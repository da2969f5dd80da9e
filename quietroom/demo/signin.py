"""What the demo's owner needs to sign in, said once at the end and kept in a private file."""

import os
from dataclasses import dataclass
from pathlib import Path

from quietroom.demo.build import (
    ADMIN_USERNAME,
    admin_device,
    ensure_admin,
    ensure_admin_device,
    ensure_admin_recovery_codes,
)
from quietroom.security.twofactor.qr import qr_text
from quietroom.security.twofactor.views import secret_text

SHEET_NAME = "demo-admin.txt"


@dataclass(frozen=True)
class SignIn:
    """How to sign in to the demo's admin; `password` only on the run that created it."""

    site_url: str
    username: str
    password: str | None
    sheet: Path
    key: str = ""  # the authenticator key, on the run that created it
    enrolment: str = ""  # the QR code to scan and the key, on the run that created it
    new_codes: tuple[str, ...] = ()  # recovery codes made on this run

    def summary(self, program: str = ".venv/bin/quietroom") -> list[str]:
        """The lines printed last: short enough to read without scrolling back."""
        if self.password:
            shown = f"{self.password}   (shown only now: write it down)"
        else:
            shown = "the one printed the first time (unchanged)"
        if self.key:
            factor = [
                "  Second factor:   the code your authenticator app shows;",
                f"                   scan the QR code above, or type the key {self.key} into it",
            ]
        else:
            factor = ["  Second factor:   the code your authenticator app shows (key: see below)"]
        return [
            "",
            "Your demo practice is ready.",
            f"  Site:            {self.site_url}/",
            f"  Editor:          {self.site_url}/admin/",
            f"  User:            {self.username}",
            f"  Password:        {shown}",
            *factor,
            f"  Recovery codes:  {self.sheet}",
            "                   (with the key; each code works once, when the phone is away)",
            f"  Forgot the password?  {program} changepassword {self.username}",
            f"  Lost the phone?       {program} reset_two_factor {self.username}",
        ]


def write_sheet(path: Path, username: str, key: str, config_url: str, codes: list[str]) -> None:
    """Keep the authenticator key and the recovery codes in `path`, readable by its owner only."""
    lines = [
        f"Quietroom demo: signing in as “{username}”",
        "",
        "Authenticator app: add an account with this key (typed by hand)",
        f"  {key}",
        "or from this address:",
        f"  {config_url}",
        "",
        "Recovery codes: each works once, in place of the app's code.",
        *(f"  {code}" for code in codes),
        "",
    ]
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("\n".join(lines))
    path.chmod(0o600)


def admin_sign_in(data_dir: Path, site_url: str) -> SignIn:
    """Create what the demo admin lacks to sign in (user, authenticator key, recovery codes),
    write the key and any new codes to a private file, and say how to sign in."""
    password = ensure_admin()
    device = ensure_admin_device()
    codes = ensure_admin_recovery_codes() or []
    sheet = data_dir / "secrets" / SHEET_NAME
    key = enrolment = ""
    if device or codes:
        current = device or admin_device()
        key = secret_text(current)
        write_sheet(sheet, ADMIN_USERNAME, key, current.config_url, codes)
    if device:
        enrolment = f"{qr_text(device.config_url)}  key: {key}\n  {device.config_url}"
    return SignIn(site_url, ADMIN_USERNAME, password, sheet, key, enrolment, tuple(codes))
