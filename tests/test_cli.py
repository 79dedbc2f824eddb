"""The command line contract: commands, formats, exit codes, safe outputs."""

import json

import pytest

from conftest import REFERENCE, write


def test_version_and_usage_errors(run):
    assert run("--version").code == 0
    result = run()
    assert result.code == 2 and "required" in result.err
    assert run("frobnicate").code == 2
    assert run("render", "policy", REFERENCE, "--format", "docx").code == 2


def test_validate_reference_is_clean(run):
    result = run("validate", REFERENCE, "--strict")
    assert (result.code, result.out) == (0, "")


def test_schema_is_json_schema_that_accepts_the_reference_inventory(run):
    import jsonschema
    import yaml

    result = run("schema")
    schema = json.loads(result.out)
    assert schema["title"] == "datamap inventory file"
    assert {"organization", "items", "systems", "processors", "retention", "web_storage"} <= set(schema["properties"])
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(REFERENCE.glob("*.yaml")):
        document = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        assert list(validator.iter_errors(document)) == [], path.name
    assert list(validator.iter_errors({"items": [{"id": "x", "lable": "X"}]}))


def test_processors_formats(run):
    csv_out = run("render", "processors", REFERENCE, "--format", "csv").out.splitlines()
    assert csv_out[0] == "id,name,country,items,tasks,sub_processors,overseas,contact,contract"
    assert csv_out[2] == "naver_cloud,Naver Cloud,KR,ID (email); name,Sending E-mail,,false,,"
    records = json.loads(run("render", "processors", REFERENCE, "--format", "json").out)
    assert [r["id"] for r in records] == ["microsoft_korea", "naver_cloud"]
    assert records[0]["item_ids"] == ["email", "password", "contact_name"]


def test_graph_item_system_processor(run):
    item = json.loads(run("graph", REFERENCE, "--item", "email", "--format", "json").out)
    assert [p["id"] for p in item["processors"]] == ["microsoft_korea", "naver_cloud"]
    assert [c["id"] for c in item["collected_by"]] == ["signup", "google_login"]
    assert "contract_records" in [r["id"] for r in item["retention"]]
    system = json.loads(run("graph", REFERENCE, "--system", "mailer", "--format", "json").out)
    assert system["operator"]["id"] == "naver_cloud"
    assert [i["id"] for i in system["items"]] == ["email", "contact_name"]
    processor = json.loads(run("graph", REFERENCE, "--processor", "microsoft_korea", "--format", "json").out)
    assert [s["id"] for s in processor["systems"]] == ["account_db"]
    assert [i["id"] for i in processor["items"]] == ["email", "password", "contact_name"]
    text = run("graph", REFERENCE, "--system", "service_logs").out
    assert "operated by" in text and "the organization itself" in text


def test_graph_unknown_id_is_a_usage_error(run):
    result = run("graph", REFERENCE, "--item", "emial")
    assert result.code == 2
    assert result.err.strip() == "no item 'emial' in the inventory (did you mean 'email'?)"


def test_output_file_is_written_whole_and_kept_on_failure(run, minimal):
    out = minimal.parent / "out" / "policy.md"
    assert run("render", "policy", "inv", "-o", out).code == 0
    written = out.read_text(encoding="utf-8")
    assert written.startswith("# Privacy Policy")
    write(minimal, "broken.yaml", "items: [\n")
    result = run("render", "policy", "inv", "-o", out)
    assert result.code == 1 and "E101" in result.err
    assert out.read_text(encoding="utf-8") == written
    assert [p.name for p in out.parent.iterdir()] == ["policy.md"]


def test_internal_error_is_one_line_with_exit_3(run, monkeypatch):
    import datamap.inventory.validate

    def boom(*_):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(datamap.inventory.validate, "check_inventory", boom)
    result = run("validate", REFERENCE)
    assert result.code == 3
    assert result.err == "datamap: internal error: RuntimeError: disk on fire\n"


def test_project_templates_override_defaults(run, minimal):
    templates = minimal.parent / "templates" / "en" / "policy"
    templates.mkdir(parents=True)
    write(templates, "officer.md.j2", "## Article {{ n }} Whom to ask\n\nWrite to {{ inv.organization.privacy_officer.email }}.\n")
    result = run("render", "policy", "inv")
    assert result.code == 0
    assert "## Article 10 Whom to ask\n\nWrite to privacy@example.com." in result.out
    assert "Privacy officer:" not in result.out


def test_templates_run_in_a_sandbox(run, minimal):
    templates = minimal.parent / "templates" / "en" / "policy"
    templates.mkdir(parents=True)
    write(templates, "officer.md.j2", "{{ inv.__class__.__mro__[1].__subclasses__() }}\n")
    result = run("render", "policy", "inv")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.startswith("datamap: template error in pipa/en/policy.md.j2: access to attribute '__class__'")


def test_template_syntax_error_names_the_file(run, minimal):
    templates = minimal.parent / "templates" / "en" / "policy"
    templates.mkdir(parents=True)
    write(templates, "officer.md.j2", "{% if %}\n")
    result = run("render", "policy", "inv")
    assert result.code == 1
    assert "officer.md.j2:1: template syntax error" in result.err


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "a | b", "**bold** [link](http://x)", "&amp; &#60;"])
def test_inventory_text_is_inert_in_markdown(run, minimal, hostile):
    import markdown

    text = (minimal / "inventory.yaml").read_text(encoding="utf-8").replace("label: {en: Email, ko: 이메일}", f"label: {json.dumps(hostile)}")
    write(minimal, "inventory.yaml", text)
    result = run("render", "policy", "inv")
    assert result.code == 0, result.err
    html = markdown.markdown(result.out, extensions=["tables"])
    assert "<script>" not in html and "<strong>bold" not in html and "<a href" not in html
    assert "&amp;amp;" in html or "&amp;" not in hostile
