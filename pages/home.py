"""The home page: the course as a map (its parts, each lecture with a picture of its live chart), a student's path,
and the lecturer's quick links to prepared demos."""
import streamlit as st
from PIL import Image, ImageDraw

from dlcore import ui
from dlcore.engine.data import data_dir
from dlcore.lectures import PARTS, PREVIEW_SIZE, demos, lectures, student_path

CARDS_A_ROW = 3

page = ui.page_setup("home")
st.title(f"🧠 {page.t('app.title')}")
st.markdown(page.t("app.tagline"))
st.caption(page.t("app.in_use", device=ui.device_label(page.device), data_dir=data_dir()))

path_column, demo_column = st.columns(2)
with path_column.container(border=True, height="stretch"):
    st.subheader(f"🧭 {page.t('app.start_here')}")
    st.caption(page.t("app.start_here_about"))
    for step, lecture in enumerate(student_path(), start=1):
        with st.container(gap=None):  # the lecture, and why it comes next right under it
            st.page_link(lecture.page, icon=lecture.icon, label=f"{step}. {page.t(f'lecture.{lecture.key}')}",
                         help=page.t("app.lecture_n", n=lecture.number))
            st.caption(page.t(f"app.path.{lecture.key}"))
with demo_column.container(border=True, height="stretch"):
    st.subheader(f"🎓 {page.t('app.quick_links')}")
    st.caption(page.t("app.quick_links_about"))
    for demo in demos():
        st.page_link(demo.page, label=page.t(f"app.demo.{demo.key}"), icon="▶️", query_params=demo.query,
                     help=page.t(f"app.demo.{demo.key}.help"))


@st.cache_data
def blank_picture(hourglass: bool) -> Image.Image:
    """A grey picture of a preview's size, for a lecture still to come (an hourglass) or a missing preview, so that
    every card of a row has its title at the same height."""
    width, height = PREVIEW_SIZE
    picture = Image.new("RGB", PREVIEW_SIZE, "#f0f2f6")
    if hourglass:
        draw, x, y = ImageDraw.Draw(picture), width // 2, height // 2
        draw.polygon([(x - 28, y - 42), (x + 28, y - 42), (x, y), (x + 28, y + 42), (x - 28, y + 42), (x, y)],
                     fill="#c9ced8")
    return picture


def card(lecture) -> None:
    """A lecture's card: the picture of its live chart, its number, title and what it shows, and a link to it."""
    picture = lecture.preview_file(page.lang)
    picture = picture if picture.exists() else lecture.preview_file()
    if lecture.built and picture.exists():
        st.image(str(picture), width="stretch", alt=page.t(f"lecture.{lecture.key}.about"))
    else:
        st.image(blank_picture(hourglass=not lecture.built), width="stretch",
                 alt=page.t(f"lecture.{lecture.key}.about" if lecture.built else "app.coming_soon"))
    st.caption(page.t("app.lecture_n", n=lecture.number))
    st.markdown(f"#### {lecture.icon} {page.t(f'lecture.{lecture.key}')}")
    st.write(page.t(f"lecture.{lecture.key}.about"))
    if lecture.built:
        st.page_link(lecture.page, label=page.t("app.open"), icon="▶️")
    else:
        st.caption(f"⏳ {page.t('app.coming_soon')}")


for part in PARTS:
    st.header(page.t(f"app.group.{part}"))
    cards = [lecture for lecture in lectures() if lecture.part == part]
    for row in range(0, len(cards), CARDS_A_ROW):
        for column, lecture in zip(st.columns(CARDS_A_ROW), cards[row:row + CARDS_A_ROW]):
            with column.container(border=True, height="stretch"):
                card(lecture)
