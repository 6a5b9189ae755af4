"""The one place that names the default models and generation settings.

A task's model comes from the settings (flag > env > config file, see summarize.config); ``None`` there
means "use the default named here".
"""

from __future__ import annotations

# task -> default model (a Hugging Face repo id or a local directory).
DEFAULT_MODELS: dict[str, str] = {
    # MarianMT, 78M parameters, SentencePiece; CC-BY-4.0.
    "translate": "Helsinki-NLP/opus-mt-zh-en",
    # mT5-base fine-tuned on XL-Sum (45 languages, Chinese included): news summarisation.
    "summarize_zh": "csebuetnlp/mT5_multilingual_XLSum",
    # Multilingual instruction-tuned mT5 (Flan-style prompts work in Chinese and English).
    "instruct": "bigscience/mt0-base",
}

# task -> the Settings attribute that overrides its model, and the flag that sets it.
TASK_SETTING: dict[str, str] = {
    "translate": "translate_model",
    "summarize_zh": "summarize_model",
    "instruct": "instruct_model",
}
TASK_FLAG: dict[str, str] = {
    "translate": "--translate-model",
    "summarize_zh": "--summarize-model",
    "instruct": "--model",
}

# Used when neither the tokenizer nor the config gives a usable maximum input length.
FALLBACK_MAX_INPUT_TOKENS = 512
# Never trust a tokenizer's model_max_length above this (many store a 1e30 sentinel).
MAX_INPUT_TOKENS_CAP = 1024

# Files that mean "the weights are here".
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json",
                "pytorch_model.bin.index.json")
CT2_WEIGHT_FILE = "model.bin"  # a CTranslate2 converted model directory
# Where converted CTranslate2 models are cached: <cache>/<sanitised source dir>-int8/.
CT2_CACHE_ENV = "SUMMARIZE_CT2_CACHE"


def model_for(task: str, settings: object) -> str:
    """The model name or directory configured for ``task``."""
    chosen = getattr(settings, TASK_SETTING[task], None)
    return chosen or DEFAULT_MODELS[task]
