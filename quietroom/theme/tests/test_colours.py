"""The WCAG 2.2 contrast maths and OKLCH steps, against pairs whose ratios are known."""

import pytest

from quietroom.theme import colours


@pytest.mark.parametrize(
    ("fore", "back", "ratio"),
    [
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
        ("#777777", "#ffffff", 4.48),  # one step lighter fails
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
        ("#595959", "#ffffff", 7.0),
    ],
)
def test_contrast_ratios_match_the_known_values(fore, back, ratio):
    assert round(colours.contrast(fore, back), 2) == ratio
    assert colours.contrast(back, fore) == colours.contrast(fore, back)


def test_relative_luminance_runs_from_black_to_white():
    assert colours.luminance("#000") == 0
    assert colours.luminance("#fff") == pytest.approx(1)
    assert colours.luminance("#808080") == pytest.approx(0.2159, abs=1e-4)


@pytest.mark.parametrize("text", ["#2C6457", "2c6457", " #2c6457 "])
def test_hex_colours_are_read_in_any_case_with_or_without_the_hash(text):
    assert colours.parse(text) == "#2c6457"


def test_three_digit_colours_are_expanded():
    assert colours.parse("#abc") == "#aabbcc"


@pytest.mark.parametrize("text", ["", "red", "#12345", "#gggggg", "rgb(1,2,3)", "#1234567"])
def test_anything_but_a_hex_colour_is_refused_with_an_example(text):
    with pytest.raises(colours.NotAColour, match="#2c6457"):
        colours.parse(text)


@pytest.mark.parametrize("colour", ["#2c6457", "#ffffff", "#000000", "#f5e663", "#9a4a2c"])
def test_oklch_round_trips(colour):
    assert colours.from_oklch(colours.to_oklch(colour)) == colour


def test_oklch_lightness_of_white_and_black():
    assert colours.to_oklch("#ffffff")[0] == pytest.approx(1, abs=1e-4)
    assert colours.to_oklch("#000000")[0] == pytest.approx(0, abs=1e-4)


def test_a_colour_outside_srgb_keeps_its_lightness_and_loses_chroma():
    vivid = colours.from_oklch((0.8, 0.4, 30))  # no sRGB colour is this saturated
    lightness, chroma, _ = colours.to_oklch(vivid)
    assert lightness == pytest.approx(0.8, abs=0.01)
    assert chroma < 0.4


def test_lightness_steps_go_nearest_first_keeping_the_hue():
    start, _, hue = colours.to_oklch("#2c6457")
    steps = list(colours.lightness_steps("#2c6457"))[:6]
    distances = [abs(colours.to_oklch(step)[0] - start) for step in steps]
    # Darker and lighter by 0.005, 0.010, 0.015 (give or take 8-bit rounding).
    expected = [0.005, 0.005, 0.010, 0.010, 0.015, 0.015]
    assert distances == pytest.approx(expected, abs=0.003)
    assert all(abs(colours.to_oklch(step)[2] - hue) < 3 for step in steps)
