"""Saving and loading a model's weights (its state_dict) as bytes, with clear reasons when a file does not fit.
A file may be a `torch.save` file (.pt, .pth) or a `.safetensors` one (Hugging Face's format)."""
from __future__ import annotations

import io
import struct

import torch
from safetensors.torch import load as load_safetensors
from dlcore.engine.errors import Explained


class WeightsError(Explained, ValueError):
    """A weights file that cannot be loaded; `key` names the message, `values` fill it in."""


def weights_bytes(model: torch.nn.Module) -> bytes:
    return state_bytes(model.state_dict())


def state_bytes(state: dict) -> bytes:
    """A state_dict as the bytes of a .pt file (torch.save), its tensors on the CPU."""
    buffer = io.BytesIO()
    torch.save({name: tensor.cpu() for name, tensor in state.items()}, buffer)
    return buffer.getvalue()


def is_safetensors(data: bytes) -> bool:
    """Whether the bytes are a .safetensors file: an 8-byte header length, then that many bytes of JSON."""
    if len(data) < 10 or data[8:9] != b"{":
        return False
    length = struct.unpack("<Q", data[:8])[0]
    return length <= len(data) - 8


def read_state(data: bytes) -> dict:
    """The state_dict in a weights file's bytes (torch.save or .safetensors), its tensors on the CPU, or
    WeightsError: unreadable, not a state_dict of tensors, or holding a NaN or an infinity (named)."""
    try:
        if is_safetensors(data):
            state = load_safetensors(data)
        else:
            state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception:  # torch.load and safetensors raise many kinds: all mean the same to the user
        raise WeightsError("weights.unreadable") from None
    if not isinstance(state, dict) or not all(isinstance(k, str) and torch.is_tensor(v) for k, v in state.items()):
        raise WeightsError("weights.not_state_dict")
    for name, tensor in state.items():
        if (tensor.is_floating_point() or tensor.is_complex()) and not torch.isfinite(tensor).all():
            raise WeightsError("weights.not_finite", name=name, bad=int((~torch.isfinite(tensor)).sum()),
                               total=tensor.numel())
    return state


def load_weights(model: torch.nn.Module, data: bytes) -> None:
    """Load a state_dict saved by `weights_bytes` (or torch.save, or as .safetensors) into model, or raise
    WeightsError.

    torch.load runs with weights_only=True: a file cannot run code when it is read.
    """
    state = read_state(data)
    expected = model.state_dict()
    missing = sorted(expected.keys() - state.keys())
    unexpected = sorted(state.keys() - expected.keys())
    if missing or unexpected:
        raise WeightsError("weights.other_model", missing=", ".join(missing[:5]) or "—",
                           unexpected=", ".join(unexpected[:5]) or "—")
    for name, tensor in state.items():
        if tensor.shape != expected[name].shape:
            raise WeightsError("weights.shape", name=name, got=tuple(tensor.shape), want=tuple(expected[name].shape))
    model.load_state_dict(state)
