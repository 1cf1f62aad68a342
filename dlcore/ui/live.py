"""A page's live run: the controls (Train, Pause/Resume, Step, Stop, Train more, Reset, speed), the charts
redrawn from the run's record while a worker trains it, the replay slider, and earlier runs to compare.

    values = ui.settings(page, SETTINGS)
    run = ui.live_run(page, values, build, draw, code=[Model, supervised_step], pace=100)

build(spec) makes a fresh dlcore.engine.runs.Run from the run's spec (dlcore.engine.spec.RunSpec: the page's lecture
and variant, its settings' values, the sidebar's seed and device), or None when the page has said why it cannot (the
last run then stays): the lecture's own build (dlcore.lectures.build), or the page's where the run needs what only
the page holds (an uploaded file).  draw(frame) returns the page's
charts for a Frame of the run: {name: Plotly figure, or markdown text, or a DataFrame}.
The run trains in a worker thread (dlcore.engine.runs), or in a Ray actor when DL_CLASSROOM_RAY is set and the
page's build is its lecture's (dlcore.engine.executors), so every widget stays usable: a rerun of the page does not
touch it.  A fragment polls the run a few times a second while it trains.
"""
from __future__ import annotations

import inspect
import threading
import time
from typing import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import torch

from dlcore.engine import figures
from dlcore.engine.devices import race_devices
from dlcore.engine.runs import EarlierRun, Frame, Run, difference, remember, shown_value
from dlcore.engine.settings import Values
from dlcore.engine.spec import RunSpec
from dlcore.engine.tensorboard import TensorBoardLogger, logger_of, run_folder
from dlcore import lectures
from dlcore.ui import link
from dlcore.ui.a11y import ANNOUNCE_SECONDS, described_chart
from dlcore.ui.export import download_run
from dlcore.engine.training import Timing
from dlcore.ui.frame import Page, device_label, finish_page, ray_executor
from dlcore.ui.state import PageState, state
from dlcore.ui.widgets import kept

REDRAW_SECONDS = 0.25
"""The charts are redrawn at most four times a second while a run trains: the browser cannot show more."""
DRAWING_SHARE = 0.05
"""Slow charts (a page of feature maps) are redrawn less often, so that drawing takes about 5 % of the time
(drawing holds Python's lock, which a worker training a tiny model needs for every step)..."""
SLOWEST_REDRAW_SECONDS = 1.0
"""...but at least once a second..."""
SERVER_DRAWING_SHARE = 0.5
"""...unless the server draws many sessions' runs: then each is redrawn less often, so that all of them together
take about half of the server's time (the other half answers clicks and opens pages for newcomers)..."""
SLOWEST_SHARED_REDRAW_SECONDS = 5.0
"""...and at least every five seconds."""
WAITING_POLL_SECONDS = 1.0
"""A run waiting for a free core is looked at once a second at most (its place in line changes, its charts not)."""
ACT_SECONDS = 1.0
"""How long a Pause or Stop click waits for the worker to let go, so the page shows the paused or stopped run."""
SHORTCUTS = {"pause": "Space", "step": "Right"}
"""Keys that work the live run when no field has the focus: space pauses and resumes, → steps an epoch."""
SPEEDS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
"""Steps a second the speed control offers; 0 is as fast as possible."""

Draw = Callable[[Frame], dict]
Build = Callable[[RunSpec], "Run | None"]


def _script_context():
    """The running script's Streamlit context (its session, the fragments it reruns); None outside a script run."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    return get_script_run_ctx()


def _session_alive() -> Callable[[], bool]:
    """Whether the browser session that started a run is still there (always, outside a real server)."""
    from streamlit.runtime import Runtime

    context = _script_context()
    if context is None or not Runtime.exists():
        return lambda: True
    runtime, session = Runtime.instance(), context.session_id
    return lambda: runtime.is_active_session(session)


def _clicked(keys: PageState, action: str) -> Callable[[], None]:
    def remember_click():
        keys.action = action
    return remember_click


def _act(page: Page, keys: PageState, action: str, values: Values, build: Build, more: int) -> None:
    """Carry out a click; what went wrong is kept in session state and shown under the controls."""
    run = keys.run
    continues = run is not None and run.state in ("paused", "ready", "finished", "stopped")
    fresh = action == "train" or (action in ("step", "step_batch") and not continues)
    trains = action in ("train", "resume", "step", "step_batch", "more", "race")
    problems = values.problems(live_only=not fresh) if trains else []  # Pause, Stop and Reset always work
    keys.messages = [("error", key, vals) for key, vals in problems]
    if problems:
        return
    until = {"step": "epoch", "step_batch": "batch"}.get(action)
    if action == "reset":
        if run is not None:
            run.stop()
            run.join(ACT_SECONDS)
            run.release()
        del keys.run
        keys.earlier = []
    elif action == "race":
        _start_race(page, keys, values, build)
    elif fresh:
        _start_fresh(page, keys, values, build, until)
    elif action in ("pause", "stop") and run is not None:
        run.pause() if action == "pause" else run.stop()
        run.join(ACT_SECONDS)
    elif action in ("more", "step", "step_batch") and run is not None and run.state in ("finished", "stopped"):
        run.train_more(more if action == "more" else 1, until)
    elif action in ("resume", "step", "step_batch") and run is not None and run.state in ("paused", "ready"):
        run.start(until)


def _start_fresh(page: Page, keys: PageState, values: Values, build: Build, until: str | None) -> None:
    spec = page.spec(values)
    try:
        run = _built(spec, build)
    except Exception as error:  # a page's model or data could not be made: say so, keep the page and its run
        keys.messages = [("error", "train.failed", {"error": f"{type(error).__name__}: {error}"})]
        return
    if run is None:  # the page cannot build a run now, and says why itself
        return
    old = keys.run
    if old is not None:
        old.stop()
        old.join(ACT_SECONDS * 5)
        old.release()
    number = keys.count + 1
    keys.count = number
    keys.earlier = remember(keys.earlier, old, number - 1)
    run.spec = spec
    if page.log_runs:
        run.trainer.callbacks.append(TensorBoardLogger(run_folder(page.key), run.model))
    run.alive = _session_alive()
    run.trainer.pace = keys.speed or None
    keys.replay = None
    keys.cost = 0.0  # its first batches are drawn at once; its own redraws then set the pace
    keys.run = run
    run.start(until)


def _built(spec: RunSpec, build: Build) -> "Run | None":
    """The page's run: on Ray when it is configured and the run is the lecture's own (its worker builds it from
    the spec); else in a thread here (a page's own build may need what only the page holds, e.g. an upload)."""
    ray = ray_executor()
    if ray is None or build not in (lectures.build, lectures.own_build(spec)):
        return build(spec)
    return ray.run(spec, lectures.build)


def start_run(page: Page, values: Values, build: Build) -> None:
    """Start a fresh run of a page from elsewhere, as its Train button would (another page's one-click training)."""
    _start_fresh(page, state(page), values, build, None)


def _start_race(page: Page, keys: PageState, values: Values, build: Build) -> None:
    """The page's run built for the CPU and for the GPU (the spec on each device), trained side by side."""
    racers = []
    try:
        for device in race_devices():
            spec = page.spec(values).on(device)
            racer = build(spec)
            if racer is None:
                return
            racer.spec, racer.alive = spec, _session_alive()
            racers.append(racer)
    except Exception as error:  # e.g. the GPU ran out of memory: say so, keep the page
        keys.messages = [("error", "train.failed", {"error": f"{type(error).__name__}: {error}"})]
        return
    for old in keys.race:
        old.stop()
    keys.race = racers
    for racer in racers:
        racer.start()


def _race_view(page: Page, keys: PageState) -> None:
    """The race's table (device, progress, speed) and, once both have finished, how much faster the GPU was."""
    racers = keys.race
    if not racers:
        return
    st.markdown(f"##### 🏁 {page.t('race.title')}")
    st.dataframe(pd.DataFrame([{page.t("race.device"): device_label(racer.device),
                                page.t("race.epoch"): f"{racer.trainer.epoch}/{racer.trainer.epochs}",
                                **_timing_columns(page, racer.trainer.timing)} for racer in racers]),
                 hide_index=True, width="stretch", key=f"{page.key}:race")
    cpu, gpu = racers[0].trainer, racers[-1].trainer
    if all(racer.trainer.outcome is not None for racer in racers) and cpu.timing.samples_per_second:
        st.success(page.t("race.result", gpu=device_label(racers[-1].device),
                          factor=gpu.timing.samples_per_second / cpu.timing.samples_per_second))


def _timing_columns(page: Page, timing: Timing) -> dict:
    return {page.t("timing.samples"): f"{timing.samples_per_second:,.0f}", page.t("timing.batch"): f"{timing.ms_per_batch:.3g}",
            page.t("timing.epoch"): f"{timing.seconds_per_epoch:.3g}"}


def _timing_text(page: Page, run: Run) -> str:
    """Under each run: where and how fast it trains."""
    timing = run.trainer.timing
    return page.t("timing.line", device=device_label(run.device), threads=torch.get_num_threads(),
                  samples=f"{timing.samples_per_second:,.0f}", ms=f"{timing.ms_per_batch:.3g}",
                  epoch=f"{timing.seconds_per_epoch:.3g}" if timing.epochs else "—")


def _controls(page: Page, keys: PageState, run: Run | None, values: Values, step_batches: bool, pace: int | None,
              shortcuts: bool) -> None:
    state = run.state if run is not None else "none"
    busy, paused, ended = state in ("training", "waiting"), state == "paused", state in ("finished", "stopped")
    can_step = state in ("none", "ready", "paused", "finished", "stopped")
    buttons = [("train", "train.train", "primary", False, "train"),
               ("pause", "train.resume" if paused else "train.pause", "secondary", not (busy or paused),
                "resume" if paused else "pause"),
               ("step", "train.step_epoch", "secondary", not can_step, "step")]
    if step_batches:
        buttons.append(("step_batch", "train.step_batch", "secondary", not can_step, "step_batch"))
    buttons += [("stop", "train.stop", "secondary", not (busy or paused), "stop"),
                ("reset", "train.reset", "secondary", run is None and not keys.earlier, "reset")]
    if race_devices():
        buttons.append(("race", "race.button", "secondary", busy, "race"))
    shortcuts = SHORTCUTS if shortcuts else {}
    columns = st.columns([1.2] * len(buttons) + [3])
    for column, (name, label, kind, disabled, action) in zip(columns, buttons):
        column.button(page.t(label), key=f"{page.key}:{name}", type=kind, width="stretch", disabled=disabled,
                      on_click=_clicked(keys, action), shortcut=shortcuts.get(name),
                      help=page.t(f"a11y.shortcut.{name}") if name in shortcuts else None)
    with columns[-1]:
        kept(st.select_slider, page.t("train.speed"), keys.widget_key("speed"), pace or 0, options=sorted(set(SPEEDS) | {pace or 0}),
             format_func=lambda n: page.t("train.speed.fast") if n == 0 else page.t("train.speed.n", n=n),
             help=page.t("train.speed_help"))
    more = st.empty()  # in every run: the live view under it keeps its place when a run ends, and is redrawn there
    if ended and not page.present:  # on a projector it goes under the charts (live_run)
        with more.container():
            _train_more(page, keys, values)


def _train_more(page: Page, keys: PageState, values: Values) -> None:
    """"Train N more epochs" under an ended run."""
    left, right, _ = st.columns([1.2, 1.6, 4], vertical_alignment="bottom")
    more = kept(left.number_input, page.t("train.more_epochs"), keys.widget_key("more_epochs"), _more_epochs(keys, values),
                min_value=1, max_value=100_000, step=1)
    right.button(page.t("train.more", n=more), key=f"{page.key}:more", on_click=_clicked(keys, "more"),
                 width="stretch")


def _more_epochs(keys: PageState, values: Values) -> int:
    """How many epochs "Train N more" adds: the number chosen, at first the page's epochs."""
    return int(keys.more_epochs or values.get("epochs") or 1)


def _progress_text(page: Page, run: Run) -> str:
    trainer, state = run.trainer, run.state
    loss = "—" if trainer.last_loss is None else f"{trainer.last_loss:.4g}"
    text = page.t("train.progress", epoch=trainer.epoch, epochs=trainer.epochs, loss=loss)
    if state == "waiting":
        return f"{text} · {page.t(run.slots.waiting_text, place=_ordinal(run.slots.place(run) or 1, page.lang))}"
    if state == "paused":
        return f"{text} · {page.t('train.paused_at', epoch=trainer.epoch, batch=trainer.batch)}"
    if trainer.lr is not None:
        text += f" · lr {trainer.lr:g}"
    return text


def _ordinal(n: int, lang: str) -> str:
    if lang == "zh":
        return f"第 {n} 位"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def show_outcome(page: Page, run: Run) -> None:
    trainer, outcome = run.trainer, run.trainer.outcome
    if outcome is None:
        return
    if outcome.kind == "finished":
        st.success(page.t("train.finished", epochs=trainer.epochs, seconds=trainer.seconds, device=device_label(run.device)))
    elif outcome.kind == "stopped":
        st.info(page.t("train.stopped", epoch=outcome.epoch, epochs=trainer.epochs))
    elif outcome.kind == "failed":
        st.error(page.t("train.failed", error=outcome.message))
    elif outcome.kind == "lost":
        st.error(page.t("train.lost", epoch=outcome.epoch))
    else:
        st.error(page.t(f"train.{outcome.kind}", epoch=outcome.epoch, value=f"{outcome.loss:.4g}"))


def _replay_epoch(page: Page, keys: PageState, run: Run) -> int | None:
    """The replay slider: None follows the run as it trains; an epoch shows the run as it was then."""
    done = run.epochs_done
    if done < 1:
        return None
    shown = keys.replay
    if shown is None or shown >= keys.replay_end or shown > done:  # following the run
        keys.replay = done
    keys.replay_end = done
    epoch = st.slider(page.t("train.replay"), min_value=0, max_value=done, key=keys.widget_key("replay"),
                      help=page.t("train.replay_help"))
    return None if epoch >= done else epoch


def _wording(page: Page, values: Values) -> dict:
    """How settings are named and their values shown to people: each setting's label and option labels."""
    declared = {setting.name: setting for setting in values.settings}
    special = {"seed": "sidebar.seed", "device": "sidebar.device"}

    def label(name: str) -> str:
        key = declared[name].label if name in declared else special.get(name)
        return name if key is None else "lr" if name == "lr" else page.t(key)

    def describe(name: str, value) -> str:
        setting = declared.get(name)
        if setting is not None and setting.format:
            return page.t(f"{setting.format}.{value}")
        return device_label(value) if name == "device" else shown_value(name, value)

    return {"label": label, "describe": describe}


def _add_earlier_runs(page: Page, charts: dict, earlier: list[EarlierRun], current: dict, compare: dict,
                      wording: dict) -> None:
    for chart, metric in compare.items():
        figure = charts.get(chart)
        if isinstance(figure, go.Figure):
            figures.add_earlier_runs(figure, [(past.label(current, **wording), past.series.get(metric, []))
                                              for past in earlier], page.lang)


class ChartGrid:
    """Where a page's charts go: figures two to a row, each with its sentence and table (dlcore.ui.a11y), then texts
    and tables full width.  announce_every: seconds between changes of a chart's sentence (while a run trains)."""

    def __init__(self, page: Page, announce_every: float = 0.0):
        self.page, self.announce_every = page, announce_every

    def show(self, charts: dict) -> None:
        plots = [(name, figures.for_projector(item) if self.page.present else item)
                 for name, item in charts.items() if isinstance(item, go.Figure)]
        for start in range(0, len(plots), 2):
            for column, (name, figure) in zip(st.columns(2), plots[start : start + 2]):
                described_chart(self.page, column, name, figure, self.announce_every)
        for name, item in charts.items():
            if isinstance(item, pd.DataFrame):
                st.dataframe(item, hide_index=True, width="stretch", key=f"{self.page.key}:table:{name}")
            elif isinstance(item, str):
                st.markdown(item)


def redraw_period(cost: float, server_cost: float = 0.0) -> float:
    """Seconds between two redraws of a training run's charts, from what its last redraw took (`cost`) and what
    the last redraws of every run this server draws took together (`server_cost`)."""
    own = min(SLOWEST_REDRAW_SECONDS, max(REDRAW_SECONDS, cost / DRAWING_SHARE))
    return min(SLOWEST_SHARED_REDRAW_SECONDS, max(own, server_cost / SERVER_DRAWING_SHARE))


class ServerDrawing:
    """What each live view of this server (a session's page) took to redraw its charts last, while it polls a run:
    their sum paces them all (redraw_period).  A view that has not redrawn for a while is forgotten."""

    FORGET_SECONDS = 2 * SLOWEST_SHARED_REDRAW_SECONDS

    def __init__(self):
        self._costs: dict[tuple, tuple[float, float]] = {}  # view -> (seconds, when)
        self._lock = threading.Lock()

    def drew(self, view: tuple, cost: float) -> None:
        with self._lock:
            self._costs[view] = (cost, time.monotonic())

    def cost(self) -> float:
        """Seconds the server's live views took to redraw, one redraw each."""
        now = time.monotonic()
        with self._lock:
            self._costs = {view: (cost, when) for view, (cost, when) in self._costs.items()
                           if now - when < self.FORGET_SECONDS}
            return sum(cost for cost, _ in self._costs.values())


SERVER_DRAWING = ServerDrawing()


def _view(keys: PageState) -> tuple:
    """The live view of a page in a session: a key of SERVER_DRAWING."""
    context = _script_context()
    return id(context.session_state if context is not None else keys.store), keys.key


def _redraw_period(keys: PageState, run_state: str | None) -> float | None:
    """Seconds between two polls of the page's run in this state (None: not polled)."""
    if run_state is None:
        return None
    period = redraw_period(keys.cost, SERVER_DRAWING.cost())
    return max(WAITING_POLL_SECONDS, period) if run_state == "waiting" else period


def _live_view(page: Page, keys: PageState, draw: Draw, compare: dict, wording: dict, polled: str | None,
               period: float | None) -> None:
    """The progress line, the replay slider, the charts and the outcome.  polled: the run's state when
    this fragment was set to poll it (None: not polling), every `period` seconds; a change of state, or of the
    pace its drawing calls for, redraws the whole page (which sets the fragment's pace)."""
    run = keys.run
    _race_view(page, keys)
    if run is None:
        ChartGrid(page).show(draw(None))
        st.info(page.t("train.nothing_yet"))
        _poll_again(keys, polled)
        return
    started = time.perf_counter()
    st.progress(min(run.trainer.epoch / run.trainer.epochs, 1.0), text=_progress_text(page, run))
    if run.trainer.timing.batches:
        st.caption(_timing_text(page, run))
    if logger_of(run.trainer) is not None:
        st.caption(page.t("tensorboard.logged", folder=logger_of(run.trainer).folder.name))
    above = st.container()  # the projector view draws the charts above the replay slider: they come first there
    epoch = None if page.present and run.busy else _replay_epoch(page, keys, run)
    below = st.container()
    show_outcome(page, run)  # said under the charts, before they are drawn: a run's end may take a second to draw
    download_run(page, run)
    charts = draw(run.frame(epoch))
    _add_earlier_runs(page, charts, keys.earlier, run.settings, compare, wording)
    with above if page.present else below:
        ChartGrid(page, ANNOUNCE_SECONDS if run.busy else 0.0).show(charts)
    keys.cost = time.perf_counter() - started
    if polled is not None:
        SERVER_DRAWING.drew(_view(keys), keys.cost)
    _poll_again(keys, polled, period)


def _watched(keys: PageState) -> str | None:
    """What the polling fragment watches: the run's state while it trains, "racing" during a race, else None."""
    run = keys.run
    if run is not None and run.busy:
        return run.state
    return "racing" if any(racer.busy for racer in keys.race) else None


def _poll_again(keys: PageState, polled: str | None, period: float | None = None) -> None:
    if polled is not None and _watched(keys) != polled:
        st.rerun()  # the run ended, paused or left the line: redraw the whole page once, and poll as that needs
    if period is not None and _polled_again() and not 0.5 <= _redraw_period(keys, polled) / period <= 2:
        st.rerun()  # its charts, or the server's other runs', take much more or less time to draw: a new pace


def _polled_again() -> bool:
    """Whether this is the polling fragment's own run (not the page's, which has just set its pace)."""
    context = _script_context()
    return context is not None and bool(context.fragment_ids_this_run)


def live_run(page: Page, values: Values, build: Build, draw: Draw, *, code: list = (),
             pace: int | None = None, step_batches: bool = False, compare: dict | None = None,
             shortcuts: bool = True) -> Run | None:
    """The page's training controls and live charts; returns the page's run (None before the first Train).

    pace: the default speed in steps a second (None: as fast as possible).  step_batches: offer
    "Step batch" too (pages whose epoch is tiny).  compare: chart name -> metric drawn faintly
    for earlier runs (default {"loss": "loss"}).  shortcuts: space and → work this run (False on a page's other
    runs: one key works one run).
    """
    finish_page()  # the page's settings are drawn: its address can be written
    keys = state(page)
    action, keys.action = keys.action, None
    action = action or ("train" if autorun_requested() else None)
    if action is not None:
        _act(page, keys, action, values, build, _more_epochs(keys, values))
    run = keys.run
    if run is not None:
        _apply_live_settings(run, values, keys)
    polled = _watched(keys)  # before the controls: a step that ends while they are drawn is still polled, and redrawn
    _controls(page, keys, run, values, step_batches, pace, shortcuts)
    messages = keys.messages
    for key, vals in values.problems(live_only=True):  # a bad learning rate typed during a run is said at once
        if ("error", key, vals) not in messages:
            messages = messages + [("error", key, vals)]
    for kind, key, vals in messages:
        getattr(st, kind)(page.t(key, **vals))
    wording = _wording(page, values)
    if run is not None:
        live = {setting.name for setting in values.settings if setting.live}
        now = {name: value for name, value in page.spec(values).settings.items() if name not in live}
        changes = difference({name: run.settings.get(name) for name in now}, now, **wording)
        if changes:
            st.caption(page.t("train.next_run", changes=changes))
    period = _redraw_period(keys, polled)
    fragment = st.fragment(run_every=period)(_live_view)
    fragment(page, keys, draw, {"loss": "loss"} if compare is None else compare, wording, polled, period)
    if page.present and run is not None and run.state in ("finished", "stopped"):
        _train_more(page, keys, values)
    show_code(page, code)
    return keys.run


def autorun_requested() -> bool:
    """True once when the page was opened by a link with autorun=1: it trains at once."""
    opened = link.current()
    if opened is None or not opened.autorun:
        return False
    opened.autorun = False
    return True


def _apply_live_settings(run: Run, values: Values, keys: PageState) -> None:
    """The learning rate (when valid) and the speed apply to the run from its next batch."""
    lr = values.get("lr")
    if lr is not None and not values.problems(live_only=True) and run.trainer.lr not in (None, lr):
        run.trainer.set_lr(lr)
    run.trainer.pace = keys.speed or None


def show_code(page: Page, code: list) -> None:
    """The "The code" expander: the source of the classes and functions that ran."""
    with st.expander(page.t("train.code")):
        st.caption(page.t("train.code_caption"))
        for item in code:
            st.code(inspect.getsource(item), language="python")


# -- other pages' runs, where they are used (the draw page's models) ---------------------------------------------

def _stop(run: Run) -> None:
    run.stop()
    run.join(ACT_SECONDS)


def training_lines(page: Page, runs: dict[str, tuple[str, Run]]) -> None:
    """A progress line and its Stop for each run that trains or waits ({key: (name, run)}): the line its own page
    shows, after the run's name."""
    for key, (name, run) in runs.items():
        if not run.busy:
            continue
        bar, stop = st.columns([5, 1], vertical_alignment="bottom")
        bar.progress(min(run.trainer.epoch / run.trainer.epochs, 1.0), text=f"{name} · {_progress_text(page, run)}")
        stop.button(page.t("train.stop"), key=f"{page.key}:stop:{key}", width="stretch", on_click=_stop, args=(run,))


def while_training(body: Callable[[], list[Run]], runs: list[Run], period: float = SLOWEST_REDRAW_SECONDS) -> None:
    """Draw body(), which returns the runs it shows, again every `period` seconds while one of `runs` trains or
    waits, as live_run's charts are; when they have all ended, the whole page is drawn once more."""
    polling = any(run.busy for run in runs)

    def view() -> None:
        shown = body()
        if polling and not any(run.busy for run in shown):
            st.rerun()

    st.fragment(run_every=period if polling else None)(view)()
