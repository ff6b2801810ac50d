"""processor: offline briefing memos in English and Kazakh from Russian articles."""

__version__ = "0.1.0"
