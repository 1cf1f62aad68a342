"""The standalone scripts of the generalisation page's polynomial and weight decay (dlcore.export; dropout has none)."""
from dlcore.engine import training
from dlcore.export import Recipe
from dlcore.lectures.generalisation import model as generalisation


def recipe(variant: str | None = None) -> Recipe | None:
    if variant == "polynomial":
        return Recipe(
        "Generalisation (d2l): a polynomial fitted to a cubic's points", "generalisation_polynomial.py",
        (generalisation.polynomial_data, generalisation.split_evaluator, training.minibatches,
         training.supervised_step),
        """
    data = polynomial_data(DEGREE, TRAIN_POINTS, POWERS == "standardised").to(DEVICE)
    torch.manual_seed(SEED)
    model = nn.Linear(DEGREE, 1).to(DEVICE)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    loss = nn.MSELoss()
    step = supervised_step(model, loss, optimizer)
    batches = minibatches(data.train_x, data.train_y, min(10, TRAIN_POINTS), torch.Generator().manual_seed(SEED))
    evaluate = split_evaluator(model, data, loss)  # the loss on all training and all test points

    def report():
        bias, weights = data.coefficients(model)  # the polynomial the model computes, in powers of x
        print(f"RESULT b {bias:.6f}")
        for power, weight in enumerate(weights, start=1):
            print(f"RESULT w{power} {weight:.6f}")
""", ("DEGREE", "TRAIN_POINTS", "POWERS", "LR", "EPOCHS"))
    if variant == "weight_decay":
        return Recipe(
        "Generalisation (d2l): weight decay on 20 samples of 200 inputs", "generalisation_weight_decay.py",
        (generalisation.high_dimensional_data, generalisation.decay_model, generalisation.decay_step,
         generalisation.split_evaluator, training.minibatches),
        """
    data = high_dimensional_data().to(DEVICE)
    torch.manual_seed(SEED)
    model = decay_model(data.train_x.shape[1]).to(DEVICE)
    step, optimizer = decay_step(model, LAMBD, WAY, LR)
    batches = minibatches(data.train_x, data.train_y, 1, torch.Generator().manual_seed(SEED))  # one sample a step
    evaluate = split_evaluator(model, data, squared_loss, model.weight)  # both losses and the weights' norm

    def report():
        print(f"RESULT weight_norm {model.weight.norm().item():.6f}")
""", ("LAMBD", "WAY", "LR", "EPOCHS"))
    return None
