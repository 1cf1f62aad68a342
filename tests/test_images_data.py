"""dlcore.datasets.images: the image data sets read from the local mirror, downloaded, missing, generated (CIFAR), or the fallback."""
import gzip
import hashlib
import pickle
import shutil
import tarfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch
import torchvision

from dlcore.datasets import images
from dlcore.engine.data import ChecksumError, cache_dir, data_dir, download, writable_root
from dlcore.text import translate

MNIST_FILES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
               "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]


@pytest.fixture(autouse=True)
def empty_home(tmp_path, monkeypatch):
    """The cache folder (under $HOME) starts empty, so only the data directory under test is searched."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def mnist():
    return images.load_images("mnist", download=False)


def local(name: str) -> Path:
    folder = data_dir() / images.SPECS[name].folder
    if not folder.exists():
        pytest.skip(f"no local copy of {name} in {data_dir()}")
    return folder


def test_mnist_is_read_from_the_data_directory_and_normalized_like_the_lecture(mnist):
    local("mnist")
    assert mnist.source == "local" and mnist.name == "mnist"
    assert mnist.train_x.shape == (60000, 1, 28, 28) and mnist.test_x.shape == (10000, 1, 28, 28)
    assert mnist.train_x.dtype == torch.float32 and mnist.train_y.dtype == torch.int64
    assert mnist.mean == (0.1307,) and mnist.std == (0.3081,)
    # Normalize((0.1307,), (0.3081,)) uses MNIST's own statistics: the training set ends up at mean 0, std 1
    assert abs(mnist.train_x.mean().item()) < 0.001
    assert abs(mnist.train_x.std().item() - 1) < 0.001
    assert mnist.train_y.bincount().tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert mnist.train_y[:5].tolist() == [5, 0, 4, 1, 9]  # the famous first digits
    assert mnist.classes == [str(digit) for digit in range(10)] and mnist.shape == (1, 28, 28)
    # torchvision's MNIST read the .gz files decompressed elsewhere: nothing was written into the data directory
    assert sorted(path.name for path in local("mnist").iterdir()) == sorted(MNIST_FILES)


def test_denormalize_gives_back_the_raw_pixels(mnist):
    with gzip.open(local("mnist") / "t10k-images-idx3-ubyte.gz") as file:  # IDX: a 16-byte header, then the pixels
        raw = np.frombuffer(file.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    shown = images.denormalize(mnist.test_x[:50], mnist)
    assert shown.min() >= 0 and shown.max() <= 1
    torch.testing.assert_close(shown[:, 0], torch.from_numpy(raw[:50].copy()).float() / 255, atol=1e-5, rtol=0)


def test_fashion_mnist_is_plain_to_tensor_like_d2l():
    local("fashion_mnist")
    data = images.load_images("fashion_mnist", download=False)
    assert data.train_x.shape == (60000, 1, 28, 28) and data.test_y.shape == (10000,)
    assert data.train_x.min() == 0 and data.train_x.max() == 1
    assert abs(data.train_x.mean().item() - 0.2860) < 0.0001 and abs(data.train_x.std().item() - 0.3530) < 0.0001
    assert data.classes[9] == "Ankle boot"
    assert images.class_names(data, "zh")[9] == "短靴" and images.class_names(data, "en")[0] == "T-shirt/top"
    assert data.train_y.bincount().tolist() == [6000] * 10


def test_a_missing_data_set_names_the_files_and_the_folder(tmp_path):
    with pytest.raises(images.DataUnavailable) as caught:
        images.load_images("mnist", root=tmp_path, download=False)
    error = caught.value
    assert error.key == "images.unavailable"
    for lang in ("en", "zh"):
        message = translate(error.key, lang, **error.values)
        assert str(tmp_path / "MNIST" / "raw") in message
        for file in MNIST_FILES:
            assert file in message
    assert "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz" in str(error)


def test_a_failed_download_says_why_and_leaves_no_partial_file(tmp_path):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "train-images-idx3-ubyte.gz").write_bytes(b"not the real file")
    with pytest.raises(images.DataUnavailable) as caught:
        images.download_files("mnist", tmp_path / "data", mirrors=(mirror.as_uri() + "/",))
    assert caught.value.key == "images.download_failed"
    assert "md5" in caught.value.values["reason"] and "train-images-idx3-ubyte.gz" in str(caught.value)
    assert list((tmp_path / "data" / "MNIST" / "raw").iterdir()) == []


def test_download_reports_progress_and_the_files_are_then_found(tmp_path):
    mirror = local("mnist")
    progress = []
    folder = images.download_files("mnist", tmp_path / "data", progress=progress.append,
                                   mirrors=(mirror.as_uri() + "/",))
    assert folder == tmp_path / "data" / "MNIST" / "raw"
    assert sorted(path.name for path in folder.iterdir()) == sorted(MNIST_FILES)
    assert progress == sorted(progress) and progress[-1] == 1.0 and len(progress) > 10
    assert images.find_local("mnist", tmp_path / "data") == folder


def test_the_downloader_streams_with_progress_and_checks_the_md5(tmp_path):
    source = tmp_path / "source.bin"
    source.write_bytes(bytes(range(256)) * 1000)  # 256,000 bytes: several chunks
    seen = []
    target = download(source.as_uri(), tmp_path / "got" / "file.bin", md5(source), lambda done, total: seen.append((done, total)))
    assert target.read_bytes() == source.read_bytes()
    assert seen == sorted(seen) and len(seen) > 1 and seen[-1] == (256_000, 256_000)
    # a file already there with the right md5 is not fetched again (this URL does not exist)
    assert download((tmp_path / "gone.bin").as_uri(), target, md5(source)) == target
    with pytest.raises(ChecksumError, match="md5"):
        download(source.as_uri(), tmp_path / "wrong" / "file.bin", "0" * 32)
    assert list((tmp_path / "wrong").iterdir()) == []  # neither the file nor its .part
    with pytest.raises(OSError):
        download((tmp_path / "gone.bin").as_uri(), tmp_path / "missing" / "file.bin")
    assert list((tmp_path / "missing").iterdir()) == []


def test_a_read_only_data_directory_downloads_into_the_cache(tmp_path):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    try:
        assert writable_root(read_only) == cache_dir()
        assert cache_dir().is_relative_to(tmp_path / "home")
    finally:
        read_only.chmod(0o755)


def test_files_found_in_the_cache_are_used(tmp_path):
    cached = cache_dir() / "MNIST" / "raw"
    cached.mkdir(parents=True)
    for file in MNIST_FILES[2:]:  # only the test files: the set is incomplete, so it is not found
        shutil.copy(local("mnist") / file, cached / file)
    assert images.find_local("mnist", tmp_path / "elsewhere") is None
    for file in MNIST_FILES[:2]:
        shutil.copy(local("mnist") / file, cached / file)
    assert images.find_local("mnist", tmp_path / "elsewhere") == cached


def test_uncompressed_idx_files_left_by_torchvision_are_read(tmp_path):
    folder = tmp_path / "MNIST" / "raw"
    folder.mkdir(parents=True)
    for file in MNIST_FILES:
        with gzip.open(local("mnist") / file) as packed:
            (folder / file.removesuffix(".gz")).write_bytes(packed.read())
    data = images.load_images("mnist", root=tmp_path, download=False)
    assert data.test_x.shape == (10000, 1, 28, 28) and data.test_y[:3].tolist() == [7, 2, 1]


def test_a_corrupt_file_is_reported_by_name(tmp_path):
    folder = tmp_path / "MNIST" / "raw"
    folder.mkdir(parents=True)
    for file in MNIST_FILES:
        (folder / file).write_bytes(gzip.compress(b"\x00\x00\x08\x03" + b"\x00" * 5))
    with pytest.raises(images.DataUnavailable) as caught:
        images.load_images("mnist", root=tmp_path, download=False)
    assert caught.value.key == "images.corrupt" and "train-images-idx3-ubyte.gz" in str(caught.value)


def test_the_fallback_is_mnist_like_digits_and_says_why(tmp_path):
    data = images.load_images_or_fallback("mnist", root=tmp_path, download=False)
    assert data.name == "digits" and data.source == "fallback"
    assert data.unavailable.key == "images.unavailable"
    assert len(data.train_y) + len(data.test_y) == 1797
    assert data.train_x.shape[1:] == (1, 28, 28) and data.train_y.dtype == torch.int64
    assert set(data.train_y.tolist()) == set(range(10))
    assert abs(data.train_x.mean().item()) < 0.01 and abs(data.train_x.std().item() - 1) < 0.01
    pixels = images.denormalize(data.train_x, data)
    assert pixels[:, :, :4].max() < 1e-5 and pixels[:, :, -4:].max() < 1e-5  # a 20×20 digit centred like MNIST's
    assert pixels[:, :, 8:20, 8:20].mean() > 0.2


def write_cifar(folder: Path, per_batch: int) -> dict:
    """Files in CIFAR-10's layout with known contents: image i of a batch is one flat colour per channel."""
    folder.mkdir(parents=True)
    expected = {}
    rng = np.random.default_rng(0)
    for file in images.SPECS["cifar10"].files[:-1]:
        colours = rng.integers(0, 256, size=(per_batch, 3), dtype=np.uint8)
        data = np.repeat(colours, 1024, axis=1)  # (N, 3072): 1024 reds, then greens, then blues
        labels = rng.integers(0, 10, size=per_batch).tolist()
        with open(folder / file, "wb") as out:  # the official batches are Python 2 pickles: str keys once loaded
            pickle.dump({"data": data, "labels": labels, "batch_label": file}, out)
        expected[file] = (colours, labels)
    with open(folder / "batches.meta", "wb") as out:
        pickle.dump({"label_names": images.CIFAR_CLASSES, "num_cases_per_batch": per_batch}, out)
    return expected


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def accept_as_official(monkeypatch, folder: Path) -> None:
    """Make torchvision's CIFAR10 take the generated files for the official ones (it checks every md5)."""
    cifar = torchvision.datasets.CIFAR10
    monkeypatch.setattr(cifar, "train_list", [[file, md5(folder / file)] for file, _ in cifar.train_list])
    monkeypatch.setattr(cifar, "test_list", [[file, md5(folder / file)] for file, _ in cifar.test_list])
    monkeypatch.setattr(cifar, "meta", {**cifar.meta, "md5": md5(folder / "batches.meta")})


def test_cifar10_is_read_from_its_batches(tmp_path, monkeypatch):
    expected = write_cifar(tmp_path / "cifar-10-batches-py", per_batch=6)
    accept_as_official(monkeypatch, tmp_path / "cifar-10-batches-py")
    data = images.load_images("cifar10", root=tmp_path, download=False)
    assert data.train_x.shape == (30, 3, 32, 32) and data.test_x.shape == (6, 3, 32, 32)
    assert data.train_y.dtype == torch.int64 and len(data.classes) == 10 and data.classes[3] == "cat"
    colours, labels = expected["test_batch"]
    assert data.test_y.tolist() == labels
    pixels = images.denormalize(data.test_x, data)
    torch.testing.assert_close(pixels[:, :, 5, 7], torch.from_numpy(colours).float() / 255, atol=1e-5, rtol=0)
    assert torch.equal(data.train_y[6:12], torch.tensor(expected["data_batch_2"][1]))
    assert images.class_names(data, "zh")[3] == "猫"


def test_cifar10_batches_that_are_not_the_official_files_are_refused_unread(tmp_path):
    """They are pickles: torchvision's CIFAR10 unpickles nothing whose md5 is not the published one."""
    write_cifar(tmp_path / "cifar-10-batches-py", per_batch=2)
    assert images.find_local("cifar10", tmp_path) == tmp_path / "cifar-10-batches-py"
    with pytest.raises(images.DataUnavailable) as caught:
        images.load_images("cifar10", root=tmp_path, download=False)
    assert caught.value.key == "images.corrupt" and str(tmp_path / "cifar-10-batches-py") in str(caught.value)
    assert images.load_images_or_fallback("cifar10", root=tmp_path, download=False).name == "digits"


def test_cifar10_is_downloaded_checked_and_unpacked(tmp_path, monkeypatch):
    packed = tmp_path / "mirror"
    expected = write_cifar(packed / "cifar-10-batches-py", per_batch=3)
    archive = packed / "cifar-10-python.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(packed / "cifar-10-batches-py", "cifar-10-batches-py")
    spec = images.SPECS["cifar10"]
    official = replace(spec.downloads[0], md5=md5(archive), size=archive.stat().st_size)
    monkeypatch.setitem(images.SPECS, "cifar10", replace(spec, downloads=(official,)))
    progress = []
    folder = images.download_files("cifar10", tmp_path / "data", progress.append, mirrors=(packed.as_uri() + "/",))
    assert folder == tmp_path / "data" / "cifar-10-batches-py" and progress[-1] == 1.0
    assert sorted(path.name for path in (tmp_path / "data").iterdir()) == ["cifar-10-batches-py"]  # the archive is gone
    accept_as_official(monkeypatch, folder)
    data = images.load_images("cifar10", root=tmp_path / "data", download=False)
    assert data.test_y.tolist() == expected["test_batch"][1] and data.train_x.shape == (15, 3, 32, 32)


def test_cifar10_missing_names_its_files(tmp_path):
    with pytest.raises(images.DataUnavailable) as caught:
        images.load_images("cifar10", root=tmp_path, download=False)
    message = str(caught.value)
    assert "data_batch_1" in message and "test_batch" in message and str(tmp_path / "cifar-10-batches-py") in message
    assert "batches.meta" in message
    assert "cifar-10-python.tar.gz" in message


def test_to_keeps_tensors_already_on_the_device(tmp_path):
    data = images.load_digits()
    moved = data.to("cpu")
    assert moved.train_x is data.train_x and moved.classes == data.classes and moved.device == torch.device("cpu")


def test_an_unknown_name_is_refused():
    with pytest.raises(ValueError, match="unknown data set"):
        images.load_images("imagenet")
