STRINGS = {
    # the course's groups (dlcore.lectures.PARTS)
    "app.group.basics": ("Foundations: a model, its loss and its gradient", "基础：模型、损失与梯度"),
    "app.group.pytorch": ("PyTorch's way: nn.Module, losses, optimizers, data", "PyTorch 的方式：nn.Module、损失、优化器、数据"),
    "app.group.cnn": ("Convolutional networks", "卷积神经网络"),
    "app.group.rnn": ("Recurrent networks", "循环神经网络"),
    # a student's path (dlcore.lectures.student_path())
    "app.start_here": ("Start here", "从这里开始"),
    "app.start_here_about": ("New to the course? Take the lectures in this order; each builds on the last.",
                             "第一次学这门课？按这个顺序学习，每一讲都建立在前一讲之上。"),
    # the lecturer's quick links (dlcore.lectures.demos())
    "app.quick_links": ("Lecturer's quick links", "讲师快捷链接"),
    "app.quick_links_about": (
        "Each opens a page set up for a demo and starts training; point at one to read what to watch. Make your "
        "own: set a page up, then **🔗 Copy link** in the sidebar.",
        "每个链接都会打开一个为演示设置好的页面并开始训练；把鼠标移到链接上可看要观察什么。制作你自己的链接："
        "设置好页面后，点侧边栏的 **🔗 复制链接**。",
    ),
}
