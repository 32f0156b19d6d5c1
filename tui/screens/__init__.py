"""The app's screens: home, a conversation, forms, help."""
