"""Every subcommand's --help names every option it takes, and a mistake on the command line is one
line on stderr with exit 2, never argparse's usage block."""

from __future__ import annotations

import argparse

import pytest
from test_cli import COMMANDS, run

from newsread.cli import build_parser


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (choices,) = [action.choices for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(choices)


def mentioned(action: argparse.Action) -> list[str]:
    """How --help shows the argument: every option string, or a positional's metavar."""
    if action.option_strings:
        return list(action.option_strings)
    return [action.metavar or action.dest]


def test_every_command_is_listed():
    assert sorted(subcommands()) == sorted(COMMANDS)
    listing = run("--help")
    assert listing.returncode == 0
    for name, parser in subcommands().items():
        assert name in listing.stdout
        assert parser.description, f"{name} has no description"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_every_option_and_exits_0(command):
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for action in subcommands()[command]._actions:
        for shown in mentioned(action):
            assert shown in result.stdout, f"newsread {command} --help does not mention {shown}"
        assert action.help, f"newsread {command}: {mentioned(action)[0]} has no help text"
        if action.help is not argparse.SUPPRESS:
            first_words = " ".join(action.help.split()[:3])
            assert first_words in " ".join(result.stdout.split()), f"{command} {action.dest}: help text not shown"


@pytest.mark.parametrize(("args", "fragment"), [
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["import", "gold.jsonl"], "the following arguments are required: --format"),
    (["export", "--format", "xml"], "argument --format/-f: invalid choice: 'xml'"),
    (["add", "--jobs", "many", "a.txt"], "argument --jobs: invalid int value: 'many'"),
    (["history", "--nope"], "unrecognized arguments: --nope"),
    (["backup"], "the following arguments are required: FILE"),
    (["export", "--since", "yesterday"], "--since 'yesterday': not a date; give YYYY-MM-DD"),
])
def test_a_typical_mistake_is_one_line_with_exit_2(tmp_path, args, fragment):
    result = run("--db", str(tmp_path / "n.db"), *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsread: "), result.stderr
    assert fragment in lines[0]
    assert not (tmp_path / "n.db").exists()
