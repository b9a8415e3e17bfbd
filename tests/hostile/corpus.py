"""The hostile values, each as it goes on the wire (already percent-encoded where the raw bytes
matter: NUL, invalid UTF-8, lone surrogates), and a deterministic sample of them per parameter.

``raw`` values are sent as they are in a query string or path; everything else is encoded with
``urllib.parse.quote``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class Hostile:
    name: str
    value: str
    #: Already encoded: sent as is.
    raw: bool = False

    def encoded(self) -> str:
        return self.value if self.raw else quote(self.value, safe="")


CORPUS = [
    # Numbers at and beyond every limit.
    Hostile("zero", "0"),
    Hostile("minus-one", "-1"),
    Hostile("int64-max", str(2**63 - 1)),
    Hostile("int64-overflow", str(2**63)),
    Hostile("int64-underflow", str(-(2**63) - 1)),
    Hostile("ten-to-the-twenty", str(10**20)),
    Hostile("hundred-digits", "9" * 100),
    Hostile("float-overflow", "1e309"),
    Hostile("nan", "NaN"),
    Hostile("infinity", "-Infinity"),
    Hostile("decimal", "1.5"),
    Hostile("int32-overflow", str(2**31)),
    # Quotes, SQL and full-text operators.
    Hostile("quotes", "'\"`"),
    Hostile("sql-or", "' OR '1'='1"),
    Hostile("sql-union", "1 UNION SELECT NULL,NULL--"),
    Hostile("sql-comment", "1; DROP TABLE x;/*"),
    Hostile("fts5-operators", 'NEAR("a" "b") OR x* ^y -z AND NOT "'),
    Hostile("fts5-column", "title:x {a b}: c"),
    Hostile("tsquery-operators", "a & b | !c <-> d:* :A <2>"),
    Hostile("like-wildcards", "%_\\%"),
    # Bytes and characters that break encoders and PostgreSQL.
    Hostile("nul", "a%00b", raw=True),
    Hostile("only-nul", "%00", raw=True),
    Hostile("control-characters", "%01%02%1B%7F", raw=True),
    Hostile("invalid-utf8", "%FF%FE%C3%28", raw=True),
    Hostile("lone-surrogate", "%ED%A0%80", raw=True),
    Hostile("overlong-utf8", "%C0%AF", raw=True),
    # Sizes.
    Hostile("empty", ""),
    Hostile("spaces", "   "),
    Hostile("10k-ascii", "a" * 10_000),
    Hostile("10k-cjk", "烈" * 10_000),
    Hostile("100k-ascii", "x" * 100_000),
    # Paths and markup.
    Hostile("traversal", "../../etc/passwd"),
    Hostile("encoded-traversal", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", raw=True),
    Hostile("backslashes", "..\\..\\windows\\win.ini"),
    Hostile("markup", '<script>alert(1)</script><img src=x onerror="x">'),
    Hostile("template", "{{ 7*7 }}{% debug %}${7*7}"),
    # Scripts.
    Hostile("emoji", "🇨🇳👨‍👩‍👧🎖️"),
    Hostile("cjk", "四川省 黄继光"),
    Hostile("rtl", "\u202eabc\u202c مرحبا עברית"),
    Hostile("combining", "Z̵̢͙a̷l̶g̸o"),
]

#: Values every parameter gets, whatever the sample: the ones that found 500s before.
ALWAYS = ("int64-overflow", "ten-to-the-twenty", "nul", "minus-one", "100k-ascii")
#: The same for form fields (each POST costs a page and a form).
POST_ALWAYS = ("int64-overflow", "nul", "100k-ascii")
BY_NAME = {item.name: item for item in CORPUS}


def sample(key: str, size: int = 12, always=ALWAYS) -> list[Hostile]:
    """The ``always`` values (:data:`ALWAYS`) and ``size`` others, chosen by ``key`` (a parameter's name and
    where it is) without randomness: the same every run, different across parameters, so that
    all parameters together meet the whole corpus."""
    start = sum(key.encode()) % len(CORPUS)
    rotated = CORPUS[start:] + CORPUS[:start]
    others = [item for item in rotated if item.name not in always][:size]
    return [BY_NAME[name] for name in always] + others


#: Query strings that are hostile in their shape rather than their values.
SHAPES = [
    "{p}=1&{p}=2",
    "{p}[]=1",
    "{p}[0]=1&{p}[1]=2",
    "{p}",
    "{p}=1&{p}=" + str(10**20),
    "&&={p}&=",
]

#: Parameters no page knows.
UNKNOWN_PARAMETERS = (
    "utm_source=x&fbclid=1&unknown%00=1&%FF=%FE&a[]=1&a[]=2&__proto__[x]=1&page[size]=1&" + "x=" + "y" * 5000
)
