"""The model store: what is installed (``installed``, ``store``), bounded atomic installs
(``install``, ``archive``), the one downloader and the package index (``remote``), known
models (``catalog``), and what to tell a user who lacks one (``hints``)."""
