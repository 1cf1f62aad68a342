"""The generalisation page in AppTest: the polynomial's first click learns the cubic's coefficients; raw powers of
degree 15 diverge and the page says why, standardised they over-fit and the page says so; a link opens weight decay
with d2l's λ = 3; the faint earlier run compares λ 0 with 3; Chinese."""
import torch

from pagetools import plotly_specs, run_of, texts, train, wait_for_run

POLY, DECAY = "generalisation:polynomial", "generalisation:weight_decay"
PAGE = "pages/generalisation.py"


def charts(at) -> dict[str, dict]:
    return {spec["layout"]["title"]["text"]: spec for spec in plotly_specs(at)}


def test_the_first_click_learns_the_cubic_raw_fifteen_degrees_diverge_and_standardised_over_fit(app):
    at = app(PAGE)
    train(at, POLY)
    assert "**A good fit**" in texts(at)
    bias, weights = run_of(at, POLY).extras["data"].coefficients(run_of(at, POLY).model)
    assert f"Learned: ŷ = {bias:.4g} + {weights[0]:.4g}x − {-weights[1]:.4g}x² + {weights[2]:.4g}x³" in texts(at)
    assert "true: y = 5 + 1.2x − 3.4x² + 5.6x³" in texts(at) and f"{bias:.4g}".startswith(("4.99", "5"))
    fit = charts(at)["The fitted curve over the points"]["data"]
    assert [trace["name"] for trace in fit] == ["the true cubic", "training", "test", "the model"]
    assert len(fit[1]["x"]) == 100 and len(fit[2]["x"]) == 100
    assert charts(at)["Loss per epoch (log scale)"]["layout"]["yaxis"]["type"] == "log"
    at.slider(key=f"{POLY}:degree").set_value(15).run()
    at.select_slider(key=f"{POLY}:train_points").set_value(20).run()
    train(at, POLY)
    assert run_of(at, POLY).trainer.outcome.failed
    assert "Raw powers up to x¹⁵ reach" in texts(at) and "**A good fit**" not in texts(at)
    at.selectbox(key=f"{POLY}:powers").set_value("standardised").run()
    train(at, POLY)
    last = run_of(at, POLY).trainer.history.epochs[-1]
    assert last["test_loss"] > 1000 * last["train_loss"]
    assert f"**Over-fitting**: the test loss, {last['test_loss']:.3g}" in texts(at)
    assert "earlier" in " ".join(trace["name"] for trace in charts(at)["Loss per epoch (log scale)"]["data"])


def test_a_diverging_run_with_standardised_powers_gets_no_verdict(app):
    at = app(PAGE)
    at.selectbox(key=f"{POLY}:powers").set_value("standardised").run()
    at.slider(key=f"{POLY}:degree").set_value(15).run()
    at.select_slider(key=f"{POLY}:train_points").set_value(20).run()
    at.number_input(key=f"{POLY}:lr").set_value(0.3).run()
    train(at, POLY)
    run = run_of(at, POLY)
    assert run.trainer.outcome.kind == "diverged" and len(run.trainer.history.epochs) > 1 and at.error
    assert "A good fit" not in texts(at) and "Learned:" not in texts(at) and "Raw powers" not in texts(at)


def test_a_link_opens_weight_decay_and_lambda_three_shrinks_the_weights(app):
    at = app()
    at.switch_page(PAGE)
    at.query_params.update({"experiment": "weight_decay", "epochs": "30", "autorun": "1"})
    at.run()
    wait_for_run(at, DECAY)
    free = run_of(at, DECAY).trainer.history.epochs[-1]
    at.select_slider(key=f"{DECAY}:lambd").set_value(3.0).run()
    train(at, DECAY)
    decayed = run_of(at, DECAY).trainer.history.epochs[-1]
    assert decayed["weight_norm"] < free["weight_norm"] / 10 and decayed["test_loss"] < free["test_loss"]
    assert f"‖w‖ = **{decayed['weight_norm']:.3g}** (λ = 3)" in texts(at)
    norm = charts(at)["The weights' L2 norm ‖w‖ per epoch"]["data"]
    assert any("λ (weight decay) 0 → 3" in trace["name"] for trace in norm)  # the λ = 0 run, faint


def test_the_page_speaks_chinese(app):
    at = app(PAGE, lang="zh")
    assert at.title[0].value == "泛化 · 过拟合、权重衰减与 Dropout"
    train(at, POLY)
    assert "**拟合良好**" in texts(at)


def test_dropout_trains_beside_the_same_network_without_and_says_both_gaps(app):
    at = app()
    at.switch_page(PAGE)
    at.query_params.update({"experiment": "dropout", "train_size": "1000", "epochs": "3", "autorun": "1"})
    at.run()
    wait_for_run(at, "generalisation:dropout")
    run = run_of(at, "generalisation:dropout")
    rates = [layer.p for layer in run.model if isinstance(layer, torch.nn.Dropout)]
    assert rates == [0.2, 0.5] and [layer.p for layer in run.extras["plain"] if isinstance(layer, torch.nn.Dropout)] == [
        0.0, 0.0]
    last = run.trainer.history.epochs[-1]
    assert f"the gap is **{100 * (last['dropout:train_acc'] - last['dropout:test_acc']):.1f}** points with dropout" in texts(at)
    accuracy = charts(at)["Accuracy per epoch, with and without dropout"]["data"]
    assert [trace["name"] for trace in accuracy] == ["with dropout · training", "with dropout · test",
                                                     "without · training", "without · test"]
    links = [link.proto for link in at.main.get("page_link")]
    assert links[-1].label == "Over-fit it: 1,000 images, 200 epochs, lr 0.1"
