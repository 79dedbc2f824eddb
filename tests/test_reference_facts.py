"""Every fact of the reference privacy policy appears in the policy generated from inventory/.

The reference text is ../shared/reference/reference-privacy-policy.txt; the facts below are taken from it
one by one, article by article. Matching ignores case, spacing and Markdown escapes.
"""

import re

import pytest

from conftest import REFERENCE

FACTS = {
    "preamble": [
        "AIMMO Co., Ltd.",
        "AIMMO SaaS Service",
        "Terms of Use",
        "general commercial practice",
    ],
    "Article 1": [
        "Company name (company name of the customer)",
        "Name of a person in charge (person in charge information)",
        "Email (email information of the customer)",
    ],
    "Article 2": [
        "application for use of the Service",
        "social login with Google",
        "Google provides Name of a person in charge and Email after obtaining the customer's consent",
        "Device information",
        "Service usage records",
        "generated and collected during use of the Service",
    ],
    "Article 3": [
        "Provision of the Service",
        "Membership management",
        "Provision of the Service functions",
        "Service improvement and new service development",
        "settlement of fees for paid services",
        "Provision of marketing and advertising information",
        "demographic analysis",
        "handling civil complaints",
        '"(Advertising)"',
        "sender's name, email address and telephone number",
        "who have said they do not want it",
    ],
    "Article 4": [
        "destroyed as soon as the purpose",
        "Records on contracts or withdrawal of subscription - Legal basis: Act on the Consumer Protection in Electronic Commerce, Etc. - Retention period: 5 years",
        "Records of payment and supply of goods - Legal basis: Act on the Consumer Protection in Electronic Commerce, Etc. - Retention period: 5 years",
        "Records on handling consumer complaints or disputes - Legal basis: Act on the Consumer Protection in Electronic Commerce, Etc. - Retention period: 3 years",
        "Communication confirmation data",
        "Legal basis: Protection of Communications Secrets Act - Retention period: 3 months",
        "Records of illegal subscription and use (Email): kept for 6 months from the time of collection",
        "authentication when applying for a subscription and when requesting payment",
        "(Email, Name of a person in charge, IP address, Web storage and Device information): kept for 3 years from the time of collection",
        "payment under false pretenses",
    ],
    "Article 5": [
        "Administrative measures: establishing and carrying out an internal management plan and regular training of employees",
        "managing access rights to personal information processing systems",
        "installing access control systems",
        "encrypting personally identifiable information",
        "installing security programs (antivirus)",
        "Physical measures: controlling access to computer rooms and data storage rooms",
    ],
    "Article 6": [
        "legal representatives of children under fourteen",
        "access, correction, suspension of processing, deletion and withdrawal of consent",
        "My Page menu",
        "Settings - My Information - Withdrawal",
        "customer center by letter, telephone or email",
        "without delay",
    ],
    "Article 7": [
        "separate database or storage location",
        "(see Article 4)",
        "destroyed at once",
        "not used for any other purpose",
        "shredded with a shredder or incinerated",
        "impossible to reproduce",
    ],
    "Article 8": [
        "does not provide customers' personal information to third parties without their prior consent",
        "asks for separate consent",
        "where a law provides otherwise",
    ],
    "Article 9": [
        "| Microsoft Korea (Ltd.) | ID (email), password, name | Storage and retention of personal information using cloud systems |",
        "| Naver Cloud | ID (email), name | Sending E-mail |",
        "supervises whether each entrustee processes personal information safely",
        "discloses the change in this Privacy Policy without delay",
    ],
    "Article 10": [
        "to provide customized services",
        "not on the Company's servers",
        "session storage, local storage, cache storage and cookies",
        "only temporarily",
        "permanently",
        "reuses it when the same request is made again",
        "server (http)",
        "Tools > Internet Options > Personal Information",
    ],
    "Article 11": [
        "Privacy officer: Seo Cheon-Ju",
        "Title: CTO",
        "Contact: privacy@aimmo.co.kr",
    ],
    "Article 12": [
        "does not apply to collection of personal information by other services, such as websites linked from within the Service",
    ],
    "Addendum": [
        "takes effect on July 26, 2024",
    ],
}
TOPICS = [
    "Personal information we process",
    "How we collect personal information",
    "Why we use personal information",
    "How long we keep personal information",
    "How we keep personal information safe",
    "Your rights and how to exercise them",
    "How we destroy personal information",
    "Providing personal information to third parties",
    "Outsourcing the processing of personal information",
    "Automatic collection devices",
    "Privacy officer",
    "Miscellaneous",
]


def normalize(text: str) -> str:
    text = re.sub(r"\\([\\`*_\[\]|>#.])", r"\1", text)  # Markdown escapes
    text = text.replace("**", "")
    return " ".join(text.split()).lower()


@pytest.fixture(scope="module")
def articles():
    from datamap.lineage.graph import build_graph
    from datamap.publish.render import render_policy
    from datamap.inventory.validate import check_inventory

    inventory, findings = check_inventory(REFERENCE)
    assert inventory is not None and not findings
    policy = render_policy(inventory, build_graph(inventory), "en")
    parts = re.split(r"^## ", policy, flags=re.M)
    sections = {"preamble": parts[0]}
    for part in parts[1:]:
        heading = part.split("\n", 1)[0]
        key = heading.split(" ", 2)[0] + (" " + heading.split(" ", 2)[1] if heading.startswith("Article") else "")
        sections[key] = part
    return {key: normalize(text) for key, text in sections.items()}


@pytest.mark.parametrize("article,fact", [(a, f) for a, facts in FACTS.items() for f in facts])
def test_fact_appears_in_its_article(articles, article, fact):
    assert normalize(fact) in articles[article]


def test_articles_follow_the_reference_structure(articles):
    headings = [key for key in articles if key.startswith("Article")]
    assert headings == [f"Article {n}" for n in range(1, 13)]
    for number, topic in enumerate(TOPICS, start=1):
        assert normalize(topic) in articles[f"Article {number}"].split("\n")[0][:120]
