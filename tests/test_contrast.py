"""Colours people can see (WCAG 2.1 AA): every line of the palette at 3:1 against both themes' backgrounds, text
drawn in colour at 4.5:1 on what it is drawn on, and the themes' primary colours under their buttons' text."""
import tomllib

from dlcore.engine import figures
from dlcore.lectures.classifiers import figures as image_figures
from dlcore.lectures import APP_ROOT

WHITE, DARK = "#ffffff", "#171614"  # the light and dark themes' backgrounds (Streamlit 1.67's defaults)


def luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    red, green, blue = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_is_wcag_s():
    assert round(contrast("#828180", WHITE), 2) == 3.89  # the caption grey axe-core reported
    assert round(contrast("#000000", WHITE), 1) == 21.0


def test_every_line_of_the_palette_stands_out_in_both_themes():
    for colour in figures.PALETTE + [figures.GREY]:
        assert contrast(colour, WHITE) >= 3 and contrast(colour, DARK) >= 3, colour


def test_the_image_grid_s_labels_are_readable_on_its_white():
    for colour in (image_figures.RIGHT_TEXT, image_figures.WRONG_TEXT):
        assert contrast(colour, WHITE) >= 4.5, colour


def test_the_themes_use_the_palette_and_primary_colours_with_readable_button_text():
    config = tomllib.loads((APP_ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    assert config["chartCategoricalColors"] == figures.PALETTE
    assert contrast(config["light"]["primaryColor"], WHITE) >= 4.5  # white text on the primary button
    assert contrast(config["dark"]["primaryColor"], WHITE) >= 4.5
