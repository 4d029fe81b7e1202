"""PDF documents made with Typst: a template of Cadre's own filled with data.

A template is a `.typ` file that reads its data with `json(bytes(sys.inputs.data))` and
any files it is given (a QR code's SVG, a chart) with `bytes(sys.inputs.<name>)`. Typst
renders a page in a few milliseconds (shared/PERFORMANCE.md: 15 times faster than
WeasyPrint), so many documents can be made in one background job.

Only the fonts named here are used, never the machine's others: a document looks the same
on every installation, and one without the Arabic font fails at once, naming the package to
install, instead of printing empty boxes. Debian's fonts-noto-core installs them.
"""

import json
import threading
from pathlib import Path

import typst
from django.core.serializers.json import DjangoJSONEncoder

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
# Latin and Arabic text: the families the templates ask for, and the files that hold them.
FONTS = {
    "Noto Sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "Noto Naskh Arabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
}


class FontMissing(RuntimeError):
    """A font the documents need is not installed."""


def missing_fonts(font_dir: Path = FONT_DIR) -> list[str]:
    return [
        str(font_dir / name)
        for files in FONTS.values()
        for name in files
        if not (font_dir / name).exists()
    ]


_compilers: dict[tuple, typst.Compiler] = {}
_lock = threading.Lock()


def _compiler(template: Path, font_dir: Path) -> typst.Compiler:
    """One compiler per template: it keeps the parsed fonts between documents."""
    key = (template, font_dir)
    compiler = _compilers.get(key)
    if compiler is None:
        missing = missing_fonts(font_dir)
        if missing:
            raise FontMissing(
                "The fonts for PDF documents are not installed ("
                + ", ".join(missing)
                + "): install Debian's fonts-noto-core (apt-get install fonts-noto-core)."
            )
        # Typst reads fonts from folders, not files; neither the machine's other fonts nor
        # the ones Typst carries within (Libertinus, whose Arabic is none) are looked at.
        fonts = typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(font_dir)]
        )
        compiler = typst.Compiler(str(template), root=str(template.parent), font_paths=fonts)
        _compilers[key] = compiler
    return compiler


def render(
    template: Path, data: dict, files: dict[str, str] | None = None, *, font_dir: Path = FONT_DIR
) -> bytes:
    """The PDF of the Typst file `template` filled with `data` (JSON-encodable; dates are
    written ISO) and `files` (name -> text, e.g. an SVG the template shows as an image)."""
    path = Path(template).resolve()
    inputs = {"data": json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False), **(files or {})}
    with _lock:
        # A compiler holds one document's inputs at a time.
        return _compiler(path, font_dir).compile(format="pdf", sys_inputs=inputs)
