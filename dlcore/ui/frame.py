"""The page frame every page shares: page config, the sidebar (menu, language, device, seed, data directory)."""
from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st
import torch

from dlcore.data import DATA_DIR_ENV, data_dir
from dlcore.devices import available_devices, pick_device, set_training_threads
from dlcore.lectures import LECTURES
from dlcore.settings import DEFAULT_SEED
from dlcore.text import LANGUAGES, translate
from dlcore.ui.widgets import kept, remembered_choice


@dataclass
class Page:
    key: str
    lang: str
    device: torch.device
    seed: int

    def t(self, key: str, **values) -> str:
        return translate(key, self.lang, **values)

    def variant(self, name: str) -> "Page":
        """The same page with its own widget keys and run, for a variant that has its own defaults."""
        return replace(self, key=f"{self.key}:{name}")


def device_label(device) -> str:
    return available_devices().get(str(device), str(device))


def _menu(lang: str) -> list[tuple[str, str, str]]:
    """(page file, title, icon) of the home page, then of every built lecture in course order."""
    lectures = [(lecture.page, f"{lecture.number} · {translate(f'lecture.{lecture.key}', lang)}", lecture.icon)
                for lecture in LECTURES if lecture.built]
    return [("pages/home.py", translate("app.home", lang), "🏠")] + lectures


def lecture_pages(lang: str) -> list:
    """The pages of the menu, for app.py's st.navigation (the home page first, the default)."""
    return [st.Page(path, title=title, icon=icon, default=index == 0)
            for index, (path, title, icon) in enumerate(_menu(lang))]


def _lecture_links(lang: str) -> None:
    """The sidebar's menu: drawn by every page, because with a folder named pages/ the first request after
    the server starts may run a page file without app.py (Streamlit's menu would then list file names)."""
    (home, title, icon), *lectures = _menu(lang)
    st.page_link(home, label=title, icon=icon)
    st.caption(translate("app.lectures", lang))
    for path, title, icon in lectures:
        st.page_link(path, label=title, icon=icon)
    st.divider()


def page_setup(key: str) -> Page:
    """Configure the page, draw the sidebar every page shares, and return the settings it holds."""
    st.set_page_config(page_title="Live Deep-Learning Classroom", page_icon="🧠", layout="wide")
    set_training_threads()
    with st.sidebar:
        menu = st.container()
        lang = kept(st.radio, "Language · 语言", "lang", remembered_choice("lang", list(LANGUAGES), "en"),
                    options=list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True)
        devices = available_devices()
        device = kept(st.selectbox, translate("sidebar.device", lang), "device",
                      remembered_choice("device", list(devices), "cpu"), options=list(devices), format_func=devices.get)
        seed = kept(st.number_input, translate("sidebar.seed", lang), "seed", DEFAULT_SEED, min_value=0, max_value=2**31 - 1,
                    step=1, help=translate("sidebar.seed_help", lang))
        st.caption(f"{translate('sidebar.data_dir', lang)}: `{data_dir()}`",
                   help=translate("sidebar.data_dir_help", lang, env=DATA_DIR_ENV))
    with menu:
        _lecture_links(lang)
    return Page(key=key, lang=lang, device=pick_device(device), seed=int(seed))
