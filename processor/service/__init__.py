"""``processor serve``: the pipeline over HTTP, with a web page for analysts.

The service is a thin layer over the same library functions the CLI calls
(:func:`processor.brief`, :func:`processor.translation.formats.files.translate_file`,
:meth:`processor.glossary.Glossary.find`). Long work runs as a job in one worker
thread, so each translation model loads once per process and stays loaded. Nothing
here opens an outbound connection; every file it writes lives under its data folder.

Install with ``pip install 'processor[serve]'`` (FastAPI, uvicorn, python-multipart).
"""
