"""The one settings accessor: typed keys with defaults, and what a bad value does.

Every persisted choice goes through `Settings.get` / `Settings.set` with a `Key` from
player/core/setting_keys.py. A stored value that cannot be used (inf, nan, out of
range, the wrong type, a garbage string) is removed, so that one setting is back at
its default, and `bad_value` says which file and key, for the window to show. A
finite number outside its key's range is the one exception: it is kept at the nearest
bound (an organisation that presets a caption size of 400 % wants the largest, not the
default), with the same kind of message. Values set while the app runs are clamped.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, Self, TypeVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

# As player/shell/app.py names the application; explicit, so tests without those
# names (pytest-qt's QApplication has no organisation) still use the same file.
ORGANISATION = "transcript-player"
APPLICATION = "Transcript Player"

T = TypeVar("T")
TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "off"})


class BadValue(ValueError):
    """A stored value that this key cannot use."""


class OutOfRange(BadValue):
    """A finite stored number outside the key's range; `nearest` is the bound kept."""

    def __init__(self, reason: str, nearest: object) -> None:
        super().__init__(reason)
        self.nearest = nearest


def _scalar(raw: object) -> str:
    """The stored value as text; a list (INI "a, b") is never a scalar."""
    if isinstance(raw, (list, tuple, dict)) or raw is None:
        raise BadValue(f"not a single value ({raw!r})")
    return str(raw).strip()


@dataclass(frozen=True)
class Key(Generic[T]):
    """A settings key, its default, and how a stored value is read and kept in range.

    A name with "{}" is a template: `key.at("module-id", "video-id")` is the key of
    one module's or video's own value.
    """

    name: str
    default: T

    def at(self, *parts: str) -> Self:
        return replace(self, name=self.name.format(*parts))

    def parse(self, raw: object) -> T:
        raise NotImplementedError

    def clamp(self, value: T) -> T:
        return value

    def stored(self, value: T) -> object:
        return value


@dataclass(frozen=True)
class BoolKey(Key[bool]):
    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        word = _scalar(raw).lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise BadValue(f"not true or false ({word!r})")

    def clamp(self, value: bool) -> bool:
        return bool(value)


@dataclass(frozen=True)
class OptionalBoolKey(Key["bool | None"]):
    """True, False, or absent (None): "follow the desktop" and the like."""

    def parse(self, raw: object) -> bool | None:
        return BoolKey(self.name, False).parse(raw)


def _finite(raw: object) -> float:
    if isinstance(raw, bool):
        raise BadValue(f"not a number ({raw!r})")
    text = _scalar(raw) if not isinstance(raw, (int, float)) else raw
    try:
        number = float(text)
    except (TypeError, ValueError):
        raise BadValue(f"not a number ({text!r})") from None
    if not math.isfinite(number):
        raise BadValue(f"not a finite number ({text!r})")
    return number


@dataclass(frozen=True)
class IntKey(Key[int]):
    low: int = -(2**31)
    high: int = 2**31 - 1

    def parse(self, raw: object) -> int:
        number = _finite(raw)
        if not number.is_integer():
            raise BadValue(f"not a whole number ({number:g})")
        if not self.low <= number <= self.high:
            raise OutOfRange(
                f"{number:g} is outside {self.low} to {self.high}",
                self.clamp(int(number)),
            )
        return int(number)

    def clamp(self, value: int) -> int:
        return max(self.low, min(self.high, int(value)))


@dataclass(frozen=True)
class FloatKey(Key[float]):
    low: float = -math.inf
    high: float = math.inf

    def parse(self, raw: object) -> float:
        number = _finite(raw)
        if not self.low <= number <= self.high:
            raise OutOfRange(
                f"{number:g} is outside {self.low:g} to {self.high:g}",
                self.clamp(number),
            )
        return number

    def clamp(self, value: float) -> float:
        number = float(value)
        if math.isnan(number):
            return self.default
        return max(self.low, min(self.high, number))


@dataclass(frozen=True)
class TextKey(Key[str]):
    """Text; with `choices`, one of them; with `normal`, made canonical (or refused)."""

    choices: tuple[str, ...] = ()
    normal: Callable[[str], str] | None = None

    def parse(self, raw: object) -> str:
        text = _scalar(raw)
        if self.normal is not None:
            try:
                text = self.normal(text)
            except ValueError:
                raise BadValue(f"not usable ({text!r})") from None
        if self.choices and text not in self.choices:
            raise BadValue(f"{text!r} is not one of {', '.join(self.choices)}")
        return text


@dataclass(frozen=True)
class TextListKey(Key["tuple[str, ...]"]):
    def parse(self, raw: object) -> tuple[str, ...]:
        if raw is None:
            return ()  # how INI keeps an empty list
        if isinstance(raw, str):
            return (raw,)  # QSettings gives a one-item list back as a plain string
        if isinstance(raw, (list, tuple)):
            return tuple(str(item) for item in raw)
        raise BadValue(f"not a list ({raw!r})")

    def stored(self, value: tuple[str, ...]) -> object:
        return list(value)


@dataclass(frozen=True)
class BytesKey(Key[bytes]):
    """Data only the program reads back (a window layout), at most `limit` bytes."""

    limit: int = 1_000_000

    def parse(self, raw: object) -> bytes:
        if isinstance(raw, QByteArray):
            raw = raw.data()
        if not isinstance(raw, bytes):
            raise BadValue("not data this program saved")
        if len(raw) > self.limit:
            raise BadValue(f"{len(raw)} bytes, over the {self.limit} this key holds")
        return raw

    def stored(self, value: bytes) -> object:
        return QByteArray(value)


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if value is None or value in ("", (), b""):
        return "none"
    return f"{value:g}" if isinstance(value, float) else str(value)


def application_settings() -> QSettings:
    """The application's settings file, in the default format (INI in the tests)."""
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


class Settings(QObject):
    """Reads and writes typed keys; reports each unusable stored value once."""

    bad_value = Signal(str)  # one sentence naming the settings file and the key

    def __init__(
        self, store: QSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store if store is not None else application_settings()
        self.problems: list[str] = []

    def file_name(self) -> str:
        return self._store.fileName()

    def get(self, key: Key[T]) -> T:
        """The stored value, or the default when absent or unusable (then reset)."""
        if not self._store.contains(key.name):
            return key.default
        raw = self._store.value(key.name)
        try:
            return key.parse(raw)
        except OutOfRange as problem:
            nearest: T = problem.nearest  # type: ignore[assignment]
            self._store.setValue(key.name, key.stored(nearest))
            self._report(f"{key.name} was {problem}; it is kept at {_shown(nearest)}.")
            return nearest
        except BadValue as problem:
            self._reset(key, problem)
            return key.default

    def set(self, key: Key[T], value: T) -> T:
        """Store `value`, clamped into the key's range; returns what was stored."""
        kept = key.clamp(value)
        self._store.setValue(key.name, key.stored(kept))
        return kept

    def remove(self, key: Key[T]) -> None:
        self._store.remove(key.name)

    def contains(self, key: Key[T]) -> bool:
        return self._store.contains(key.name)

    def sync(self) -> None:
        self._store.sync()

    def _reset(self, key: Key[T], problem: BadValue) -> None:
        self._store.remove(key.name)
        self._report(
            f"{key.name} had a value that cannot be used ({problem});"
            f" it is back to its default ({_shown(key.default)})."
        )

    def _report(self, what: str) -> None:
        message = f"Settings file {self.file_name()}: {what}"
        self.problems.append(message)
        self.bad_value.emit(message)
