"""The words of job titles that are not the job: seniority, grade, segment, region markers,
languages, shifts, open-seat and employment markers; and the abbreviations people use.

All lower case, compared after :func:`csorg.catalog.lookup.normal_title` (no punctuation,
single spaces). Region words live with the places in :mod:`csorg.audit.titles.places`.
"""

from __future__ import annotations

import re

# "TBH - Support Engineer", "[Vacant] CSM", "CSM - Open Req", "Open req: Support Agent"
VACANCY_TITLE = re.compile(
    r"^\s*(tbh|tbd|open req(uisition)?|open role|open position|vacant|vacancy)\s*[-–—:|]\s*"
    r"|^\s*\[\s*(vacant|vacancy|open|tbh|tbd|open req)\s*\]\s*"
    r"|\s*[-–—(\[]\s*(open req(uisition)?|open role|open position|open|vacant|tbh|tbd)"
    r"\s*[)\]]?\s*$",
    re.I,
)
# "(m/w/d)", "(f/m/x)", "(H/F)": German and French postings' gender markers
GENDER = re.compile(r"\(\s*[mwfdxh]\s*(/\s*[mwfdxh]\s*)+\)", re.I)
# employment written into the title: "(Part-Time)", "(Contract)", "(Interim)"
EMPLOYMENT = re.compile(
    r"\(\s*(part[\s-]?time|full[\s-]?time|contract(or)?|temp(orary)?|fixed[\s-]?term|"
    r"maternity cover|parental leave cover|freelance)\s*\)",
    re.I,
)

# words before the job that only say how senior the person is
SENIORITY_LEADING = frozenset(
    [
        "senior",
        "sr",
        "snr",
        "junior",
        "jr",
        "principal",
        "staff",
        "associate",
        "lead",
        "interim",
        "acting",
        "global",
        "deputy",
        "regional",
        "experienced",
    ]
)
# "Lead" before an IC title ("Lead CSM") may be a senior IC or a team lead: asked about
ASK_LEADING = frozenset({"lead"})
LEVEL = re.compile(
    r"\b(?:(?:tier|level|lvl|grade|band|l)\s*(?:[1-5]|i{1,3}|iv|v)|i{1,3}|iv|v|[1-5])$"
)
TIER = re.compile(r"\b(?:tier|lvl|l)\s*([1-5])\b|\blevel\s*([1-5]|i{1,3}|iv)\b")

# phrases naming a customer segment -> csorg's segment word
SEGMENTS: dict[str, str] = {
    "enterprise": "enterprise",
    "large enterprise": "enterprise",
    "mid market": "mid-market",
    "midmarket": "mid-market",
    "mid size": "mid-market",
    "smb": "smb",
    "sme": "smb",
    "small business": "smb",
    "small and medium business": "smb",
    "commercial": "commercial",
    "strategic": "strategic",
    "strategic accounts": "strategic",
    "majors": "strategic",
    "major accounts": "strategic",
    "global accounts": "strategic",
    "key accounts": "strategic",
    "key account": "strategic",
    "named accounts": "strategic",
    "scaled": "scaled",
    "digital": "scaled",
    "pooled": "scaled",
    "tech touch": "scaled",
    "one to many": "scaled",
    "public sector": "public-sector",
    "government": "public-sector",
    "federal": "public-sector",
    "healthcare": "healthcare",
    "health care": "healthcare",
    "life sciences": "healthcare",
    "financial services": "financial-services",
    "fintech": "financial-services",
    "banking": "financial-services",
    "retail": "retail",
    "manufacturing": "manufacturing",
    "nonprofit": "nonprofit",
    "non profit": "nonprofit",
    "education sector": "education",
    "higher education": "education",
}
# segment words that may also be a quota or a job of their own: asked about
ASK_SEGMENTS = frozenset({"growth"})
LANGUAGES = frozenset(
    [
        "english",
        "french",
        "german",
        "spanish",
        "italian",
        "portuguese",
        "dutch",
        "japanese",
        "mandarin",
        "chinese",
        "cantonese",
        "korean",
        "arabic",
        "hebrew",
        "polish",
        "swedish",
        "danish",
        "norwegian",
        "finnish",
        "turkish",
        "russian",
        "hindi",
        "bilingual",
        "multilingual",
        "speaking",
        "speaker",
    ]
)
SHIFTS = frozenset(
    {"night shift", "day shift", "weekend", "weekends", "follow the sun", "24 7", "evening shift"}
)

# abbreviations, spelled out before matching (both the title and the catalog's names)
ABBREVIATIONS: dict[str, str] = {
    "csm": "customer success manager",
    "csms": "customer success manager",
    "tam": "technical account manager",
    "cx": "customer experience",
    "am": "account manager",
    "kam": "key account manager",
    "cse": "customer success engineer",
    "cs": "customer success",
    "dsm": "digital success manager",
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "dir": "director",
    "cust": "customer",
    "ops": "operations",
    "rep": "representative",
    "reps": "representative",
    "exec": "executive",
    "impl": "implementation",
    "svp": "vp",
    "evp": "vp",
    "avp": "vp",
    "vice president": "vp",
    "tech touch": "tech touch",
}
# rank words that make "X, Rank" or "Rank of X" a leader of X; see csorg.audit.titles.leaders
RANKS = ("head", "vp", "director", "manager", "team lead", "team leader", "lead", "supervisor")
# nouns of individual-contributor titles that companies use for the same job: each noun and
# the nouns it may be read as (an engineer in support is a specialist; a specialist in CS is
# not an engineer)
IC_NOUNS: dict[str, tuple[str, ...]] = {
    "engineer": ("specialist", "agent", "representative"),
    "technician": ("specialist", "agent"),
    "specialist": ("agent", "representative"),
    "associate": ("agent", "representative", "specialist"),
    "advisor": ("agent", "representative", "specialist"),
    "agent": ("representative", "specialist"),
    "representative": ("agent", "specialist"),
}
# leading words that put a title outside customer-facing work: never dropped to find a role
OTHER_DOMAINS = frozenset(
    [
        "it",
        "internal",
        "sales",
        "marketing",
        "hr",
        "people",
        "finance",
        "legal",
        "business",
        "revenue",
        "data",
        "security",
        "facilities",
        "office",
        "partner",
        "partnerships",
        "channel",
        "solutions",
        "presales",
        "pre",
    ]
)
