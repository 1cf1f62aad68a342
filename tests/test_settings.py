"""Settings declared once: defaults, variants, bad values, what a run records and what changed since."""
import math

import pytest

from dlcore.engine.settings import Setting, Settings, Values, epochs, learning_rate, optimizer

SETTINGS = Settings(learning_rate(0.01), epochs(100, high=1000), optimizer("SGD"),
                    Setting("image", 0, "cnn_basics.image", view=True))


def test_defaults_and_a_variant_with_other_defaults():
    assert SETTINGS.defaults() == {"lr": 0.01, "epochs": 100, "optimizer": "SGD", "image": 0}
    d2l = SETTINGS.with_defaults(lr=0.03, epochs=3)
    assert d2l.defaults() == {"lr": 0.03, "epochs": 3, "optimizer": "SGD", "image": 0}
    assert SETTINGS["lr"].default == 0.01  # the declaration itself is unchanged
    with pytest.raises(KeyError):
        SETTINGS.with_defaults(momentum=0.5)


@pytest.mark.parametrize("lr, n, keys", [
    (0.01, 10, []),
    (0.0, 10, ["train.bad_lr"]),
    (-0.1, 10, ["train.bad_lr"]),
    (math.nan, 10, ["train.bad_lr"]),
    (0.01, 0, ["train.bad_epochs"]),
    (0, 0, ["train.bad_lr", "train.bad_epochs"]),
])
def test_bad_values_are_named(lr, n, keys):
    values = Values(SETTINGS, {"lr": lr, "epochs": n, "optimizer": "SGD", "image": 0})
    assert [key for key, _ in values.problems()] == keys


def test_a_run_records_all_but_the_view_settings():
    values = Values(SETTINGS, {"lr": 0.1, "epochs": 100, "optimizer": "Adam", "image": 7})
    assert values.for_run() == {"lr": 0.1, "epochs": 100, "optimizer": "Adam"}
    assert SETTINGS["lr"].live and not SETTINGS["epochs"].live and SETTINGS["image"].view
    assert values.lr == 0.1 and values.optimizer == "Adam"
    with pytest.raises(AttributeError):
        values.momentum
