"""PIPA as a further regime: ``[gdpr, pipa]`` is the GDPR notice with a section of what PIPA asks a policy to
disclose beyond it, made of the same facts and the same wording as the PIPA policy's articles."""

import dataclasses
import re
import shutil

import pytest

from conftest import FIXTURES
from datamap import language
from datamap.inventory.validate import check_inventory
from datamap.lineage import facts_of
from datamap.lineage.graph import build_graph

HEADING = "## Information under the Korean Personal Information Protection Act"
#: the section's subsections, in the order of the PIPC guideline, for the fixture, which holds every fact
PARTS = [
    "Why we use personal information", "Records kept because a law requires it", "Personal information we process",
    "Providing personal information to third parties", "Outsourcing the processing of personal information",
    "Transferring personal information abroad", "How we destroy personal information",
    "Your rights and how to exercise them", "Privacy officer and complaints department", "Domestic agent",
    "Remedies for infringement of rights",
]
STATUTORY = PARTS.index("Records kept because a law requires it")


def _swapped(tmp_path, source=FIXTURES / "pipa_gdpr", old="regimes: [pipa, gdpr]", file="organization.yaml"):
    """A copy of a fixture whose first regime is the GDPR and whose second is PIPA."""
    inv = tmp_path / "gdpr_pipa"
    shutil.copytree(source, inv)
    text = (inv / file).read_text("utf-8")
    assert old in text
    (inv / file).write_text(text.replace(old, "regimes: [gdpr, pipa]"), "utf-8")
    return inv


@pytest.fixture
def gdpr_pipa(tmp_path):
    return _swapped(tmp_path)


def _sections(text: str, level: str) -> dict[str, str]:
    """Heading -> body of each section of ``level`` ("##" or "###") in ``text``."""
    parts = re.split(rf"^{level} (.*)$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}


def _pipa_section(text: str) -> str:
    start = text.index(HEADING)
    following = re.search(r"^## ", text[start + 3:], flags=re.MULTILINE)
    return text[start:start + 3 + following.start()] if following else text[start:]


def test_gdpr_first_with_a_pipa_section_is_valid(gdpr_pipa, run):
    result = run("check", gdpr_pipa, "--no-stale")
    assert not re.findall(r": E\d{3} ", result.out) and "0 error(s)" in result.out
    policy = run("render", "policy", gdpr_pipa)
    assert policy.code == 0 and policy.out.count(HEADING) == 1
    # the GDPR notice shapes the document: plain headings; the PIPA section sits before its closing section
    assert policy.out.startswith("# ") and not re.search(r"^#+ Article", policy.out, flags=re.MULTILINE)
    assert policy.out.index(HEADING) < policy.out.rindex("\n## ")
    section = _pipa_section(policy.out)
    assert list(_sections(section, "###")) == PARTS
    # the PIPA notices come too, named apart from the GDPR's
    notices = run("render", "notices", gdpr_pipa, "--format", "html", "-o", gdpr_pipa.parent / "notices")
    assert notices.code == 0
    names = sorted(p.name for p in (gdpr_pipa.parent / "notices").iterdir())
    assert "pipa-processors.en.html" in names and "pipa-overseas-transfer.en.html" in names and "collection-signup.en.html" in names


def test_every_pipa_fact_is_in_the_section(gdpr_pipa, run):
    inventory, _ = check_inventory(gdpr_pipa)
    section = _pipa_section(run("render", "policy", gdpr_pipa).out)
    flat = " ".join(section.split())
    en = lambda value: language.text(value, "en")  # noqa: E731
    expected = []
    laws = inventory.by_id("laws")
    for rule in inventory.retention:
        if rule.law:
            law = laws[rule.law]
            expected += [en(rule.records), en(law.name)] + ([en(law.article)] if law.article else [])
    for party in inventory.third_parties:
        expected += [en(party.name), en(party.purpose), en(party.retention)]
    for processor in inventory.processors:
        expected += [en(processor.name)] + [en(task) for task in processor.tasks]
        expected += [en(sub.name) for sub in processor.sub_processors or []] + [en(sub.task) for sub in processor.sub_processors or []]
    facts = facts_of(inventory, build_graph(inventory))
    assert facts.transfers
    for transfer in facts.transfers:
        details = transfer.details
        expected += [en(transfer.recipient.name), transfer.contact, en(details.timing), en(details.method), en(details.refusal)]
        expected += [en(details.retention)] if details.retention else []
    expected += [en(method.method) for method in inventory.destruction.methods]
    org = inventory.organization
    officer, complaints, agent = org.privacy_officer, org.complaints_department, org.domestic_agent
    expected += [en(officer.name), en(officer.title), en(officer.department), officer.email, officer.phone]
    expected += [en(complaints.department), complaints.email, complaints.phone]
    expected += [en(agent.name), en(agent.address), agent.phone, agent.email]
    for remedy in inventory.remedies:
        expected += [en(remedy.name), remedy.phone, remedy.website]
    missing = [fact for fact in expected if fact and " ".join(fact.split()) not in flat]
    assert not missing


def _normalized(body: str, retention: str) -> str:
    """An article's body as the section words it: cross-references to the retention article read "above", and
    the document it names is the GDPR notice the section is in."""
    for before in (f"(see Article {retention})", f"as set out in Article {retention}"):
        body = body.replace(before, before.replace(f"Article {retention}", "the retention periods above"))
    return body.replace("this Privacy Policy", "this Privacy Notice")


def test_the_section_says_what_the_pipa_policy_says(gdpr_pipa, run):
    """Nothing in the section that the PIPA policy of the same inventory does not state: each part is the
    policy's article word for word (but its heading and a cross-reference), and the intro is fixed text."""
    section = _pipa_section(run("render", "policy", gdpr_pipa).out)
    pipa_first = run("render", "policy", FIXTURES / "pipa_gdpr").out
    articles = {re.sub(r"^Article \d+ ", "", title): body for title, body in _sections(pipa_first, "##").items()}
    retention = re.search(r"^## Article (\d+) How long we keep", pipa_first, flags=re.MULTILINE).group(1)
    parts = _sections(section, "###")
    assert "(see the retention periods above)" in parts["How we destroy personal information"]
    for title in PARTS[:STATUTORY] + PARTS[STATUTORY + 1:]:
        assert parts[title] == _normalized(articles[title], retention), title
    # the reused articles name the document they are in, as its title does
    assert "this Privacy Notice" in parts["Outsourcing the processing of personal information"]
    assert "Privacy Policy" not in section and run("render", "policy", gdpr_pipa).out.startswith("# Privacy Notice\n")
    statutory = articles["How long we keep personal information"].split("**2. Records kept because a law requires it**")[1]
    statutory = statutory.split("\n**3.")[0].strip("\n")
    assert re.sub(r"^2\.\d+\. (.*)$", r"**\1**", statutory, flags=re.MULTILINE) == parts[PARTS[STATUTORY]]
    intro = section.split("\n### ")[0]
    assert intro == (HEADING + "\n\nThis section gives the information the Personal Information Protection Act of the "
                     "Republic of Korea (“PIPA”) requires in addition to the rest of this Privacy Notice.\nTerms used in this "
                     "section have the meaning given to them by the relevant laws and by the Company's Terms of Service.\n")


def test_the_korean_section_says_what_the_korean_policy_says(gdpr_pipa):
    from datamap.regimes import REGIMES

    inventory, _ = check_inventory(gdpr_pipa)
    section = REGIMES["pipa"].call("section", facts_of(inventory, build_graph(inventory)), "ko", None, [REGIMES["pipa"]])
    assert section.startswith("## 「개인정보 보호법」에 따른 안내\n")
    inventory, _ = check_inventory(FIXTURES / "pipa_gdpr")
    policy = REGIMES["pipa"].call("document", facts_of(inventory, build_graph(inventory)), "ko", None, [REGIMES["pipa"]])
    articles = {re.sub(r"^제\d+조\((.*)\)$", r"\1", title): body for title, body in _sections(policy, "##").items()}
    parts = _sections(section, "###")
    assert list(parts) == ["개인정보의 처리 목적", "관계 법령에 따라 보존하는 정보", "처리하는 개인정보의 항목", "개인정보의 제3자 제공",
                           "개인정보 처리업무의 위탁", "개인정보의 국외 이전", "개인정보의 파기 절차 및 방법",
                           "정보주체와 법정대리인의 권리·의무 및 행사 방법", "개인정보 보호책임자 및 고충처리 부서", "국내대리인의 지정",
                           "정보주체의 권익침해에 대한 구제방법"]
    for title, body in list(parts.items()):
        if title == "관계 법령에 따라 보존하는 정보":
            continue
        expected = re.sub(r"제\d+조에서 정한 기간", "위에서 밝힌 보유 기간", re.sub(r"\(제\d+조 참조\)", "(위의 보유 기간 참조)", articles[title]))
        assert body == expected.replace("이 개인정보 처리방침", "이 방침"), title
    assert "이 방침을 통하여 공개합니다" in parts["개인정보 처리업무의 위탁"] and "처리방침" not in section
    assert not re.search(r"^#+ 제\d+조", section, flags=re.MULTILINE) and not re.search(r"제\d+조 참조|제\d+조에서", section)


def test_parts_without_facts_are_left_out(tmp_path, run):
    """A French company's notice (no third parties, transfers, domestic agent or remedies in its inventory):
    the section states no recipient, no transfer, no agent and no remedy body."""
    inv = _swapped(tmp_path, FIXTURES / "cloud_pve", "regimes: [gdpr]", "inventory.yaml")
    (inv / "destruction.yaml").write_text("destruction:\n  methods: [{medium: electronic, method: deleted}]\n")
    policy = run("render", "policy", inv)
    assert policy.code == 0
    section = _pipa_section(policy.out)
    assert list(_sections(section, "###")) == [
        "Records kept because a law requires it", "Personal information we process",
        "Providing personal information to third parties", "Outsourcing the processing of personal information",
        "How we destroy personal information", "Privacy officer",
    ]
    # no purpose has a legal basis under PIPA and no rights procedure is declared: the GDPR part states them
    assert "PIPA Article 15" not in section
    third = _sections(section, "###")["Providing personal information to third parties"]
    assert "|" not in third and "currently provides" not in third
    assert "Paper" not in section and "on paper" not in section and "1.2." not in section
    assert "None" not in section and not re.search(r"(see|in) Article \d", section)


def test_a_regime_without_a_section_still_comes_first_only(tmp_path, run, monkeypatch):
    from datamap import regimes

    monkeypatch.setitem(regimes.REGIMES, "pipa", dataclasses.replace(regimes.REGIMES["pipa"], section=None))
    inv = _swapped(tmp_path)
    result = run("validate", inv)
    assert "E802 PIPA can only be the first of 'policy.regimes': it has no section to add to the EU GDPR document" in result.out
    assert result.code == 1


def test_the_downloads_name_pipa_notices_in_pipa_words(gdpr_pipa):
    """After the GDPR notice, PIPA's notices keep their own names: a transfer abroad from the organization's
    country is not a "transfer outside the EEA"."""
    from datamap.regimes.notices import notice_entries
    from datamap.site.pages import _Pages

    inventory, _ = check_inventory(gdpr_pipa)
    graph = build_graph(inventory)
    words = _Pages(inventory, graph, "en", None).words
    titles = {entry.name: words[f"notice_{entry.kind}"] for entry in notice_entries(facts_of(inventory, graph), graph)}
    assert titles["pipa-overseas-transfer"] == "Notice of transfer abroad"
    assert titles["pipa-processors"] == "Notice of entrusted processing"
    assert titles["collection-signup"] == "Notice at collection" and words["processors"] == "Processors"
    # the other way round, the GDPR's notices are named in its words
    inventory, _ = check_inventory(FIXTURES / "pipa_gdpr")
    graph = build_graph(inventory)
    words = _Pages(inventory, graph, "en", None).words
    titles = {entry.name: words[f"notice_{entry.kind}"] for entry in notice_entries(facts_of(inventory, graph), graph)}
    assert titles["overseas-transfer"] == "Notice of transfer abroad" and titles["gdpr-collection-signup"] == "Notice at collection"


def test_the_section_names_the_document_by_its_title(gdpr_pipa, run):
    """A document with a title of its own: the section and the articles it reuses name it by that title."""
    org = gdpr_pipa / "organization.yaml"
    org.write_text(org.read_text("utf-8").replace("  regimes: [gdpr, pipa]\n", "  regimes: [gdpr, pipa]\n  title: {en: Hanbit Privacy Notice, ko: 한빛 개인정보 안내}\n"), "utf-8")
    policy = run("render", "policy", gdpr_pipa)
    assert policy.code == 0 and policy.out.startswith("# Hanbit Privacy Notice\n")
    section = " ".join(_pipa_section(policy.out).split())
    assert "requires in addition to the rest of this Hanbit Privacy Notice." in section
    assert "discloses the change in this Hanbit Privacy Notice without delay." in section
    assert "and disclosed in this Hanbit Privacy Notice (PIPA Article 28-8(1)3)" in section
    from datamap.regimes import REGIMES

    inventory, _ = check_inventory(gdpr_pipa)
    korean = REGIMES["pipa"].call("section", facts_of(inventory, build_graph(inventory)), "ko", None, [REGIMES["pipa"]])
    assert "「개인정보 보호법」이 이 한빛 개인정보 안내의 다른 부분에 더하여" in korean
    assert "지체 없이 이 한빛 개인정보 안내를 통하여 공개합니다." in korean
