"""Build models/given_names.txt: given names from the US census and from Faker's world locales.

    pip install names==0.3.0 faker==40.54.0   # build time only; neither is a run-time dependency
    python bench/build_given_names.py

The people extractor reads a known given name as the sign of a person where spaCy gives none:
a given name and a surname ("Leland Courie", ``_given_pair``), a spaCy ORG that is a given name
and surnames ("Taryn Whiteaker"), where a title's field ends and the name begins ("Minister for
Education Janet Museveni"), a lone given name spaCy tagged PERSON. The 1990 US census lists
alone (5,164 names) know Mark and Rosemary but not Kwame, Abiodun, Chinedu, Achieng, Aarav,
Mutawakilu or Jabulani, and education news from Africa, South Asia, South-East Asia and the
Pacific names people like them in every article.

Sources (both public, both permissive):
- the 1990 US Census first-name lists (public domain), as shipped in the PyPI package
  ``names`` 0.3.0 (``names/dist.male.first``, ``names/dist.female.first``);
- the first-name lists of Faker's person providers (MIT licence) for the locales below, Latin
  script only (a page in another script is not English and is not extracted).
Kept: every census name as before; of Faker's, one word of letters (apostrophes and hyphens
inside), three letters or more, in title case, and no country or city of the gazetteer
("Washington", "Kingston", "Oman": a place name before a surname-shaped word is more often the
place's body than a person, "The Washington Post").
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "models" / "given_names.txt"
LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "en_PK", "en_KE", "en_NG", "en_TH", "sw", "tw_GH",
           "yo_NG", "ha_NG", "ig_NG", "zu_ZA", "id_ID", "vi_VN", "es_MX", "es_CO", "es_AR", "pt_BR", "fr_FR")
WORD = re.compile(r"[A-Z\u00C0-\u00DE][a-z\u00DF-\u024F]+(?:['\u2019-][A-Za-z\u00C0-\u024F]+)*")
HEADER = ("# Given names: the 1990 US Census first-name lists (public domain; PyPI names==0.3.0) and the "
          "Latin-script first names of Faker 40.54.0's person providers (MIT) for " + ", ".join(LOCALES)
          + ". One per line, title case. Read by pipeline/extract/knowledge/lexicon.py (Lexicon.given_names). "
          "Rebuild: python bench/build_given_names.py (see its docstring).")


def census() -> set[str]:
    import names  # the PyPI package names==0.3.0

    folder = Path(names.__file__).parent
    out: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in (folder / part).read_text("utf-8").splitlines():
            if line.strip():
                out.add(line.split()[0].title())
    return out


def faker_names() -> set[str]:
    out: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = getattr(provider, attr, None) or ()
            out.update(str(n) for n in (value.keys() if isinstance(value, dict) else value))
    return out


def main() -> None:
    sys.path.insert(0, str(OUT.parents[1]))
    from pipeline.extract.knowledge.lexicon import is_place  # the one place index

    kept = census() | {n for n in faker_names() if WORD.fullmatch(n) and len(n) >= 3 and not is_place(n)}
    OUT.write_text(HEADER + "\n" + "\n".join(sorted(kept)) + "\n", "utf-8")
    print(f"{len(kept)} given names -> {OUT}")


if __name__ == "__main__":
    main()
