"""What the scripts of lectures 2-4 share: the course's three points and the hand-written update's rate."""


HAND_WRITTEN = """
    x, y = course_data(DEVICE)
    rate = ManualRate(LR)  # the hand-written update's learning rate"""
