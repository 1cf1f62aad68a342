"""The home page: what the app is, the lectures in course order, the device and data directory in use."""
import streamlit as st

from dlcore import ui
from dlcore.data import data_dir
from dlcore.lectures import LECTURES

page = ui.page_setup("home")
st.title(f"🧠 {page.t('app.title')}")
st.markdown(page.t("app.tagline"))
st.caption(page.t("app.in_use", device=ui.device_label(page.device), data_dir=data_dir()))
st.header(page.t("app.lectures"))
columns = st.columns(3)
for index, lecture in enumerate(LECTURES):
    with columns[index % 3].container(border=True):
        st.caption(page.t("app.lecture_n", n=lecture.number))
        st.markdown(f"#### {lecture.icon} {page.t(f'lecture.{lecture.key}')}")
        st.write(page.t(f"lecture.{lecture.key}.about"))
        if lecture.built:
            st.page_link(lecture.page, label=page.t("app.open"), icon="▶️")
        else:
            st.caption(f"⏳ {page.t('app.coming_soon')}")
