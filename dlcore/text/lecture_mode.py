STRINGS = {
    # projector view and theme (dlcore.ui.present)
    "sidebar.present": ("Projector view", "投影模式"),
    "sidebar.present_help": (
        "Larger type and lines, the prose folded away, the controls compact above the charts: made for 1280×720.",
        "更大的字体和线条，说明文字折叠起来，控件紧凑地放在图表上方：适合 1280×720 的投影。",
    ),
    "sidebar.theme_hint": ("Dark theme: the ⋮ menu at the top right → Dark.", "深色主题：右上角的 ⋮ 菜单 → Dark。"),
    "present.about": ("About this lecture", "关于本讲"),
    "present.more": ("More explanation", "更多说明"),
    "present.settings": ("⚙️ Settings", "⚙️ 设置"),
    # links (dlcore.ui.link)
    "link.copy": ("Copy link", "复制链接"),
    "link.about": (
        "This address opens this page with its settings as they are now. Copy it with the button at its right.",
        "这个地址会以当前设置打开本页。用右侧的按钮复制。",
    ),
    "link.autorun": ("Start training when the link is opened", "打开链接时自动开始训练"),
    "link.ignored": ("The link's {values} could not be used and were ignored.", "链接中的 {values} 无法使用，已忽略。"),
    # the timing of a run, and the CPU-against-GPU race (dlcore.ui.live)
    "timing.line": (
        "{device} · {threads} CPU thread(s) · {samples} samples/s · {ms} ms a batch · {epoch} s an epoch",
        "{device} · {threads} 个 CPU 线程 · 每秒 {samples} 个样本 · 每批 {ms} 毫秒 · 每轮 {epoch} 秒",
    ),
    "timing.samples": ("samples/s", "样本/秒"),
    "timing.batch": ("ms a batch", "毫秒/批"),
    "timing.epoch": ("s an epoch", "秒/轮"),
    "race.button": ("🏁 CPU vs GPU", "🏁 CPU 对 GPU"),
    "race.title": ("The same run on the CPU and on the GPU", "同一次训练，分别在 CPU 和 GPU 上运行"),
    "race.device": ("device", "设备"),
    "race.epoch": ("epoch", "轮"),
    "race.result": ("{gpu} trained {factor:.1f}× as many samples a second as the CPU.", "{gpu} 每秒训练的样本数是 CPU 的 {factor:.1f} 倍。"),
}
