"""The command line builds only the parser of the subcommand it runs, and reads every command
line exactly as the whole parser does (the same values, help and messages)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys

import pytest

from tui import cli
from tui.cli import APP, COMMANDS, build_parser, command_named, parse_command_line
from tui.cli.common import CliError

SUBCOMMAND_MODULES = {f"tui.cli.{module}" for _, module, _ in COMMANDS}


def subcommands(parser: argparse.ArgumentParser) -> list[str]:
    """The names of a parser's subcommands, in order."""
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(found[0].choices)


def test_the_table_names_each_subcommand_once_in_help_order() -> None:
    names = [name for name, _, _ in COMMANDS]
    assert subcommands(build_parser()) == names
    for name in names:
        assert subcommands(build_parser(name)) == [name]


def outcome(parse: object, argv: list[str]) -> tuple[object, str, str]:
    """What parsing ``argv`` gives: the values (or the error or exit), stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            values = vars(parse(argv))  # type: ignore[operator]
            result: object = {k: v for k, v in values.items() if k != "handler"}
            result = (result, getattr(values.get("handler"), "__name__", None))
        except CliError as exc:
            result = ("error", str(exc), exc.code)
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


ARGVS = [
    [], ["--help"], ["-h"], ["--he"], ["--version"], ["lst"], ["--bogus"], ["--data-dir"],
    ["list"], ["list", "--json"], ["list", "--help"], ["list", "--h"], ["--help", "list"],
    ["list", "--bogus"], ["--bogus", "list"], ["--json", "list"], ["list", "due"],
    ["list", "--version"], ["list", "--data-dir"], ["list", "--data-dir", "A", "--json"],
    ["--data-dir", "A", "list", "--data-dir", "B"], ["--d", "A", "due", "--js"],
    ["--data-dir=due", "list"], ["--data-dir", "due", "list"], ["--", "list"],
    ["list", "--", "x"], ["-x", "list"], ["due", "-"], ["new"], ["new", "Ada", "--minutes", "0"],
    ["new", "--company", "list", "Ada"], ["new", "--kind", "company", "Ada", "--when", "fri"],
    ["show", "abc"], ["search", "text", "--limit", "3"], ["export", "--help"],
    ["import", "json", "x.json"], ["restore"], ["backups", "--json"], ["demo"],
    ["--data-dir", "x"], ["--data-dir=x"], ["--data-dir", "x", "--bogus"], ["--data-dir", "x", "y"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=[" ".join(a) or "(none)" for a in ARGVS])
def test_a_command_line_reads_as_with_the_whole_parser(argv: list[str]) -> None:
    whole = outcome(lambda a: build_parser().parse_args(a), argv)
    assert outcome(parse_command_line, argv) == whole


def test_help_version_and_unknown_commands_need_the_whole_parser() -> None:
    assert command_named(["--data-dir", "due", "list", "--json"]) == "list"
    assert command_named(["--data-dir=due", "list"]) == "list"
    assert command_named(["list", "--data-dir", "due"]) == "list"
    for argv in (["--help", "list"], ["list", "-h"], ["list", "--version"], ["lst"],
                 ["--data-dir"]):
        assert command_named(argv) is None, argv
    for argv in ([], ["--data-dir", "x"], ["--data-dir=x"]):
        assert command_named(argv) == APP, argv
    assert not build_parser(APP)._subparsers._group_actions[0].choices  # type: ignore[union-attr]


def test_the_package_still_offers_its_helpers() -> None:
    assert cli.records.sort_for_listing is cli.sort_for_listing
    assert callable(cli.format_table)
    with pytest.raises(AttributeError):
        _ = cli.no_such_thing


PROBE = r"""
import json, sys
from tui.cli import main
code = main(["--data-dir", sys.argv[1], sys.argv[2], "--json"])
print(json.dumps([code, sorted(m for m in sys.modules if m.startswith("tui."))]))
"""


@pytest.mark.parametrize("command", ["list", "due"])
def test_listing_loads_no_other_subcommand(tmp_path, subprocess_env, command: str) -> None:
    """``coffeechat list`` (or ``due``) imports its own module, not export's, search's..."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "data"), command],
                            capture_output=True, text=True, env=subprocess_env, timeout=60)
    assert result.returncode == 0, result.stderr
    code, modules = json.loads(result.stdout.splitlines()[-1])
    assert code == 0
    assert "tui.cli.records" in modules
    assert not (set(modules) & SUBCOMMAND_MODULES) - {"tui.cli.records"}, modules
    # nor what only other commands need: importing, exporting, searching, restoring
    for unused in ("tui.core.search", "tui.core.export_run", "tui.core.restore",
                   "tui.core.store_import", "tui.core.importing", "tui.core.stats"):
        assert unused not in modules
    if command == "list":
        assert "tui.core.followup" not in modules


def test_opening_the_app_loads_no_subcommand(subprocess_env) -> None:
    """``coffeechat --data-dir DIR`` (the app) parses without importing any subcommand."""
    probe = ("import json, sys; from tui.cli import parse_command_line; "
             "args = parse_command_line(['--data-dir', 'x']); "
             "print(json.dumps([args.data_dir, hasattr(args, 'handler'), "
             "sorted(m for m in sys.modules if m.startswith('tui.cli.'))]))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=subprocess_env, timeout=60)
    assert result.returncode == 0, result.stderr
    folder, has_handler, modules = json.loads(result.stdout)
    assert (folder, has_handler) == ("x", False)
    assert not set(modules) & SUBCOMMAND_MODULES, modules
