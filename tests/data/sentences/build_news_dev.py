#!/usr/bin/env python3
"""Build news_dev.json (treebank format of score_split.py) from news_dev.txt.

Usage (from the project root):  python3 tests/data/sentences/build_news_dev.py
Writes tests/data/sentences/news_dev.json next to this script. Standard library only.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    docs, doc, para = [], None, []

    def end_paragraph():
        nonlocal para
        if para:
            doc["paragraphs"].append(para)
        para = []

    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("#"):
            continue
        if line.startswith("=== "):
            if doc:
                end_paragraph()
            ident, _, style = (part.strip() for part in line[4:].partition("|"))
            doc = {"id": ident, "genre": style, "paragraphs": []}
            docs.append(doc)
            continue
        if not line.strip():
            if doc:
                end_paragraph()
            continue
        joiner = " "
        for prefix, join in (("@nl ", "\n"), ("@tight ", "")):
            if line.startswith(prefix):
                line, joiner = line[len(prefix):], join
        para.append((joiner, line.strip()))
    if doc:
        end_paragraph()
    return docs


def build(doc):
    text, spans, paragraph_ends = "", [], []
    for p, para in enumerate(doc["paragraphs"]):
        if p:
            paragraph_ends.append(len(text))
            text += "\n\n"
        for s, (joiner, sentence) in enumerate(para):
            if s:
                text += joiner
            spans.append([len(text), len(text) + len(sentence)])
            text += sentence

    def byte(i):
        return len(text[:i].encode("utf-8"))

    return {
        "id": doc["id"],
        "title": doc["paragraphs"][0][0][1],
        "source_url": None,
        "date_created": None,
        "genre": doc["genre"],
        "ud_split": None,
        "text": text,
        "sentences": spans,
        "sentences_bytes": [[byte(a), byte(b)] for a, b in spans],
        "paragraph_ends": paragraph_ends,
    }


def main():
    docs = [build(d) for d in parse(os.path.join(HERE, "news_dev.txt"))]
    out = {
        "source": "written for claimex (tests/data/sentences/news_dev.txt); fictional names and events",
        "license": "same as the claimex repository",
        "offsets": "sentences: code points; sentences_bytes: UTF-8 bytes; end excludes the white space after",
        "docs": docs,
    }
    with open(os.path.join(HERE, "news_dev.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n = sum(len(d["sentences"]) for d in docs)
    intra = sum(len(d["sentences"]) - len(d["paragraph_ends"]) - 1 for d in docs)
    print(f"{len(docs)} documents, {n} sentences, {sum(len(d['paragraph_ends']) for d in docs)} paragraph ends, "
          f"{intra} boundaries inside paragraphs, {sum(len(d['text']) for d in docs)} characters")


if __name__ == "__main__":
    main()
