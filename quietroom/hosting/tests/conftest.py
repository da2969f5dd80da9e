import pytest
from django.contrib.auth import get_user_model

from quietroom.hosting.provision import add_practice


@pytest.fixture
def practices(db):
    """Two practices added as an operator would, each with its owner's account."""
    first = add_practice(
        "willow.example", "Willow Street Therapy", owner_email="ana@willow.example"
    )
    second = add_practice("birch.example", "Birch Lane Counselling", owner_email="bo@birch.example")
    return first, second


@pytest.fixture
def owner(practices):
    return get_user_model().objects.get(username="ana@willow.example")
