"""A practice's colours are checked in light and dark, and a refusal says what would pass."""

import pytest

from quietroom.theme import colours, palette


@pytest.mark.parametrize("style", list(palette.STYLES))
def test_each_styles_suggested_accent_passes_in_light_and_dark(style):
    chosen = palette.check(palette.STYLES[style].suggested_accent, style=style)
    assert not palette.failures(chosen)


@pytest.mark.parametrize("style", list(palette.STYLES))
def test_a_pale_yellow_is_refused_with_the_nearest_passing_shade(style):
    with pytest.raises(palette.Unreadable) as refused:
        palette.check("#f5e663", style=style)

    message = str(refused.value)
    assert "#f5e663" in message
    assert "light mode" in message
    assert "4.5:1" in message
    suggestion = refused.value.suggestion
    assert suggestion in message
    assert not palette.failures(palette.palette(suggestion, style=style))
    # Same hue, only darker.
    assert abs(colours.to_oklch(suggestion)[2] - colours.to_oklch("#f5e663")[2]) < 5
    assert colours.to_oklch(suggestion)[0] < colours.to_oklch("#f5e663")[0]


def test_the_suggestion_is_the_nearest_shade_that_passes():
    suggestion = palette.nearest_passing("#777777")
    nearer = []
    for shade in colours.lightness_steps("#777777"):
        if shade == suggestion:
            break
        nearer.append(shade)
    assert not palette.failures(palette.palette(suggestion))
    assert nearer, "#777777 fails on the calm background, so some nearer shades were tried"
    assert all(palette.failures(palette.palette(shade)) for shade in nearer)


def test_every_pair_is_checked_in_dark_mode_too():
    chosen = palette.palette("#2f6656")
    too_dark = palette.Palette(
        chosen.light, palette.Scheme("#2f6656", chosen.dark.surface, chosen.dark.neutrals)
    )
    failed = palette.failures(too_dark)

    assert failed
    assert {scheme for scheme, *_ in failed} == {"dark"}
    assert {"links", "button labels", "focus rings"} <= {what for _, what, *_ in failed}


def test_the_dark_variant_keeps_the_hue_and_reads_on_the_dark_background():
    for style in palette.STYLES.values():
        dark = palette.dark_accent(style.suggested_accent)
        assert colours.contrast(dark, style.dark.background) >= palette.TEXT
        hue = colours.to_oklch(style.suggested_accent)[2]
        assert abs(colours.to_oklch(dark)[2] - hue) < 8


def test_a_second_colour_only_tints_the_quiet_surfaces():
    plain, tinted = palette.palette("#2f6656"), palette.palette("#2f6656", "#9a4a2c")
    assert plain.light.accent == tinted.light.accent
    assert plain.light.surface != tinted.light.surface
    for scheme in (tinted.light, tinted.dark):
        assert colours.contrast(scheme.neutrals.text, scheme.surface) >= palette.TEXT


def test_a_style_that_does_not_exist_is_refused():
    with pytest.raises(palette.Unreadable, match="calm, warm, clear"):
        palette.check("#2f6656", style="loud")


def test_a_colour_that_is_not_hex_is_refused_by_the_check():
    with pytest.raises(palette.Unreadable, match="six hex digits"):
        palette.check("teal")


def test_the_neutrals_of_every_style_read_on_their_backgrounds():
    for style in palette.STYLES.values():
        for neutrals in (style.light, style.dark):
            assert colours.contrast(neutrals.text, neutrals.background) >= 7
            assert colours.contrast(neutrals.muted, neutrals.background) >= palette.TEXT
