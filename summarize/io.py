"""Safe file writing: temp file in the same folder, fsync, rename. A reader never sees half a file.

``write_output`` is the one way a command writes its result to ``--out``: it refuses a path that is
one of the inputs (through links), a directory, or a symlink the tool did not make; it writes to
character devices, FIFOs and ``/dev/stdout`` as streams instead of replacing them; and it turns every
OS error into one ``OutputError`` naming the path.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def _umask() -> int:
    """The process umask, read without changing it where /proc allows (os.umask has no getter)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write via a temp file and rename; the new file gets the mode open() would give it (0666 & ~umask),
    or keeps the mode of the file it replaces. OSError propagates (callers name the path)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)  # mkstemp makes 0600 whatever the umask
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def is_stream(path: str | Path) -> bool:
    """A character device, FIFO or socket (through links): written to, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def check_output_path(out: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Raise OutputError (exit 2) for an --out that must not be written: one of the inputs (same file
    through any link), a directory, or a symlink to a regular file. Streams are fine."""
    out = Path(out)
    if is_stream(out):
        return
    try:
        target = os.stat(out)
    except FileNotFoundError:
        target = None
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror or err}", path=str(out)) from None
    if target is not None:
        for item in inputs:
            if str(item) == "-":
                continue
            with contextlib.suppress(OSError):
                source = os.stat(item)
                if (source.st_dev, source.st_ino) == (target.st_dev, target.st_ino):
                    raise OutputError(f"is the input {item}; refusing to overwrite it", path=str(out))
        if stat.S_ISDIR(target.st_mode):
            raise OutputError("is a directory; --out needs a file name", path=str(out))
    if out.is_symlink():
        raise OutputError("is a symbolic link; refusing to write through it (remove it or name the target)",
                          path=str(out))


def write_output_bytes(out: str | Path, data: bytes, inputs: Iterable[str | Path] = ()) -> None:
    """Write a command's result to --out: atomically for a file, as a stream for a device or FIFO."""
    check_output_path(out, inputs)
    try:
        if is_stream(out):
            with open(out, "ab") as fh:  # append: never truncate or replace a device node
                fh.write(data)
        else:
            atomic_write_bytes(out, data)
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror or err}", path=str(out)) from None


def display_path(path: str | None) -> str | None:
    """A file name as valid UTF-8 text: undecodable bytes (kept by Python as lone surrogates) become
    backslash escapes (\\xff), so JSON and terminals never get raw or lone-surrogate characters."""
    if path is None:
        return None
    return os.fsencode(path).decode("utf-8", "backslashreplace")
