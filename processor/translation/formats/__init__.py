"""Translating documents: the document model sentence by sentence (``document``,
``writers``), and files in place with their formatting kept (``files``, ``docx``,
``docx_runs``, ``html``, ``markdown``, ``markup``, ``flows``)."""
