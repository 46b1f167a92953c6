#!/usr/bin/env python3
"""Regenerates the reference lists under Resources/Data so that they are never retyped by hand:
ethnic groups, districts, banks and occupations from the tables of ../shared/spec/DOMAIN.md
(B.3, B.4, B.6, B.5a); countries from Debian's iso-codes (ISO 3166-1 with its zh_CN names);
and the sample branches, one per bank per district, named the way Beijing branches are."""
import gettext, json, os, re

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
doc = open(os.path.join(root, "..", "shared", "spec", "DOMAIN.md"), encoding="utf-8").read()

def section(start, end):
    return doc[doc.index(start):doc.index(end)]

def rows(text, columns):
    found = []
    for line in text.splitlines():
        cells = [cell.strip().strip("*") for cell in line.strip().strip("|").split("|")]
        if len(cells) >= columns and re.match(r"^\d+$", cells[0]):
            found.append(cells)
    return found

groups = [{"code": c[0], "name": c[1], "romanization": c[2], "letterCode": c[3]}
          for c in rows(section("## B.3 ", "## B.4 "), 4)]
districts = [{"code": c[0], "name": c[1], "postalCodeExample": re.match(r"\d{6}", c[2]).group(0)}
             for c in rows(section("## B.4 ", "Parent codes"), 3)]
banks = []
for c in rows(section("## B.6 ", "Code sources"), 4):
    alias = re.findall(r"\((.*)\)", c[1])
    banks.append({"name": re.sub(r"\s*\(.*\)", "", c[1]), "shortName": alias[0] if alias else None,
                  "categoryCode": re.match(r"\d+", c[2]).group(0), "headOfficeNumber": c[3]})

occupations = [{"code": c[0], "name": c[1]}
               for c in rows(section("## B.5 ", "**(b) GB/T 6565"), 2)]

# Within the PRC's own lists these three are named as parts of China (GB/T 2659 practice).
chinese_names = {"TWN": "中国台湾", "HKG": "中国香港", "MAC": "中国澳门", "CHN": "中国"}
iso = "/usr/share/iso-codes/json/iso_3166-1.json"
countries = None
if os.path.exists(iso):
    names = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["zh_CN"], fallback=True)
    countries = [{"alpha3": c["alpha_3"], "name": chinese_names.get(c["alpha_3"], names.gettext(c["name"])),
                  "englishName": c["name"]} for c in json.load(open(iso, encoding="utf-8"))["3166-1"]]
    countries.sort(key=lambda c: (c["alpha3"] != "CHN", c["alpha3"]))

def branch_name(bank, district):
    # Local banks name branches after the district alone; national ones add 北京.
    stem = district["name"][:-1]
    return bank["name"] + ("" if bank["name"].startswith("北京") else "北京") + stem + "支行"

branches = [{"code": "%s%s" % (bank["categoryCode"], district["code"][2:]), "bank": bank["name"],
             "district": district["code"], "name": branch_name(bank, district)}
            for bank in banks for district in districts]

note = "%s; regenerate with scripts/generate-reference-data.py rather than edit by hand."
outputs = [("ethnic-groups", "ethnicGroups", groups, "Source: shared/spec/DOMAIN.md B.3 (GB/T 3304-1991)"),
           ("districts", "districts", districts, "Source: shared/spec/DOMAIN.md B.4 (GB/T 2260)"),
           ("banks", "banks", banks, "Source: shared/spec/DOMAIN.md B.6 (京人社数据字〔2024〕133号)"),
           ("occupations", "occupations", occupations, "Source: shared/spec/DOMAIN.md B.5 (a) (GB/T 2261.4-2003)"),
           ("branches", "branches", branches,
            "SAMPLE DATA, not the banks' real branch list: one branch per bank per district (B.4 x B.6)")]
if countries:
    outputs.append(("countries", "countries", countries, "Debian iso-codes: ISO 3166-1 (GB/T 2659) with zh_CN names"))
for name, key, values, source in outputs:
    with open(os.path.join(root, "Resources", "Data", name + ".json"), "w", encoding="utf-8") as out:
        header = {"source": note % source}
        if name == "branches":
            header["sample"] = True
        json.dump({**header, key: values}, out, ensure_ascii=False, indent=1)
        out.write("\n")
print(len(groups), "ethnic groups,", len(districts), "districts,", len(banks), "banks,",
      len(occupations), "occupations,", len(branches), "sample branches,",
      len(countries) if countries else "no (iso-codes missing, kept the old file)", "countries")
