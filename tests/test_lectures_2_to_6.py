"""Lectures 2-6 in dlcore, checked against the curriculum's numbers."""
import pytest
import torch

from dlcore.lectures.gradient_descent import model as gd
from dlcore.lectures.regression import model as reg
from dlcore.engine.training import OPTIMIZERS, ManualRate, Trainer, full_batch, make_optimizer, minibatches, supervised_step


def test_cost_curve_is_the_mse_sweep_with_its_minimum_at_two():
    x, y = gd.course_data()
    ws, costs = gd.cost_curve(x, y)
    assert len(ws) == 41 and ws[0] == 0 and ws[-1] == pytest.approx(4.0)
    assert ws[costs.index(min(costs))] == pytest.approx(2.0)
    assert costs[0] == pytest.approx((4 + 16 + 36) / 3)  # w = 0: the mean of y^2


def test_gradient_is_the_course_formula():
    x, y = gd.course_data()
    assert gd.gradient(x, y, torch.tensor(1.0)).item() == pytest.approx(-28 / 3)  # mean(2x(x - 2x)) = -2·14/3
    assert gd.gradient(x[2:], y[2:], torch.tensor(1.0)).item() == pytest.approx(2 * 3 * (3 - 6))


@pytest.mark.parametrize("stochastic", [False, True])
def test_gradient_descent_from_one_reaches_two_and_predicts_eight(stochastic):
    x, y = gd.course_data()
    model = gd.ScalarModel.starting_at(1.0)
    Trainer(gd.gradient_descent_step(model, ManualRate(0.01)), gd.sample_batches(x, y, stochastic), 100).fit()
    assert model.path[0] == 1.0 and len(model.path) == 1 + 100 * (3 if stochastic else 1)
    assert gd.forward(4.0, model.path[-1]) == pytest.approx(8.0, abs=0.01)


def test_a_too_large_learning_rate_diverges_and_is_reported():
    x, y = gd.course_data()
    model = gd.ScalarModel.starting_at(1.0)
    trainer = Trainer(gd.gradient_descent_step(model, ManualRate(0.3)), gd.sample_batches(x, y, False), 100)
    trainer.fit()
    assert trainer.outcome.kind == "diverged" and trainer.outcome.epoch < 30
    assert abs(model.path[-1] - 2) > 100


def test_autograd_step_matches_the_hand_written_gradient():
    x, y = gd.course_data()
    w = torch.tensor([1.0], requires_grad=True)
    records = []
    Trainer(gd.autograd_step(w, ManualRate(0.01), records), gd.sample_batches(x, y, True), 100).fit()
    first = records[0]
    assert (first.x, first.y, first.w) == (1.0, 2.0, 1.0)
    assert first.grad == pytest.approx(2 * 1 * (1 - 2))  # 2x(xw - y)
    assert len(records) == 300 and w.grad.item() == 0  # zeroed after every step
    assert 4 * w.item() == pytest.approx(8.0, abs=0.01)


def change_lr_after_one_batch(step, rate: ManualRate, stochastic: bool) -> Trainer:
    """Train one batch at rate.lr, then set the learning rate to 0.05 for the rest of two epochs."""
    x, y = gd.course_data()
    trainer = Trainer(step, gd.sample_batches(x, y, stochastic), 2, optimizer=rate)
    trainer.fit(until="batch")
    trainer.set_lr(0.05)
    trainer.fit()
    return trainer


def test_gradient_descent_reads_the_learning_rate_changed_during_a_run():
    x, y = gd.course_data()
    model, rate = gd.ScalarModel.starting_at(1.0), ManualRate(0.01)
    trainer = change_lr_after_one_batch(gd.gradient_descent_step(model, rate), rate, stochastic=False)
    assert trainer.history.lr_changes == [{"batch": 1, "epoch": 2, "lr": 0.05}]
    w1 = 1.0 - 0.01 * gd.gradient(x, y, torch.tensor(1.0)).item()
    assert model.path[1] == pytest.approx(w1)
    assert model.path[2] == pytest.approx(w1 - 0.05 * gd.gradient(x, y, torch.tensor(w1)).item())


def test_autograd_step_reads_the_learning_rate_changed_during_a_run():
    w, records, rate = torch.tensor([1.0], requires_grad=True), [], ManualRate(0.01)
    trainer = change_lr_after_one_batch(gd.autograd_step(w, rate, records), rate, stochastic=True)
    assert trainer.history.lr_changes == [{"batch": 1, "epoch": 1, "lr": 0.05}]
    assert records[1].w == pytest.approx(1.0 - 0.01 * records[0].grad)
    assert records[2].w == pytest.approx(records[1].w - 0.05 * records[1].grad)
    assert len(records) == 6


def test_explain_step_reads_the_real_autograd_graph():
    nodes, edges = gd.explain_step(x=2.0, y=4.0, w=1.0)
    kinds = [node.name.split("[")[1].rstrip("]") for node in nodes]
    assert kinds == ["PowBackward0", "SubBackward0", "MulBackward0", "AccumulateGrad"]
    assert edges == [(3, 2), (2, 1), (1, 0)]
    loss, residual, y_hat, w = nodes
    assert (y_hat.value, residual.value, loss.value) == (2.0, -2.0, 4.0)
    assert residual.grad == -4.0 and w.grad == pytest.approx(-8.0)  # 2(ŷ - y)·x


def train_linear(optimizer: str, epochs: int, seed: int = 0):
    torch.manual_seed(seed)
    model = reg.LinearModel()
    x, y = reg.course_points()
    step = supervised_step(model, torch.nn.MSELoss(reduction="sum"), make_optimizer(optimizer, model.parameters(), 0.01))
    trainer = Trainer(step, full_batch(x, y), epochs)
    trainer.fit()
    return model, trainer


def test_linear_regression_predicts_eight_for_four_after_the_courses_1000_epochs():
    model, trainer = train_linear("SGD", 1000)
    assert trainer.outcome.kind == "finished"
    assert reg.predict(model, [4.0])[0] == pytest.approx(8.0, abs=0.1)
    assert model.linear.weight.item() == pytest.approx(2.0, abs=0.05)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_of_the_exercise_trains_and_lowers_the_loss(name):
    model, trainer = train_linear(name, 100)
    losses = trainer.history.series("loss")
    assert trainer.outcome.kind == "finished" and losses[-1] < losses[0]


def test_lbfgs_with_its_closure_solves_the_course_data():
    model, _ = train_linear("LBFGS", 100)
    assert reg.predict(model, [4.0])[0] == pytest.approx(8.0, abs=0.01)


def test_unknown_optimizer_is_refused():
    with pytest.raises(ValueError):
        make_optimizer("Magic", reg.LinearModel().parameters(), 0.1)


def test_d2l_variant_recovers_the_true_parameters():
    generator = torch.Generator().manual_seed(0)
    x, y = reg.synthetic_data([2, -3.4], 4.2, generator=generator)
    assert x.shape == (1000, 2) and y.shape == (1000, 1)
    torch.manual_seed(0)
    model = reg.LinearModel(2)
    step = supervised_step(model, torch.nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.03))
    Trainer(step, minibatches(x, y, 10, generator), 3).fit()
    assert model.linear.weight.flatten().tolist() == pytest.approx([2, -3.4], abs=0.01)
    assert model.linear.bias.item() == pytest.approx(4.2, abs=0.01)


@pytest.mark.parametrize("seed", range(3))
def test_logistic_boundary_lies_between_two_and_three_hours_after_1000_epochs(seed):
    torch.manual_seed(seed)
    model = reg.LogisticRegressionModel()
    x, y = reg.hours_passed()
    step = supervised_step(model, torch.nn.BCELoss(reduction="sum"), torch.optim.SGD(model.parameters(), lr=0.01))
    Trainer(step, full_batch(x, y), 1000).fit()
    assert 2.0 < reg.decision_boundary(model) < 3.0
    below, above = reg.predict(model, [1.0, 4.0])
    assert below < 0.5 < above
