"""A torchvision transforms pipeline written as the list inside `transforms.Compose([...])`, checked, and run step
by step on one photo (seed 002's ToTensor, Normalize, Resize, RandomCrop, RandomResizedCrop, RandomHorizontalFlip,
ColorJitter, and a few more).

`build_pipeline(text)` reads "Resize(256), RandomResizedCrop(224), ToTensor()" with Python's own parser (only the
known steps, only literal arguments) into a real `Compose`; `run_steps` applies its steps one by one and keeps each
output; `draws` runs the pipeline several times from one seed, so that augmentation's randomness is seen (and the same
seed gives the same draws).  What cannot run raises PipelineError naming the step.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image
from torchvision import transforms as T
from torchvision.transforms.functional import to_pil_image
from dlcore.engine.errors import Explained

STEPS = {step.__name__: step for step in (
    T.Resize, T.CenterCrop, T.RandomCrop, T.RandomResizedCrop, T.RandomHorizontalFlip, T.RandomRotation,
    T.ColorJitter, T.Grayscale, T.ToTensor, T.Normalize)}
"""The steps a pipeline may use, by the name it is written with."""

LARGEST_NUMBER = 2048
"""No argument may be larger (a size, a padding): `Resize(100000)` in a link would ask the server for 20 GB."""

IMAGENET_MEAN, IMAGENET_STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
DEFAULT_PIPELINE = ("Resize(256), RandomResizedCrop(224), RandomHorizontalFlip(), ColorJitter(0.4, 0.4, 0.4), "
                    f"ToTensor(), Normalize({IMAGENET_MEAN}, {IMAGENET_STD})")
"""An ImageNet-style training augmentation: the pipeline a pretrained network is fine-tuned with."""

EXAMPLES = {"Resize": "Resize(256)", "CenterCrop": "CenterCrop(224)", "RandomCrop": "RandomCrop(224)",
            "RandomResizedCrop": "RandomResizedCrop(224, scale=(0.08, 1.0))",
            "RandomHorizontalFlip": "RandomHorizontalFlip(p=0.5)", "RandomRotation": "RandomRotation(30)",
            "ColorJitter": "ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4, hue=0.1)",
            "Grayscale": "Grayscale(num_output_channels=3)", "ToTensor": "ToTensor()",
            "Normalize": f"Normalize(mean={IMAGENET_MEAN}, std={IMAGENET_STD})"}
"""Each step as it is written with its usual arguments (what "add a step" appends)."""


class PipelineError(Explained, ValueError):
    """A pipeline that cannot be built or run; `key` names the message, `values` fill it in (step: its number)."""


def _step_name(node: ast.expr) -> str | None:
    """The step a list element names: `Resize(256)`, `transforms.Resize(256)` or a bare `RandomHorizontalFlip`."""
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else None


def _elements(text: str) -> list[tuple[ast.expr, str]]:
    """The list's elements and how each is written; PipelineError("transforms.syntax") when it is not Python."""
    source = f"[{text}\n]"
    try:
        elements = ast.parse(source, mode="eval").body.elts
    except SyntaxError as error:
        raise PipelineError("transforms.syntax", detail=error.msg) from None
    return [(node, ast.get_source_segment(source, node) or "") for node in elements]


def split_steps(text: str) -> list[str]:
    """Each step as it is written ("Resize(256)", …); PipelineError when the text is not a list of them."""
    return [written for _, written in _elements(text)]


def join_steps(steps: list[str]) -> str:
    return ", ".join(steps)


def as_code(text: str) -> str:
    """The steps as the notes write them: `transforms.Resize(256), transforms.ToTensor()`."""
    return re.sub(rf"(?<![.\w])({'|'.join(STEPS)})\b", r"transforms.\1", text)


def _largest(value) -> float:
    """The largest number in an argument (numbers, lists and tuples of them; 0 for anything else)."""
    if isinstance(value, (list, tuple)):
        return max((_largest(item) for item in value), default=0)
    return abs(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def build_pipeline(text: str) -> T.Compose:
    """The Compose that `text` (the list of steps, comma-separated) writes; PipelineError when it is not one."""
    steps = []
    for number, (node, written) in enumerate(_elements(text), 1):
        name = _step_name(node)
        if name not in STEPS:
            raise PipelineError("transforms.unknown", step=number, written=written, known=", ".join(STEPS))
        call = node if isinstance(node, ast.Call) else ast.Call(node, [], [])
        try:
            args = [ast.literal_eval(arg) for arg in call.args]
            kwargs = {keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}
        except (ValueError, TypeError, SyntaxError):
            raise PipelineError("transforms.literal", step=number, written=written) from None
        if _largest(args + list(kwargs.values())) > LARGEST_NUMBER:
            raise PipelineError("transforms.too_large", step=number, written=written, largest=LARGEST_NUMBER)
        try:
            steps.append(STEPS[name](*args, **kwargs))
        except (TypeError, ValueError) as error:
            raise PipelineError("transforms.bad_arguments", step=number, written=written, detail=str(error)) from None
    return T.Compose(steps)


def run_steps(pipeline: T.Compose, photo: Image.Image) -> list:
    """The photo, then each step's output in turn; PipelineError naming the step that cannot take its input."""
    outputs = [photo]
    for number, step in enumerate(pipeline.transforms, 1):
        value = outputs[-1]
        try:
            outputs.append(step(value))
        except (TypeError, ValueError, RuntimeError, IndexError) as error:
            key = "transforms.failed"
            if isinstance(error, TypeError):  # a tensor step given a picture, or ToTensor given a tensor
                key = "transforms.needs_tensor" if isinstance(value, Image.Image) else "transforms.needs_picture"
            raise PipelineError(key, step=number, written=repr(step), detail=str(error), got=kind(value)) from None
    return outputs


def draws(pipeline: T.Compose, photo: Image.Image, count: int, seed: int) -> list[list]:
    """The pipeline run `count` times on the photo (each run's outputs, as run_steps), its random steps drawn from
    `seed`: the same seed gives the same draws.  torchvision's random transforms draw from torch's global generator,
    so it is seeded here and given back its state afterwards."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return [run_steps(pipeline, photo) for _ in range(count)]


def kind(value) -> str:
    return "PIL.Image" if isinstance(value, Image.Image) else type(value).__name__


@dataclass
class Described:
    """One step's output as the table shows it: its type, its size (PIL: W × H and mode; tensor: shape and dtype),
    and its values' range."""

    kind: str
    size: str
    low: float
    high: float
    mean: float


def describe(value) -> Described:
    if isinstance(value, Image.Image):
        pixels = np.asarray(value, dtype=np.float32)
        size = f"{value.width} × {value.height}, {value.mode}"
    else:
        pixels = value.detach().float().numpy()
        size = f"{tuple(value.shape)}, {str(value.dtype).removeprefix('torch.')}"
    return Described(kind(value), size, float(pixels.min()), float(pixels.max()), float(pixels.mean()))


def picture(value, pipeline: T.Compose) -> Image.Image:
    """An output as a picture to look at: a PIL image as it is; a tensor with the pipeline's Normalize steps undone
    (x · std + mean) and clipped to [0, 1]."""
    if isinstance(value, Image.Image):
        return value.convert("RGB")
    tensor = value.detach().float()
    for step in reversed(pipeline.transforms):
        if isinstance(step, T.Normalize):
            tensor = tensor * torch.as_tensor(step.std).reshape(-1, 1, 1) + torch.as_tensor(step.mean).reshape(-1, 1, 1)
    return to_pil_image(tensor.clamp(0, 1)).convert("RGB")


def normalized(pipeline: T.Compose) -> bool:
    return any(isinstance(step, T.Normalize) for step in pipeline.transforms)


def first_batch(dataset, batch_size: int, seed: int):
    """(images, labels) of a shuffled DataLoader's first batch over `dataset` (an ImageFolder with its transform), as
    the notes' loop reads them; PipelineError("transforms.collate") when the pipeline fails on a photo of the batch or its outputs
    cannot be stacked into one tensor (pictures, or tensors of different sizes)."""
    loader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True,
                                         generator=torch.Generator().manual_seed(seed))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        try:
            return next(iter(loader))
        except (TypeError, RuntimeError, ValueError) as error:
            raise PipelineError("transforms.collate", detail=str(error).splitlines()[0]) from None
