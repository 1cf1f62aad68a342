"""Live Deep-Learning Classroom: `streamlit run app.py`."""
import streamlit as st

from dlcore import ui

lang = st.session_state.get("lang", st.session_state.get("kept:lang", "en"))
st.navigation(ui.lecture_pages(lang), position="hidden").run()  # every page draws the menu itself (ui.page_setup)
