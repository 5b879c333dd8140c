"""Where newsread keeps its files, and the user's settings.

Paths come from platformdirs; ``--db`` and ``NEWSREAD_DB`` override the database,
``NEWSREAD_CONFIG`` the config file. The config is TOML:

    user = "ana"                  # name written into the correction log
    pipeline = "en_core_web_sm"   # any installed spaCy pipeline

    [keys]                        # binding id = keys, as Textual's keymap takes them
    "quote.next" = "j,down"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "newsread"


class ConfigError(Exception):
    """The config file cannot be used, explained in one line."""


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_path() -> Path:
    override = os.environ.get("NEWSREAD_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def database_path(cli_value: str | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("NEWSREAD_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "newsread.db"


@dataclass
class Config:
    user: str | None = None
    pipeline: str | None = None
    keys: dict[str, str] = field(default_factory=dict)


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.exists():
        return Config()
    import tomllib  # only when there is a file: every start of the reader pays for imports

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror}") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f"{path}: [keys] must map binding ids to key strings")
    return Config(user=data.get("user"), pipeline=data.get("pipeline"), keys=dict(keys))
