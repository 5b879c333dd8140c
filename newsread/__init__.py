"""newsread: find every quote in a news article, say who said it, and correct it from the keyboard."""

__version__ = "0.1.0"
