"""The standalone script of a run of lecture 13 (dlcore.export)."""
from dlcore.engine import training
from dlcore.export import GPU_NOTE, UPLOAD_NOTE, Recipe
from dlcore.lectures.names import model as names


NAMES_DATA = f'''

NAMES_URL = {names.NAMES_URL!r}


def names_folder(root: Path) -> Path:
    """The names/*.txt files of the PyTorch tutorial, downloaded into the data folder when they are not there."""
    folder = root / "names"
    if not any(folder.glob("*.txt")):
        print(f"downloading {{NAMES_URL}} into {{folder}}")
        folder.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(NAMES_URL) as response:
            archive = zipfile.ZipFile(io.BytesIO(response.read()))
        for member in archive.namelist():
            if member.startswith("data/names/") and member.endswith(".txt"):
                (folder / Path(member).name).write_bytes(archive.read(member))
    return folder
'''


def recipe(variant: str | None = None) -> Recipe:
    return Recipe(
        "Lecture 13: a GRU names a surname's language", "lecture13_names.py",
        (names.read_names, names.names_data, names.NameClassifier, names.name_batches, names.name_step,
         names.HeldOutAccuracy, training.make_optimizer),
        """
    data = names_data(read_names(names_folder(options.data))).to(DEVICE)
    torch.manual_seed(SEED)
    model = NameClassifier(len(data.vocabulary), len(data.languages), HIDDEN_SIZE, NUM_LAYERS, BIDIRECTIONAL)
    model = model.to(DEVICE)
    optimizer = make_optimizer("Adam", model.parameters(), LR)
    evaluate = HeldOutAccuracy(model, data)  # the test accuracy after every epoch
    step = name_step(model, nn.CrossEntropyLoss(), optimizer)
    batches = name_batches(data.train, BATCH_SIZE, torch.Generator().manual_seed(SEED))

    def report():
        print(f"RESULT accuracy {history[-1]['accuracy']:.6f}")
""", ("HIDDEN_SIZE", "NUM_LAYERS", "BIDIRECTIONAL", "LR", "EPOCHS", "BATCH_SIZE"), NAMES_DATA,
        f"{GPU_NOTE} {UPLOAD_NOTE}")
