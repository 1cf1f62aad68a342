"""What the scripts of the image pages share: reading a data set as the app does, and the setup of one model
trained on it (dlcore.export)."""
from dlcore.datasets.images import SPECS, normalized
from dlcore.engine.metrics import accuracy, accuracy_evaluator
from dlcore.export import OPTIMIZER_USES, UPLOAD_NOTE, GPU_NOTE, Recipe
from dlcore.lectures.classifiers.training import seeded_model, training_batches

IMAGE_DATA = '''

@dataclass
class ImageData:
    train_x: torch.Tensor  # (N, C, H, W) float32, normalised with the data set's mean and std
    train_y: torch.Tensor  # (N,) int64
    test_x: torch.Tensor
    test_y: torch.Tensor

    @property
    def device(self) -> torch.device:
        return self.train_x.device


def read_idx(path: Path) -> torch.Tensor:
    """An MNIST-style file (.gz): a header of 4-byte numbers, then the bytes of the images or labels."""
    content = gzip.open(path).read()
    dimensions = content[3]
    shape = [int.from_bytes(content[4 + 4 * i : 8 + 4 * i], "big") for i in range(dimensions)]
    return torch.from_numpy(np.frombuffer(content, np.uint8, offset=4 + 4 * dimensions).copy()).view(shape)


def image_tensors(name: str, root: Path, device) -> ImageData:
    """The data set as normalised tensors: MNIST's .gz files read as they are, anything else (or missing files)
    through torchvision, which downloads into the data folder what is not there."""
    split = {}
    for train, prefix in ((True, "train"), (False, "t10k")):
        raw = root / FOLDERS[name] / "raw"
        files = [raw / f"{prefix}-images-idx3-ubyte.gz", raw / f"{prefix}-labels-idx1-ubyte.gz"]
        if name != "cifar10" and all(file.exists() for file in files):
            images, labels = read_idx(files[0]), read_idx(files[1]).long()
        else:
            from torchvision import datasets
            dataset = getattr(datasets, CLASSES[name])(root, train=train, download=True)
            images, labels = torch.as_tensor(dataset.data), torch.as_tensor(dataset.targets, dtype=torch.int64)
            images = images.permute(0, 3, 1, 2) if images.dim() == 4 else images  # CIFAR-10 is (N, H, W, C)
        split[train] = normalized(images, MEANS[name], STDS[name]).to(device), labels.to(device)
    return ImageData(*split[True], *split[False])


''' + "\n".join(f"{name} = {value!r}" for name, value in {
    "FOLDERS": {name: spec.folder.split("/")[0] for name, spec in SPECS.items()},
    "CLASSES": {name: spec.dataset.__name__ for name, spec in SPECS.items()},
    "MEANS": {name: spec.mean for name, spec in SPECS.items()},
    "STDS": {name: spec.std for name, spec in SPECS.items()}}.items()) + "\n"

IMAGES = """
    data = image_tensors(DATASET, options.data, DEVICE)
    model = seeded_model({build}, DEVICE, SEED)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR, MOMENTUM)
    step = supervised_step(model, nn.CrossEntropyLoss(), optimizer)
    batches = training_batches(data, BATCH_SIZE, TRAIN_SIZE, SEED)
    evaluate = accuracy_evaluator(model, data)  # train and test accuracy on 2,000 fixed images each

    def report():
        print(f"RESULT test_acc_all {accuracy(model, data.test_x, data.test_y):.6f}")
"""
IMAGE_USES = (training_batches, seeded_model, accuracy_evaluator, accuracy, normalized, *OPTIMIZER_USES)
IMAGE_CONSTANTS = ("DATASET", "LR", "EPOCHS", "BATCH_SIZE", "OPTIMIZER", "MOMENTUM", "TRAIN_SIZE")
IMAGE_NOTES = ("When the page could not get its data set it trained on scikit-learn's 8x8 digits instead; this script "
                "reads the data set named above. " + GPU_NOTE)


def image_recipe(lecture: str, prefix: str, variant: str, build) -> Recipe:
    """The script of one model (the variant, made by `build`) trained on an image data set: "Lecture 9",
    "lecture09", "course"."""
    return Recipe(f"{lecture}: {build.__name__} on an image data set", f"{prefix}_{variant}.py",
                  (build, *IMAGE_USES), IMAGES.replace("{build}", build.__name__), IMAGE_CONSTANTS, IMAGE_DATA,
                  f"{IMAGE_NOTES} {UPLOAD_NOTE}")
