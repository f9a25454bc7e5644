"""Reading generated PDFs back, as a person opening the file would."""

import io
import re

from pypdf import PdfReader


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    """All the text, pages joined, whitespace folded (lines wrap wherever the layout says)."""
    reader = pdf_reader(content)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def font_names(content: bytes) -> set[str]:
    names = set()
    for page in pdf_reader(content).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names
