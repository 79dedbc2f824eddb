"""The words of the diff summary in each language: its phrases, the policy's section titles, the human
names of the inventory's fields and of their fixed values. A summary asked for in one language is
written wholly in it; inventory texts and names are inserted as they are.
"""

from __future__ import annotations

#: phrase key -> (English, Korean); fields in braces are filled in by :func:`phrase`
PHRASES: dict[str, tuple[str, str]] = {
    "article": ("Article {number} ({title}): {text}", "제{number}조({title}): {text}"),
    "unnumbered": ("{title}: {text}", "{title}: {text}"),
    "renumbered": ("Articles renumbered: {moves}", "조항 번호 변경: {moves}"),
    "move": ("{old} → {new} ({title})", "{old} → {new}({title})"),
    "section_added": ("the policy now needs a section on {title_lower}", "처리방침에 {title} 조항이 새로 필요합니다"),
    "section_removed": ("this section no longer applies and is removed", "이 조항은 더 이상 해당하지 않아 삭제됩니다"),
    "new": ("new {what}: {text}", "새 {what}: {text}"),
    "removed": ("removed {what}: {text}", "삭제된 {what}: {text}"),
    "no_items": ("no items", "없음"),
    "gained": ("{name} now also {verb} {labels}", "{name}의 {verb}에 {labels} 추가"),
    "lost": ("{name} no longer {verb} {labels}", "{name}의 {verb}에서 {labels} 제외"),
    "field_changed": ("{subject}: {field} changes from {old} to {new}", "{subject}의 {field}: {old} → {new}"),
    "field_added": ("{subject}: {field} is now {new}", "{subject}의 {field}: {new}(신설)"),
    "field_removed": ("{subject}: {field} ({old}) is removed", "{subject}의 {field}: {old}(삭제)"),
    "renamed": ("{what} {old} is now called {new}", "{what} {old}의 명칭이 {new}(으)로 바뀝니다"),
    "item_described": ("{label}{flags}", "{label}{flags}"),
    "flags": (" ({flags})", "({flags})"),
    "item_now": ("item {label} is now {state}", "항목 {label}: 이제 {state}"),
    "point": ("{name}, collecting {labels}", "{name}: {labels} 수집"),
    "collection_renamed": ("collection by {old} is now called {new}", "수집 방법 {old}의 명칭이 {new}(으)로 바뀝니다"),
    "purpose_renamed": ("purpose {old} is now {new}", "목적 {old}의 명칭이 {new}(으)로 바뀝니다"),
    "collection_by": ("collection by {name}", "{name}을(를) 통한 수집"),
    "purpose_described": ("{title} (using {labels})", "{title}({labels} 이용)"),
    "purpose_marketing": ("purpose {title} is now marketing", "목적 {title}: 이제 마케팅 목적"),
    "purpose_not_marketing": ("purpose {title} is no longer marketing", "목적 {title}: 더 이상 마케팅 목적이 아님"),
    "until": ("until {trigger}", "{trigger}까지"),
    "retention_described": ("{records} ({labels}) kept {period}", "{records}({labels}): {period} 보유"),
    "retention_period": ("{records} kept {new} instead of {old}", "{records}: 보유 기간 {old} → {new}"),
    "retention_law": ("{records}: the statute requiring retention changes from {old} to {new}", "{records}: 보존 근거 법령 {old} → {new}"),
    "retention_of": ("retention of {records}", "{records} 보유"),
    "recipient_described": ("{name} ({country}) receiving {labels}", "{name}({country}): {labels} 제공"),
    "third_party_described": ("{name} ({country}) receiving {labels} for {purpose}", "{name}({country}): {labels} 제공, 목적: {purpose}"),
    "moves": ("{name} moves from {old} to {new}", "{name}: 국가 {old} → {new}"),
    "entrusted_with": ("{name} is entrusted with: {tasks}", "{name}의 위탁 업무: {tasks}"),
    "re_entrusts": ("{name} re-entrusts {task} to {sub} ({country})", "{name}: {sub}({country})에 {task} 재위탁"),
    "stops_re_entrusting": ("{name} no longer re-entrusts {task} to {sub} ({country})", "{name}: {sub}({country})에 대한 {task} 재위탁 종료"),
    "entrustee_named": ("entrustee {name}", "수탁자 {name}"),
    "recipient_named": ("recipient {name}", "제3자 {name}"),
    "purpose_named": ("purpose {title}", "목적 {title}"),
    "transfer_described": ("{labels} to {name} in {country}", "{country} {name}에 {labels} 이전"),
    "transfer_named": ("the transfer to {name} in {country}", "{country} {name}에 대한 국외 이전"),
    "storage_described": ("{name} ({kind}) for {purpose}", "{name}({kind}): {purpose}"),
    "decision_described": ("{name} using {labels}", "{name}: {labels} 이용"),
    "measure_described": ("({category}) {measure}", "({category}) {measure}"),
    "version": ("version {old} (effective {old_date}) becomes version {new} (effective {new_date})",
                "버전 {old}({old_date} 시행)이 버전 {new}({new_date} 시행)(으)로 바뀝니다"),
    "none": ("none", "없음"),
    "yes": ("yes", "예"),
    "no": ("no", "아니요"),
    # the report around the summary
    "report_title": ("Privacy policy changes: {old} → {new}", "개인정보 처리방침 변경 사항: {old} → {new}"),
    "summary": ("Summary", "요약"),
    "unchanged": ("The policy text does not change.", "처리방침 문구는 바뀌지 않습니다."),
    "wording_only": ("The wording changes, though no fact in the inventory does: see the redline.",
                     "인벤토리의 사실은 바뀌지 않고 문구만 바뀝니다. 변경 대조표를 보십시오."),
    "redline": ("Redline", "변경 대조표"),
    "redline_key": ("Insertions are <ins>underlined</ins>, deletions <del>struck through</del>.",
                    "추가된 부분은 <ins>밑줄</ins>, 삭제된 부분은 <del>취소선</del>으로 표시합니다."),
}

#: what each kind of entity is called in the summary
WHAT: dict[str, tuple[str, str]] = {
    "items": ("item", "항목"),
    "collection_points": ("way of collecting", "수집 방법"),
    "purposes": ("purpose", "목적"),
    "laws": ("law", "법령"),
    "retention": ("retention rule", "보유 규칙"),
    "systems": ("system", "시스템"),
    "processors": ("entrustee", "수탁자"),
    "third_parties": ("recipient", "제3자"),
    "transfers": ("transfer abroad", "국외 이전"),
    "web_storage": ("web storage", "웹 저장소"),
    "security_measures": ("security measure", "안전성 확보 조치"),
    "rights_procedures": ("procedure for exercising rights", "권리 행사 절차"),
    "automated_decisions": ("automated decision", "자동화된 결정"),
    "remedies": ("remedy body", "권익침해 구제 기관"),
    "organization": ("the organization", "개인정보처리자"),
    "policy": ("the policy", "처리방침"),
    "destruction": ("destruction", "파기"),
    "children": ("children under 14", "만 14세 미만 아동"),
}

#: plain names of the policy's sections
SECTION_TITLES: dict[str, tuple[str, str]] = {
    "organization": ("The organization", "개인정보처리자"),
    "items": ("Items processed", "처리하는 개인정보 항목"),
    "collection": ("Collection", "수집 방법"),
    "purposes": ("Purposes", "처리 목적"),
    "retention": ("Retention", "보유 기간"),
    "security": ("Security measures", "안전성 확보 조치"),
    "rights": ("Rights", "정보주체의 권리"),
    "destruction": ("Destruction", "파기"),
    "third_parties": ("Third-party provision", "제3자 제공"),
    "processors": ("Outsourcing", "처리 위탁"),
    "overseas": ("Overseas transfer", "국외 이전"),
    "web_storage": ("Cookies and web storage", "쿠키 및 웹 저장소"),
    "automated_decisions": ("Automated decisions", "자동화된 결정"),
    "children": ("Children under 14", "만 14세 미만 아동"),
    "officer": ("Privacy officer", "개인정보 보호책임자"),
    "domestic_agent": ("Domestic agent", "국내대리인"),
    "remedies": ("Remedies", "권익침해 구제 방법"),
    "miscellaneous": ("Miscellaneous", "기타"),
}

#: human names of the inventory's fields, in every model
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "명칭"), "label": ("label", "표시 명칭"), "title": ("title", "제목"), "description": ("description", "설명"),
    "short_name": ("short name", "약칭"), "country": ("country", "국가"), "address": ("address", "주소"), "email": ("email", "이메일"),
    "phone": ("phone", "전화번호"), "website": ("website", "웹사이트"), "url": ("address (URL)", "주소(URL)"),
    "terms_of_use": ("terms of use", "이용약관"), "services": ("services", "서비스"), "privacy_officer": ("privacy officer", "개인정보 보호책임자"),
    "complaints_department": ("complaints department", "고충처리 부서"), "customer_center": ("customer center", "고객센터"),
    "domestic_agent": ("domestic agent", "국내대리인"), "department": ("department", "부서"), "channels": ("channels", "접수 방법"),
    "scope_exclusions": ("what the policy does not cover", "적용 제외 대상"), "sensitivity": ("sensitivity", "민감도"),
    "subjects": ("data subjects", "정보주체"), "required": ("required", "필수 여부"), "method": ("method", "방법"),
    "provider": ("provider", "제공자"), "items": ("items", "항목"), "item": ("item", "항목"), "timing": ("timing", "이전 시기"), "legal_ground": ("legal ground", "법적 근거"),
    "retention": ("retention", "보유 기간"), "refusal": ("how to refuse", "거부 방법"), "operator": ("operator", "운영 주체"),
    "region": ("region", "지역"), "fields": ("fields", "필드"), "purposes": ("purposes", "목적"), "transfer": ("overseas transfer", "국외 이전"),
    "task": ("task", "업무"), "tasks": ("entrusted tasks", "위탁 업무"), "contact": ("contact", "연락처"), "contract": ("contract", "계약"),
    "sub_processors": ("sub-processors", "재수탁자"), "purpose": ("purpose", "목적"), "law": ("law", "근거 법령"),
    "details": ("details", "세부 내용"), "legal_basis": ("legal basis", "법적 근거"), "marketing": ("marketing", "마케팅 여부"),
    "pipa": ("PIPA basis", "개인정보 보호법상 근거"), "gdpr": ("GDPR basis", "GDPR상 근거"), "article": ("article", "조항"),
    "records": ("records", "기록"), "period": ("period", "기간"), "trigger": ("from when", "기산 시점"), "reason": ("reason", "사유"),
    "kind": ("kind", "종류"), "party": ("party", "주체"), "duration": ("duration", "보존 기간"), "how_to_refuse": ("how to refuse", "거부 방법"),
    "category": ("category", "분류"), "measure": ("measure", "조치"), "rights": ("rights", "권리"), "how": ("how", "행사 방법"),
    "separate_storage": ("separate storage", "분리 보관"), "immediate_on_withdrawal": ("destroyed at once on withdrawal", "탈퇴 시 즉시 파기"),
    "methods": ("methods", "방법"), "medium": ("medium", "매체"), "collects_under_14": ("collects from children under 14", "만 14세 미만 아동 정보 수집"),
    "consent_method": ("how consent is obtained", "동의 방법"), "representative_items": ("legal representative's items", "법정대리인 정보 항목"),
    "criteria": ("criteria", "기준"), "how_to_object": ("how to object", "거부 방법"), "version": ("version", "버전"),
    "effective": ("effective date", "시행일"), "history": ("history", "변경 이력"), "summary": ("summary", "요약"),
}

#: fixed values of the schema, in words
VALUES: dict[str, tuple[str, str]] = {
    "ordinary": ("ordinary", "일반"), "sensitive": ("sensitive", "민감정보"), "unique_identifier": ("unique identifier", "고유식별정보"),
    "optional": ("optional", "선택"), "mandatory": ("required", "필수"),
    "form": ("form", "양식 입력"), "social_login": ("social login", "소셜 로그인"), "automatic": ("automatic", "자동 수집"),
    "offline": ("offline", "오프라인"), "from_third_party": ("from a third party", "제3자로부터 수집"),
    "consent": ("consent", "동의"), "contract": ("contract", "계약"), "statute": ("statute", "법령"),
    "certification": ("certification", "인증"), "adequacy": ("adequacy decision", "적정성 결정"),
    "vital_interest": ("vital interest", "생명·신체의 이익"), "legitimate_interest": ("legitimate interest", "정당한 이익"),
    "public_task": ("public task", "공공 업무"),
    "collection": ("collection", "수집 시"), "withdrawal": ("withdrawal", "회원 탈퇴 시"), "purpose_achieved": ("the purpose is achieved", "목적 달성 시"),
    "contract_end": ("the end of the contract", "계약 종료 시"), "transaction": ("the transaction", "거래 종료 시"),
    "cookie": ("cookie", "쿠키"), "local_storage": ("local storage", "로컬 스토리지"), "session_storage": ("session storage", "세션 스토리지"),
    "cache_storage": ("cache storage", "캐시 스토리지"), "first": ("first party", "자사"), "third": ("third party", "제3자"),
    "administrative": ("administrative", "관리적"), "technical": ("technical", "기술적"), "physical": ("physical", "물리적"),
    "access": ("access", "열람"), "correction": ("correction", "정정"), "deletion": ("deletion", "삭제"), "suspension": ("suspension", "처리정지"),
    "withdrawal_of_consent": ("withdrawal of consent", "동의 철회"), "portability": ("portability", "전송 요구"),
    "objection": ("objection", "거부"), "automated_decision": ("automated decisions", "자동화된 결정에 대한 거부·설명 요구"),
    "paper": ("paper", "종이"), "electronic": ("electronic", "전자적 파일"), "writing": ("writing", "서면"), "telephone": ("telephone", "전화"), "email": ("email", "이메일"),
    "web": ("web", "웹"), "self": ("the organization itself", "개인정보처리자 자신"), "customer": ("customers", "고객"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ko" else pair[0]


def phrase(key: str, lang: str, **fields) -> str:
    return _pick(PHRASES[key], lang).format(**fields)


def what(kind: str, lang: str) -> str:
    return _pick(WHAT[kind], lang)


def section_title(key: str, lang: str) -> str:
    return _pick(SECTION_TITLES[key], lang)


def field_name(name: str, lang: str) -> str:
    return _pick(FIELDS[name], lang) if name in FIELDS else name.replace("_", " ")


def value_word(value: str, lang: str) -> str:
    return _pick(VALUES[value], lang) if value in VALUES else value.replace("_", " ")
