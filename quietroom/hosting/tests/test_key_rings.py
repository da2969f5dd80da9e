"""Per-practice inbox keys (issue 14.5): each practice seals its requests and subscribers'
addresses with a key ring of its own, rotated on its own; when it leaves, what it sealed can
no longer be read with anything the deployment holds, and no other practice's row changes."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from quietroom.hosting.provision import remove_practice
from quietroom.inbox import crypto, keyring
from quietroom.inbox.models import ConsultationRequest, SiteKeyRing
from quietroom.inbox.store import store_request
from quietroom.subscriptions import signup
from quietroom.subscriptions.models import Subscriber

DATA = {"name": "Ana", "message": "I have been sleeping badly since the move."}


@pytest.fixture
def sealed(practices, inbox_keys):
    """A request and a subscriber's address at each practice."""
    willow, birch = (Site.objects.get(hostname=h) for h in ("willow.example", "birch.example"))
    rows = {}
    for site in (willow, birch):
        rows[site.hostname] = (
            store_request({**DATA, "practice": site.hostname}, site),
            signup.subscribe(site, f"reader@{site.hostname}", "127.0.0.1"),
        )
    return willow, birch, rows


def tokens(site) -> list[str]:
    requests = ConsultationRequest.objects.filter(site=site).values_list("ciphertext", flat=True)
    addresses = Subscriber.objects.filter(site=site).values_list("address", flat=True)
    return sorted([*requests, *addresses])


def opens_with(token: str, keys: list[bytes]) -> bool:
    try:
        crypto.decrypt(token, keys=keys)
    except crypto.KeyMismatch:
        return False
    return True


def test_each_practice_seals_with_a_ring_of_its_own(sealed):
    willow, birch, rows = sealed
    request = rows["willow.example"][0]

    assert keyring.open_sealed(willow.pk, request.ciphertext)["practice"] == "willow.example"
    assert opens_with(request.ciphertext, keyring.keys_for(willow.pk))
    assert not opens_with(request.ciphertext, keyring.keys_for(birch.pk))
    assert not opens_with(request.ciphertext, crypto.load_keys())  # the deployment's alone
    assert keyring.keys_for(willow.pk) != keyring.keys_for(birch.pk)
    ring = SiteKeyRing.objects.get(site=willow).sealed_keys
    for key in keyring.keys_for(willow.pk):
        assert key.decode() not in ring  # the ring is stored sealed


def test_rotating_one_practice_rewrites_its_rows_and_nothing_of_the_other(sealed):
    willow, birch, _rows = sealed
    willow_before, birch_before = tokens(willow), tokens(birch)
    birch_ring = SiteKeyRing.objects.get(site=birch).sealed_keys
    old_keys = keyring.keys_for(willow.pk)

    call_command("rotate_inbox_key", "--site", "willow.example", "--drop-old", verbosity=0)

    willow_after = tokens(willow)
    assert set(willow_after).isdisjoint(willow_before)
    assert all(opens_with(token, keyring.keys_for(willow.pk)) for token in willow_after)
    assert not any(opens_with(token, old_keys) for token in willow_after)
    assert len(keyring.keys_for(willow.pk)) == 1
    assert tokens(birch) == birch_before
    assert SiteKeyRing.objects.get(site=birch).sealed_keys == birch_ring


def test_when_a_practice_leaves_what_it_sealed_can_no_longer_be_read(sealed):
    willow, birch, _rows = sealed
    willow_tokens, birch_before = tokens(willow), tokens(birch)

    remove_practice("willow.example")

    assert not SiteKeyRing.objects.filter(site_id=willow.pk).exists()
    everything_held = [
        crypto.load_keys(),
        *(keyring.unseal_ring(r) for r in SiteKeyRing.objects.all()),
    ]
    for token in willow_tokens:  # as a copy of the rows taken before would hold them
        assert not any(opens_with(token, keys) for keys in everything_held)
    assert tokens(birch) == birch_before
    assert all(keyring.open_sealed(birch.pk, token) for token in birch_before)


def test_what_was_sealed_before_rings_existed_opens_and_moves_into_the_ring(practices, inbox_keys):
    willow = Site.objects.get(hostname="willow.example")
    legacy = ConsultationRequest.objects.create(site=willow, ciphertext=crypto.encrypt(DATA))

    assert keyring.open_sealed(willow.pk, legacy.ciphertext) == DATA
    call_command("rotate_inbox_key", "--site", "willow.example", verbosity=0)

    legacy.refresh_from_db()
    assert not opens_with(legacy.ciphertext, crypto.load_keys())
    assert keyring.open_sealed(willow.pk, legacy.ciphertext) == DATA


def test_rotating_an_unknown_practice_says_so_and_changes_nothing(sealed):
    before = sorted(SiteKeyRing.objects.values_list("sealed_keys", flat=True))

    with pytest.raises(CommandError, match=r"No practice at cedar\.example"):
        call_command("rotate_inbox_key", "--site", "cedar.example", verbosity=0)

    assert sorted(SiteKeyRing.objects.values_list("sealed_keys", flat=True)) == before
