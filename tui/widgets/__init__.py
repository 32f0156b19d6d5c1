"""Widgets used by the screens; none of them touches storage."""
