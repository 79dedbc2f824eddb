"""Synthetic inventories for benchmarks: a valid inventory of a given number of system fields.

The shape follows a real inventory, scaled up: items (one for every 20 fields) with labels in English
and Korean, collection points of every method, systems (one for every 20 fields, about 5%) split over
several files, processors (some abroad, with overseas-transfer details), purposes, laws, retention
rules, third parties, web storage and safeguards. Every item is collected, stored in a system that
serves a purpose and kept under a retention rule, so neither ``datamap validate`` nor ``datamap check`` reports anything.

The output depends only on the number of fields: the same call writes the same bytes.

    python benchmarks/generate.py --fields 10000 DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from datamap.output import write_atomic  # noqa: E402

try:
    _Dumper = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Dumper = yaml.SafeDumper

MIN_FIELDS = 200
FIELDS_PER_SYSTEM = 20
FIELDS_PER_ITEM = 20
ITEMS_PER_FILE = 500
SYSTEMS_PER_FILE = 25
SYSTEMS_PER_PROCESSOR = 10
SYSTEMS_PER_PURPOSE = 10
ITEMS_PER_POINT = 10
ITEMS_PER_RULE = 20
METHODS = ("form", "automatic", "social_login", "form", "from_third_party", "automatic")
ABROAD = ("US", "JP", "SG", "IE", "DE")
FIELD_KINDS = (("id", "식별자"), ("value", "값"), ("hash", "해시"), ("copy", "사본"))


def _text(en: str, ko: str) -> dict:
    return {"en": en, "ko": ko}


#: how to refuse a transfer abroad, and what refusing means (PIPA Art 28-8(2))
REFUSAL = {"en": "Ask the privacy officer to stop the transfer; the service abroad is then unavailable.",
           "ko": "개인정보 보호책임자에게 이전 중단을 요청할 수 있으며, 이 경우 해외 서비스를 이용할 수 없습니다."}


def _sizes(fields: int) -> dict[str, int]:
    systems = fields // FIELDS_PER_SYSTEM
    return {
        "fields": fields,
        "systems": systems,
        "items": fields // FIELDS_PER_ITEM,
        "processors": systems // SYSTEMS_PER_PROCESSOR,
        "purposes": max(3, systems // SYSTEMS_PER_PURPOSE),
    }


def _organization() -> dict:
    return {
        "organization": {
            "name": _text("Example Data Co., Ltd.", "주식회사 예시데이터"),
            "short_name": _text("the Company", "회사"),
            "country": "KR",
            "email": "privacy@example.com",
            "terms_of_use": _text("Terms of Use", "이용약관"),
            "services": [{"id": "platform", "name": _text("Example Platform", "예시 플랫폼")}],
            "privacy_officer": {"name": _text("Kim Min-su", "김민수"), "title": "CPO", "email": "privacy@example.com"},
            "customer_center": {"channels": ["email", "web"], "email": "help@example.com", "url": "https://example.com/help"},
        },
        "policy": {"version": "1.0", "effective": "2025-01-01",
                   "history": [{"version": "1.0", "effective": "2025-01-01", "summary": _text("first version", "최초 제정")}]},
        "children": {"collects_under_14": False},
        "remedies": [{"name": _text("Personal Information Dispute Mediation Committee", "개인정보분쟁조정위원회"), "phone": "1833-6972",
                      "website": "www.kopico.go.kr"}],
    }


def _safeguards() -> dict:
    return {
        "security_measures": [
            {"category": "administrative", "measure": _text("an internal management plan", "내부관리계획 수립")},
            {"category": "technical", "measure": _text("encryption of identifiers", "고유식별정보 암호화")},
            {"category": "physical", "measure": _text("locked server rooms", "전산실 출입통제")},
        ],
        "rights_procedures": [
            {"id": "self_service", "rights": ["access", "correction", "deletion"], "how": _text("Use the account page.", "계정 페이지를 이용합니다.")}
        ],
        "destruction": {
            "separate_storage": True,
            "methods": [
                {"medium": "paper", "method": _text("shredded", "분쇄")},
                {"medium": "electronic", "method": _text("deleted beyond recovery", "복구할 수 없게 삭제")},
            ],
        },
        "web_storage": [
            {"id": "session", "kind": "cookie", "name": "sid", "purpose": _text("keeping the session", "세션 유지"), "duration": "session",
             "how_to_refuse": _text("Refuse cookies in the browser's settings.", "브라우저 설정에서 쿠키를 거부합니다.")},
            {"id": "prefs", "kind": "local_storage", "purpose": _text("remembering settings", "설정 기억"), "duration": "persistent",
             "how_to_refuse": _text("Delete the browser's site data.", "브라우저의 사이트 데이터를 삭제합니다.")},
        ],
    }


def _items(sizes: dict) -> list[dict]:
    items = []
    for i in range(sizes["items"]):
        item = {"id": f"item_{i:05d}", "label": _text(f"Attribute {i}", f"속성 {i}")}
        if i % 3 == 0:
            item["description"] = _text(f"attribute {i} of the customer's account", f"고객 계정의 속성 {i}")
        item["required"] = i % 7 != 3
        if i % 50 == 49:
            item["sensitivity"] = "unique_identifier"
        items.append(item)
    return items


def _collection_points(items: list[dict], first: int) -> list[dict]:
    """Collection points for one file's items, numbered from ``first`` across the inventory."""
    points = []
    for n, start in enumerate(range(0, len(items), ITEMS_PER_POINT), start=first):
        method = METHODS[n % len(METHODS)]
        point = {"id": f"point_{n:04d}", "method": method, "items": [item["id"] for item in items[start : start + ITEMS_PER_POINT]]}
        if method == "social_login":
            point["provider"] = "Google"
        else:
            point["label"] = _text(f"collection channel {n}", f"수집 경로 {n}")
        points.append(point)
    return points


def _purposes(sizes: dict) -> list[dict]:
    bases = (("contract", "6(1)(b)"), ("consent", "6(1)(a)"), ("statute", "6(1)(c)"), ("legitimate_interest", "6(1)(f)"))
    purposes = []
    for i in range(sizes["purposes"]):
        pipa, gdpr = bases[i % len(bases)]
        purpose = {
            "id": f"purpose_{i:04d}",
            "title": _text(f"Business purpose {i}", f"업무 목적 {i}"),
            "details": [_text(f"Personal information is used for business purpose {i}.", f"업무 목적 {i}을 위하여 개인정보를 이용합니다.")],
            "legal_basis": {"pipa": pipa, "gdpr": gdpr},
        }
        if i % 10 == 9:
            purpose["marketing"] = True
        purposes.append(purpose)
    return purposes


def _processors(sizes: dict) -> list[dict]:
    processors = []
    for i in range(sizes["processors"]):
        country = ABROAD[i % len(ABROAD)] if i % 4 == 3 else "KR"
        processor = {
            "id": f"processor_{i:04d}",
            "name": _text(f"Processor {i} Inc.", f"수탁사 {i}"),
            "country": country,
            "tasks": [_text(f"Operating systems of group {i}", f"{i}번 그룹 시스템 운영")],
            "contract": f"C-{i:05d}",
        }
        if country != "KR":
            processor["contact"] = f"privacy@processor{i}.example"
        if i % 5 == 0:
            processor["sub_processors"] = [{"name": _text(f"Sub-processor {i}", f"재수탁사 {i}"), "country": "KR", "task": _text("backup", "백업")}]
        processors.append(processor)
    return processors


def _system(n: int, sizes: dict, processors: list[dict]) -> dict:
    """System ``n``: its fields are fields n*20 .. n*20+19 of the inventory, spread over all items."""
    system = {"id": f"system_{n:05d}", "name": _text(f"System {n}", f"시스템 {n}")}
    # Systems take turns: run by the organization, or by one processor (every processor runs some).
    if n % 2 == 0:
        system["operator"] = "self"
    else:
        processor = processors[(n // 2) % len(processors)]
        system["operator"] = processor["id"]
        system["country"] = processor["country"]
        if processor["country"] != "KR":
            system["region"] = f"{processor['country'].lower()}-1"
            system["transfer"] = {
                "timing": _text("when the service is used", "서비스 이용 시"),
                "method": _text("over an encrypted network", "암호화된 네트워크를 통해 전송"),
                "legal_ground": "contract",
                "retention": _text("until the contract ends", "계약 종료 시까지"),
                "refusal": dict(REFUSAL),  # a copy: a shared object would be dumped as a YAML anchor and aliases
            }
    first = n * FIELDS_PER_SYSTEM
    last = sizes["fields"] if n == sizes["systems"] - 1 else first + FIELDS_PER_SYSTEM
    fields = []
    for j in range(first, last):
        item = j % sizes["items"]
        data_field = {"name": f"col_{j:06d}", "item": f"item_{item:05d}"}
        if j % 4 == 1:
            en, ko = FIELD_KINDS[(j // 4) % len(FIELD_KINDS)]
            data_field["label"] = _text(f"Attribute {item} ({en})", f"속성 {item}({ko})")
        fields.append(data_field)
    system["fields"] = fields
    system["purposes"] = [f"purpose_{(n + k) % sizes['purposes']:04d}" for k in range(1 + n % 3)]
    return system


def _retention(items: list[dict]) -> dict:
    laws = [
        {"id": "ecommerce_act", "name": _text("Act on the Consumer Protection in Electronic Commerce", "전자상거래법")},
        {"id": "comms_secrets_act", "name": _text("Protection of Communications Secrets Act", "통신비밀보호법")},
    ]
    rules = []
    for n, start in enumerate(range(0, len(items), ITEMS_PER_RULE)):
        rule = {"id": f"rule_{n:04d}", "records": _text(f"Records of group {n}", f"{n}번 그룹 기록"), "items": [i["id"] for i in items[start : start + ITEMS_PER_RULE]]}
        kind = n % 3
        if kind == 0:
            rule["trigger"] = "withdrawal"
        elif kind == 1:
            rule.update(period="P5Y", trigger="transaction", law=laws[n % 2]["id"])
        else:
            rule.update(period="P1Y", reason=_text("to settle disputes", "분쟁 해결을 위하여"))
        rules.append(rule)
    return {"laws": laws, "retention": rules}


def _third_parties(items: list[dict]) -> list[dict]:
    parties = [
        {
            "id": "partner_kr",
            "name": _text("Partner Co.", "파트너 주식회사"),
            "country": "KR",
            "purpose": _text("joint promotions", "공동 프로모션"),
            "items": [i["id"] for i in items[:3]],
            "retention": _text("one year after the promotion", "프로모션 종료 후 1년"),
            "legal_ground": "consent",
        }
    ]
    if len(items) >= 100:
        parties.append(
            {
                "id": "partner_us",
                "name": _text("Partner Inc.", "파트너 인크"),
                "country": "US",
                "purpose": _text("fraud detection", "부정 거래 탐지"),
                "items": [i["id"] for i in items[3:8]],
                "retention": _text("three years", "3년"),
                "legal_ground": "consent",
                "contact": "privacy@partner.example",
                "transfer": {"timing": _text("daily", "매일"), "method": _text("SFTP", "SFTP"), "legal_ground": "consent", "refusal": dict(REFUSAL)},
            }
        )
    return parties


def inventory_documents(fields: int) -> dict[str, dict]:
    """The synthetic inventory for ``fields`` system fields: relative file name -> YAML document."""
    if fields < MIN_FIELDS:
        raise ValueError(f"fields must be at least {MIN_FIELDS}")
    sizes = _sizes(fields)
    items = _items(sizes)
    processors = _processors(sizes)
    docs = {"organization.yaml": _organization(), "safeguards.yaml": _safeguards(), "purposes.yaml": {"purposes": _purposes(sizes)}}
    docs["processors.yaml"] = {"processors": processors, "third_parties": _third_parties(items)}
    docs["retention.yaml"] = _retention(items)
    for start in range(0, len(items), ITEMS_PER_FILE):
        chunk = items[start : start + ITEMS_PER_FILE]
        docs[f"items/items-{start // ITEMS_PER_FILE:03d}.yaml"] = {"items": chunk, "collection_points": _collection_points(chunk, start // ITEMS_PER_POINT)}
    for start in range(0, sizes["systems"], SYSTEMS_PER_FILE):
        systems = [_system(n, sizes, processors) for n in range(start, min(start + SYSTEMS_PER_FILE, sizes["systems"]))]
        docs[f"systems/systems-{start // SYSTEMS_PER_FILE:03d}.yaml"] = {"systems": systems}
    return docs


def dump(document: dict) -> str:
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=None, width=120)


def generate(fields: int, directory: Path | str) -> list[Path]:
    """Write the synthetic inventory into ``directory`` (which must be empty or absent); returns the files."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise FileExistsError(f"{directory} is not empty")
    written = []
    for name, document in inventory_documents(fields).items():
        write_atomic(directory / name, dump(document))
        written.append(directory / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic, valid datamap inventory of FIELDS system fields.")
    parser.add_argument("--fields", type=int, default=10_000, help="number of system fields (default 10000)")
    parser.add_argument("directory", help="empty or new directory to write the inventory into")
    args = parser.parse_args(argv)
    if args.fields < MIN_FIELDS:
        parser.error(f"--fields must be at least {MIN_FIELDS}")
    try:
        files = generate(args.fields, args.directory)
    except FileExistsError as e:
        sys.stderr.write(f"generate: {e}\n")
        return 2
    sizes = _sizes(args.fields)
    print(f"{len(files)} files: " + ", ".join(f"{n} {k}" for k, n in sizes.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
