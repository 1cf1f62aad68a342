"""dlcore.lectures.draw.readers: the models of a session that read digits, found on every page; what they read, what they see
inside, and fine-tuning on the student's own digits."""
import numpy as np
import pytest
import torch

from dlcore.lectures.draw import readers
from dlcore.lectures.advanced_cnns.model import COMPARED, MODELS as ADVANCED, comparison_run
from dlcore.lectures.cnn_basics.model import MODELS as CNNS
from dlcore.lectures.draw.drawing import centred_digit, model_input
from dlcore.lectures.classifiers.training import classifier_run
from dlcore.datasets.images import ImageData, denormalize, load_images
from dlcore.engine.runs import Run
from dlcore.lectures.softmax.model import VARIANTS, Net, modern_mlp, softmax_regression
from dlcore.engine.training import Trainer


@pytest.fixture(scope="module")
def mnist():
    return load_images("mnist", download=False)


def short_values(variant, **changes):
    return variant.settings.with_defaults(**{"epochs": 1, "train_size": 2000, **changes}).defaults()


def run_of(variant, data, **changes) -> Run:
    return classifier_run(variant.build, data, short_values(variant, **changes), "cpu", seed=0)


@pytest.fixture(scope="module")
def trained_cnn(mnist):
    run = run_of(CNNS["course"], mnist, train_size=10000)
    run.trainer.fit()
    return run


def test_the_models_of_every_page_that_read_digits_are_found_in_course_order(mnist):
    fashion = load_images("fashion_mnist", download=False)
    colour = ImageData("cifar10", torch.zeros(8, 3, 32, 32), torch.zeros(8, dtype=torch.long), torch.zeros(8, 3, 32, 32),
                       torch.zeros(8, dtype=torch.long), classes=[str(n) for n in range(10)], mean=(0.5,) * 3,
                       std=(0.25,) * 3, source="local")
    session = {
        "advanced_cnns:resnet": run_of(ADVANCED["resnet"], mnist),
        "cnn_basics:course": run_of(CNNS["course"], mnist),
        "cnn_basics:cifar": run_of(CNNS["cifar"], colour),  # colour photos: not a reader of digits
        "softmax:d2l_mlp": run_of(VARIANTS["d2l_mlp"], fashion),
        "advanced_cnns:compare": comparison_run(COMPARED, mnist, 1, 2000, "cpu"),
        "logistic_regression": Run(Trainer(lambda batch: torch.tensor(0.0), lambda: [], 1)),  # no images at all
    }
    found = readers.readers(session)
    assert [reader.key for reader in found] == [
        "softmax:d2l_mlp", "cnn_basics:course", "advanced_cnns:compare/basic", "advanced_cnns:compare/inception",
        "advanced_cnns:compare/resnet", "advanced_cnns:resnet"]
    labels = [reader.label() for reader in found]
    assert labels[0] == "Lecture 9 · d2l: MLP 784→256→10 (ReLU) · Fashion-MNIST (clothing)"
    assert labels[1].startswith("Lecture 10 · The course's CNN") and "MNIST" in labels[1]
    assert labels[3] == "Lecture 11 · Inception network (seed 001), in the race"
    assert readers.label_of("cnn_basics:course", "zh").startswith("第 10 讲 · ")
    fashion_reader = found[0]
    reading = readers.read(fashion_reader.model(), torch.zeros(28, 28), fashion_reader.data)
    assert reading.names[1] == "Trouser" and abs(reading.probabilities.sum().item() - 1) < 1e-5


def test_a_model_still_training_is_read_from_a_copy_taken_between_two_steps(mnist):
    run = run_of(CNNS["course"], mnist, train_size=0, epochs=3)
    reader = readers.readers({"cnn_basics:course": run})[0]
    run.start()
    try:
        while not run.trainer.history.batch_loss:
            run.join(0.05)
        assert reader.busy
        seen = reader.model()
        assert seen is not run.model
        torch.testing.assert_close(dict(seen.state_dict())["fc.bias"].shape, run.model.fc.bias.shape)
        assert reader.accuracy() is None  # no epoch has ended yet: nothing measured while it trains
    finally:
        run.stop()
        run.join(10)
    assert not reader.busy and 0 <= reader.accuracy() <= 1


def test_the_test_accuracy_is_measured_for_the_weights_as_they_are(trained_cnn, mnist):
    reader = readers.Reader("cnn_basics:course", trained_cnn, mnist)
    assert reader.accuracy() == pytest.approx(trained_cnn.trainer.history.epochs[-1]["test_acc"])
    untrained = run_of(CNNS["course"], mnist)  # weights loaded into a run that never trained are measured too
    assert readers.Reader("cnn_basics:course", untrained, mnist).accuracy() < 0.3


def test_a_trained_cnn_reads_test_digits_and_says_when_it_hesitates(trained_cnn, mnist):
    reader = readers.Reader("cnn_basics:course", trained_cnn, mnist)
    digits = denormalize(mnist.test_x[:50], mnist)[:, 0]
    readings = [readers.read(reader.model(), digit, mnist) for digit in digits]
    right = sum(reading.guess == label for reading, label in zip(readings, mnist.test_y[:50].tolist()))
    assert right >= 45
    sure = readers.Reading(torch.tensor([0.02, 0.9, 0.08] + [0.0] * 7), list("0123456789"))
    torn = readers.Reading(torch.tensor([0.0, 0.45, 0.0, 0.0, 0.0, 0.0, 0.0, 0.4, 0.15, 0.0]), list("0123456789"))
    assert (sure.guess, sure.close_call) == (1, False) and sure.confidence == pytest.approx(0.9)
    assert (torn.guess, torn.ranked[1], torn.close_call) == (1, 7, True)


def image(mnist):
    return model_input(denormalize(mnist.test_x[:1], mnist)[0, 0], mnist)


def test_inside_a_cnn_every_convolution_and_pooling(mnist):
    shapes = [(name, tuple(maps.shape)) for name, maps in readers.inside(CNNS["course"].build(), image(mnist))]
    assert shapes == [("conv1", (10, 24, 24)), ("pooling 1", (10, 12, 12)), ("conv2", (20, 8, 8)), ("pooling 2", (20, 4, 4))]


def test_inside_inception_each_branch_of_each_block(mnist):
    names = [name for name, _ in readers.inside(ADVANCED["inception"].build(), image(mnist))]
    assert names == ["conv1", "mp 1", "incep1.branch_pool", "incep1.branch1x1", "incep1.branch5x5_2",
                     "incep1.branch3x3_3", "conv2", "mp 2", "incep2.branch_pool", "incep2.branch1x1",
                     "incep2.branch5x5_2", "incep2.branch3x3_3"]
    figures = readers.inside_figures(ADVANCED["inception"].build(), image(mnist))
    assert figures["incep1.branch5x5_2"].layout.title.text == "incep1.branch5x5_2: 24 × 12 × 12"


def test_inside_an_mlp_its_hidden_layers(mnist):
    course = readers.inside(Net(), image(mnist))  # ReLU called in forward(): the Linear outputs, before it
    assert [(name, tuple(values.shape)) for name, values in course] == [("l1", (512,)), ("l2", (256,)), ("l3", (128,)),
                                                                       ("l4", (64,))]
    assert (course[0][1] < 0).any()
    modern = readers.inside(modern_mlp(), image(mnist))  # ReLU modules: their outputs, not the Linear layers'
    assert [name for name, _ in modern] == ["relu_1", "relu_2"] and all((values >= 0).all() for _, values in modern)
    assert readers.inside(softmax_regression(), image(mnist)) == []
    figure = readers.inside_figures(Net(), image(mnist))["l1"]
    assert figure.layout.title.text == "l1: 512 units" and np.asarray(figure.data[0].z).shape == (16, 32)


def test_fine_tuning_learns_the_students_digits_without_forgetting_mnist(trained_cnn, mnist, one_thread):
    """Bars labelled 7: the trained CNN reads a bar as 1; after 300 steps on MNIST + those bars it reads most of them
    as 7 (MNIST's own 1s pull the other way), and still reads MNIST's test digits."""
    bars = []
    for tilt in range(-3, 5):
        ink = np.zeros((280, 280), np.float32)
        for row in range(40, 240):
            column = 140 + tilt * (row - 140) // 20
            ink[row, column - 9 : column + 9] = 1.0
        bars.append(centred_digit(ink))
    pixels, labels = torch.stack(bars), torch.full((len(bars),), 7)
    reader = readers.Reader("cnn_basics:course", trained_cnn, mnist)
    guesses, right = readers.own_digits_accuracy(reader, pixels, labels)
    assert right == 0 and (guesses == 1).sum() >= 6
    run = readers.fine_tuning_run(reader, pixels, labels, "cpu", seed=0)
    run.trainer.fit()
    history = run.trainer.history
    assert len(history.batch_loss) == readers.ROUND_STEPS * readers.ROUNDS
    assert history.epochs[-1]["own_acc"] >= 0.75 and history.epochs[-1]["test_acc"] > 0.9
    assert trained_cnn.model.fc.bias is not run.model.fc.bias  # a copy was tuned, the lecture's model is unchanged
    tuned = readers.readers({"cnn_basics:course": trained_cnn, readers.tuned_key(reader): run})[1]
    assert tuned.key == "draw:tuned:cnn_basics:course" and readers.tuned_key(tuned) == tuned.key  # tuning it again goes on
    assert tuned.label() == "Lecture 10 · The course's CNN on MNIST (lecture 10), fine-tuned on my 8 digits"
    assert readers.own_digits_accuracy(tuned, pixels, labels)[1] == history.epochs[-1]["own_acc"]
    assert run.trainer.epoch == run.trainer.epochs == readers.ROUNDS and len(history.batch_loss) == 300


def test_a_batch_of_fine_tuning_holds_mnist_and_the_students_digits_moved_a_little(trained_cnn, mnist):
    pixels = torch.zeros(2, 28, 28)
    pixels[:, 4:24, 13:15] = 1.0
    run = readers.fine_tuning_run(readers.Reader("cnn_basics:course", trained_cnn, mnist), pixels, torch.tensor([7, 7]), "cpu")
    x, y = next(iter(run.trainer.batches()))
    assert x.shape == (readers.BATCH_SIZE, 1, 28, 28) and (y[-readers.OWN_PER_BATCH:] == 7).all()
    own = denormalize(x[-readers.OWN_PER_BATCH:], mnist)[:, 0]
    columns = {int(torch.nonzero(image.sum(0)).min()) for image in own}
    assert columns <= {11, 12, 13, 14, 15} and len(columns) > 1  # moved by up to 2 pixels, not always the same
