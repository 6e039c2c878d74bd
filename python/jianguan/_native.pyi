"""Stubs of the native module (python/src/). Private: use ``jianguan``.

The native ``Supervisor`` holds the SDK's facade; each capability's calls
are functions taking it first, grouped as the files of python/src/ are."""

import datetime
import os
from collections.abc import Callable
from typing import Any, final

# Declared in the package (`jianguan.Roster`, `jianguan.Setup`), so that the
# types a checker reveals name the public module, not this one.
from jianguan import Roster as Roster
from jianguan import Setup as Setup

__all__ = [
    "ALGORITHM",
    "DEFAULT_PUBLICATION_WORKING_DAYS",
    "ERROR_KINDS",
    "RECORD_FORMAT",
    "ROSTER_OPTIONAL",
    "ROSTER_REQUIRED",
    "Record",
    "Roster",
    "Setup",
    "Supervisor",
    "add_working_days",
    "assess_referral",
    "check_uscc",
    "check_uscc_many",
    "credit_profile_json",
    "credit_scheme_json",
    "departments_json",
    "draw",
    "draw_setup",
    "duties",
    "generate_county_csv",
    "grade",
    "is_working_day",
    "item_json",
    "make_uscc",
    "make_uscc_many",
    "items_json",
    "plugin_description_json",
    "plugins_json",
    "record_results_json",
    "resolve_json",
    "resolve_plan_json",
    "rfc3797_select",
    "roster_digest_finish",
    "roster_digest_update",
    "verify",
    "working_days_between",
]

ALGORITHM: str
RECORD_FORMAT: str
ROSTER_REQUIRED: list[str]
ROSTER_OPTIONAL: list[str]
DEFAULT_PUBLICATION_WORKING_DAYS: int
ERROR_KINDS: list[str]

# supervisor.rs
@final
class Supervisor:
    def __new__(
        cls,
        *,
        plugins_dir: str | os.PathLike[str] | None = None,
        plugin_configs_json: str | None = None,
        require_all_plugins: bool = False,
        catalog_json: str | None = None,
        holidays_json: str | None = None,
        credit_scheme: str = "national_2022",
        credit_profiles_json: str | None = None,
    ) -> Supervisor: ...

# codes.rs
def check_uscc(sup: Supervisor, code: str) -> dict[str, Any]: ...
def check_uscc_many(sup: Supervisor, codes: list[str]) -> list[str | None]: ...
def make_uscc(body: str) -> str: ...
def make_uscc_many(bodies: list[str]) -> list[str]: ...

# catalog.rs
def item_json(sup: Supervisor, code: str) -> str: ...
def items_json(sup: Supervisor) -> str: ...
def departments_json(sup: Supervisor) -> str: ...
def resolve_json(sup: Supervisor, code: str, facts_json: str) -> str: ...

# credit.rs
def credit_scheme_json(sup: Supervisor) -> str: ...
def credit_profile_json(sup: Supervisor, code: str) -> str | None: ...

# calendar.rs
def is_working_day(sup: Supervisor, date: datetime.date) -> bool: ...
def add_working_days(sup: Supervisor, start: datetime.date, n: int) -> datetime.date: ...
def working_days_between(sup: Supervisor, start: datetime.date, end: datetime.date) -> int: ...

# plugins.rs: facts are a frame (``__arrow_c_stream__``) or JSON rows.
def plugins_json(sup: Supervisor) -> str: ...
def plugin_description_json(sup: Supervisor, plugin: str) -> str: ...
def grade(sup: Supervisor, plugin: str, facts: object) -> dict[str, Any]: ...
def duties(
    sup: Supervisor, plugin: str, facts: object, as_of: datetime.date
) -> tuple[str, list[str | None] | None]: ...
def assess_referral(
    sup: Supervisor, plugin: str, facts: object
) -> tuple[str, list[str | None] | None]: ...

# draw/mod.rs
@final
class Record:
    @staticmethod
    def from_json(text: str) -> Record: ...
    def to_json(self) -> str: ...
    @property
    def digest(self) -> str: ...
    @property
    def seed(self) -> str: ...
    def selection_columns(self) -> dict[str, list[Any]]: ...

def resolve_plan_json(sup: Supervisor, plan_json: str) -> str: ...
def draw(
    sup: Supervisor,
    plan_json: str,
    roster: Roster,
    history_json: str,
    inspectors_json: str,
    entropy_json: str,
    progress: Callable[[int, int, int, int], object] | None = None,
) -> Record: ...
def verify(
    sup: Supervisor,
    record: Record,
    roster: Roster,
    history_json: str,
    inspectors_json: str,
    progress: Callable[[int, int, int, int], object] | None = None,
) -> None: ...
def draw_setup(
    sup: Supervisor,
    plan_json: str,
    targets_digest: str,
    targets_rows: int | None,
    history_json: str,
    inspectors_json: str,
    entropy_json: str,
) -> Setup: ...

# draw/parts.rs
def roster_digest_update(state: bytes | None, part: Roster) -> bytes: ...
def roster_digest_finish(state: bytes) -> tuple[str, int]: ...

# results.rs
def record_results_json(
    sup: Supervisor,
    record: Record,
    table_json: str | None,
    results_json: str,
    publication_days: int,
) -> str: ...

# rfc3797.rs
def rfc3797_select(
    sup: Supervisor, pool: int, count: int, sources: list[list[int]]
) -> tuple[str, list[tuple[int, str, int, int]]]: ...

# synth.rs
def generate_county_csv(
    seed: int, entities: int, as_of: datetime.date | None = None
) -> tuple[str, str, str, str]: ...
