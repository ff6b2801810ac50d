"""What to tell a user who lacks a model: the exact install command, and the air-gapped way.

Kazakh (and any pair the Argos index lacks) gets the catalog's NLLB-200 model,
downloaded by name, with the air-gapped folder install as the alternative.
"""

from __future__ import annotations

from processor.translation.engines.styles import STYLE_LICENCES
from processor.translation.models.catalog import CATALOG, DEFAULT_MIRROR

# The catalog model suggested for Kazakh: the smaller one (2 cores, no GPU is the norm).
NLLB_DEFAULT = "nllb-200-distilled-600M"
NLLB_FILES = "model.bin, config.json, shared_vocabulary.json (or .txt), sentencepiece.bpe.model"
NLLB_CONVERT = (
    f"ct2-transformers-converter --model facebook/{NLLB_DEFAULT} "
    f"--quantization int8 --output_dir {NLLB_DEFAULT}-ct2 "
    "--copy_files sentencepiece.bpe.model"
)


def install_hint(source: str, target: str, *, from_index: bool = True) -> str:
    """The exact command that would install a model for ``source`` -> ``target`` (one line)."""
    if "kk" in (source, target) or not from_index:
        return (
            f"processor models install {NLLB_DEFAULT} (downloads it); without internet: "
            f"processor models install /path/to/{NLLB_DEFAULT}-ct2 --name {NLLB_DEFAULT} "
            f"(a CTranslate2 folder: {NLLB_FILES})"
        )
    return f"processor models install translate-{source}_{target}"


def offline_route(source: str) -> str:
    """How to install ``source`` (an index or catalog name) from files, without internet."""
    from processor.translation.models.remote import AIRGAPPED, parse_pair

    if source in CATALOG:
        return (
            f"without internet, copy a CTranslate2 folder of {source} ({NLLB_FILES}) to this "
            f"machine and run: processor models install /path/to/{source}-ct2 --name {source}"
        )
    pair = parse_pair(source)
    if pair is not None:
        package = f"translate-{pair[0]}_{pair[1]}-1_9.argosmodel"
        return (
            f"without internet, copy the Argos package (e.g. {package}) to this machine "
            f"and run: processor models install /path/to/{package}"
        )
    return AIRGAPPED


def airgapped_instructions(source: str, target: str) -> str:
    """How to install a model for the pair on a machine without internet (README, CLI)."""
    if "kk" in (source, target):
        entry = CATALOG[NLLB_DEFAULT]
        return "\n".join(
            [
                f"No Argos package translates {source}->{target}; NLLB-200 does.",
                f"Connected: processor models install {NLLB_DEFAULT}",
                f"Air-gapped: bring a CTranslate2 NLLB-200 folder ({NLLB_FILES}),",
                f"  e.g. the files of {DEFAULT_MIRROR}/{entry.repo}",
                f"  (sentencepiece.bpe.model is also in {DEFAULT_MIRROR}/{entry.upstream}),",
                "  or convert one on a connected machine:",
                "  pip install ctranslate2 transformers sentencepiece",
                f"  {NLLB_CONVERT}",
                "then on this machine:",
                f"  processor models install /path/to/{NLLB_DEFAULT}-ct2 --name {NLLB_DEFAULT}",
                "For ru->en bring translate-ru_en-1_9.argosmodel from the Argos index and:",
                "  processor models install translate-ru_en-1_9.argosmodel",
                f"NLLB-200 weights are licensed {STYLE_LICENCES['nllb']}.",
            ]
        )
    return "\n".join(
        [
            f"Connected: processor models install translate-{source}_{target}",
            "Air-gapped: on a connected machine download the package file, e.g.",
            f"  https://argos-net.com/v1/translate-{source}_{target}-1_9.argosmodel",
            "(links are in https://github.com/argosopentech/argospm-index), copy it here, then:",
            f"  processor models install translate-{source}_{target}-1_9.argosmodel",
        ]
    )
