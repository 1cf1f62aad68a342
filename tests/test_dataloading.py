"""dlcore.lectures.dataloader.model: the notes' DiabetesDataset and DataLoader, and the batch-size comparison."""
import pytest
import torch

from dlcore.lectures.dataloader import model as dataloading
from dlcore.engine.data import data_dir
from dlcore.lectures.multiple_input.model import find_table


@pytest.fixture(scope="module")
def dataset():
    path = find_table(data_dir())
    if path is None:
        pytest.skip(f"no diabetes table in {data_dir()}")
    return dataloading.DiabetesDataset(path)


def test_the_dataset_gives_one_patient_per_index(dataset):
    assert len(dataset) == 759
    x, y = dataset[0]
    assert x.shape == (8,) and y.shape == (1,) and x.dtype == torch.float32


def test_each_way_takes_samples_over_batch_size_iterations_per_epoch(dataset):
    comparison = dataloading.Comparison(dataset, mini=32, shuffle=True, lr=0.1, device="cpu")
    assert [comparison.iterations(way) for way in dataloading.WAYS] == [1, 24, 759]  # 759 / 32 = 23.7: 24 batches
    for way in dataloading.WAYS:  # the same first weights for all three
        torch.testing.assert_close(comparison.models[way].linear1.weight, comparison.models["full"].linear1.weight)


def test_per_epoch_one_patient_at_a_time_learns_fastest_and_takes_longest(dataset):
    run = dataloading.comparison_run(dataset, {**dataloading.SETTINGS.defaults(), "epochs": 10}, "cpu", seed=14)
    run.trainer.fit()
    last = run.trainer.history.epochs[-1]
    comparison = run.extras["comparison"]
    assert len(run.trainer.history.batch_loss) == 10  # a step is one epoch of each of the three models
    # the whole table in one batch is stuck near the base rate's loss; 759 steps an epoch are not (0.65 vs 0.49)
    assert last["single:loss"] < last["mini:loss"] - 0.1 and last["single:loss"] < last["full:loss"] - 0.1
    # 759 steps an epoch against 24 and 1; mini against full is left out: both collate every patient, so their
    # order is a few milliseconds either way and flips on a busy machine
    assert comparison.seconds["single"] > 2 * max(comparison.seconds["mini"], comparison.seconds["full"]) > 0
    assert last["single:seconds"] == comparison.seconds["single"]


def test_without_shuffling_every_epoch_sees_the_patients_in_the_same_order(dataset):
    comparison = dataloading.Comparison(dataset, mini=32, shuffle=False, lr=0.1, device="cpu")
    first = next(iter(comparison.loaders["mini"]))[0]
    torch.testing.assert_close(first, dataset.x_data[:32])
