# Non-ASCII identifiers and text.
café = 1
naïve_π = 3.14159
λ = lambda α, β: α + β
日本語 = "テキスト"
Ωmega = 'Ω'
print(café, naïve_π, λ(1, 2), 日本語, Ωmega)  # комментарий
emoji = "🐍 and ✓"
