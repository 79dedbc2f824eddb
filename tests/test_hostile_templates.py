"""Hostile project templates: each is a one-line problem naming the template (exit 1), never an internal error,
never a hang, never gigabytes of memory or output, never a file read from outside the templates directory."""

import subprocess
import sys

import pytest

from conftest import write
from datamap.publish import sandbox

OFFICER = "officer.md.j2"


@pytest.fixture
def templates(minimal):
    """The project's templates/en/policy/ folder, beside the minimal inventory in inv/."""
    folder = minimal.parent / "templates" / "en" / "policy"
    folder.mkdir(parents=True)
    return folder


def one_line_problem(result, code=None, names=("policy.md.j2", OFFICER, "document.html.j2")):
    """The run failed with exit 1 and one line on stderr naming the template, not an internal error."""
    assert result.code == 1, result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert any(name in result.err for name in names), result.err
    if code:
        assert code in result.err, result.err
    return result.err


@pytest.fixture
def short_limits(monkeypatch):
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 1.0)
    monkeypatch.setattr(sandbox, "MAX_OUTPUT", 1 << 20)


ENDLESS = {
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% set x = i * j %}{% endfor %}{% endfor %}",
    "nested ranges writing": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}x{% endfor %}",
    "cycle of macros": "{% macro a(n) %}{% for i in range(100000) %}{{ n }}{% endfor %}{% endmacro %}"
    "{% for k in range(100000) %}{% set y = a(k) %}{% endfor %}",
}


@pytest.mark.parametrize("source", ENDLESS.values(), ids=ENDLESS.keys())
def test_a_template_that_runs_for_ever_is_stopped(run, templates, short_limits, source):
    write(templates, OFFICER, source)
    one_line_problem(run("render", "policy", "inv"), "E111")


RECURSIVE = {
    "macro calling itself": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "template including itself": '{% include "en/policy/officer.md.j2" %}',
    "policy including the policy": '{% include "en/policy.md.j2" %}',
    "template extending itself": '{% extends "en/policy/officer.md.j2" %}',
    "blocks nested too deep": "{% if true %}" * 5000 + "x" + "{% endif %}" * 5000,
    "parentheses nested too deep": "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
}


@pytest.mark.parametrize("source", RECURSIVE.values(), ids=RECURSIVE.keys())
def test_a_template_that_recurses_is_a_problem(run, templates, source):
    write(templates, OFFICER, source)
    one_line_problem(run("render", "policy", "inv"), "E113")


ALLOCATING = {
    "string times a huge number": '{{ "x" * 10000000000 }}',
    "list times a huge number": "{{ ([0] * 10000000000) | length }}",
    "number times string": '{{ 10000000000 * "ab" }}',
    "huge power": "{{ 3 ** 9999999 }}",
    "center filter": '{{ "x" | center(1000000000) }}',
    "indent filter": '{{ "a\nb" | indent(1000000000) }}',
    "format filter width": '{{ "%01000000000d" | format(1) }}',
    "percent operator width": '{{ "%01000000000d" % 1 }}',
    "str.format width": '{{ "{:>1000000000}".format(1) }}',
    "ljust method": '{{ "x".ljust(1000000000) }}',
    "zfill method": '{{ "1".zfill(1000000000) }}',
}


@pytest.mark.parametrize("source", ALLOCATING.values(), ids=ALLOCATING.keys())
def test_a_template_that_allocates_gigabytes_is_refused(run, templates, source):
    write(templates, OFFICER, source)
    one_line_problem(run("render", "policy", "inv"), "E116")


def test_lorem_ipsum_generator_is_not_offered(run, templates):
    write(templates, OFFICER, "{{ lipsum(100000, false, 1000, 1000) }}")
    err = one_line_problem(run("render", "policy", "inv"))
    assert "lipsum" in err


def test_output_is_capped(run, templates, short_limits):
    write(templates, OFFICER, '{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}')
    one_line_problem(run("render", "policy", "inv"), "E112")


@pytest.mark.parametrize("raw", [b"\xff\xfe{{ x }}", b"caf\xe9 {{ inv }}", "한국어".encode("euc-kr")], ids=["utf-16 bom", "latin-1", "euc-kr"])
def test_a_template_that_is_not_utf8_is_a_problem(run, templates, raw):
    write(templates, OFFICER, raw)
    err = one_line_problem(run("render", "policy", "inv"), "E114")
    assert "not UTF-8" in err


def test_a_layout_template_error_with_pdf_is_a_problem(run, minimal):
    layout = minimal.parent / "templates" / "en"
    layout.mkdir(parents=True)
    write(layout, "document.html.j2", "<html>{{ no_such_variable.field }}</html>")
    result = run("render", "policy", "inv", "--format", "pdf", "-o", "policy.pdf")
    one_line_problem(result)
    assert not (minimal.parent / "policy.pdf").exists()


def test_a_layout_template_that_recurses_with_pdf_is_a_problem(run, minimal):
    layout = minimal.parent / "templates" / "en"
    layout.mkdir(parents=True)
    write(layout, "document.html.j2", '{% include "en/document.html.j2" %}')
    one_line_problem(run("render", "policy", "inv", "--format", "pdf", "-o", "policy.pdf"), "E113")


def test_a_symlinked_template_leading_out_is_refused(run, templates, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT\n")
    (templates / OFFICER).symlink_to(secret)
    result = run("render", "policy", "inv")
    err = one_line_problem(result, "E115")
    assert "TOP-SECRET-CONTENT" not in result.out + result.err
    assert str(secret) not in err


def test_an_include_through_a_symlinked_folder_is_refused(run, templates, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "leak.md.j2").write_text("TOP-SECRET-CONTENT\n")
    (templates / "shared").symlink_to(outside)
    write(templates, OFFICER, '{% include "en/policy/shared/leak.md.j2" %}')
    result = run("render", "policy", "inv")
    one_line_problem(result, "E115", names=["shared/leak.md.j2"])
    assert "TOP-SECRET-CONTENT" not in result.out + result.err


def test_a_symlink_inside_the_templates_folder_is_followed(run, templates):
    write(templates, "mine.md.j2", "Our own officer text.\n")
    (templates / OFFICER).symlink_to(templates / "mine.md.j2")
    result = run("render", "policy", "inv")
    assert result.code == 0, result.err
    assert "Our own officer text." in result.out


def test_build_reports_a_looping_site_template_in_one_line(run, minimal, short_limits):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    site_templates = minimal.parent / "templates" / "site"
    site_templates.mkdir(parents=True)
    write(site_templates, "items.md.j2", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    result = run("build", "inv")
    assert result.code == 1 and "internal error" not in result.err
    assert "E111" in result.err and "items.md.j2" in result.err
    assert not (minimal.parent / "site").exists()


def test_a_looping_template_is_stopped_in_a_real_process(minimal, templates):
    """The watchdog in a process of its own, with the default limit lowered through the module."""
    write(templates, OFFICER, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    code = "import sys; from datamap.publish import sandbox; sandbox.TIME_LIMIT = 1; from datamap.cli import main; sys.exit(main(['render', 'policy', 'inv']))"
    result = subprocess.run([sys.executable, "-c", code], cwd=minimal.parent, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "E111" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_regime_folder_symlinked_out_of_the_project_templates_is_refused(tmp_path, tmp_path_factory):
    from datamap.errors import TemplateProblem
    from datamap.publish.render import environment

    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "en").mkdir()
    (outside / "en" / "leak.md.j2").write_text("TOP-SECRET-CONTENT\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "gdpr").symlink_to(outside)
    with pytest.raises(TemplateProblem, match="E115"):
        environment("en", templates).get_template("gdpr/en/leak.md.j2")


@pytest.mark.parametrize("name", ["pipa/en/leak.md.j2", "en/leak.md.j2"])
def test_a_regime_folder_must_stay_inside_the_templates_directory(tmp_path, tmp_path_factory, name):
    """templates/pipa linked elsewhere is refused, whichever of its two names a template is asked for by."""
    from datamap.errors import TemplateProblem
    from datamap.publish.render import environment

    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "en").mkdir()
    (outside / "en" / "leak.md.j2").write_text("TOP-SECRET-CONTENT\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "pipa").symlink_to(outside)
    with pytest.raises(TemplateProblem, match="E115"):
        environment("en", templates).get_template(name)


def test_the_loader_tries_every_name_in_a_directory_before_the_next(tmp_path):
    import jinja2

    from datamap.publish.sandbox import BoundedEnvironment, ConfinedLoader

    for folder, text in (("project/en", "PROJECT"), ("shipped/pipa/en", "SHIPPED")):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x.md.j2").write_text(text)
    names = lambda name: (name, name.removeprefix("pipa/"))  # noqa: E731
    env = BoundedEnvironment(loader=ConfinedLoader([str(tmp_path / "project"), str(tmp_path / "shipped")], names))
    assert env.get_template("pipa/en/x.md.j2").render() == "PROJECT"
    plain = BoundedEnvironment(loader=ConfinedLoader([str(tmp_path / "project"), str(tmp_path / "shipped")]))
    assert plain.get_template("pipa/en/x.md.j2").render() == "SHIPPED"
    with pytest.raises(jinja2.TemplateNotFound):
        plain.get_template("pipa/ko/x.md.j2")


def test_a_project_processor_list_that_runs_for_ever_is_stopped(run, minimal, short_limits):
    folder = minimal.parent / "templates" / "en"
    folder.mkdir(parents=True)
    write(folder, "processors.md.j2", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    result = run("render", "processors", "inv")
    assert result.code == 1 and "E111" in result.err and "internal error" not in result.err
