"""The home page: the course as a map (its parts, each lecture with a picture of its live chart), a student's path,
and the lecturer's quick links to prepared demos."""
import streamlit as st

from dlcore import ui
from dlcore.data import data_dir
from dlcore.lectures import DEMOS, GROUPS, LECTURES, START_HERE

page = ui.page_setup("home")
st.title(f"🧠 {page.t('app.title')}")
st.markdown(page.t("app.tagline"))
st.caption(page.t("app.in_use", device=ui.device_label(page.device), data_dir=data_dir()))
by_key = {lecture.key: lecture for lecture in LECTURES}

with st.container(border=True):
    st.subheader(f"🧭 {page.t('app.start_here')}")
    st.caption(page.t("app.start_here_about"))
    for step, key in enumerate(START_HERE, start=1):
        lecture = by_key[key]
        link, why = st.columns([2, 3], vertical_alignment="center")
        link.page_link(lecture.page, icon=lecture.icon, label=f"{step}. {page.t(f'lecture.{key}')}",
                       help=page.t("app.lecture_n", n=lecture.number))
        why.caption(page.t(f"app.path.{key}"))
with st.container(border=True):
    st.subheader(f"🎓 {page.t('app.quick_links')}")
    st.caption(page.t("app.quick_links_about"))
    for column, demo in zip([column for _ in range(0, len(DEMOS), 2) for column in st.columns(2)], DEMOS):
        column.page_link(demo.page, label=page.t(f"app.demo.{demo.key}"), icon="▶️", query_params=demo.query)

for group in GROUPS:
    st.header(page.t(f"app.group.{group}"))
    lectures = [lecture for lecture in LECTURES if lecture.group == group]
    cards = [column for _ in range(0, len(lectures), 3) for column in st.columns(3)]
    for column, lecture in zip(cards, lectures):
        with column.container(border=True):
            st.caption(page.t("app.lecture_n", n=lecture.number))
            st.markdown(f"#### {lecture.icon} {page.t(f'lecture.{lecture.key}')}")
            if lecture.built and lecture.preview.exists():
                st.image(str(lecture.preview), width="stretch")
            st.write(page.t(f"lecture.{lecture.key}.about"))
            if lecture.built:
                st.page_link(lecture.page, label=page.t("app.open"), icon="▶️")
            else:
                st.caption(f"⏳ {page.t('app.coming_soon')}")
