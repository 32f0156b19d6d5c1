"""The UI-free core of coffeechat: models, storage, content, search, export and import."""
