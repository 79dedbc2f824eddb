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
    "renamed": ("{what} {old} is now called {new}", "{what} 명칭 변경: {old} → {new}"),
    "item_described": ("{label}{flags}", "{label}{flags}"),
    "flags": (" ({flags})", "({flags})"),
    "item_now": ("item {label} is now {state}", "항목 {label}: 이제 {state}"),
    "point": ("{name}, collecting {labels}", "{name}: {labels} 수집"),
    "collection_renamed": ("collection by {old} is now called {new}", "수집 방법 명칭 변경: {old} → {new}"),
    "purpose_renamed": ("purpose {old} is now {new}", "목적 명칭 변경: {old} → {new}"),
    "collection_by": ("collection by {name}", "수집 방법 {name}"),
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
    "gdpr_entrustee_named": ("processor {name}", "수탁자 {name}"),
    "gdpr_entrusted_with": ("{name} does for us: {tasks}", "{name}의 처리 업무: {tasks}"),
    "gdpr_re_entrusts": ("{name} uses {sub} ({country}) for {task}", "{name}: {sub}({country})에 {task} 재위탁"),
    "gdpr_stops_re_entrusting": ("{name} no longer uses {sub} ({country}) for {task}", "{name}: {sub}({country})에 대한 {task} 재위탁 종료"),
    "gdpr_transfer_named": ("the transfer to {name} in {country}", "{country} {name}에 대한 역외 이전"),
    "recipient_named": ("recipient {name}", "제3자 {name}"),
    "purpose_named": ("purpose {title}", "목적 {title}"),
    "transfer_described": ("{labels} to {name} in {country}", "{country} {name}에 {labels} 이전"),
    "transfer_named": ("the transfer to {name} in {country}", "{country} {name}에 대한 국외 이전"),
    "storage_described": ("{name} ({kind}) for {purpose}", "{name}({kind}): {purpose}"),
    "decision_described": ("{name} using {labels}", "{name}: {labels} 이용"),
    "measure_described": ("({category}) {measure}", "({category}) {measure}"),
    "version": ("version {old} (effective {old_date}) becomes version {new} (effective {new_date})",
                "버전 변경: {old}({old_date} 시행) → {new}({new_date} 시행)"),
    "none": ("none", "없음"),
    "yes": ("yes", "예"),
    "no": ("no", "아니요"),
    "by_criteria": ("by the criteria: {criteria}", "다음 기준에 따라: {criteria}"),
    "at_most": ("at most {period}", "최대 {period}"),
    "then_more": ("{first}, then {period} more", "{first}, 그 후 {period} 더"),
    "inactive_new": ("new inactive-account rule: {text}", "새 장기 미이용자 규칙: {text}"),
    "inactive_removed": ("removed inactive-account rule: {text}", "삭제된 장기 미이용자 규칙: {text}"),
    "inactive_rule": ("data of people inactive for {after} is {action}", "{after} 동안 이용하지 않은 사람의 개인정보: {action}"),
    "inactive_kept": ("{text} for {period}", "{text}({period} 보관)"),
    "inactive_notice": ("{text}, notice {period} before", "{text}, {period} 전 통지"),
    "inactive_channels": ("{text} by {channels}", "{text}({channels})"),
    "clause_new": ("new clause: {title}", "새 조항: {title}"),
    "clause_removed": ("removed clause: {title}", "삭제된 조항: {title}"),
    "clause_changed": ("clause {title} changes", "조항 {title} 변경"),
    "history_lists": ("version history now lists version {version} (effective {date})", "변경 이력에 버전 {version}({date} 시행) 추가"),
    # the California disclosures (datamap.review.ccpa_diff)
    "ccpa_collects": ("now collects {category}: {labels}", "{category} 수집 시작: {labels}"),
    "ccpa_stops_collecting": ("no longer collects {category}", "{category} 수집 중단"),
    "ccpa_covers": ("covers", "대상 항목"),
    "ccpa_sells": ("now sells {categories} to {name}", "{name}에 {categories} 판매 시작"),
    "ccpa_stops_selling": ("no longer sells {categories} to {name}", "{name}에 대한 {categories} 판매 중단"),
    "ccpa_shares": ("now shares {categories} with {name} for cross-context behavioural advertising", "{name}에 맞춤형 광고를 위해 {categories} 공유 시작"),
    "ccpa_stops_sharing": ("no longer shares {categories} with {name}", "{name}에 대한 {categories} 공유 중단"),
    "ccpa_discloses": ("now discloses {categories} to {name} for a business purpose", "{name}에 영업 목적으로 {categories} 공개 시작"),
    "ccpa_stops_disclosing": ("no longer discloses {categories} to {name} for a business purpose", "{name}에 대한 영업 목적 {categories} 공개 중단"),
    "ccpa_role": ("{name} is now a {new}, no longer a {old}", "{name}: {old} → {new}"),
    "ccpa_sensitive": ("{labels} now counted as sensitive personal information ({kind})", "{labels}: 민감한 개인정보({kind})로 분류"),
    "ccpa_not_sensitive": ("{labels} no longer counted as sensitive personal information ({kind})", "{labels}: 더 이상 민감한 개인정보({kind})가 아님"),
    "ccpa_ad_storage": ("now shares data for advertising through {name} ({provider})", "{name}({provider})을 통해 광고 목적 공유 시작"),
    "ccpa_ad_storage_removed": ("no longer shares data for advertising through {name}", "{name}을 통한 광고 목적 공유 중단"),
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
    "inactive_accounts": ("the inactive-account rule", "장기 미이용자 규칙"),
    "ccpa": ("California disclosure", "캘리포니아 고지"),
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
    "inactive_accounts": ("Inactive accounts", "장기 미이용자"),
    "access_department": ("Access requests", "열람청구 접수·처리 부서"),
    "changes": ("Changes to the policy", "처리방침의 변경"),
    "ccpa": ("Your California privacy rights", "캘리포니아 개인정보 권리"),
}

#: the GDPR notice's headings for the summary's sections, where they differ (datamap.regimes.gdpr)
GDPR_SECTION_TITLES: dict[str, tuple[str, str]] = {
    "items": ("What data we collect", "수집하는 개인정보"), "collection": ("Where your data comes from", "개인정보의 출처"),
    "purposes": ("Why we use your data", "이용 목적과 법적 근거"), "retention": ("How long we keep your data", "보유 기간"),
    "security": ("How we protect your data", "보호 조치"), "rights": ("Your rights", "정보주체의 권리"),
    "third_parties": ("Who receives your data", "개인정보를 받는 자"), "processors": ("Who receives your data", "개인정보를 받는 자"),
    "overseas": ("Transfers outside the EEA", "유럽경제지역 밖으로의 이전"), "web_storage": ("Cookies and similar technologies", "쿠키 및 유사 기술"),
    "officer": ("Who is responsible for your data", "개인정보 처리 책임자"), "miscellaneous": ("Changes to this notice", "고지 변경"),
}
#: what the GDPR notice calls an entity, where it differs from PIPA's word
GDPR_WHAT: dict[str, tuple[str, str]] = {"processors": ("processor", "수탁자"), "transfers": ("transfer outside the EEA", "역외 이전")}

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
    "at_most": ("upper limit", "최대 기간 여부"), "then": ("further retention", "이후 추가 보관"), "until": ("until", "종료 시점"),
    "privacy_department": ("department in charge of privacy", "개인정보 보호 담당부서"),
    "access_department": ("department receiving access requests", "열람청구 접수·처리 부서"),
    "contact_person": ("person in charge", "담당자"), "handles": ("what it handles", "담당 업무"),
    "earlier_versions_url": ("where earlier versions are", "이전 버전 주소"), "subject_term": ("word for the data subject", "정보주체 호칭"),
    "preamble": ("preamble", "전문"), "sections": ("order of sections", "조항 순서"),
    "after": ("after", "기준 기간·위치"), "action": ("what happens", "조치"), "storage_period": ("separate storage period", "분리 보관 기간"),
    "notice_before": ("notice in advance", "사전 통지 기간"), "notice_channels": ("notice channels", "통지 방법"),
    "notice_items": ("what the notice says", "통지 내용"), "reactivation": ("how to reactivate", "재이용 방법"),
    "paragraphs": ("paragraphs", "문단"), "placement": ("placement", "배치"),
    "consequences": ("consequences", "영향"), "age_of_consent": ("age of consent", "동의 가능 연령"),
    "publicly_accessible": ("publicly accessible source", "공개된 출처 여부"), "source": ("source", "출처"),
    "gdpr_special": ("GDPR condition for special categories", "GDPR상 특수 범주 처리 요건"), "dpo": ("data protection officer", "데이터 보호 책임자"),
    "dpo_required": ("data protection officer required", "데이터 보호 책임자 지정 의무"), "eu_representative": ("EU representative", "유럽연합 대리인"),
    "uk_representative": ("UK representative", "영국 대리인"), "parent": ("parent company", "모회사"), "role": ("role", "역할"),
    "supervisory_authority": ("supervisory authority", "감독기관"), "trade_name": ("trade name", "상호"),
    "languages": ("languages", "언어"), "regimes": ("laws followed", "적용 법령"),
    "no_automated_decisions": ("no automated decisions", "자동화된 결정 없음"),
    "no_third_parties": ("no provision to third parties", "제3자 제공 없음"), "no_special_categories": ("no special categories", "특수 범주 정보 없음"),
    "safeguards": ("transfer safeguards", "이전 보호 조치"), "consequence": ("consequence of not providing", "미제공 시 결과"),
    "legitimate_interest": ("legitimate interest", "정당한 이익"), "requirement": ("requirement", "제공 의무"),
    "copy_from": ("where to obtain a copy", "사본 입수처"), "derogation": ("derogation", "예외 사유"), "mechanism": ("mechanism", "이전 수단"),
    "regime": ("law", "적용 법령"), "consent_category": ("consent category", "동의 분류"),
    "fides_category": ("Fides data category", "피데스 데이터 범주"), "fides_use": ("Fides data use", "피데스 데이터 이용 목적"),
    "app_label": ("app-store label", "앱 마켓 개인정보 라벨"), "apple": ("App Store data type", "앱스토어 데이터 유형"),
    "google": ("Google Play data type", "구글 플레이 데이터 유형"), "linked": ("linked to the user", "이용자 연결 여부"),
    "tracking": ("used for tracking", "추적 이용 여부"), "in_app": ("collected by the app", "앱 수집 여부"),
    "store_purpose": ("app-store purpose", "앱 마켓 이용 목적"),
    # the California disclosures (datamap.inventory.ccpa_parts)
    "ccpa": ("California disclosures", "캘리포니아 고지 사항"), "categories": ("statutory categories", "법정 개인정보 범주"),
    "sources": ("sources", "출처"), "sensitive": ("sensitive personal information", "민감한 개인정보"),
    "recipients": ("recipients", "수령인"), "recipient": ("recipient", "수령인"), "disclosed": ("categories disclosed for a business purpose", "영업 목적으로 공개한 범주"),
    "sold": ("categories sold", "판매한 범주"), "shared": ("categories shared for cross-context behavioural advertising", "맞춤형 광고를 위해 공유한 범주"),
    "sale_purpose": ("purpose of sale or sharing", "판매·공유 목적"), "web_storage": ("cookies and SDKs", "쿠키 및 소프트웨어 개발 도구"),
    "no_sale": ("no sale declared", "판매 없음 선언"), "no_sharing": ("no sharing declared", "공유 없음 선언"),
    "minors_under_16": ("sells or shares data of consumers under 16", "만 16세 미만 소비자 정보 판매·공유"),
    "sensitive_beyond_limits": ("uses sensitive data beyond the permitted purposes", "허용 목적 외 민감한 개인정보 이용"),
    "financial_incentives": ("financial incentives", "금전적 인센티브"), "terms": ("terms", "조건"), "value": ("value of the data", "개인정보의 가치"),
    "how_to_opt_in": ("how to opt in", "참여 방법"), "how_to_withdraw": ("how to withdraw", "철회 방법"),
    "request_methods": ("ways to submit requests", "요청 접수 방법"), "channel": ("channel", "접수 경로"),
    "online_only": ("online-only business", "온라인 전용 사업자"), "verification": ("how requests are verified", "요청 확인 방법"),
    "authorized_agents": ("authorized agents", "권한 있는 대리인"),
    "opt_out_preference_signals": ("honours opt-out preference signals (Global Privacy Control)", "거부 선호 신호 존중 여부"),
    "opt_out_link": ("'Do Not Sell or Share' page", "판매·공유 거부 페이지"), "limit_link": ("'Limit the Use' page", "민감정보 이용 제한 페이지"),
    # the records of processing: other controllers (GDPR Art 26, 30(2)) and the PIPA personal data file
    "controllers_served": ("controllers the organization processes data for", "개인정보 처리를 위탁한 개인정보처리자"),
    "representative": ("representative", "대리인"), "processing": ("processing carried out on its behalf", "위탁받아 처리하는 업무"),
    "systems": ("systems", "시스템"), "processors": ("sub-processors", "재수탁자"),
    "joint_controllers": ("joint controllers", "공동 처리자"), "arrangement": ("arrangement between joint controllers", "공동 처리자 간 약정"),
    "subject_count": ("number of data subjects", "정보주체의 수"), "processing_methods": ("processing method", "처리 방법"),
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
    "app_functionality": ("app functionality", "앱 기능"), "analytics": ("analytics", "분석"), "personalization": ("personalization", "맞춤화"),
    "developer_advertising": ("the developer's advertising or marketing", "개발자의 광고 또는 마케팅"),
    "third_party_advertising": ("third-party advertising", "제3자 광고"), "developer_communications": ("developer communications", "개발자 안내"),
    "account_management": ("account management", "계정 관리"), "fraud_prevention": ("fraud prevention, security and compliance", "부정 이용 방지, 보안 및 규정 준수"),
    "collection": ("collection", "수집 시"), "withdrawal": ("withdrawal", "회원 탈퇴 시"), "purpose_achieved": ("the purpose is achieved", "목적 달성 시"),
    "contract_end": ("the end of the contract", "계약 종료 시"), "transaction": ("the transaction", "거래 종료 시"),
    "cookie": ("cookie", "쿠키"), "local_storage": ("local storage", "로컬 스토리지"), "session_storage": ("session storage", "세션 스토리지"),
    "cache_storage": ("cache storage", "캐시 스토리지"), "first": ("first party", "자사"), "third": ("third party", "제3자"),
    "administrative": ("administrative", "관리적"), "technical": ("technical", "기술적"), "physical": ("physical", "물리적"),
    "access": ("access", "열람"), "correction": ("correction", "정정"), "deletion": ("deletion", "삭제"), "suspension": ("suspension", "처리정지"),
    "withdrawal_of_consent": ("withdrawal of consent", "동의 철회"), "portability": ("portability", "전송 요구"),
    "objection": ("objection", "거부"), "automated_decision": ("automated decisions", "자동화된 결정에 대한 거부·설명 요구"),
    "paper": ("paper", "종이"), "electronic": ("electronic", "전자적 파일"), "writing": ("writing", "서면"), "telephone": ("telephone", "전화"), "email": ("email", "이메일"),
    "separate_storage": ("stored separately", "분리 보관"), "destruction": ("destroyed", "파기"),
    "sms": ("text message", "문자메시지"), "post": ("post", "우편"), "phone": ("telephone", "전화"), "app_push": ("app notification", "앱 푸시 알림"),
    "in_service": ("notice in the service", "서비스 내 알림"), "article": ("article", "조"), "paragraph": ("paragraph", "문단"),
    "data_subject": ("data subjects", "정보주체"), "user": ("users", "이용자"), "member": ("members", "회원"),
    "pipc": ("PIPC guideline", "작성지침"), "general": ("general", "일반"),
    "web": ("web", "웹"), "self": ("the organization itself", "개인정보처리자 자신"), "customer": ("customers", "고객"),
    "bcr": ("binding corporate rules", "구속력 있는 기업 규칙"), "contract_prerequisite": ("prerequisite for a contract", "계약 체결의 전제 조건"),
    "contractual": ("contractual requirement", "계약상 의무"), "statutory": ("statutory requirement", "법령상 의무"),
    "controller": ("controller", "처리자"), "processor": ("processor", "수탁자"), "joint_controller": ("joint controller", "공동 처리자"),
    "derogation": ("derogation (Art 49)", "예외 사유(제49조)"), "dpf": ("EU-US Data Privacy Framework", "유럽연합-미국 데이터 프라이버시 프레임워크"),
    "explicit_consent": ("explicit consent", "명시적 동의"), "gdpr": ("GDPR", "GDPR"), "uk_gdpr": ("UK GDPR", "영국 GDPR"),
    "idta": ("UK International Data Transfer Agreement", "영국 국제 데이터 이전 계약"), "legal_claims": ("legal claims", "법적 청구"),
    "marketing": ("marketing", "마케팅"), "none": ("none", "없음"), "pre_contract": ("steps before a contract", "계약 체결 전 조치"),
    "preferences": ("preferences", "기능"), "public_interest": ("public interest", "공익"), "restriction": ("restriction", "처리 제한"),
    "scc": ("standard contractual clauses", "표준계약조항"), "statistics": ("statistics", "통계"),
    "strictly_necessary": ("strictly necessary", "필수"), "uk_addendum": ("UK Addendum to the SCCs", "영국 표준계약조항 부속서"),
    "vital_interests": ("vital interests", "생명에 관한 이익"), "pipa": ("PIPA", "개인정보 보호법"),
    # the CCPA's categories (Civ. Code 1798.140(v)(1)), kinds of sensitive data (1798.140(ae)), roles and channels
    "identifiers": ("Identifiers", "식별자"), "customer_records": ("customer records information", "고객 기록 정보"),
    "protected_characteristics": ("characteristics of protected classifications", "보호 대상 분류의 특성"),
    "commercial_information": ("Commercial information", "상업 정보"), "biometric_information": ("Biometric information", "생체 정보"),
    "network_activity": ("Internet or other electronic network activity information", "인터넷 활동 정보"),
    "geolocation": ("Geolocation data", "위치 정보"), "sensory_information": ("audio, electronic, visual or similar information", "음성·영상 등 정보"),
    "professional_information": ("Professional or employment-related information", "직업 관련 정보"),
    "education_information": ("Education information", "교육 정보"), "inferences": ("Inferences", "추론 정보"),
    "government_id": ("government identification numbers", "정부 발급 식별번호"), "account_credentials": ("account log-in credentials", "계정 로그인 정보"),
    "financial_account": ("financial account or card numbers with access codes", "금융 계좌·카드 번호"),
    "precise_geolocation": ("precise geolocation", "정밀 위치 정보"), "racial_or_ethnic_origin": ("racial or ethnic origin", "인종·민족"),
    "citizenship_or_immigration_status": ("citizenship or immigration status", "시민권·이민 신분"),
    "religious_or_philosophical_beliefs": ("religious or philosophical beliefs", "종교·철학적 신념"), "union_membership": ("union membership", "노동조합 가입"),
    "communications_content": ("contents of communications", "통신 내용"), "genetic_data": ("genetic data", "유전 정보"),
    "biometric_identification": ("biometric information for identification", "식별용 생체 정보"), "health": ("health", "건강 정보"),
    "sex_life_or_orientation": ("sex life or sexual orientation", "성생활·성적 지향"),
    "service_provider": ("service provider", "서비스 제공자"), "contractor": ("contractor", "계약자"), "third_party": ("third party", "제3자"),
    "toll_free": ("toll-free number", "수신자 부담 전화"), "web_form": ("online form", "온라인 양식"), "mail": ("mail", "우편"),
    "in_person": ("in person", "방문"), "app": ("in the app", "앱"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ko" else pair[0]


def phrase(key: str, lang: str, **fields) -> str:
    return _pick(PHRASES[key], lang).format(**fields)


def what(kind: str, lang: str, regime: str = "pipa") -> str:
    if regime != "pipa" and kind in GDPR_WHAT:
        return _pick(GDPR_WHAT[kind], lang)
    return _pick(WHAT[kind], lang)


def section_title(key: str, lang: str, regime: str = "pipa") -> str:
    if key.startswith("clause:"):  # a custom clause of its own is named by its id
        return key.split(":", 1)[1]
    if regime != "pipa" and key in GDPR_SECTION_TITLES:
        return _pick(GDPR_SECTION_TITLES[key], lang)
    return _pick(SECTION_TITLES[key], lang)


def field_name(name: str, lang: str) -> str:
    return _pick(FIELDS[name], lang) if name in FIELDS else name.replace("_", " ")


def value_word(value: str, lang: str) -> str:
    return _pick(VALUES[value], lang) if value in VALUES else value.replace("_", " ")
