"""Inbox encryption: Fernet tokens, keys created privately, rotation that keeps old requests."""

import stat

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from quietroom.inbox import crypto, keyring, rotation
from quietroom.inbox.models import SiteKeyRing
from quietroom.inbox.store import store_request

DATA = {"name": "Ana", "message": "Need help with grief", "consent": True}


def test_a_token_decrypts_to_what_was_encrypted_and_shows_none_of_it(inbox_keys):
    token = crypto.encrypt(DATA)

    assert token.startswith("gAAAAA")
    assert "Ana" not in token
    assert "grief" not in token
    assert crypto.decrypt(token) == DATA


def test_the_first_key_is_created_private_to_its_owner(inbox_keys):
    crypto.load_keys()

    assert stat.S_IMODE(inbox_keys.stat().st_mode) == 0o600
    assert len(crypto.parse_keys(inbox_keys.read_text())) == 1


def test_without_a_key_and_without_permission_to_create_one_it_refuses(inbox_keys):
    with pytest.raises(ImproperlyConfigured, match="No inbox key"):
        crypto.load_keys(create=False)
    assert not inbox_keys.exists()


def test_a_token_from_another_key_is_a_key_mismatch(inbox_keys):
    foreign = crypto.encrypt(DATA, keys=[Fernet.generate_key()])

    with pytest.raises(crypto.KeyMismatch):
        crypto.decrypt(foreign)


def test_keys_from_the_environment_win_over_the_file(inbox_keys, monkeypatch):
    key = Fernet.generate_key()
    monkeypatch.setenv(crypto.ENV_KEYS, key.decode())

    assert crypto.load_keys() == [key]
    assert not inbox_keys.exists()


def test_an_invalid_key_is_refused_with_a_clear_message(inbox_keys, monkeypatch):
    monkeypatch.setenv(crypto.ENV_KEYS, "not-a-key")

    with pytest.raises(ImproperlyConfigured, match="not a valid Fernet key"):
        crypto.load_keys()


def test_requests_written_under_the_old_key_still_read_after_rotation(inbox_keys, home):
    site = home.get_site()
    old = store_request(DATA, site)
    old_key = crypto.load_keys()[0]

    rotation.rotate()

    new_key = crypto.load_keys()[0]
    assert new_key != old_key
    old.refresh_from_db()
    assert keyring.open_sealed(site.pk, old.ciphertext) == DATA
    # The practice's ring is sealed with the new deployment key now.
    ring = SiteKeyRing.objects.get(site=site)
    assert keyring.unseal_ring(ring, [new_key]) == keyring.keys_for(site.pk)


def test_after_dropping_old_keys_everything_still_reads_with_the_new_key(inbox_keys, home):
    site = home.get_site()
    first = store_request(DATA, site)
    original_ring = SiteKeyRing.objects.get(site=site).sealed_keys
    old_key = crypto.load_keys()[0]

    rotation.rotate(drop_old=True)

    assert crypto.load_keys() != [old_key]
    assert len(crypto.load_keys()) == 1
    first.refresh_from_db()
    assert keyring.open_sealed(site.pk, first.ciphertext) == DATA
    with pytest.raises(crypto.KeyMismatch):
        crypto.decrypt_with(crypto.cipher(), original_ring)


def test_rotation_rewrites_nothing_when_a_request_cannot_be_read(inbox_keys, home):
    site = home.get_site()
    readable = store_request(DATA, site)
    foreign = store_request(DATA, site)
    foreign.ciphertext = crypto.encrypt(DATA, keys=[Fernet.generate_key()])
    foreign.save()
    before = readable.ciphertext

    with pytest.raises(crypto.KeyMismatch):
        rotation.reencrypt_all()

    readable.refresh_from_db()
    assert readable.ciphertext == before


def test_processes_creating_the_first_key_at_once_all_use_the_same_one(inbox_keys):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=16) as pool:
        keys = list(pool.map(lambda _: tuple(crypto.load_keys()), range(64)))

    assert len(set(keys)) == 1
    assert stat.S_IMODE(inbox_keys.stat().st_mode) == 0o600
    assert [p.name for p in inbox_keys.parent.iterdir()] == ["inbox_keys"]
