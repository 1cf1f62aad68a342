"""The course: every lecture is a package of its own here (`dlcore/lectures/<key>/`), found by walking this folder.

A lecture's `lecture.py` declares `LECTURE`: its number, icon, part of the course and place in it, its step on a
student's path, its prepared demos and how its preview picture is made.  Its key names everything about it: its
folder, its page (`pages/<key>.py`, so its address `/<key>`), its texts (`<key>.…`, its title `lecture.<key>`) and
its preview (`static/previews/<key>.png`).  The menu, the home page, the previews and the tests' lists of pages are
derived from these declarations; a package without `lecture.py` is a family that lectures share (`classifiers`).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path

from dlcore.engine.runs import Run
from dlcore.engine.settings import DEFAULT_SEED, Setting
from dlcore.engine.spec import RunSpec

APP_ROOT = Path(__file__).resolve().parents[2]
PARTS = ["basics", "pytorch", "cnn", "rnn"]
"""The parts of the course, in order (text keys app.group.<part>)."""
PREVIEW_SIZE = (360, 250)
"""Width and height of a preview picture, in pixels."""


@dataclass(frozen=True)
class Demo:
    """A prepared demo: the lecture's page opened by a link with these settings, training at once (text keys
    app.demo.<key> and app.demo.<key>.help say what it shows with the default seed)."""

    key: str
    settings: dict
    lecture: str = ""  # set by the registry

    @property
    def page(self) -> str:
        return f"pages/{self.lecture}.py"

    @property
    def query(self) -> dict:
        return {**self.settings, "autorun": "1"}


@dataclass(frozen=True)
class Preview:
    """How scripts/previews.py photographs the lecture's live chart for its card on the home page."""

    query: str = ""
    """Link settings that keep the run short (present=1: the projector view's thicker lines, for line charts)."""
    charts: tuple[str, ...] = ()
    """The charts to photograph, stacked: a text key of the chart's title (its words before any placeholder), or
    words of the title itself."""
    top: bool = False
    """Keep the top of a tall picture at the full width, rather than the whole picture made smaller."""
    train: int | None = None
    """Click the page's n-th Train button instead of starting its first run by the link (0 is the first)."""
    digit: int | None = None
    """Draw this digit on the page's canvas with the mouse once its model has trained (Draw a digit)."""


@dataclass(frozen=True)
class Lecture:
    """A lecture's place in the course."""

    number: str  # the course's lecture number(s), as shown: "2–3"
    icon: str
    part: str  # one of PARTS
    order: int  # its place in the course (the menu's and the home page's order)
    preview: Preview = Preview()
    path_step: int | None = None  # its step on a student's path through the course (text key app.path.<key>)
    demos: tuple[Demo, ...] = ()
    variant: Setting | None = None  # the setting that chooses a variant (a lecture with variants: its model, ...)
    key: str = field(default="", compare=False)  # its package's name, set by the registry

    @property
    def page(self) -> str:
        """Its page, from the app root."""
        return f"pages/{self.key}.py"

    @property
    def built(self) -> bool:
        return (APP_ROOT / self.page).exists()

    def preview_file(self, lang: str = "en") -> Path:
        """The picture of the page's live chart in that language (made by scripts/previews.py)."""
        return APP_ROOT / "static" / "previews" / (f"{self.key}.png" if lang == "en" else f"{self.key}.{lang}.png")


def _declared(key: str) -> Lecture:
    declared = import_module(f"{__name__}.{key}.lecture").LECTURE
    demos = tuple(Demo(demo.key, demo.settings, key) for demo in declared.demos)
    return Lecture(**{**declared.__dict__, "key": key, "demos": demos})


@cache
def lectures() -> tuple[Lecture, ...]:
    """Every lecture of the course, in its order."""
    folder = Path(__file__).resolve().parent
    found = [_declared(package.name) for package in folder.iterdir() if (package / "lecture.py").exists()]
    return tuple(sorted(found, key=lambda lecture: lecture.order))


def lecture(key: str) -> Lecture:
    return next(found for found in lectures() if found.key == key)


def demos() -> list[Demo]:
    """The lecturer's prepared demos, lecture by lecture."""
    return [demo for found in lectures() for demo in found.demos]


def student_path() -> list[Lecture]:
    """A student's path through the course, one lecture after another."""
    return sorted((found for found in lectures() if found.path_step is not None), key=lambda found: found.path_step)


def default_specs(seed: int = DEFAULT_SEED, device: str = "cpu") -> list[RunSpec]:
    """The first run of every lecture that builds its runs from a spec alone, and of each of its variants, with
    their declared defaults (`SETTINGS`: a lecture's settings, or its variants' by name)."""
    specs = []
    for found in lectures():
        module = import_module(f"{__name__}.{found.key}.lecture")
        declared = getattr(module, "SETTINGS", None)
        if declared is None or not hasattr(module, "build"):
            continue
        for variant, settings in (declared if isinstance(declared, dict) else {None: declared}).items():
            specs.append(RunSpec(found.key, variant, settings.defaults().for_run(), seed, device))
    return specs


def _settings_of(lecture_key: str, variant: str | None):
    declared = import_module(f"{__name__}.{lecture_key}.lecture").SETTINGS
    if isinstance(declared, dict):
        if variant not in declared:
            raise ValueError(f"{lecture_key} has no variant {variant!r}")
        return declared[variant]
    return declared


def spec_query(spec: RunSpec) -> dict[str, str]:
    """The spec as a link's query ("?model=d2l_mlp&lr=0.1&seed=7&device=cpu"): what the page's widgets and sidebar
    take from a link, each value written as its setting writes it."""
    settings = _settings_of(spec.lecture, spec.variant)
    variant = {lecture(spec.lecture).variant.name: spec.variant} if spec.variant is not None else {}
    return {**variant, **{name: settings[name].text(value) for name, value in spec.values.items()},
            "seed": str(spec.seed), "device": spec.device}


def spec_from_query(lecture_key: str, query: Mapping[str, str]) -> RunSpec:
    """The spec a link's query makes (spec_query read back): its variant (the setting's default when the link has
    none), then each of the variant's settings from the link or its default; ValueError for a value none of a
    setting's."""
    chooser = lecture(lecture_key).variant
    variant = None if chooser is None else query.get(chooser.name, chooser.default)
    settings = _settings_of(lecture_key, variant)
    values = {setting.name: setting.parse(query[setting.name]) if setting.name in query else setting.default
              for setting in settings if not setting.view}
    return RunSpec(lecture_key, variant, values, int(query.get("seed", DEFAULT_SEED)), query.get("device", "cpu"))


def own_build(spec: RunSpec):
    """The build(spec) of the spec's lecture (a page that passes it builds its runs from the spec alone)."""
    return getattr(import_module(f"{__name__}.{spec.lecture}.lecture"), "build", None)


def build(spec: RunSpec) -> Run | None:
    """The run of a spec, made by its lecture's own build(spec) — no page, no session — with the spec recorded."""
    run = own_build(spec)(spec)
    if run is not None:
        run.spec = spec
    return run
