"""Images from folders (dlcore.datasets.folders) and the transforms pipeline (dlcore.datasets.transforms): the real ants and bees, every
bad folder and zip, each step's output, a bad pipeline's message, augmentation's draws."""
import io
import zipfile

import pytest
import torch
from PIL import Image

from dlcore.datasets.folders import (UPLOAD_LIMIT_MB, FolderError, find_hymenoptera, read_image_folder, unpack_zip)
from dlcore.datasets.transforms import (DEFAULT_PIPELINE, PipelineError, as_code, build_pipeline, describe, draws, first_batch,
                               picture, run_steps)


def jpeg(size=(64, 48), colour=(200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def folder_of(tmp_path, files: dict[str, bytes]):
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    return tmp_path


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def ants_and_bees():
    folder = find_hymenoptera()
    if folder is None:
        pytest.skip("hymenoptera_data is not in the data directory")
    return folder


def test_the_ants_and_bees_are_read_with_the_gif_skipped_and_the_file_with_a_space_read(ants_and_bees):
    train, val = read_image_folder(ants_and_bees / "train"), read_image_folder(ants_and_bees / "val")
    assert (len(train), len(val)) == (244, 153)
    assert train.classes == ["ants", "bees"] and train.dataset.class_to_idx == {"ants": 0, "bees": 1}
    assert train.counts() == {"ants": 123, "bees": 121} and val.counts() == {"ants": 70, "bees": 83}
    assert [(item.path.name, item.reason) for item in train.skipped] == [("imageNotFound.gif", "type")]
    assert not val.skipped
    index = [path.rsplit("/", 1)[-1] for path, _ in train.dataset.samples].index("ant photos.jpg")
    photo, label = train.dataset[index]
    assert label == 0 and photo.mode == "RGB" and min(photo.size) > 0


def test_bad_folders_are_explained(tmp_path):
    with pytest.raises(FolderError) as error:
        read_image_folder(folder_of(tmp_path / "none", {"loose.jpg": jpeg()}))
    assert error.value.key == "folders.no_classes"
    with pytest.raises(FolderError) as error:
        read_image_folder(folder_of(tmp_path / "one", {"ants/a.jpg": jpeg()}))
    assert error.value.key == "folders.one_class" and error.value.values["name"] == "ants"
    with pytest.raises(FolderError) as error:
        read_image_folder(folder_of(tmp_path / "empty", {"ants/notes.txt": b"x", "bees/b.txt": b"y"}))
    assert error.value.key == "folders.no_images"
    mixed = read_image_folder(folder_of(tmp_path / "mixed", {"ants/a.jpg": jpeg(), "ants/fake.jpg": b"not a jpeg",
                                                           "bees/b.png": jpeg(), "bees/list.csv": b"1,2"}))
    assert mixed.counts() == {"ants": 1, "bees": 1}  # b.png holds JPEG bytes: PIL reads what it holds
    assert {(item.path.name, item.reason) for item in mixed.skipped} == {("fake.jpg", "unreadable"), ("list.csv", "type")}


def test_a_zip_is_unpacked_with_or_without_a_top_folder_or_splits(tmp_path):
    flat = unpack_zip(zipped({"ants/a.jpg": jpeg(), "bees/b.jpg": jpeg(), "__MACOSX/ants/._a.jpg": b"x",
                              "bees/.DS_Store": b"x"}), tmp_path / "flat")
    assert list(flat) == ["all"] and read_image_folder(flat["all"]).counts() == {"ants": 1, "bees": 1}
    nested = unpack_zip(zipped({"my photos/ants/a.jpg": jpeg(), "my photos/bees/b.jpg": jpeg()}), tmp_path / "nested")
    assert nested["all"].name == "my photos" and len(read_image_folder(nested["all"])) == 2
    splits = unpack_zip(zipped({f"data/{split}/{kind}/{n}.jpg": jpeg() for split in ("train", "val")
                                for kind in ("ants", "bees") for n in range(2)}), tmp_path / "splits")
    assert sorted(splits) == ["train", "val"] and len(read_image_folder(splits["val"])) == 4
    one_class = unpack_zip(zipped({"ants/a.jpg": jpeg()}), tmp_path / "one")  # not taken for a top folder
    with pytest.raises(FolderError) as error:
        read_image_folder(one_class["all"])
    assert error.value.key == "folders.one_class"


@pytest.mark.parametrize("content, key", [
    (b"PK\x03\x04 this is no zip", "folders.not_zip"),
    (zipped({}), "folders.zip_empty"),
    (zipped({"__MACOSX/._x": b"x"}), "folders.zip_empty"),
    (zipped({"ants/a.jpg": jpeg(), "../../evil.jpg": jpeg()}), "folders.zip_unsafe"),
    (zipped({"/etc/evil.jpg": jpeg(), "bees/b.jpg": jpeg()}), "folders.zip_unsafe"),
    (b"PK" + bytes(UPLOAD_LIMIT_MB * 2**20), "folders.zip_too_large"),
], ids=["not_zip", "empty", "only_macos_files", "dot_dot", "absolute", "too_large"])
def test_a_bad_zip_is_refused_with_its_reason(tmp_path, content, key):
    with pytest.raises(FolderError) as error:
        unpack_zip(content, tmp_path / "out")
    assert error.value.key == key
    assert not (tmp_path / "evil.jpg").exists() and not (tmp_path.parent / "evil.jpg").exists()


def test_each_step_of_the_default_pipeline_has_its_type_shape_and_range(ants_and_bees):
    photo = Image.open(ants_and_bees / "train" / "ants" / "0013035.jpg").convert("RGB")
    outputs = run_steps(build_pipeline(DEFAULT_PIPELINE), photo)
    shown = [describe(output) for output in outputs]
    assert [item.kind for item in shown] == ["PIL.Image"] * 5 + ["Tensor"] * 2
    assert shown[0].size == f"{photo.width} × {photo.height}, RGB"
    assert min(outputs[1].size) == 256 and outputs[2].size == (224, 224)
    assert shown[5].size == shown[6].size == "(3, 224, 224), float32"
    assert 0 <= shown[5].low < shown[5].high <= 1 and shown[4].high <= 255
    assert shown[6].low < 0 < shown[6].high  # Normalize with ImageNet's mean and std
    expected = (outputs[5] - torch.tensor([0.485, 0.456, 0.406])[:, None, None]) / torch.tensor([0.229, 0.224, 0.225])[:, None, None]
    assert torch.allclose(outputs[6], expected, atol=1e-6)
    assert picture(outputs[6], build_pipeline(DEFAULT_PIPELINE)).size == (224, 224)
    assert as_code("Resize(256), ToTensor()") == "transforms.Resize(256), transforms.ToTensor()"


@pytest.mark.parametrize("text, key, step", [
    ("Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5]), ToTensor()", "transforms.needs_tensor", 1),
    ("ToTensor(), ToTensor()", "transforms.needs_picture", 2),
    ("Resize(32), RandomCrop(64)", "transforms.failed", 2),
    ("ToTensor(), Normalize([0.5] , [0, 0, 0])", "transforms.failed", 2),
    ("Resize(32), ColorJitter(-1)", "transforms.bad_arguments", 2),
    ("Resize(32), Blur(3)", "transforms.unknown", 2),
    ("Resize(size)", "transforms.literal", 1),
    ("ToTensor(), Resize(100000)", "transforms.too_large", 2),  # a link must not ask the server for 20 GB
    ("RandomCrop(224, padding=(0, 5000))", "transforms.too_large", 1),
    ("Resize(32", "transforms.syntax", None),
])
def test_a_pipeline_that_cannot_run_names_its_step(text, key, step):
    with pytest.raises(PipelineError) as error:
        run_steps(build_pipeline(text), Image.new("RGB", (48, 40)))
    assert error.value.key == key and error.value.values.get("step") == step


def test_augmentation_differs_between_draws_and_repeats_with_the_seed():
    photo = Image.frombytes("RGB", (80, 60), torch.randint(0, 256, (80 * 60 * 3,), dtype=torch.uint8,
                                                           generator=torch.Generator().manual_seed(0)).numpy().tobytes())
    pipeline = build_pipeline("RandomResizedCrop(32), RandomHorizontalFlip(), ColorJitter(0.4, 0.4, 0.4), ToTensor()")
    first, again, other = (draws(pipeline, photo, 4, seed) for seed in (14, 14, 15))
    ends = [outputs[-1] for outputs in first]
    assert all(end.shape == (3, 32, 32) for end in ends)
    assert not any(torch.equal(ends[0], end) for end in ends[1:])
    assert all(torch.equal(a[-1], b[-1]) for a, b in zip(first, again))
    assert not torch.equal(first[0][-1], other[0][-1])
    state = torch.get_rng_state()
    draws(pipeline, photo, 2, 3)
    assert torch.equal(state, torch.get_rng_state())  # the global generator is given back as it was


def test_a_batch_of_photos_collates_only_when_they_are_tensors_of_one_size(ants_and_bees):
    images = read_image_folder(ants_and_bees / "val")
    batch, labels = first_batch(images.with_transform(build_pipeline("RandomResizedCrop(64), ToTensor()")), 4, 14)
    assert batch.shape == (4, 3, 64, 64) and labels.shape == (4,) and images.dataset.transform is None
    with pytest.raises(PipelineError) as error:
        first_batch(images.with_transform(build_pipeline("Resize(64), ToTensor()")), 4, 14)
    assert error.value.key == "transforms.collate"
