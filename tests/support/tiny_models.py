"""Build real, tiny translation models at test time (random weights, no downloads).

The models are genuine CTranslate2 Transformers with a genuine SentencePiece
tokenizer, so the engine, the store and the router run their real code paths;
only the translations are nonsense.  Decoding lengths are fixed by the caller so
random weights terminate quickly.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from tests.support import data

SEED = data.SEED
FLORES_RU = data.FLORES / "flores-dev.ru-en.ru"
FLORES_EN = data.FLORES / "flores-dev.ru-en.en"

# A few Kazakh sentences (written for these tests) so the tokenizer knows the letters.
KAZAKH = [
    "Қасым-Жомарт Тоқаев Америка Құрама Штаттарының президентімен телефон арқылы сөйлесті.",
    "Ақорда баспасөз қызметі бұл туралы хабарлады.",
    "Мәжіліс депутаттары жаңа заң жобасын талқылады.",
    "Екі ел арасындағы экономикалық ынтымақтастық өсіп келеді.",
    "Президент бейбітшілік пен тұрақтылықтың маңызын атап өтті.",
    "Қазақстан көпвекторлы сыртқы саясатты ұстанады.",
    "Үкімет өңірлердегі әлеуметтік жағдайды жақсартуға уәде берді.",
    "Ғалымдар өзен суының деңгейі көтеріліп жатқанын айтты.",
]

NLLB_CODES = ("rus_Cyrl", "eng_Latn", "kaz_Cyrl")


def corpus(max_lines: int = 400) -> list[str]:
    """Russian, English and Kazakh lines for tokenizer training."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    for path in (FLORES_RU, FLORES_EN):
        lines += path.read_text(encoding="utf-8").splitlines()[:max_lines]
    return lines + KAZAKH * 3


def train_sentencepiece(
    dest: Path, vocab_size: int = 400, lines: Iterable[str] | None = None
) -> Path:
    """Train a unigram SentencePiece model on ``lines`` and write it to ``dest``."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines if lines is not None else corpus())),
        model_writer=buffer,
        vocab_size=vocab_size,
        character_coverage=1.0,
        model_type="unigram",
        minloglevel=2,
        # Ids 0-2 as in Argos/OpenNMT vocabularies: <unk>, <s>, </s>.
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
    )
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(buffer.getvalue())
    return dest


def sentencepiece_vocabulary(model_path: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model_path))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_ct2_model(
    dest: Path,
    vocabulary: Sequence[str],
    *,
    num_layers: int = 2,
    d_model: int = 64,
    ffn: int = 128,
    heads: int = 4,
    quantization: str | None = None,
    seed: int = 0,
    decoder_start_token: str | None = "<s>",
    eos_bias: float = 0.0,
) -> Path:
    """Save a Transformer with random weights and ``vocabulary`` as a CTranslate2 model.

    ``eos_bias`` raises the end-of-sentence logit: random weights then stop after a few
    dozen tokens, as a trained model would, instead of always decoding to the limit.
    """
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)

    def w(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) / np.sqrt(shape[-1])).astype(np.float32)

    def norm(spec) -> None:
        spec.gamma = np.ones(d_model, dtype=np.float32)
        spec.beta = np.zeros(d_model, dtype=np.float32)

    def linear(spec, out_dim: int, in_dim: int) -> None:
        spec.weight = w(out_dim, in_dim)
        spec.bias = np.zeros(out_dim, dtype=np.float32)

    def ffn_layer(spec) -> None:
        norm(spec.layer_norm)
        linear(spec.linear_0, ffn, d_model)
        linear(spec.linear_1, d_model, ffn)

    size = len(vocabulary)
    spec = transformer_spec.TransformerSpec.from_config(num_layers, heads)
    spec.encoder.embeddings[0].weight = w(size, d_model)
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)  # fused q, k, v
        linear(layer.self_attention.linear[1], d_model, d_model)
        ffn_layer(layer.ffn)
    spec.decoder.embeddings.weight = w(size, d_model)
    norm(spec.decoder.layer_norm)
    linear(spec.decoder.projection, size, d_model)
    if eos_bias and "</s>" in vocabulary:
        spec.decoder.projection.bias[list(vocabulary).index("</s>")] = eos_bias
    for layer in spec.decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d_model, d_model)  # query
        linear(layer.attention.linear[1], 2 * d_model, d_model)  # fused key, value
        linear(layer.attention.linear[2], d_model, d_model)
        ffn_layer(layer.ffn)
    spec.config.decoder_start_token = decoder_start_token
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    spec.optimize(quantization=quantization)
    dest.mkdir(parents=True, exist_ok=True)
    spec.save(str(dest))
    return dest


def build_argos_package_dir(
    dest: Path,
    sp_model: Path,
    *,
    from_code: str = "ru",
    to_code: str = "en",
    version: str = "1.9",
    **model_options,
) -> Path:
    """An unpacked Argos package: metadata.json, model/, sentencepiece.model, README.md."""
    dest.mkdir(parents=True, exist_ok=True)
    build_ct2_model(dest / "model", sentencepiece_vocabulary(sp_model), **model_options)
    (dest / "sentencepiece.model").write_bytes(sp_model.read_bytes())
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "code": f"translate-{from_code}_{to_code}",
    }
    (dest / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    (dest / "README.md").write_text("Tiny random-weight test package.\n", encoding="utf-8")
    return dest


def zip_dir(src: Path, archive: Path, top: str | None = None) -> Path:
    """Pack ``src`` as an ``.argosmodel`` zip with one top-level folder."""
    top = top or src.name
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(src.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(src).as_posix()}")
    return archive


def build_nllb_dir(dest: Path, sp_model: Path, **model_options) -> Path:
    """An NLLB-shaped CTranslate2 directory: language tokens in the vocabulary."""
    vocabulary = sentencepiece_vocabulary(sp_model) + list(NLLB_CODES)
    build_ct2_model(dest, vocabulary, decoder_start_token="</s>", **model_options)
    (dest / "sentencepiece.bpe.model").write_bytes(sp_model.read_bytes())
    return dest
