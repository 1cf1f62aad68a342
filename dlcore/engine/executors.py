"""Where runs train: in threads of the server's process (the default), or on Ray when DL_CLASSROOM_RAY is set.

    DL_CLASSROOM_RAY=local              a local Ray started inside the server (the machine's CPUs, no dashboard)
    DL_CLASSROOM_RAY=auto               the Ray cluster running on this machine
    DL_CLASSROOM_RAY=host:6379          a cluster's head (or ray://host:10001, Ray's client)

Without the variable nothing here imports Ray.  A cluster that cannot be reached leaves the server on threads, and
`problem()` says why (the sidebar shows it).  Ray itself: dlcore.engine.ray_runs.
"""
from __future__ import annotations

import os
import socket
import threading
from functools import cache
from typing import Callable

import torch

from dlcore.engine.devices import available_devices

RAY_ENV = "DL_CLASSROOM_RAY"
CONNECT_SECONDS = 3.0
"""How long an address is tried before the server gives up on it (Ray itself keeps trying for 20 s and more)."""


def ray_address() -> str:
    """The value of $DL_CLASSROOM_RAY ("" when runs train in threads)."""
    return os.environ.get(RAY_ENV, "").strip()


def _reachable(address: str) -> None:
    """Raise ConnectionError unless something answers at host:port (a quick look before Ray tries for long)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_SECONDS).close()
    except (OSError, ValueError) as error:
        raise ConnectionError(f"{address}: {error}") from error


def _from_a_lasting_thread(make: Callable[[], object]):
    """make() called in a thread that lives as long as the process.  A local Ray's processes are started to die
    with the thread that started them (Linux's parent-death signal), and a Streamlit script's thread ends with each
    run of the page: started there, Ray would be gone seconds later."""
    made, done = {}, threading.Event()

    def keep() -> None:
        try:
            made["executor"] = make()
        except Exception as error:
            made["error"] = error
        done.set()
        threading.Event().wait()  # never set: the thread, and so Ray's processes, last as long as the server

    threading.Thread(target=keep, name="dl-classroom-ray", daemon=True).start()
    done.wait()
    if "error" in made:
        raise made["error"]
    return made["executor"]


@cache
def _connected(address: str, server: str):
    """(the Ray executor, None) or (None, what went wrong); at most one attempt per process."""
    try:
        if address not in ("local", "auto"):
            _reachable(address)
        from dlcore.engine import ray_runs  # Ray is imported only here
        return _from_a_lasting_thread(lambda: ray_runs.RayExecutor.connect(address, server)), None
    except Exception as error:  # any failure to start or join Ray leaves the server on threads
        return None, f"{type(error).__name__}: {error}"


def ray_executor(server: str = "server"):
    """The Ray executor when DL_CLASSROOM_RAY is set and Ray could be started or joined, else None (threads).
    server names this app server: its actors are named after it, and its orphans cleaned when it starts."""
    return _connected(ray_address(), server)[0] if ray_address() else None


def problem(server: str = "server") -> str | None:
    """Why the configured Ray could not be used (None when it is used, or when none is configured)."""
    return _connected(ray_address(), server)[1] if ray_address() else None


def offered_devices(server: str = "server") -> dict[str, str]:
    """The devices runs can train on: this machine's, or on Ray those its workers have."""
    ray = ray_executor(server)
    return available_devices() if ray is None else ray.devices()


def pick(device_id: str | None, server: str = "server") -> torch.device:
    """The offered device with this id, otherwise the CPU."""
    return torch.device(device_id if device_id in offered_devices(server) else "cpu")
