"""Live Deep-Learning Classroom: `streamlit run app.py`."""
import streamlit as st

from dlcore import ui

lang = ui.kept_value("lang", "en")
try:
    st.navigation(ui.lecture_pages(lang), position="hidden").run()  # every page draws the menu itself (ui.page_setup)
finally:
    ui.finish_page()  # the page's address and its "Copy link" box (when the page has not done it)
