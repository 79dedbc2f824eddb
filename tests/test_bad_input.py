"""Every kind of bad input gives exact findings, all at once, with exit 1 and never a traceback."""

from conftest import write


def findings(run, inv, *extra):
    result = run("validate", inv, *extra)
    assert "Traceback" not in result.out + result.err
    return result.code, [line for line in result.out.splitlines() if ": " in line and line.startswith("inv/")]


def test_minimal_inventory_is_clean(run, minimal):
    result = run("validate", "inv", "--strict")
    assert result.code == 0
    assert result.out == ""


def test_yaml_syntax_error(run, minimal):
    write(minimal, "broken.yaml", "items:\n  - id: [a, b\n")
    code, found = findings(run, "inv")
    assert code == 1
    assert found == ["inv/broken.yaml:3:1: E101 YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"]


def test_duplicate_keys_are_reported_not_silently_dropped(run, minimal):
    write(minimal, "dup.yaml", """
        items:
          - id: phone
            label: Phone
            label: Telephone
        """)
    code, found = findings(run, "inv")
    assert code == 1
    assert "inv/dup.yaml:4:5: E102 duplicate key 'label' in this mapping" in found


def test_unknown_key_suggests_the_right_one(run, minimal):
    write(minimal, "typo.yaml", """
        items:
          - id: phone
            lable: Phone
        """)
    code, found = findings(run, "inv")
    assert code == 1
    assert found[:2] == [
        "inv/typo.yaml:2:5: E202 missing required key 'label'",
        "inv/typo.yaml:3:5: E201 unknown key 'lable' (did you mean 'label'?)",
    ]


def test_unknown_section(run, minimal):
    write(minimal, "typo.yaml", "purpose:\n  - id: x\n")
    code, found = findings(run, "inv")
    assert found == ["inv/typo.yaml:1:1: E201 unknown section 'purpose' (did you mean 'purposes'?)"]


def test_wrong_types(run, minimal):
    write(minimal, "types.yaml", """
        items:
          - id: phone
            label: 1.5
            required: maybe
            sensitivity: secret
        processors:
          - id: p
            name: P
            country: kr
            tasks: [{en: Hosting}]
        """)
    code, found = findings(run, "inv")
    assert code == 1
    assert found == [
        "inv/types.yaml:3:12: E210 label: 1.5 was read as the number 1.5, not as text; to mean the text, quote it: label: \"1.5\"",
        "inv/types.yaml:4:15: E203 required: expected true or false, got 'maybe'",
        "inv/types.yaml:5:18: E203 sensitivity: 'secret' is not one of 'ordinary', 'sensitive' or 'unique_identifier'",
        "inv/types.yaml:9:14: E203 country: 'kr' is not a two-letter ISO 3166 country code such as KR or US",
    ]


def test_missing_required_values(run, minimal):
    write(minimal, "missing.yaml", """
        processors:
          - id: host
            country: KR
        """)
    code, found = findings(run, "inv")
    assert code == 1
    assert found == ["inv/missing.yaml:2:5: E202 missing required key 'name'"]


def test_duplicate_ids_across_files(run, minimal):
    write(minimal, "more.yaml", """
        items:
          - id: email
            label: Email again
        """)
    code, found = findings(run, "inv")
    assert code == 1
    assert found == ["inv/more.yaml:2:9: E204 duplicate id 'email' in items (first defined in inv/inventory.yaml)"]


def test_unknown_references_suggest_close_ids(run, minimal):
    write(minimal, "refs.yaml", """
        systems:
          - id: crm
            name: CRM
            operator: hostng
            purposes: [servce]
            fields:
              - {name: mail, item: emial}
        """)
    code, found = findings(run, "inv")
    assert code == 1
    assert found == [
        "inv/refs.yaml:4:15: E205 unknown processor 'hostng'",
        "inv/refs.yaml:5:16: E205 unknown purpose 'servce' (did you mean 'service'?)",
        "inv/refs.yaml:7:28: E205 unknown item 'emial' (did you mean 'email'?)",
    ]


def test_consistency_warnings_and_strict(run, minimal):
    write(minimal, "flows.yaml", """
        items:
          - id: phone
            label: Phone
          - id: fax
            label: Fax
        collection_points:
          - {id: form2, method: form, items: [phone]}
        """)
    code, found = findings(run, "inv")
    assert code == 0
    assert found == [
        "inv/flows.yaml:2:9: W301 item 'phone' is collected but used for no purpose: no system holding it lists a purpose",
        "inv/flows.yaml:2:9: W302 item 'phone' has no retention rule: add it to a rule under 'retention'",
        "inv/flows.yaml:2:9: W303 item 'phone' is collected but stored in no system field",
        "inv/flows.yaml:4:9: W304 item 'fax' is never collected: no collection point lists it",
    ]
    assert findings(run, "inv", "--strict")[0] == 1


def test_processor_without_task_and_system_abroad(run, minimal):
    write(minimal, "abroad.yaml", """
        processors:
          - id: cloud
            name: Cloud Inc.
            country: US
        systems:
          - id: analytics
            name: Analytics
            operator: cloud
            country: US
            purposes: [service]
            fields:
              - {name: mail, item: email}
        """)
    code, found = findings(run, "inv")
    assert code == 1
    assert found == [
        "inv/abroad.yaml:2:9: E301 processor 'cloud' has no task: say what is entrusted to it under 'tasks'",
        "inv/abroad.yaml:9:14: E302 system 'analytics' runs in US, outside KR: add 'transfer' (timing, method, legal_ground)",
    ]


def test_python_tags_are_refused(run, minimal):
    write(minimal, "evil.yaml", 'items: !!python/object/apply:os.system ["touch pwned"]\n')
    code, found = findings(run, "inv")
    assert code == 1
    assert found == [
        "inv/evil.yaml:1:8: E103 unsafe or unknown YAML tag 'tag:yaml.org,2002:python/object/apply:os.system': inventory files hold plain data only"
    ]
    assert not (minimal.parent / "pwned").exists()


def test_alias_bomb_is_refused(run, minimal):
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    write(minimal, "bomb.yaml", "\n".join(levels) + "\n")
    code, found = findings(run, "inv")
    assert code == 1
    assert found == ["inv/bomb.yaml:2:8: E104 refused: aliases expand to more than 1,000,000 nodes"]


def test_recursive_alias_is_refused(run, minimal):
    write(minimal, "loop.yaml", "items: &x [*x]\n")
    code, found = findings(run, "inv")
    assert found == ["inv/loop.yaml:1:12: E104 refused: recursive alias"]


def test_small_aliases_are_fine(run, minimal):
    write(minimal, "alias.yaml", """
        items:
          - &phone {id: phone, label: Phone}
        collection_points:
          - {id: call, method: offline, items: [phone]}
        """)
    code, found = findings(run, "inv")
    assert all(" E" not in f for f in found)


def test_non_utf8_file(run, minimal):
    write(minimal, "latin1.yaml", "items:\n  - id: caf\xe9\n".encode("latin-1"))
    code, found = findings(run, "inv")
    assert code == 1
    assert found == ["inv/latin1.yaml:2:12: E105 file is not UTF-8 (byte 0xe9); save it as UTF-8"]


def test_empty_file(run, minimal):
    write(minimal, "empty.yaml", "# nothing here yet\n")
    code, found = findings(run, "inv")
    assert code == 1
    assert found == ["inv/empty.yaml:1:1: E106 empty file: an inventory file holds at least one section"]


def test_top_level_must_be_a_mapping(run, minimal):
    write(minimal, "list.yaml", "- a\n- b\n")
    code, found = findings(run, "inv")
    assert found == ["inv/list.yaml:1:1: E203 a file holds a mapping of sections, got a list"]


def test_invalid_date_is_a_finding_not_a_crash(run, minimal):
    text = (minimal / "inventory.yaml").read_text().replace("effective: 2025-01-01", "effective: 2025-13-01")
    write(minimal, "inventory.yaml", text)
    code, found = findings(run, "inv")
    assert code == 1
    assert found == ["inv/inventory.yaml:12:14: E203 effective: expected a date (YYYY-MM-DD), got '2025-13-01'"]


def test_section_defined_twice(run, minimal):
    write(minimal, "again.yaml", "policy:\n  version: '2'\n  effective: 2025-02-01\n")
    code, found = findings(run, "inv")
    assert found == ["inv/inventory.yaml:10:1: E206 section 'policy' is already defined in inv/again.yaml"]


def test_all_problems_in_one_run(run, minimal):
    write(minimal, "a.yaml", "items:\n  - id: x\n    lable: X\n")
    write(minimal, "b.yaml", "a: [\n")
    write(minimal, "c.yaml", "")
    code, found = findings(run, "inv")
    assert code == 1
    assert [f.split(": ")[1].split()[0] for f in found] == ["E202", "E201", "E101", "E106"]


def test_missing_inventory_directory(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("validate", "nowhere")
    assert result.code == 1
    assert result.out.splitlines()[0] == "nowhere: E107 no such file or directory"


def test_json_format(run, minimal):
    import json

    write(minimal, "typo.yaml", "items:\n  - id: x\n    label: X\n    lable: X\n")
    result = run("validate", "inv", "--format", "json")
    records = json.loads(result.out)
    assert {"file": "inv/typo.yaml", "line": 4, "col": 5, "code": "E201", "severity": "error",
            "message": "unknown key 'lable' (did you mean 'label'?)"} in records


def test_github_format(run, minimal):
    write(minimal, "typo.yaml", "items:\n  - id: x\n    label: X\n    lable: X\n")
    result = run("validate", "inv", "--format", "github")
    assert "::error file=inv/typo.yaml,line=4,col=5,title=E201::E201 unknown key 'lable' (did you mean 'label'?)" in result.out
