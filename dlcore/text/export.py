STRINGS = {
    "export.button": ("Download this run", "下载这次训练"),
    "export.contents": (
        "A zip: `{script}`, a standalone script (torch only) that trains it again with these settings and this "
        "seed; its history (`history.csv` per epoch, `batches.csv` per batch); its weights (`weights.pt`).",
        "一个 zip：`{script}`，一个独立脚本（只需 torch），用这些设置和这个种子重新训练；训练记录（每轮的 "
        "`history.csv`、每批的 `batches.csv`）；权重（`weights.pt`）。",
    ),
    "export.contents_no_script": (
        "A zip: its history (`history.csv` per epoch, `batches.csv` per batch) and its weights (`weights.pt`).",
        "一个 zip：训练记录（每轮的 `history.csv`、每批的 `batches.csv`）和权重（`weights.pt`）。",
    ),
}
