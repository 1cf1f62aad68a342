"""Saving and loading a model's weights (its state_dict) as bytes, with clear reasons when a file does not fit."""
from __future__ import annotations

import io

import torch


class WeightsError(ValueError):
    """A weights file that cannot be loaded; `key` names the message, `values` fill it in."""

    def __init__(self, key: str, **values):
        super().__init__(key, values)
        self.key, self.values = key, values


def weights_bytes(model: torch.nn.Module) -> bytes:
    return state_bytes(model.state_dict())


def state_bytes(state: dict) -> bytes:
    """A state_dict as the bytes of a .pt file (torch.save), its tensors on the CPU."""
    buffer = io.BytesIO()
    torch.save({name: tensor.cpu() for name, tensor in state.items()}, buffer)
    return buffer.getvalue()


def load_weights(model: torch.nn.Module, data: bytes) -> None:
    """Load a state_dict saved by `weights_bytes` (or torch.save) into model, or raise WeightsError.

    torch.load runs with weights_only=True: a file cannot run code when it is read.
    """
    device = next(model.parameters()).device
    try:
        state = torch.load(io.BytesIO(data), map_location=device, weights_only=True)
    except Exception:
        raise WeightsError("weights.unreadable") from None
    if not isinstance(state, dict) or not all(torch.is_tensor(v) for v in state.values()):
        raise WeightsError("weights.not_state_dict")
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
