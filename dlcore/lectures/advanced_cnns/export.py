"""The standalone scripts of lecture 11: one model, or the race of the basic CNN, Inception and ResNet (dlcore.export)."""
from dlcore.export import Recipe
from dlcore.lectures.advanced_cnns.lecture import RACE
from dlcore.engine.side_by_side import SideBySide
from dlcore.lectures.advanced_cnns.model import COMPARED, MODELS, TRAINED_AS, race_lane
from dlcore.lectures.classifiers.export import IMAGE_DATA, IMAGE_NOTES, IMAGE_USES, image_recipe

RACE_SETUP = """
    data = image_tensors(DATASET, options.data, DEVICE)
    race = SideBySide({name: race_lane(build, TRAINING[name], data, TRAIN_SIZE, DEVICE, SEED)
                       for name, build in MODELS.items()})
    model, step, batches, evaluate = race.models, race.step, race.batches, race.evaluate

    def report():
        for name in MODELS:
            print(f"RESULT {name}:test_acc {history[-1][f'{name}:test_acc']:.6f}")
"""


def race_recipe() -> Recipe:
    models = ", ".join(f"{name!r}: {variant.build.__name__}" for name, variant in COMPARED.items())
    training_settings = {name: {key: variant.settings.defaults()[key] for key in TRAINED_AS}
                         for name, variant in COMPARED.items()}
    training_lines = "".join(f"\n    {name!r}: {values!r}," for name, values in training_settings.items())
    constants = f"\nMODELS = {{{models}}}\nTRAINING = {{{training_lines}\n}}  # each model's lecture defaults\n"
    return Recipe("Lecture 11: the basic CNN, Inception and ResNet race on the same images", "lecture11_race.py",
                  (*(variant.build for variant in COMPARED.values()), race_lane, SideBySide, *IMAGE_USES), RACE_SETUP,
                  ("DATASET", "EPOCHS", "TRAIN_SIZE"), IMAGE_DATA + constants,
                  "Each model's seconds are this machine's, not the page's. " + IMAGE_NOTES, rate="")


def recipe(variant: str | None = None) -> Recipe | None:
    if variant == RACE:
        return race_recipe()
    return image_recipe("Lecture 11", "lecture11", variant, MODELS[variant].build) if variant in MODELS else None
