"""Sections the law requires when applicable appear exactly when the inventory holds their facts."""

import re

from conftest import write

ABROAD = """
processors:
  - id: mailgun
    name: Mailgun Technologies, Inc.
    country: US
    contact: privacy@mailgun.example
    tasks: [{en: Sending email, ko: 이메일 발송}]
    sub_processors:
      - {name: Cloud Hosting LLC, country: US, task: {en: Hosting, ko: 호스팅}}
systems:
  - id: mail
    name: {en: Mail delivery, ko: 메일 발송}
    operator: mailgun
    country: US
    purposes: [service]
    fields:
      - {name: to, item: email, label: {en: Email address, ko: 이메일 주소}}
    transfer:
      timing: {en: when an email is sent, ko: 이메일 발송 시}
      method: {en: sent over an encrypted network connection, ko: 암호화된 네트워크로 전송}
      legal_ground: contract
      refusal:
        en: "Refuse by writing to the privacy officer; emails can then not be sent."
        ko: "개인정보 보호책임자에게 요청하여 거부할 수 있으며, 이 경우 이메일을 받을 수 없습니다."
third_parties:
  - id: insurer
    name: {en: Safe Insurance Co., ko: 안전보험}
    country: KR
    purpose: {en: insurance claims, ko: 보험금 청구}
    items: [email]
    retention: {en: 3 years after the claim, ko: 청구 후 3년}
    legal_ground: consent
remedies:
  - {name: {en: Personal Information Dispute Mediation Committee, ko: 개인정보분쟁조정위원회}, phone: "1833-6972", website: www.kopico.go.kr}
"""


def articles(text):
    return re.findall(r"^## Article (\d+) (.*)$", text, flags=re.M)


def test_minimal_inventory_has_only_the_always_sections(run, minimal):
    titles = [t for _, t in articles(run("render", "policy", "inv").out)]
    assert "Transferring personal information abroad" not in titles
    assert "Remedies for infringement of rights" not in titles
    assert len(titles) == 11  # no web storage either


def test_overseas_third_party_and_remedies_sections(run, minimal):
    write(minimal, "more.yaml", ABROAD)
    result = run("render", "policy", "inv", "--strict")
    assert result.code == 0, result.err
    numbered = articles(result.out)
    titles = [t for _, t in numbered]
    assert titles.index("Transferring personal information abroad") == titles.index("Outsourcing the processing of personal information") + 1
    assert [int(n) for n, _ in numbered] == list(range(1, len(numbered) + 1))
    overseas = result.out.split("Transferring personal information abroad")[1].split("## Article")[0]
    assert "| Recipient | Mailgun Technologies, Inc. (entrustee) |" in overseas
    assert "| Country | United States |" in overseas
    assert "| Items transferred | Email |" in overseas
    assert "| When and how | when an email is sent; sent over an encrypted network connection |" in overseas
    assert "| Contact | privacy@mailgun.example |" in overseas
    assert "PIPA Article 28-8(1)3" in overseas
    outsourcing = result.out.split("Outsourcing the processing")[1].split("## Article")[0]
    assert "| Mailgun Technologies, Inc. (United States) | Email address | Sending email |" in outsourcing
    assert "| Mailgun Technologies, Inc. | Cloud Hosting LLC | United States | Hosting |" in outsourcing
    third = result.out.split("Providing personal information to third parties")[1].split("## Article")[0]
    assert "| Safe Insurance Co. | insurance claims | Email | 3 years after the claim | consent |" in third
    assert "1. Personal Information Dispute Mediation Committee: 1833-6972, www.kopico.go.kr" in result.out


def test_processor_items_follow_the_systems_it_operates(run, minimal):
    """Article 9 lists what really reaches a processor: moving a field moves the disclosure."""
    write(minimal, "more.yaml", ABROAD)
    text = (minimal / "more.yaml").read_text().replace(
        "      - {name: to, item: email, label: {en: Email address, ko: 이메일 주소}}",
        "      - {name: to, item: email, label: {en: Email address, ko: 이메일 주소}}\n      - {name: greeting, item: name}",
    ).replace("items:\n  - id: x", "")
    write(minimal, "more.yaml", text + "items:\n  - {id: name, label: Name}\ncollection_points:\n  - {id: f, method: form, items: [name]}\nretention:\n  - {id: r, records: Names, items: [name], trigger: withdrawal}\n")
    out = run("render", "processors", "inv", "--format", "csv").out
    assert "mailgun,\"Mailgun Technologies, Inc.\",US,Email address; Name,Sending email" in out
