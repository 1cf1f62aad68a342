"""Which devices this machine can train on."""
from __future__ import annotations

import os
from dataclasses import fields, replace
from typing import ClassVar

import torch


def available_devices() -> dict[str, str]:
    """Device id -> a label for people, listing only devices that exist here.

    The CPU is always there; then every CUDA GPU by name; then Apple's MPS.
    """
    devices = {"cpu": "CPU"}
    if torch.cuda.is_available():
        for index in range(torch.cuda.device_count()):
            devices[f"cuda:{index}"] = f"GPU {index}: {torch.cuda.get_device_name(index)}"
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        devices["mps"] = "Apple MPS"
    return devices


def race_devices() -> list[str]:
    """The CPU and the first GPU, when this machine has a GPU (the CPU-against-GPU race is offered only then)."""
    gpus = [device for device in available_devices() if device != "cpu"]
    return ["cpu", gpus[0]] if gpus else []


def pick_device(device_id: str | None) -> torch.device:
    """The device with this id if it exists, otherwise the CPU."""
    return torch.device(device_id if device_id in available_devices() else "cpu")


def seed_everything(seed: int) -> torch.Generator:
    """Seed torch's global generator and return a CPU generator for shuffling."""
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


THREADS_VARIABLE = "DL_CLASSROOM_THREADS"


def usable_cores() -> int:
    """The CPU cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def set_training_threads() -> int:
    """Train on all CPU cores but one (or on DL_CLASSROOM_THREADS threads), and return how many that is.

    The browser drawing the live charts (and Streamlit sending them) needs a core;
    when PyTorch's threads have to share every core with it, they wait on each
    other: on two cores the CNN page trained 3.5 times slower with two threads than
    with one. Set the variable when the browser runs on another machine.
    """
    threads = max(1, usable_cores() - 1)
    if os.environ.get(THREADS_VARIABLE, "").strip().isdigit():
        threads = max(1, int(os.environ[THREADS_VARIABLE]))
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    return threads


class Movable:
    """A dataclass of tensors that moves to a device in one call: every field that is a tensor or Movable itself,
    but those named in `stays` (kept where they are: lengths that pack_padded_sequence wants on the CPU, points
    kept to draw)."""

    stays: ClassVar[tuple[str, ...]] = ()

    def to(self, device):
        """The same data on the device (the same tensors when already there)."""
        moved = {}
        for declared in fields(self):
            value = getattr(self, declared.name)
            if declared.name not in self.stays and isinstance(value, torch.Tensor | Movable):
                moved[declared.name] = value.to(device)
        return replace(self, **moved)
