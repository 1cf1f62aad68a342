"""The standalone scripts of lecture 11: one model, or the race of the basic CNN, Inception and ResNet (dlcore.export)."""
from dlcore.export import Recipe
from dlcore.lectures.advanced_cnns.lecture import RACE
from dlcore.lectures.advanced_cnns.model import COMPARED, MODELS
from dlcore.lectures.classifiers.export import IMAGE_DATA, IMAGE_NOTES, IMAGE_USES, image_recipe

RACE_SETUP = """
    data = image_tensors(DATASET, options.data, DEVICE)
    model, steps, model_batches, evaluators = {}, {}, {}, {}  # each model's own, as lecture 11's Race keeps them
    for name, build in MODELS.items():
        its = TRAINING[name]
        model[name] = seeded_model(build, DEVICE, SEED)
        optimizer = make_optimizer(its["optimizer"], model[name].parameters(), its["lr"], its["momentum"])
        steps[name] = supervised_step(model[name], nn.CrossEntropyLoss(), optimizer)
        model_batches[name] = training_batches(data, its["batch_size"], TRAIN_SIZE, SEED)
        evaluators[name] = accuracy_evaluator(model[name], data)

    def batches():  # one batch of every model at a time (each model shuffles with its own generator)
        return zip(*(each() for each in model_batches.values()))

    def step(batch):  # every model trains on its batch; the race's loss is their mean
        losses = [steps[name](its_batch).item() for name, its_batch in zip(steps, batch)]
        return sum(losses) / len(losses)

    def evaluate():
        return {f"{name}:{metric}": value for name, each in evaluators.items() for metric, value in each().items()}

    def report():
        for name in MODELS:
            print(f"RESULT {name}:test_acc {history[-1][f'{name}:test_acc']:.6f}")
"""


def race_recipe() -> Recipe:
    models = ", ".join(f"{name!r}: {variant.build.__name__}" for name, variant in COMPARED.items())
    training_settings = {name: {key: variant.settings.defaults()[key]
                                for key in ("optimizer", "lr", "momentum", "batch_size")}
                         for name, variant in COMPARED.items()}
    training_lines = "".join(f"\n    {name!r}: {values!r}," for name, values in training_settings.items())
    constants = f"\nMODELS = {{{models}}}\nTRAINING = {{{training_lines}\n}}  # each model's lecture defaults\n"
    return Recipe("Lecture 11: the basic CNN, Inception and ResNet race on the same images", "lecture11_race.py",
                  (*(variant.build for variant in COMPARED.values()), *IMAGE_USES), RACE_SETUP,
                  ("DATASET", "EPOCHS", "TRAIN_SIZE"), IMAGE_DATA + constants,
                  "The page also times each model; this script does not. " + IMAGE_NOTES, rate="")


def recipe(variant: str | None = None) -> Recipe | None:
    if variant == RACE:
        return race_recipe()
    return image_recipe("Lecture 11", "lecture11", variant, MODELS[variant].build) if variant in MODELS else None
