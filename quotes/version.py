"""The extractor's behaviour version: the store records it with every quote.

Bump it whenever a change can alter what extract() returns for some text.
"""

EXTRACTOR_VERSION = "1.155.0"
