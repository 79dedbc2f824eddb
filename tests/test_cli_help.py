"""Every command and option is documented, and the command line refuses what it cannot do."""

import argparse
import io
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, REFERENCE
from datamap.cli import build_parser


def _parsers(parser: argparse.ArgumentParser, prefix: str = "datamap"):
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{prefix} {name}")


def test_every_option_and_argument_has_help():
    parser = build_parser()
    undocumented = []
    walked = list(_parsers(parser))
    assert len(walked) >= 10
    for prog, p in walked:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                documented = {choice.dest for choice in action._choices_actions if choice.help}
                undocumented += [f"{prog} {name}" for name in action.choices if name not in documented]
            elif not action.help or action.help == argparse.SUPPRESS:
                undocumented.append(f"{prog} {'/'.join(action.option_strings) or action.dest}")
    assert undocumented == []


def test_top_level_help_lists_each_command_on_one_line():
    env = {**os.environ, "COLUMNS": "80"}
    out = subprocess.run([sys.executable, "-m", "datamap", "--help"], capture_output=True, text=True, env=env, check=True).stdout
    commands = out.split("  COMMAND\n", 1)[1].split("\n\n")[0].splitlines()
    names = [line.split()[0] for line in commands]
    subcommands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert names == list(subcommands.choices)
    assert all(len(line.split(None, 1)) == 2 for line in commands)  # a name and its help, on the same line


def test_notices_refuse_a_format_they_do_not_exist_in(run, tmp_path):
    result = run("render", "notices", REFERENCE, "--format", "md", "-o", tmp_path)
    assert (result.code, result.err) == (2, "render notices: unsupported format 'md' (use html or pdf)\n")
    assert list(tmp_path.iterdir()) == []
    assert run("render", "policy", REFERENCE, "--format", "csv").err == "render policy: unsupported format 'csv' (use md, html or pdf)\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_pdf_is_not_written_to_a_terminal(run, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdout", _Terminal())
    code = run("render", "policy", REFERENCE, "--format", "pdf").code
    assert code == 2
    assert sys.stdout.getvalue() == ""
    assert run("render", "policy", REFERENCE, "--format", "pdf", "-o", tmp_path / "p.pdf").code == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF-")


def test_graph_prints_values_in_words(run):
    text = run("graph", FIXTURES / "full", "--system", "analytics").out
    assert "  country              United States (US)\n" in text
    assert "  overseas             yes\n" in text
    assert "True" not in text and "False" not in text and "None" not in text
    home = run("graph", REFERENCE, "--system", "mailer").out
    assert "  overseas             no\n" in home
