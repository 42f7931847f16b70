"""Store a model's weights as int8 safetensors (per-row scales) and load them back as fp32.

The shipped MiniLM is 22.7 M parameters: 45 MB in fp16, 23 MB here. Every
2-D weight with at least 4,096 values (the embeddings and every Linear) is
stored as int8 with one fp32 scale per output row (symmetric, max-abs / 127);
biases, LayerNorms and the small classifier head stay fp16. Loading
dequantises to fp32, so torch runs it like the original (and can quantise it
again dynamically); on the test split the labels agree with the fp32 model's
(see bench/classifier_speed.py and MODEL_CARD.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

INT8_WEIGHTS_FILE = "model.int8.safetensors"
FORMAT = "int8-rowwise-v1"
SCALE_SUFFIX = ".__scale__"
MIN_QUANTISED_VALUES = 4096


def quantise_state_dict(state: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """int8 + scales for big 2-D float tensors, fp16 for the other floats, the rest as is."""
    out: dict[str, torch.Tensor] = {}
    for name, tensor in state.items():
        value = tensor.detach().to("cpu")
        if value.is_floating_point() and value.dim() == 2 and value.numel() >= MIN_QUANTISED_VALUES:
            weight = value.float()
            scale = weight.abs().amax(dim=1, keepdim=True).clamp(min=1e-12) / 127.0
            out[name] = torch.round(weight / scale).clamp(-127, 127).to(torch.int8).contiguous()
            out[name + SCALE_SUFFIX] = scale.contiguous()
        elif value.is_floating_point():
            out[name] = value.half().contiguous()
        else:
            out[name] = value.contiguous()
    return out


def dequantise_state_dict(stored: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The fp32 state dict back from quantise_state_dict's output."""
    state: dict[str, torch.Tensor] = {}
    for name, tensor in stored.items():
        if name.endswith(SCALE_SUFFIX):
            continue
        scale = stored.get(name + SCALE_SUFFIX)
        if scale is not None:
            state[name] = tensor.float() * scale
        elif tensor.is_floating_point():
            state[name] = tensor.float()
        else:
            state[name] = tensor
    return state


def save_int8(model: torch.nn.Module, folder: Path) -> Path:
    """Write folder/model.int8.safetensors from the model's state dict."""
    target = folder / INT8_WEIGHTS_FILE
    save_file(quantise_state_dict(model.state_dict()), str(target), metadata={"format": FORMAT})
    return target


def load_int8_into(model: torch.nn.Module, path: Path) -> torch.nn.Module:
    """Fill a freshly built model (same architecture) with the dequantised weights."""
    model.load_state_dict(dequantise_state_dict(load_file(str(path))), strict=True)
    return model
