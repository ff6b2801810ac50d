"""Batches on a Ray cluster, for when one machine is not enough (``--executor ray``).

The shape is the local executor's: :func:`run_each_on_ray` runs the same picklable
per-input function (read, segment, select, match) as Ray tasks and yields a
:class:`~processor.batch.executor.Done` per input as each finishes; a task whose worker died
is retried once, and otherwise that input fails with one line. Translation models live
in Ray actors, one per language pair, each loading its model once
(:func:`actor_translator_factory`); the driver writes every memo atomically into the
output folder, which on a cluster is a shared folder.

Ray is an optional extra (``pip install 'processor[ray]'``). Without ``--address`` a
local Ray instance is started on loopback, with usage statistics and cloud probes off,
so nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from processor.batch.executor import Done
from processor.errors import ProcessorError

if TYPE_CHECKING:
    from processor.translation import TranslationSettings, Translator

A = TypeVar("A")
T = TypeVar("T")

RETRIES = 1  # a task whose worker died runs once more, then fails


class RayError(ProcessorError):
    """Ray is missing, or the cluster cannot be reached."""


def start(address: str | None = None, *, workers: int = 2) -> bool:
    r"""Connect to the cluster at ``address``, or start a local instance of ``workers`` CPUs.

    Returns True when this call connected (then the caller :func:`stop`\ s it), False
    when Ray was already up (a long-lived service keeps it for every job).
    """
    # Before Ray is imported (its constants are read then): no usage report.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not address:
        # Without this Ray finds "this node's address" by routing towards 8.8.8.8 and
        # then binds and talks on the machine's outside address, not on loopback.
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
    except ImportError:
        raise RayError("--executor ray needs the extra: pip install 'processor[ray]'") from None
    if ray.is_initialized():
        return False
    try:
        if address:
            ray.init(address=address, log_to_driver=False, configure_logging=False)
        else:
            with _no_cloud_probes():
                ray.init(
                    num_cpus=workers,
                    include_dashboard=False,
                    log_to_driver=False,
                    configure_logging=False,
                    _node_ip_address="127.0.0.1",
                )
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError...
        where = address or "a local instance"
        raise RayError(f"cannot start Ray on {where}: {str(exc).splitlines()[0]}") from None
    return True


# A loopback port nothing listens on: HTTP sent "through" it fails here, at once.
_NOWHERE = "http://127.0.0.1:9"
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")
_DIRECT_VARIABLES = ("no_proxy", "NO_PROXY")


@contextlib.contextmanager
def _no_cloud_probes() -> Iterator[None]:
    """Ray's processes, started in this block, send no HTTP off the machine.

    Even with usage statistics off, Ray's head asks the cloud metadata addresses
    (169.254.169.254, metadata.google.internal) which cloud it runs on, through
    ``requests``; a proxy on a closed loopback port makes those asks fail locally. The
    processes keep the environment they started with; this process gets its own back.
    """
    saved = {name: os.environ.get(name) for name in _PROXY_VARIABLES + _DIRECT_VARIABLES}
    os.environ.update(dict.fromkeys(_PROXY_VARIABLES, _NOWHERE))
    os.environ.update(dict.fromkeys(_DIRECT_VARIABLES, "localhost,127.0.0.1,::1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def stop() -> None:
    """Disconnect; a local instance stops with all its processes (none is left behind)."""
    import sys

    if "ray" in sys.modules:
        import ray

        ray.shutdown()


def _call(func: Callable[[Any], Any], item: Any, threads: int) -> Any:
    from processor.threads import limit_blas

    limit_blas(threads)  # once per Ray worker process (the thread budget of local workers)
    return func(item)


def run_each_on_ray(
    func: Callable[[A], T],
    items: Sequence[A],
    *,
    names: Sequence[str] | None = None,
    on_start: Callable[[int], None] | None = None,
    ahead: int | None = None,
    threads: int = 1,
) -> Generator[Done[T], None, None]:
    """``func(item)`` for every item as a Ray task; a :class:`Done` per item as each ends.

    At most ``ahead`` tasks are in flight, so the driver holds a bounded number of
    results. A worker that dies (killed, out of memory) costs a retry, not the input.
    """
    import ray

    shown = list(names) if names is not None else [str(i) for i in range(len(items))]
    task = ray.remote(max_retries=RETRIES, retry_exceptions=False)(_call)
    shared = ray.put(func)  # sent to the cluster once, not with every task
    limit = max(1, ahead or len(items))
    waiting: dict[Any, tuple[int, float]] = {}
    next_index = 0
    while next_index < len(items) or waiting:
        while next_index < len(items) and len(waiting) < limit:
            if on_start is not None:
                on_start(next_index)
            ref = task.remote(shared, items[next_index], threads)
            waiting[ref] = (next_index, time.perf_counter())
            next_index += 1
        ready, _ = ray.wait(list(waiting), num_returns=1)
        for ref in ready:
            index, began = waiting.pop(ref)
            yield _done(ref, index, began, shown[index])


def _done(ref: Any, index: int, began: float, name: str) -> Done[Any]:
    import ray
    from ray import exceptions

    seconds = time.perf_counter() - began
    try:
        return Done(index, value=ray.get(ref), seconds=seconds)
    except exceptions.RayTaskError as exc:  # the function raised: that input's own error
        cause = exc.cause if isinstance(exc.cause, BaseException) else exc
        return Done(index, error=cause, seconds=seconds)
    except exceptions.RayError as exc:  # the worker died, twice
        line = f"its Ray worker stopped and the retry failed too ({type(exc).__name__}); skipped"
        return Done(index, error=ProcessorError(line, path=name), seconds=seconds)


class _ActorTranslator:
    """A Translator whose model lives in a Ray actor (loaded once, used by every round)."""

    def __init__(self, actor: Any, source: str, target: str, route: str) -> None:
        self.actor = actor
        self.source = source
        self.target = target
        self.route = route

    def translate(self, sentences: Sequence[str]) -> list[str]:
        import ray

        return list(ray.get(self.actor.translate.remote(list(sentences))))

    def describe(self) -> str:
        return self.route


class _TranslatorHost:
    """The actor: opens the route once, in its own process, and translates on request."""

    def __init__(self, source: str, target: str, settings: TranslationSettings | None) -> None:
        from processor.translation import get_translator

        self.translator = get_translator(source, target, settings)

    def translate(self, sentences: list[str]) -> list[str]:
        return list(self.translator.translate(sentences))

    def describe(self) -> str:
        return self.translator.describe()


def actor_translator_factory(
    settings: TranslationSettings | None,
) -> Callable[[str, str], Translator]:
    """A translator factory whose translators run in Ray actors, one per language pair.

    A missing route is found in the driver first, so it stays "missing" (exit 3) and no
    actor is started for it.
    """

    def factory(source: str, target: str) -> Translator:
        import ray

        from processor.errors import NoRouteError
        from processor.translation.engines.routes import list_routes
        from processor.translation.models.hints import install_hint

        # Found here, without loading a model: a missing route raises NoRouteError as
        # it does locally.
        if source != target and not list_routes(source, [target]):
            raise NoRouteError(source, target, hint=install_hint(source, target))
        # num_cpus=0: the actor mostly waits for the driver; the model's threads are its own.
        hosted: Any = ray.remote(num_cpus=0)(_TranslatorHost)
        host = hosted.remote(source, target, settings)
        route = str(ray.get(host.describe.remote()))
        return _ActorTranslator(host, source, target, route)

    return factory
