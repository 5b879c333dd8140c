"""Text in, quotes and speakers out.

Importing this package must not import spaCy: the reader imports newsread
modules that mention extraction, and spaCy costs over a second to import.
"""
