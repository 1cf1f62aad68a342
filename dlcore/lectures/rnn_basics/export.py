"""The standalone script of a run of lecture 12 (dlcore.export)."""
from dlcore.engine import training
from dlcore.export import Recipe
from dlcore.lectures.rnn_basics import model as sequences


def recipe(variant: str | None = None) -> Recipe:
    return Recipe(
        "Lecture 12: an RNN learns hello -> ohlol", "lecture12_rnn.py",
        (sequences.char_task, sequences.build_model, sequences.task_batch, sequences.EpochLog,
         sequences.step_function, training.full_batch, training.make_optimizer),
        """
    task = char_task(SOURCE, TARGET)
    torch.manual_seed(SEED)
    model = build_model(VARIANT, len(task.vocabulary), HIDDEN_SIZE, NUM_LAYERS).to(DEVICE)
    optimizer = make_optimizer("Adam", model.parameters(), LR)
    log = EpochLog()  # what the network predicted in every epoch
    step = step_function(VARIANT)(model, nn.CrossEntropyLoss(), optimizer, log)
    batches = full_batch(*task_batch(VARIANT, task, DEVICE))

    def evaluate():
        return {"predicted": task.decode(log.last.prediction)}

    def report():
        print(f"RESULT predicted {task.decode(log.last.prediction)}")
""", ("SOURCE", "TARGET", "VARIANT", "HIDDEN_SIZE", "NUM_LAYERS", "LR", "EPOCHS"))
