#!/usr/bin/env python3
"""Regenerates Resources/Data/{ethnic-groups,districts,banks}.json from the tables of
../shared/spec/DOMAIN.md (B.3, B.4, B.6), so the lists are never retyped by hand."""
import json, os, re

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
doc = open(os.path.join(root, "..", "shared", "spec", "DOMAIN.md"), encoding="utf-8").read()

def section(start, end):
    return doc[doc.index(start):doc.index(end)]

def rows(text, columns):
    found = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
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

note = "Source: shared/spec/DOMAIN.md %s; regenerate with scripts/generate-reference-data.py rather than edit by hand."
for name, key, values, source in [("ethnic-groups", "ethnicGroups", groups, "B.3 (GB/T 3304-1991)"),
                                  ("districts", "districts", districts, "B.4 (GB/T 2260)"),
                                  ("banks", "banks", banks, "B.6 (京人社数据字〔2024〕133号)")]:
    with open(os.path.join(root, "Resources", "Data", name + ".json"), "w", encoding="utf-8") as out:
        json.dump({"source": note % source, key: values}, out, ensure_ascii=False, indent=1)
        out.write("\n")
print(len(groups), "ethnic groups,", len(districts), "districts,", len(banks), "banks")
