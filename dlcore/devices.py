"""Which devices this machine can train on."""
from __future__ import annotations

import os

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


def pick_device(device_id: str | None) -> torch.device:
    """The device with this id if it exists, otherwise the CPU."""
    return torch.device(device_id if device_id in available_devices() else "cpu")


def seed_everything(seed: int) -> torch.Generator:
    """Seed torch's global generator and return a CPU generator for shuffling."""
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


def leave_a_core_for_the_browser() -> int:
    """Train on all CPU cores but one, and return how many that is.

    The browser drawing the live charts (and Streamlit sending them) needs a core;
    when PyTorch's threads have to share every core with it, they wait on each
    other and training can slow down many times over.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    threads = max(1, cores - 1)
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    return threads
