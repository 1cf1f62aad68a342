"""The page frame every page shares: page config, the sidebar (menu, language, device, seed, data directory)."""
from __future__ import annotations

import socket
from dataclasses import dataclass, replace

import streamlit as st
import torch

from dlcore.engine.data import DATA_DIR_ENV, PREPARE_COMMAND, data_dir, offline
from dlcore.engine import executors
from dlcore.engine.devices import set_training_threads
from dlcore.engine.settings import DEFAULT_SEED, Values, parse_switch
from dlcore.engine.spec import RunSpec
from dlcore.engine.tensorboard import runs_dir
from dlcore.lectures import lectures
from dlcore.text import LANGUAGES, translate
from dlcore.ui.a11y import page_accessibility
from dlcore.ui.link import Link, current
from dlcore.ui.present import PRESENT, projector_style
from dlcore.ui.widgets import kept, remembered_choice



@dataclass
class Page:
    key: str
    lang: str
    device: torch.device  # the sidebar's
    seed: int
    present: bool = False  # the projector view (dlcore.ui.present)
    log_runs: bool = False  # the sidebar's "Log runs to TensorBoard" (dlcore.engine.tensorboard)

    def t(self, key: str, **values) -> str:
        return translate(key, self.lang, **values)

    def variant(self, name: str) -> "Page":
        """The same page with its own widget keys and run, for a variant that has its own defaults."""
        return replace(self, key=f"{self.key}:{name}")

    def of(self, key: str) -> "Page":
        """Another page or variant ("cnn_basics:course") as this session has it: its run, its widgets' keys; the
        draw page starts and reads other pages' runs through it."""
        return replace(self, key=key)

    def spec(self, values: Values) -> RunSpec:
        """The run these values make on this page: its lecture and variant (the page's key), the sidebar's seed and
        device."""
        lecture, _, variant = self.key.partition(":")
        return RunSpec(lecture, variant or None, values.for_run(), self.seed, str(self.device))


def device_label(device) -> str:
    return executors.offered_devices(server_name()).get(str(device), str(device))


def server_name() -> str:
    """This app server, as its Ray actors are named: its host and port."""
    return f"{socket.gethostname()}:{st.get_option('server.port')}"


def ray_executor():
    """Ray's executor when runs train on Ray (DL_CLASSROOM_RAY), else None: they train in this server's threads."""
    return executors.ray_executor(server_name())


def _menu(lang: str) -> list[tuple[str, str, str]]:
    """(page file, title, icon) of the home page, then of every built lecture in course order."""
    entries = [(lecture.page, f"{lecture.number} · {translate(f'lecture.{lecture.key}', lang)}", lecture.icon)
               for lecture in lectures() if lecture.built]
    return [("pages/home.py", translate("app.home", lang), "🏠")] + entries


def lecture_pages(lang: str) -> list:
    """The pages of the menu, for app.py's st.navigation (the home page first, the default)."""
    return [st.Page(path, title=title, icon=icon, default=index == 0)
            for index, (path, title, icon) in enumerate(_menu(lang))]


def _lecture_links(lang: str) -> None:
    """The sidebar's menu: drawn by every page, because with a folder named pages/ the first request after
    the server starts may run a page file without app.py (Streamlit's menu would then list file names)."""
    (home, title, icon), *entries = _menu(lang)
    st.page_link(home, label=title, icon=icon)
    st.caption(translate("app.lectures", lang))
    for path, title, icon in entries:
        st.page_link(path, label=title, icon=icon)
    st.divider()


def page_setup(key: str) -> Page:
    """Configure the page, draw the sidebar every page shares, and return the settings it holds.

    The sidebar's values may come from the page's link (dlcore.ui.link), and are written back to it."""
    link = Link.open(key)
    link.take(PRESENT, PRESENT, parse_switch)
    present = bool(st.session_state.get(PRESENT, st.session_state.get(f"kept:{PRESENT}", False)))
    st.set_page_config(page_title="Live Deep-Learning Classroom", page_icon="🧠", layout="wide",
                       initial_sidebar_state="collapsed" if present else "auto")
    set_training_threads()
    with st.sidebar:
        menu = st.container()
        link.take("lang", "lang", _one_of(LANGUAGES))
        lang = kept(st.radio, "Language · 语言", "lang", remembered_choice("lang", list(LANGUAGES), "en"),
                    options=list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True)
        link.lang = lang
        devices = executors.offered_devices(server_name())
        link.take("device", "device", _one_of(devices))
        device = kept(st.selectbox, translate("sidebar.device", lang), "device",
                      remembered_choice("device", list(devices), "cpu"), options=list(devices), format_func=devices.get)
        link.take("seed", "seed", _seed)
        seed = kept(st.number_input, translate("sidebar.seed", lang), "seed", DEFAULT_SEED, min_value=0,
                    max_value=MAX_SEED, step=1, help=translate("sidebar.seed_help", lang))
        present = kept(st.toggle, translate("sidebar.present", lang), PRESENT, False,
                       help=translate("sidebar.present_help", lang))
        log_runs = kept(st.toggle, translate("sidebar.tensorboard", lang), "tensorboard", False,
                        help=translate("sidebar.tensorboard_help", lang))
        if log_runs:
            st.caption(translate("sidebar.tensorboard_command", lang, folder=runs_dir()))
        link.box = st.popover(translate("link.copy", lang), icon="🔗", width="stretch")
        st.caption(f"{translate('sidebar.data_dir', lang)}: `{data_dir()}`",
                   help=translate("sidebar.data_dir_help", lang, env=DATA_DIR_ENV))
        if executors.problem(server_name()):
            st.caption(translate("sidebar.ray_unreachable", lang, address=executors.ray_address(),
                                 error=executors.problem(server_name())))
        if offline():
            st.caption(translate("sidebar.offline", lang, command=PREPARE_COMMAND.format(folder=data_dir())))
        st.caption(translate("sidebar.theme_hint", lang))
        page_accessibility(lang)
    for name, value, default in (("lang", lang, "en"), ("device", device, "cpu"), ("seed", str(int(seed)), str(DEFAULT_SEED)),
                                 (PRESENT, "1" if present else "0", "0")):
        link.show(name, value, default)
    with menu:
        _lecture_links(lang)
    if present:
        projector_style()
    link.note = st.container()
    return Page(key=key, lang=lang, device=executors.pick(device, server_name()), seed=int(seed), present=present,
                log_runs=log_runs)


MAX_SEED = 2**31 - 1


def _one_of(options):
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(text)
        return text
    return parse


def _seed(text: str) -> int:
    seed = int(text)
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(text)
    return seed


def finish_page() -> None:
    """Once a page has drawn its settings: the link's note, the address, the "Copy link" box.  ui.live_run calls
    it (a page's settings come before its run), and app.py after every page; a page with neither calls it last."""
    link = current()
    if link is not None:
        link.close()
