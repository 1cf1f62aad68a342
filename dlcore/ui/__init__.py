"""The one place dlcore talks to Streamlit, by concern:

- frame: the page frame and sidebar (`page_setup`, `Page`, the lecture menu);
- widgets: remembered widgets and the widgets of a page's declared settings (`settings`, `kept`);
- live: the live run, its controls, charts, replay and earlier runs (`live_run`);
- weights: downloading and uploading a run's weights (`weights_section`);
- downloads: a file a page needs, found locally or downloaded with a progress bar (`local_or_downloaded`);
- images: image data sets cached per server, with their download and messages (`image_data`);
- link: the page's settings in its address, applied from a shared link and written back;
- present: the projector view (`lecture_header`, `prose`).

A page reads like a lecture:

    page = ui.page_setup("logistic_regression")
    values = ui.settings(page, SETTINGS)
    run = ui.live_run(page, values, build, draw, code=[Model, supervised_step], pace=100)
"""
from dlcore.engine.runs import Frame, Run
from dlcore.ui.downloads import local_or_downloaded
from dlcore.ui.export import download_run
from dlcore.ui.frame import Page, device_label, finish_page, lecture_pages, page_setup
from dlcore.ui.images import cached_resource, classifier_controls, data_file, image_data
from dlcore.ui.live import ChartGrid, autorun_requested, live_run, show_code, start_run, training_lines, while_training
from dlcore.ui.present import folded, lecture_header, prose
from dlcore.ui.state import DrawState, FoldersState, OwnTableState, PageState, runs, state
from dlcore.ui.weights import weights_section
from dlcore.ui.widgets import clamp_kept, forget, kept, kept_value, remembered_choice, set_kept, setting_widget, settings, settings_columns

__all__ = ["ChartGrid", "Frame", "autorun_requested", "Page", "Run", "cached_resource", "classifier_controls", "data_file", "device_label", "download_run", "finish_page", "folded", "image_data",
           "kept", "lecture_header", "lecture_pages", "local_or_downloaded", "prose", "live_run", "page_setup", "remembered_choice", "setting_widget", "settings", "settings_columns", "show_code", "start_run", "training_lines", "while_training", "PageState", "DrawState", "FoldersState", "OwnTableState", "runs", "state",
           "weights_section", "clamp_kept", "forget", "kept_value", "set_kept"]
