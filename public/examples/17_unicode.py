# Text in every script: a str holds code points; encoded, they are bytes.
greetings = {
    "en": "Hello",
    "el": "Γειά σου",
    "ru": "Привет",
    "zh": "你好",
    "ja": "こんにちは",
    "emoji": "👋🌍",
}
for lang, text in greetings.items():
    size = len(text.encode("utf-8"))
    print(f"{lang:>5}: {text}  ({len(text)} code points, {size} bytes)")
