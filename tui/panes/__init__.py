"""The panes of a conversation: Details, Prep, Live, Reflect."""
