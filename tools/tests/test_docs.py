"""The docs' links: every relative link in README.md and docs/*.md names a file of the repository (and, with
#anchor, a heading in it), and every Markdown file the text names exists. Run by ./nnlab test (python -m
unittest discover -s tools/tests); needs only the standard library.
"""
import pathlib
import re
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
# the project's own Markdown files as prose names them: DESIGN.md, README.md, docs/grading.md (lower-case
# names such as feedback.md are files the tools write)
NAMED_MD = re.compile(r"(?<![\w/.-])((?:docs/[\w-]+|[A-Z][A-Z_-]*)\.md)\b")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def documents(root=ROOT):
    return [root / "README.md"] + sorted((root / "docs").glob("*.md"))


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return {slug(m.group(1)) for m in re.finditer(r"^#+\s+(.*)$", text, re.M)}


def broken_links(doc, root=ROOT):
    """(link, why) for each relative link of `doc` that leads nowhere."""
    broken = []
    text = FENCE.sub("", doc.read_text(encoding="utf-8"))
    for target in LINK.findall(text):
        if re.match(r"^[a-z]+:", target):   # http:, https:, mailto:
            continue
        file, _, anchor = target.partition("#")
        path = (doc.parent / file).resolve() if file else doc
        if not path.exists():
            broken.append((target, f"no file {path.relative_to(root) if path.is_relative_to(root) else path}"))
        elif anchor and path.suffix == ".md" and anchor not in anchors(path):
            broken.append((target, f"no heading #{anchor} in {path.relative_to(root)}"))
    return broken


def missing_named_files(doc, root=ROOT):
    """The project's Markdown files the text of `doc` names (e.g. "see DESIGN.md", "docs/kernel.md") that
    exist neither beside it nor at the repository's root."""
    text = LINK.sub("", doc.read_text(encoding="utf-8"))
    missing = []
    for name in sorted(set(NAMED_MD.findall(text))):
        candidates = [doc.parent / name, root / name]
        if not any(c.exists() for c in candidates):
            missing.append(name)
    return missing


class DocLinksTest(unittest.TestCase):

    def test_every_relative_link_leads_to_a_file_and_heading(self):
        for doc in documents():
            with self.subTest(doc=doc.name):
                self.assertEqual([], broken_links(doc))

    def test_every_markdown_file_the_docs_name_exists(self):
        for doc in documents():
            with self.subTest(doc=doc.name):
                self.assertEqual([], missing_named_files(doc))


class CheckerTest(unittest.TestCase):
    """The checker finds what it is for (on a small tree in a temporary folder)."""

    def test_a_dead_link_a_dead_anchor_and_a_named_missing_file_are_found(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            root = pathlib.Path(d)
            (root / "docs").mkdir()
            (root / "docs" / "b.md").write_text("# The `b` page: notes\n\n## Two words\n")
            doc = root / "docs" / "a.md"
            doc.write_text("[ok](b.md) [ok](b.md#two-words) [ok](b.md#the-b-page-notes) [web](https://x.org/y.md)\n"
                           "[dead](c.md) [bad anchor](b.md#three) see DESIGN.md, docs/b.md, docs/c.md and feedback.md\n"
                           "```\n[in code](nowhere.md)\n```\n")
            self.assertEqual([("c.md", "no file docs/c.md"), ("b.md#three", "no heading #three in docs/b.md")],
                             broken_links(doc, root))
            self.assertEqual(["DESIGN.md", "docs/c.md"], missing_named_files(doc, root))

    def test_slugs_follow_github(self):
        self.assertEqual("the-bench-compare-command", slug("The `bench compare` command"))
        self.assertEqual("mlp-and-cnn-side-by-side", slug("MLP and CNN, side by side"))


if __name__ == "__main__":
    unittest.main()
